import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { localStepFunctions, staffSession, stopKeepingLogs } from './staff-session.ts';

/**
 * A case's workflow never runs into Step Functions' limits (25,000 history events, one year per
 * execution), which the local stand-in enforces as AWS does: a persistent failure backs off
 * instead of looping every minute, the loop is capped, and the execution hands the case over to a
 * fresh one (continue-as-new) whose timers still fire, at the loop cap and again near one year.
 */
let rt: LocalRuntime;
let sfn: SFNClient;
let executionArn: (name: string) => string;
const { act, signIn, submitAnonymous } = staffSession(() => rt);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: '2026-11-02T09:00:00+08:00' });
  ({ sfn, executionArn } = localStepFunctions(rt));
}, 120_000);
afterAll(async () => {
  sfn?.destroy();
  await stopKeepingLogs(rt, 'workflow-hand-over');
});

const now = async () => Date.parse(await rt.clock());
const iso = (ms: number) => new Date(ms).toISOString();
/** Moves the clock in steps: one jump wakes each relative Wait (a pause) only once. */
async function walk(until: number, step: number, stop: () => boolean = () => false) {
  for (let t = await now(); t < until && !stop(); ) {
    t = Math.min(until, t + step);
    await rt.clock(iso(t));
  }
}
const execution = (name: string) =>
  sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(name) }));
const count = (pattern: RegExp) => rt.logs().match(new RegExp(pattern, 'g'))?.length ?? 0;
const historyEvents = (name: string) => Number(new RegExp(`case-lifecycle/${name}: (\\d+) history events`).exec(rt.logs())?.[1]);

async function caseIdOf(trackingNo: string): Promise<string> {
  const list = await rt.fetchAs({ sub: 's1', name: '督办', groups: ['supervisor'], unit: 'office' }, 'GET', '/v1/cases?queue=all');
  return list.body.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo).caseId;
}

describe('workflow limits', () => {
  let caseId: string;
  let trackingNo: string;

  it('backs off on a persistent failure instead of retrying every minute', async () => {
    // Registering the wait fails from the start (the local Lambda stand-in fails every invocation):
    // armed before the submission, so the first registration cannot slip in ahead of the fault.
    const armed = await rt.fetchJson('POST', '/__local/faults', { faults: [{ target: 'lambda:RegisterWait', mode: 'fail', times: 1_000_000 }] });
    expect(armed.status, armed.text).toBe(200);
    ({ trackingNo } = await submitAnonymous('政府信息公开申请答复逾期'));
    caseId = await caseIdOf(trackingNo);
    const failures = () => count(new RegExp(`case-lifecycle/${caseId}: task WaitForAction failed`));
    await walk((await now()) + 3 * HOUR, MINUTE);
    // Pauses of 1, 5 and 30 minutes, then 2 hours: a handful of tries, not 180.
    const tries = failures();
    expect(tries).toBeGreaterThanOrEqual(3);
    expect(tries).toBeLessThanOrEqual(6);
  }, 120_000);

  it('caps the loop: hands the case over to a fresh execution well before the history limit', async () => {
    // Three-hour steps: each six-hour pause ends on the second step after it began.
    await walk((await now()) + 70 * DAY, 3 * HOUR, () => rt.logs().includes(`${caseId}-g2`));
    expect(rt.logs()).toContain('workflow handed over');
    const first = await execution(caseId);
    expect(first.status).toBe('SUCCEEDED');
    expect((await execution(`${caseId}-g2`)).status).toBe('RUNNING');
    // Far below 25,000 even though every loop failed (the figure is in the report).
    expect(historyEvents(caseId)).toBeLessThan(12_500);
    console.log(`first execution: ${historyEvents(caseId)} history events over ${Math.round((first.stopDate!.getTime() - first.startDate!.getTime()) / DAY)} days`);
    expect(rt.logs()).not.toMatch(/States\.Runtime|TIMED_OUT/);
    expect(rt.logs()).not.toContain('workflow restarted');
  }, 300_000);

  it("the next generation's timers fire once the failure is gone", async () => {
    const cleared = await rt.fetchJson('DELETE', '/__local/faults');
    expect(cleared.status).toBe(200);
    // The handler accepts the case: the new generation, waiting now, is resumed and waits for the
    // disposal deadline, whose escalation must come by its timer alone.
    const escalations = async () => (await rt.emails()).filter((m) => m.to.includes('supervisor') && m.subject.includes('逾期') && m.text.includes(trackingNo)).length;
    const before = await escalations();
    await signIn({ office: { sub: 'h-office', name: '王办理', groups: ['handler'], unit: 'office' } });
    const accepted = await act('office', caseId, { type: 'accept' });
    expect(accepted.status, accepted.text).toBe(200);
    let after = before;
    let days = 0;
    while (days < 60 && after === before) {
      await rt.clock(iso((await now()) + DAY));
      days += 1;
      after = await escalations();
    }
    expect(after).toBeGreaterThan(before);
    console.log(`escalated again by its timer after ${days} day(s)`);
    expect((await execution(`${caseId}-g2`)).status).toBe('RUNNING');
  }, 120_000);

  it('hands over again before an execution is a year old, so a case may stay open for years', async () => {
    const g2 = await execution(`${caseId}-g2`);
    const started = g2.startDate!.getTime();
    // An idle case: the wait for an action times out after 180 days, then the hand-over at 300.
    await rt.clock(iso(started + 181 * DAY));
    await walk(started + 181 * DAY + 3 * HOUR, HOUR);
    await rt.clock(iso(started + 301 * DAY));
    await walk(started + 301 * DAY + 3 * HOUR, HOUR);
    expect((await execution(`${caseId}-g2`)).status).toBe('SUCCEEDED');
    expect((await execution(`${caseId}-g3`)).status).toBe('RUNNING');
    // Past the year the second generation would have had: nothing timed out, nothing to recover.
    await rt.clock(iso(started + 370 * DAY));
    expect((await execution(`${caseId}-g3`)).status).toBe('RUNNING');
    expect(rt.logs()).not.toMatch(/States\.Runtime|TIMED_OUT/);
    expect(rt.logs()).not.toContain('workflow restarted');
  }, 120_000);
});
