import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { staffSession, stopKeepingLogs } from './staff-session.ts';

/**
 * The custodian's queue of contact requests (GET /v1/contact-requests): every pending request
 * for custodians, only one's own for anyone else; requests move between statuses as they are
 * decided and used; no list ever carries a contact value.
 */
const START = '2026-11-02T09:00:00+08:00';
const PHONE = '13955556677';
let rt: LocalRuntime;
const { staff, signIn, bodies } = staffSession(() => rt);

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
  await signIn({
    handler: { sub: 'h-1', name: '王办理', groups: ['handler'], unit: 'office' },
    colleague: { sub: 'h-3', name: '刘同事', groups: ['handler'], unit: 'office' },
    custodian: { sub: 'c-1', name: '钱保管', groups: ['custodian'], unit: 'office' },
  });
}, 120_000);
afterAll(() => stopKeepingLogs(rt, 'contact-queue'));

const ids = (res: { body: { items: { requestId: string }[] } }) => res.body.items.map((i) => i.requestId).sort();

describe('contact request queue', () => {
  it('custodians see every pending request, others only their own; decided and used ones move on', async () => {
    const filed = await rt.fetchJson('POST', '/v1/complaints', {
      category: 'other',
      subject: '队列测试',
      description: '某局未公开。',
      respondentUnit: '某局',
      reporter: { anonymous: false, name: '队列人', phone: PHONE },
    });
    expect(filed.status, filed.text).toBe(201);
    const list = await staff('handler', 'GET', '/v1/cases?queue=unit');
    const caseId = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === filed.body.trackingNo).caseId;
    const mine = (await staff('handler', 'POST', `/v1/cases/${caseId}/contact-requests`, { field: 'phone', reason: '核实线索' })).body.requestId as string;
    const theirs = (await staff('colleague', 'POST', `/v1/cases/${caseId}/contact-requests`, { field: 'address', reason: '寄送告知书' })).body.requestId as string;

    const queue = await staff('custodian', 'GET', '/v1/contact-requests');
    expect(queue.status, queue.text).toBe(200);
    expect(ids(queue)).toEqual([mine, theirs].sort());
    expect(queue.body.items.find((i: { requestId: string }) => i.requestId === mine)).toMatchObject({
      caseId,
      field: 'phone',
      status: 'pending',
      reason: '核实线索',
      requester: { name: '王办理', unit: 'office' },
    });
    expect(ids(await staff('handler', 'GET', '/v1/contact-requests?status=pending'))).toEqual([mine]);
    expect(ids(await staff('colleague', 'GET', '/v1/contact-requests'))).toEqual([theirs]);

    expect((await staff('custodian', 'POST', `/v1/contact-requests/${mine}/decision`, { decision: 'approve' })).status).toBe(200);
    expect((await staff('custodian', 'POST', `/v1/contact-requests/${theirs}/decision`, { decision: 'refuse' })).status).toBe(200);
    expect(ids(await staff('custodian', 'GET', '/v1/contact-requests'))).toEqual([]);
    expect(ids(await staff('handler', 'GET', '/v1/contact-requests?status=approved'))).toEqual([mine]);
    expect(ids(await staff('colleague', 'GET', '/v1/contact-requests?status=approved'))).toEqual([]);
    expect(ids(await staff('colleague', 'GET', '/v1/contact-requests?status=refused'))).toEqual([theirs]);

    const shown = await staff('handler', 'GET', `/v1/contact-requests/${mine}/reveal`);
    expect(shown.body).toEqual({ field: 'phone', value: PHONE });
    expect(ids(await staff('handler', 'GET', '/v1/contact-requests?status=approved'))).toEqual([]);
    expect(ids(await staff('handler', 'GET', '/v1/contact-requests?status=revealed'))).toEqual([mine]);
    expect((await staff('handler', 'GET', '/v1/contact-requests?status=everything')).status).toBe(400);
    // Only the reveal ever answered with the value.
    expect(bodies.filter((b) => b.includes(PHONE))).toEqual([shown.text]);
  });
});
