/**
 * Intake speed on the local runtime (`startLocalRuntime`, the same process tree as `npm start`):
 * a bare DynamoDB Local PutItem as the floor, then one submission taken apart into its building
 * blocks (called directly in this process against the runtime's DynamoDB Local and Step
 * Functions), then `POST /v1/complaints` under load at 1, 8 and 32 clients with autocannon
 * (127.0.0.1 only, a few seconds per level).
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { Figure } from './calendar.ts';
import { startLocalRuntime, type LocalRuntime } from '../integration/harness.ts';

const LEVELS = [1, 8, 32];
const SECONDS_PER_LEVEL = Number(process.env.BENCH_SECONDS ?? 5);

export const complaint = {
  category: 'not-implemented',
  subject: '信息公开目录长期未更新',
  description: '本单位政务公开目录自去年起未更新，多项应公开的信息无法查到。'.repeat(4),
  respondentUnit: '某区住房和城乡建设局',
  wantsReply: true,
  reporter: { anonymous: false, name: '张三', email: 'zhangsan@example.cn', phone: '13800000000', publicityConsent: false },
};

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};

/** Milliseconds per call: p50 over `runs` sequential calls after a few warm-up calls. */
async function timed(runs: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return percentile(times, 0.5);
}

/** Points this process's AWS SDK clients at the runtime's stand-ins, as the runtime does for its handlers. */
function configureLocalAws(rt: LocalRuntime): { sfn: string | undefined } {
  const sfn = /^\s*Step Functions:\s+(http\S+)/m.exec(rt.logs())?.[1];
  // The vault's KMS keyring, through the runtime's KMS stand-in, as its handlers use it.
  const [, kmsEndpoint, kmsKeyArn] = /^\s*KMS local:\s+(http\S+)\s+key\s+(\S+)/m.exec(rt.logs()) ?? [];
  if (!kmsEndpoint || !kmsKeyArn) throw new Error('The runtime printed no "KMS local" line');
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'cn-north-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: rt.dynamoDbEndpoint,
    ...(sfn ? { AWS_ENDPOINT_URL_SFN: sfn } : {}),
    CASES_TABLE: 'di-Cases',
    VAULT_TABLE: 'di-ReporterVault',
    CALENDAR_TABLE: 'di-Calendar',
    IDEMPOTENCY_TABLE: 'di-Idempotency',
    CASE_STATE_MACHINE_ARN: 'arn:aws-cn:states:cn-north-1:000000000000:stateMachine:case-lifecycle',
    AWS_ENDPOINT_URL_KMS: kmsEndpoint,
    VAULT_KMS_KEY_ARN: kmsKeyArn,
    POWERTOOLS_LOG_LEVEL: 'WARN',
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  return { sfn };
}

/** A bare PutItem on DynamoDB Local from this process: p50 of sequential calls, the floor for any write. */
async function putItemFloor(): Promise<number> {
  // Imported only once the endpoint is set: the SDK clients read it when first built.
  const [{ PutCommand }, { dynamo }] = await Promise.all([import('@aws-sdk/lib-dynamodb'), import('../../functions/adapters/dynamodb/client.ts')]);
  const db = dynamo();
  return timed(300, (i) => db.send(new PutCommand({ TableName: 'di-Cases', Item: { pk: `BENCH#${i}`, sk: 'BENCH', at: new Date().toISOString(), n: i } })));
}

/**
 * One submission taken apart, in the order submitCase runs it, each step timed on its own (p50
 * of sequential calls) against the runtime's DynamoDB Local and Step Functions. The calendar and
 * the vault put run side by side in submitCase, so the critical path counts the slower of them.
 * Then the whole handler in this process (no HTTP), which the load's p50 is compared with.
 */
