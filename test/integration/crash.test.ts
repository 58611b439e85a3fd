import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedReporter, person } from '../support/identities.ts';
import { startLocalRuntime, stopKeepingLogs, type LocalRuntime } from './harness.ts';

/**
 * A power cut in the middle of work: a stream of submissions (each with its Idempotency-Key; some
 * lose their answer on the way back) and staff acceptances runs while the whole local runtime, DynamoDB Local's JVM included, is killed
 * with SIGKILL. After a start on the same DATA_DIR every unanswered request is retried with its
 * key, as a client would. Then: no acknowledged case is lost, every key has exactly one case,
 * every 200 acceptance held, and every case's timers still fire (the warning on Wednesday, the
 * escalation on Friday), each once.
 */
const START = '2026-11-02T09:00:00+08:00';
const SUBMISSIONS = 48;
const CONCURRENCY = 6;
const CRASH_AFTER = 16; // acknowledged submissions before the power cut
const handler = { sub: 'h-crash', name: '王办理', groups: ['handler'], unit: 'office' };
const supervisor = { sub: 's-crash', name: '赵督办', groups: ['supervisor'], unit: 'office' };

let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
}, 120_000);
afterAll(() => stopKeepingLogs(rt, 'crash'));

const bodyOf = (i: number) => ({
  category: 'other',
  subject: `断电测试第 ${i} 件`,
  description: `断电测试的第 ${i} 件投诉。`,
  respondentUnit: '某局',
  wantsReply: i % 2 === 0,
  reporter: i % 2 === 0 ? namedReporter(person(i)) : { anonymous: true },
});
const keyOf = (i: number) => `crash-test-${i}`;
const submit = (i: number) => rt.fetchJson('POST', '/v1/complaints', bodyOf(i), { 'idempotency-key': keyOf(i) });
/**
 * Every fourth submission of the stream loses its answer on the way back: the client gives up
 * 30-130 ms after sending, whether or not the server has committed by then (a dropped mobile
 * connection). Some of these cases exist without their citizen ever seeing a 201.
 */
const lossy = (i: number) => i % 4 === 3;
async function submitLossy(i: number): Promise<never> {
  await fetch(new URL('/v1/complaints', rt.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': keyOf(i) },
    body: JSON.stringify(bodyOf(i)),
    signal: AbortSignal.timeout(30 + ((i * 37) % 100)),
  }).then((res) => res.text());
  throw new Error('the answer is lost, whenever it came');
}

/** A request the dropped connection left unanswered is `undefined`. */
async function orDropped<T>(request: () => Promise<T>): Promise<T | undefined> {
  try {
    return await request();
  } catch {
    return undefined;
  }
}

async function caseIdOf(trackingNo: string): Promise<string | undefined> {
  const list = await rt.fetchAs(handler, 'GET', '/v1/cases?queue=unit');
  return list.body.items?.find((c: { trackingNo: string }) => c.trackingNo === trackingNo)?.caseId;
}

async function accept(trackingNo: string): Promise<number | undefined> {
  return orDropped(async () => {
    const caseId = await caseIdOf(trackingNo);
    if (!caseId) return undefined;
    const current = await rt.fetchAs(handler, 'GET', `/v1/cases/${caseId}`);
    const res = await rt.fetchAs(handler, 'POST', `/v1/cases/${caseId}/actions`, { type: 'accept', expectedVersion: current.body.version });
    return res.status;
  });
}

async function storedCases() {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: rt.dynamoDbEndpoint, region: 'cn-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: 'di-Cases', ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return { cases: items.filter((i) => i.sk === 'CASE'), intakes: items.filter((i) => i.sk === 'INTAKE') };
}

