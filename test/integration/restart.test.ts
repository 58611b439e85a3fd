import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';

/**
 * Nothing is lost on a restart: cases live in DynamoDB Local on disk, and every case with an open
 * deadline gets its workflow back (the local Step Functions engine keeps executions in memory).
 */
let rt: LocalRuntime;
const supervisor = { sub: 's-1', name: '赵督办', groups: ['supervisor'], unit: 'office' };
const handler = { sub: 'h-1', name: '王办理', groups: ['handler'], unit: 'office' };

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: '2026-11-02T09:00:00+08:00' });
}, 120_000);
afterAll(() => rt?.stop());

async function submit(subject: string) {
  const res = await rt.fetchJson('POST', '/v1/complaints', {
    category: 'other',
    subject,
    description: '重启测试',
    respondentUnit: '某局',
    reporter: { anonymous: true },
  });
  expect(res.status).toBe(201);
  return res.body as { trackingNo: string; accessCode: string };
}

describe('restart', () => {
  it('keeps cases and resumes their deadlines after a restart', async () => {
    const left = await submit('重启后无人处理');
    const acted = await submit('重启后受理');
    await rt.restart();
    await rt.waitForLog(/Workflows:\s+2 open case\(s\) resumed/);

    const tracked = await rt.fetchJson('GET', `/v1/track/${left.trackingNo}`, undefined, { 'x-access-code': left.accessCode });
    expect(tracked.status).toBe(200);

    // A handler acts after the restart: the resumed workflow takes it.
    const list = await rt.fetchAs(handler, 'GET', '/v1/cases?queue=unit');
    const caseId = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === acted.trackingNo).caseId;
    const before = await rt.fetchAs(handler, 'GET', `/v1/cases/${caseId}`);
    const accepted = await rt.fetchAs(handler, 'POST', `/v1/cases/${caseId}/actions`, { type: 'accept', expectedVersion: before.body.version });
    expect(accepted.status, accepted.text).toBe(200);

    // The untouched case still escalates when its acceptance deadline (Thursday 11-05) passes.
    await rt.clock('2026-11-06T10:00:00+08:00');
    const overdue = await rt.fetchAs(supervisor, 'GET', '/v1/supervision/overdue');
    const trackingNos = overdue.body.overdue.map((i: { trackingNo: string }) => i.trackingNo);
    expect(trackingNos).toContain(left.trackingNo);
    expect(trackingNos).not.toContain(acted.trackingNo);
    const after = await rt.fetchJson('GET', `/v1/track/${left.trackingNo}`, undefined, { 'x-access-code': left.accessCode });
    expect(after.body).toMatchObject({ escalated: true, overdue: true });
    expect((await rt.emails()).some((m) => m.to.includes('supervisor') && m.text.includes(left.trackingNo))).toBe(true);
  });
});
