import { DeleteItemCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';

/**
 * Issue 9, on the real local runtime (DynamoDB Local's conditions and transactions): a submission
 * keyed by an Idempotency-Key makes one case however it is retried, and no access code is kept
 * at rest.
 */
const START = '2026-11-02T09:00:00+08:00';

let rt: LocalRuntime;
let db: DynamoDBClient;

const complaint = (subject: string) => ({
  category: 'late-disclosure',
  subject,
  description: '本单位 2026 年部门预算至今未在网站公开。',
  respondentUnit: '某区某局',
  wantsReply: false,
  reporter: { anonymous: true },
});

const officeHandler = { sub: 'h-office', name: '王办理', groups: ['handler'], unit: 'office' };

async function casesWithSubject(subject: string) {
  const list = await rt.fetchAs(officeHandler, 'GET', '/v1/cases?queue=unit');
  expect(list.status, list.text).toBe(200);
  return list.body.items.filter((i: { subject: string }) => i.subject === subject);
}

async function scanAll(table: string) {
  return (await db.send(new ScanCommand({ TableName: table }))).Items ?? [];
}

const track = (no: string, code: string) => rt.fetchJson('GET', `/v1/track/${encodeURIComponent(no)}`, undefined, { 'x-access-code': code });

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
  db = new DynamoDBClient({ endpoint: rt.dynamoDbEndpoint, region: 'cn-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
}, 120_000);

afterAll(async () => {
  db?.destroy();
  await rt?.stop();
});

describe('idempotent intake', () => {
  it('finds the first case on a retry long after, even with every idempotency record gone', async () => {
    const key = 'crash-retry-7c1d';
    const first = await rt.fetchJson('POST', '/v1/complaints', complaint('崩溃后重试'), { 'idempotency-key': key });
    expect(first.status, first.text).toBe(201);
    expect(first.body.accessCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    // What a crash plus the in-progress record's expiry leaves: nothing in the idempotency table.
    for (const item of await scanAll('di-Idempotency')) await db.send(new DeleteItemCommand({ TableName: 'di-Idempotency', Key: { id: item.id! } }));
    await rt.clock('2026-11-02T12:00:00+08:00');
    const retry = await rt.fetchJson('POST', '/v1/complaints', complaint('崩溃后重试'), { 'idempotency-key': key });
    expect(retry.status, retry.text).toBe(201);
    expect(retry.body).toMatchObject({ trackingNo: first.body.trackingNo, kind: 'complaint', status: 'received', receivedAt: first.body.receivedAt, deadlines: first.body.deadlines, accessCodeShownOnce: true });
    expect(retry.body).not.toHaveProperty('accessCode');
    expect(await casesWithSubject('崩溃后重试')).toHaveLength(1);
    // The same key with another body is still refused.
    const other = await rt.fetchJson('POST', '/v1/complaints', complaint('另一件事'), { 'idempotency-key': key });
    expect(other.status, other.text).toBe(409);
    expect(other.body.error.code).toBe('conflict');
  });

  it('makes exactly one case from parallel submissions with one key', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => rt.fetchJson('POST', '/v1/complaints', complaint('并发同键提交'), { 'idempotency-key': 'parallel-key-42' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.trackingNo)).size).toBe(1);
    expect(answers.filter((a) => a.body.accessCode).length).toBeLessThanOrEqual(1);
    expect(await casesWithSubject('并发同键提交')).toHaveLength(1);
  });

  it('keeps no access code at rest, in any table', async () => {
    const sent = await rt.fetchJson('POST', '/v1/complaints', complaint('查询码不落盘'), { 'idempotency-key': 'no-code-at-rest' });
    expect(sent.status, sent.text).toBe(201);
    const code: string = sent.body.accessCode;
    const again = await rt.fetchJson('POST', '/v1/complaints', complaint('查询码不落盘'), { 'idempotency-key': 'no-code-at-rest' });
    expect(again.body.accessCodeShownOnce).toBe(true);
    for (const table of ['di-Cases', 'di-Idempotency', 'di-ReporterVault', 'di-Calendar']) {
      const dump = JSON.stringify(await scanAll(table));
      expect(dump, `${table} holds the access code`).not.toContain(code);
      expect(dump, `${table} holds the access code`).not.toContain(code.replace(/-/g, ''));
    }
    // The code shown once still opens the case.
    expect((await track(sent.body.trackingNo, code)).status).toBe(200);
  });
});

