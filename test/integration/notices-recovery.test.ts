import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSession } from './staff-session.ts';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';

/**
 * A notice left in `sending` by a delivery run that died (its claim, the lease, still held) is
 * sent again as soon as the lease runs out, by the workflow itself, not at the next deadline two
 * days later; and only once.
 */
const START = '2026-11-02T09:00:00+08:00';
let rt: LocalRuntime;
const { submitAnonymous } = staffSession(() => rt);
let db: DynamoDBDocumentClient;
const office = { sub: 'h-office', name: '王办理', groups: ['handler'], unit: 'office' };

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
  db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: rt.dynamoDbEndpoint, region: 'cn-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
}, 120_000);

afterAll(async () => {
  db?.destroy();
  await rt?.stop();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a notice stuck in sending after a crash', () => {
  it('is sent again once its lease runs out, and only once', async () => {
    const sent = { body: await submitAnonymous('租约到期重发', 'late-disclosure') };
    const trackingNo: string = sent.body.trackingNo;
    const toOffice = async () => (await rt.emails()).filter((m) => m.to.includes('office') && m.text.includes(trackingNo));
    await until('the new-case notice', async () => ((await toOffice()).length === 1 ? true : undefined));
    const list = await rt.fetchAs(office, 'GET', '/v1/cases?queue=unit');
    const caseId: string = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo).caseId;

    // A run claimed this notice just now and died before sending it: status sending, lease held.
    const notices = (await db.send(new QueryCommand({ TableName: 'di-Cases', KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)', ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':n': 'NOTICE#' } }))).Items!;
    const unitNotice = notices.find((n) => n.to.kind === 'unit')!;
    const now = new Date(await rt.clock()).toISOString();
    await db.send(new PutCommand({ TableName: 'di-Cases', Item: { ...unitNotice, sk: 'NOTICE#crashed-1', noticeId: 'crashed-1', status: 'sending', claimedAt: now, attempts: 0 } }));
    // The workflow looks again (an action), finds the claim held, and goes back to waiting.
    const view = await rt.fetchAs(office, 'GET', `/v1/cases/${caseId}`);
    const noted = await rt.fetchAs(office, 'POST', `/v1/cases/${caseId}/actions`, { type: 'note', expectedVersion: view.body.version, text: '内部备注' });
    expect(noted.status, noted.text).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await toOffice()).toHaveLength(1);

    // Six minutes on the lease (five) has run out: the workflow wakes for it and sends it.
    await rt.clock(new Date(Date.parse(now) + 6 * 60_000).toISOString());
    await until('the re-sent notice', async () => ((await toOffice()).length === 2 ? true : undefined));
    await rt.clock(new Date(Date.parse(now) + 30 * 60_000).toISOString());
    await new Promise((r) => setTimeout(r, 1500));
    expect(await toOffice()).toHaveLength(2);
    const after = (await db.send(new QueryCommand({ TableName: 'di-Cases', KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':sk': 'NOTICE#crashed-1' } }))).Items![0]!;
    expect(after.status).toBe('sent');
  });
});