async function stepFigures(sfn: string | undefined): Promise<{ figures: Figure[]; criticalPath: number; inProcess: number }> {
  const [{ complaintBody }, access, { EncryptedReporterVault }, { currentCalendar }, cases, { DynamoCaseRepository }, { StepFunctionsCaseWorkflow }, { splitComplaint }, { units, intakeUnit }, { intakeKeyOf }, submit] =
    await Promise.all([
      import('../../functions/shared/schemas/complaints.ts'),
      import('../../functions/domain/cases/access-code.ts'),
      import('../../functions/adapters/vault/reporter-vault.ts'),
      import('../../functions/shared/calendar.ts'),
      import('../../functions/domain/index.ts'),
      import('../../functions/adapters/dynamodb/case-store.ts'),
      import('../../functions/adapters/stepfunctions/case-workflow.ts'),
      import('../../functions/shared/complaint-input.ts'),
      import('../../functions/shared/units.ts'),
      import('../../functions/shared/idempotency.ts'),
      import('../../functions/http/complaint-submit.ts'),
    ]);
  const parsed = complaintBody.parse(complaint);
  const { facts, identity } = splitComplaint(parsed);
  const fields = Object.values(identity ?? {}).filter((v) => typeof v === 'string' && v !== '').length;
  const repo = new DynamoCaseRepository();
  const zodP50 = await timed(2000, () => complaintBody.parse(complaint));
  const idempotencyP50 = await timed(200, async (i) => {
    const key = intakeKeyOf(`bench-${i}-${randomUUID()}`, 'web\ncomplaint', complaint)!;
    await repo.findIntake(key.id);
  });
  const hashP50 = await timed(2000, () => access.hashAccessCode(access.newAccessCode()));
  // The vault's own encryption path, its PutItem answered at once.
  const encryptOnly = new EncryptedReporterVault({ db: { send: async () => ({}) } as never });
  const encryptP50 = await timed(300, () => encryptOnly.put(identity!));
  const vault = new EncryptedReporterVault();
  const vaultP50 = await timed(200, () => vault.put(identity!));
  const calendarP50 = await timed(200, () => currentCalendar());
  const calendar = await currentCalendar();
  // A real vault entry, so the workflows started below find the reporter's e-mail address.
  const reporterRef = await vault.put(identity!);
  const change = () => {
    const now = new Date();
    return cases.receiveComplaint(facts, {
      now,
      calendar,
      units: units(),
      channel: 'web',
      intakeUnit: intakeUnit(),
      caseId: randomUUID(),
      trackingNo: cases.newTrackingNo('complaint', now),
      accessCodeHash: 'hmac-sha256$bench$bench',
      reporterRef,
      reporterReachable: true,
    });
  };
  const domainP50 = await timed(2000, () => change());
  const created: string[] = [];
  const transactP50 = await timed(200, async () => {
    const c = change();
    await repo.create(c);
    created.push(c.next.caseId);
  });
  const figures: Figure[] = [
    { name: 'step 1 validation: zod parse of a complaint body', value: round(zodP50, 4), unit: 'ms' },
    { name: 'step 2 idempotency: Idempotency-Key hashes + GetItem of the intake key (only with the header)', value: round(idempotencyP50, 3), unit: 'ms' },
    { name: 'step 3 access code: new code + HMAC-SHA-256 hash', value: round(hashP50, 4), unit: 'ms' },
    { name: `step 4a encryption only (${fields} fields, KMS keyring on the local KMS stand-in, committing suite)`, value: round(encryptP50, 3), unit: 'ms' },
    { name: 'step 4b vault put (encryption + PutItem)', value: round(vaultP50, 3), unit: 'ms' },
    { name: 'step 4c current calendar (Scan of the calendar table + build), beside 4b', value: round(calendarP50, 3), unit: 'ms' },
    { name: 'step 5 domain receiveComplaint (deadlines, ledger, notices)', value: round(domainP50, 4), unit: 'ms' },
    { name: "step 6 transaction: TransactWrite like the case store's create", value: round(transactP50, 3), unit: 'ms' },
  ];
  let criticalPath = zodP50 + hashP50 + Math.max(vaultP50, calendarP50) + domainP50 + transactP50;
  if (sfn) {
    const workflow = new StepFunctionsCaseWorkflow();
    let next = 0;
    // Executions for the cases just written, so the workflows that start find their case.
    const startP50 = await timed(40, async (i) => {
      if (i < 0) return;
      await workflow.start(created[next++]!);
    });
    figures.push({ name: 'step 7 workflow start: StartExecution (local Step Functions)', value: round(startP50, 3), unit: 'ms' });
    criticalPath += startP50;
  }
  figures.push({ name: 'steps: critical path (1, 3, max(4b, 4c), 5, 6, 7; no Idempotency-Key)', value: round(criticalPath, 3), unit: 'ms' });
  const event = (body: string) => ({
    version: '2.0',
    routeKey: 'POST /v1/complaints',
    rawPath: '/v1/complaints',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { http: { method: 'POST', path: '/v1/complaints', sourceIp: '127.0.0.1' } },
    body,
    isBase64Encoded: false,
  });
  const body = JSON.stringify(complaint);
  const inProcess = await timed(40, async () => {
    const reply = (await submit.handler(event(body) as never, { awsRequestId: randomUUID() } as never)) as { statusCode: number };
    if (reply.statusCode !== 201) throw new Error(`in-process submission answered ${reply.statusCode}`);
  });
  figures.push({ name: 'intake: the complaint handler called in this process (all steps, no HTTP adapter)', value: round(inProcess, 3), unit: 'ms' });
  return { figures, criticalPath, inProcess };
}