describe('kill -9 during a stream of submissions and actions', () => {
  const acknowledged = new Map<number, string>(); // submission → tracking number of its 201
  const accepted = new Set<string>(); // tracking numbers whose acceptance answered 200
  const acceptances: Promise<void>[] = [];
  let crash: Promise<void> | undefined;

  it('runs the stream and cuts the power in the middle of it', async () => {
    let next = 0;
    const worker = async () => {
      while (next < SUBMISSIONS) {
        const i = next++;
        const res = await orDropped(() => (lossy(i) ? submitLossy(i) : submit(i)));
        if (res?.status === 201) {
          acknowledged.set(i, res.body.trackingNo);
          // Every third acknowledged case is accepted by staff while the stream goes on.
          if (acknowledged.size % 3 === 0) {
            const trackingNo = res.body.trackingNo as string;
            acceptances.push(accept(trackingNo).then((status) => void (status === 200 && accepted.add(trackingNo))));
          }
        } else if (res) {
          // Only a dropped connection may leave a submission unanswered; an answer is a 201.
          expect.soft(res.status, res.text).toBe(201);
        }
      }
    };
    // The cut comes once acceptances have answered too (so some staff work predates it), and at
    // the worst moment it can find: a case is stored whose 201 is still on its way.
    const cut = async () => {
      while (acknowledged.size < CRASH_AFTER || accepted.size < 2) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const until = Date.now() + 3_000; Date.now() < until; ) {
        const stored = (await storedCases()).cases.map((c) => c.trackingNo as string);
        const answered = new Set(acknowledged.values());
        if (stored.some((no) => !answered.has(no))) break;
      }
      const stored = (await storedCases()).cases.length;
      console.info(`crash: the cut with ${stored} cases stored and ${acknowledged.size} acknowledged`);
      crash = rt.crash();
      await crash;
    };
    await Promise.all([...Array.from({ length: CONCURRENCY }, worker), cut()]);
    await Promise.all(acceptances);
    expect(crash, 'the power cut happened').toBeDefined();
    expect(accepted.size).toBeGreaterThanOrEqual(2);
    expect(acknowledged.size).toBeGreaterThanOrEqual(CRASH_AFTER);
    expect(acknowledged.size, 'some submissions went unanswered').toBeLessThan(SUBMISSIONS);
    expect(rt.logs()).toContain('--- kill -9 ---');
  }, 180_000);

  it('answers every retry with its key: acknowledged ones with their own case, the rest with a case each', async () => {
    const before = (await storedCases()).cases.length;
    // What the cut left: cases stored whose 201 never arrived are the ones a retry must not duplicate.
    console.info(`crash: ${acknowledged.size} of ${SUBMISSIONS} acknowledged, ${before} stored (${before - acknowledged.size} without an answer), ${accepted.size} acceptances answered`);
    expect(before, 'cases whose answer was lost (the retry must find them)').toBeGreaterThan(acknowledged.size);
    for (let i = 0; i < SUBMISSIONS; i++) {
      const res = await submit(i);
      expect(res.status, res.text).toBe(201);
      const earlier = acknowledged.get(i);
      if (earlier) {
        expect(res.body.trackingNo, `submission ${i}`).toBe(earlier);
        expect(res.body.accessCodeShownOnce).toBe(true);
      } else {
        acknowledged.set(i, res.body.trackingNo);
      }
    }
  }, 120_000);

  it('has lost nothing and duplicated nothing: one case per key, every 201 among them', async () => {
    const { cases, intakes } = await storedCases();
    const stored = cases.map((c) => c.trackingNo as string);
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored.sort()).toEqual([...new Set(acknowledged.values())].sort());
    expect(cases).toHaveLength(SUBMISSIONS);
    expect(intakes).toHaveLength(SUBMISSIONS);
  });

  it('kept every acceptance that answered 200, and takes staff actions after the restart', async () => {
    const { cases } = await storedCases();
    const status = new Map(cases.map((c) => [c.trackingNo as string, c.status as string]));
    for (const trackingNo of accepted) expect(status.get(trackingNo), trackingNo).toBe('accepted');
    // A handler who never saw an answer reloads and accepts again (a 409 only if it went through).
    const more = [...acknowledged.values()].filter((no) => status.get(no) === 'received').slice(0, 4);
    for (const trackingNo of more) {
      expect(await accept(trackingNo)).toBe(200);
      accepted.add(trackingNo);
    }
  }, 60_000);

  it('fires every timer afterwards: one warning on Wednesday, one escalation on Friday, for each case left unaccepted', async () => {
    const { cases } = await storedCases();
    const open = cases.filter((c) => c.status === 'received').map((c) => c.trackingNo as string);
    const done = cases.filter((c) => c.status === 'accepted').map((c) => c.trackingNo as string);
    expect(open.length + done.length).toBe(SUBMISSIONS);
    expect(done.length).toBeGreaterThan(0);

    await rt.clock('2026-11-04T09:30:00+08:00');
    const warned = await settledEmails((m) => m.subject.includes('受理期限即将'), open.length);
    for (const no of open) expect(warned.filter((m) => m.text.includes(no)), `warning for ${no}`).toHaveLength(1);
    for (const no of done) expect(warned.some((m) => m.text.includes(no)), `no warning for accepted ${no}`).toBe(false);

    await rt.clock('2026-11-06T10:00:00+08:00');
    const escalated = await settledEmails((m) => m.subject.startsWith('【逾期督办】'), open.length);
    for (const no of open) expect(escalated.filter((m) => m.text.includes(no)).map((m) => m.subject), `escalation for ${no}`).toHaveLength(1);
    const overdue = await rt.fetchAs(supervisor, 'GET', '/v1/supervision/overdue');
    const listed = new Set(overdue.body.overdue.map((i: { trackingNo: string }) => i.trackingNo));
    for (const no of open) expect(listed.has(no), `${no} on the overdue list`).toBe(true);
    for (const no of done) expect(listed.has(no), `${no} accepted in time`).toBe(false);
  }, 120_000);
});

/** The matching e-mails once at least `count` arrived and no more came for a moment (so duplicates would show). */
async function settledEmails(match: (m: { to: string; subject: string; text: string }) => boolean, count: number) {
  const until = Date.now() + 30_000;
  let seen = -1;
  for (;;) {
    const found = (await rt.emails()).filter(match);
    if (found.length >= count && found.length === seen) return found;
    if (Date.now() > until) return found;
    seen = found.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
