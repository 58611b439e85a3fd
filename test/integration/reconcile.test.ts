import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { localStepFunctions, staffSession, stopKeepingLogs } from './staff-session.ts';

/**
 * A dead execution is recovered: the nightly reconciler gives an open case whose workflow ended a
 * fresh one (a new generation name), which then escalates the missed deadline as before.
 */
let rt: LocalRuntime;
const { waitForEmail, submitAnonymous } = staffSession(() => rt);

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: '2026-11-02T09:00:00+08:00' });
}, 120_000);
afterAll(() => stopKeepingLogs(rt, 'reconcile'));

describe('workflow reconciler', () => {
  it('starts a fresh execution for an open case whose execution was stopped, and only that one', async () => {
    const res = { body: await submitAnonymous('未按期公开政府信息公开工作年度报告') };
    const { sfn, executionArn } = localStepFunctions(rt);
    // Kill the case's execution (named by its case id) as a failed deployment or a bug might.
    const caseId = await caseIdOf(res.body.trackingNo);
    await sfn.send(new StopExecutionCommand({ executionArn: executionArn(caseId), error: 'Test.Killed' }));

    // Acceptance is due at the end of Thursday 5 November; the reconciler runs at 03:00 each night.
    await rt.clock('2026-11-03T03:01:00+08:00');
    expect(rt.logs()).toContain(`${caseId}-g2`);
    await rt.clock('2026-11-06T09:00:00+08:00');
    await waitForEmail((m) => m.subject.includes('逾期') && m.subject.includes(res.body.trackingNo));
    // Running workflows are left alone on the following nights.
    expect(rt.logs().match(/workflow restarted/g)).toHaveLength(1);
  });
});

async function caseIdOf(trackingNo: string): Promise<string> {
  const token = await rt.login({ sub: 's1', name: '督办', groups: ['supervisor'], unit: 'office' });
  const list = await rt.fetchJson('GET', '/v1/cases?queue=all', undefined, { authorization: `Bearer ${token}` });
  return list.body.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo).caseId;
}