async function load(rt: LocalRuntime, connections: number, seconds: number) {
  const result = await autocannon({
    url: `${rt.baseUrl}/v1/complaints`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(complaint),
    connections,
    duration: seconds,
    timeout: 30,
  });
  const ok = result['2xx'];
  return { p50: result.latency.p50, p99: result.latency.p99, throughput: ok / result.duration, ok, failed: result.non2xx + result.errors + result.timeouts };
}

export async function intakeFigures(): Promise<Figure[]> {
  const rt = await startLocalRuntime();
  try {
    if (!/^http:\/\/127\.0\.0\.1:/.test(rt.baseUrl)) throw new Error(`refusing to load anything but 127.0.0.1 (${rt.baseUrl})`);
    const probe = await rt.fetchJson('POST', '/v1/complaints', complaint);
    if (probe.status !== 201) throw new Error(`POST /v1/complaints answered ${probe.status}: ${probe.text}`);
    // The runtime's own KMS key, so its notification task can read what this process writes.
    const { sfn } = configureLocalAws(rt);
    const putItemP50 = await putItemFloor();
    const figures: Figure[] = [
      { name: 'runtime: start-up to Ready', value: Math.round(rt.startupMs), unit: 'ms' },
      { name: 'dynamodb local: bare PutItem p50 (the floor)', value: round(putItemP50, 3), unit: 'ms' },
    ];
    await load(rt, 8, 2); // warm-up: JIT, lazily built clients and indexes
    const results = new Map<number, Awaited<ReturnType<typeof load>>>();
    for (const connections of LEVELS) {
      await settle(rt);
      const r = await load(rt, connections, SECONDS_PER_LEVEL);
      results.set(connections, r);
      figures.push(
        { name: `intake: POST /v1/complaints p50, ${connections} client(s)`, value: r.p50, unit: 'ms' },
        { name: `intake: POST /v1/complaints p99, ${connections} client(s)`, value: r.p99, unit: 'ms' },
        { name: `intake: throughput, ${connections} client(s) (${r.ok} ok, ${r.failed} failed)`, value: round(r.throughput, 1), unit: 'req/s' },
      );
    }
    // The steps last, once the workflows the load started have settled.
    await settle(rt);
    const { figures: steps, criticalPath, inProcess } = await stepFigures(sfn);
    figures.push(...steps);
    const one = results.get(1)!;
    figures.push(
      { name: 'intake: p50 at 1 client / bare PutItem p50', value: round(one.p50 / putItemP50, 1), unit: 'x' },
      { name: 'intake: p50 at 1 client / critical path of the steps (the rest: HTTP adapter, runtime, workflows running beside)', value: round(one.p50 / criticalPath, 2), unit: 'x' },
      { name: 'intake: handler in this process / bare PutItem p50', value: round(inProcess / putItemP50, 1), unit: 'x' },
      { name: 'intake: throughput(8) / throughput(1)', value: round(results.get(8)!.throughput / one.throughput, 2), unit: 'x' },
      { name: 'intake: throughput(32) / throughput(1)', value: round(results.get(32)!.throughput / one.throughput, 2), unit: 'x' },
    );
    return figures;
  } finally {
    await rt.stop();
  }
}

/** Waits until the runtime's log has been quiet for a second (the workflows a load started are waiting). */
async function settle(rt: LocalRuntime, maxMs = 15_000): Promise<void> {
  const start = performance.now();
  let length = rt.logs().length;
  while (performance.now() - start < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = rt.logs().length;
    if (now === length) return;
    length = now;
  }
}
