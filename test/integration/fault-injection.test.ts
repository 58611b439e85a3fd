import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultMode } from '../../infra/local/faults.ts';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { localStepFunctions, stopKeepingLogs } from './staff-session.ts';

/**
 * Fault injection (issue 9): every adapter call that writes or hands work on (DynamoDB writes,
 * Step Functions start and callback, SES send, the workflow's Lambda invocations) and every
 * encryption call (KMS GenerateDataKey and Decrypt, made by the reporter vault's keyring) fails
 * once at each step of intake and of an action, both before the service sees it (`fail`) and
 * after it did the work (`lose-reply`). Faults are injected by the local stand-ins (/__local/faults), never in
 * the code under test. After recovery (the client retrying with the same Idempotency-Key or
 * reloading, the workflow's retries, the nightly reconciler), every 201 has exactly one case and a
 * running workflow, and every notice went out exactly once: each recipient got exactly the
 * e-mails of a run without faults. One runtime; the steps are counted by a dry run.
 *
 * KMS calls change nothing, so a lost KMS reply is only another failure (which the SDK retries):
 * they get `fail` only.
 * A lost SES reply is not injected: SES takes no idempotency key, so a send whose answer is lost
 * can only be sent again or not at all (at-least-once is the most any sender can promise).
 */
let rt: LocalRuntime;
let sfn: SFNClient;
let executionArn: (name: string) => string;
const OFFICE = { sub: 'h-office', name: '王办理', groups: ['handler'], unit: 'office' };
const SUPERVISOR = { sub: 's-1', name: '赵督办', groups: ['supervisor'], unit: 'office' };
const TARGETS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:TransactWriteItems',
  'states:StartExecution',
  'states:SendTaskSuccess',
  'ses:SendEmail',
  'lambda:SendNotices',
  'lambda:NextDeadline',
  'lambda:RegisterWait',
  'kms:GenerateDataKey',
  'kms:Decrypt',
];
const modesFor = (target: string): FaultMode[] => (target === 'ses:SendEmail' || target.startsWith('kms:') ? ['fail'] : ['fail', 'lose-reply']);

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: '2026-11-02T09:00:00+08:00' });
  ({ sfn, executionArn } = localStepFunctions(rt));
}, 120_000);
afterAll(async () => {
  sfn?.destroy();
  await stopKeepingLogs(rt, 'fault-injection');
});

interface Run {
  label: string;
  n: number;
  key: string;
  caseId?: string;
  trackingNo?: string;
}

const email = (n: number) => `fault-${n}@example.cn`;
const subject = (n: number) => `故障注入测试 ${n}`;
const complaint = (n: number) => ({
  category: 'late-disclosure',
  subject: subject(n),
  description: '本单位 2026 年部门预算至今未在网站公开。',
  respondentUnit: '某区某局',
  wantsReply: true,
  reporter: { anonymous: false, name: `测试人${n}`, email: email(n), publicityConsent: false },
});

async function faults(method: 'GET' | 'POST' | 'DELETE', body?: unknown) {
  const res = await rt.fetchJson(method, '/__local/faults', body);
  expect(res.status, res.text).toBe(200);
  return res.body as { calls: Record<string, number>; injected: Record<string, number> };
}
const now = async () => Date.parse(await rt.clock());
const settle = async (ms = 60_000) => rt.clock(new Date((await now()) + ms).toISOString());

/** A client that retries with the same key until it gets its 201 (a 409 in progress: later). */
/** Client-side retries the last submission or action needed (a fault the client saw). */
let clientRetries = 0;

async function submitUntilCreated(n: number, key: string): Promise<{ caseId: string; trackingNo: string }> {
  clientRetries = 0;
  let last = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const res = await rt.fetchJson('POST', '/v1/complaints', complaint(n), { 'idempotency-key': key }).catch(() => ({ status: 0, text: '' }) as const);
    if (res.status === 201) {
      const trackingNo = (res as { body: { trackingNo: string } }).body.trackingNo;
      const found = (await casesWithSubject(subject(n))).find((c) => c.trackingNo === trackingNo);
      expect(found, `201 for ${trackingNo} but no such case`).toBeDefined();
      return found!;
    }
    expect(res.status === 0 || res.status >= 500 || res.status === 409, `attempt ${attempt}: ${res.status} ${res.text}`).toBe(true);
    last = res.status;
    clientRetries += 1;
    await settle(attempt < 3 ? 1000 : 5 * 60_000);
  }
  throw new Error(`submission ${n} never answered 201 (last ${last})`);
}

/** A handler who retries an action after an error: reloads, and stops once the case shows it. */
async function acceptUntilDone(caseId: string): Promise<void> {
  clientRetries = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await rt.fetchAs(OFFICE, 'GET', `/v1/cases/${caseId}`);
    if (current.status === 200 && current.body.status === 'accepted') return;
    if (current.status === 200) {
      const res = await rt.fetchAs(OFFICE, 'POST', `/v1/cases/${caseId}/actions`, { type: 'accept', expectedVersion: current.body.version }).catch(() => ({ status: 0, text: '' }));
      if (res.status === 200) return;
      expect(res.status === 0 || res.status >= 500 || res.status === 409, `accept attempt ${attempt}: ${res.status} ${res.text}`).toBe(true);
      clientRetries += 1;
    }
    await settle(attempt < 3 ? 1000 : 5 * 60_000);
  }
  throw new Error(`accept on ${caseId} never went through`);
}

async function casesWithSubject(s: string): Promise<{ caseId: string; trackingNo: string }[]> {
  const list = await rt.fetchAs(SUPERVISOR, 'GET', '/v1/cases?queue=all');
  expect(list.status, list.text).toBe(200);
  return list.body.items.filter((i: { subject: string }) => i.subject === s);
}

async function runningExecution(caseId: string): Promise<string | undefined> {
  for (const name of [caseId, `${caseId}-review`, ...Array.from({ length: 5 }, (_, i) => `${caseId}-g${i + 2}`)]) {
    const arn = executionArn(name);
    const status = await sfn.send(new DescribeExecutionCommand({ executionArn: arn })).then((r) => r.status, () => undefined);
    if (status === 'RUNNING') return name;
  }
  return undefined;
}

/** E-mails per recipient that mention the tracking number (or, for the reporter, are to them). */
async function mailFor(n: number, trackingNo: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const m of await rt.emails()) {
    if (m.to !== email(n) && !m.text.includes(trackingNo) && !m.subject.includes(trackingNo)) continue;
    // Tracking and document numbers differ from run to run; the notice is the same.
    const key = `${m.to} «${m.subject.replace(trackingNo, '#').replace(/第 \d+ 号/, '第 N 号')}»`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Each step of one kind of call: a run per (target, call index, mode) seen in the dry run. */
function plan(calls: Record<string, number>) {
  return TARGETS.flatMap((target) =>
    Array.from({ length: calls[target] ?? 0 }, (_, skip) => modesFor(target).map((mode) => ({ target, skip, mode }))).flat(),
  );
}

describe('fault injection', () => {
  let n = 0;
  /** Steps whose fault never fired (the dry run's count did not hold): the suite would prove nothing there. */
  const notInjected: string[] = [];
  let seenByClient = 0;
  async function checkInjected(run: Run, target: string) {
    const { injected } = await faults('GET');
    if ((injected[target] ?? 0) !== 1) notInjected.push(`${run.label} (injected ${injected[target] ?? 0})`);
    if (clientRetries > 0) seenByClient += 1;
  }
  const intakeRuns: Run[] = [];
  const actionRuns: Run[] = [];
  let intakeMail: Record<string, number> = {};
  let actionMail: Record<string, number> = {};
  let intakeCalls: Record<string, number> = {};
  let actionCalls: Record<string, number> = {};

  it('dry runs: the steps of intake and of an action, and the mail they send', async () => {
    // Staff seen for the first time are remembered (one PutItem each): not a step of a request.
    await casesWithSubject('');
    expect((await rt.fetchAs(OFFICE, 'GET', '/v1/cases?queue=unit')).status).toBe(200);
    await faults('DELETE');
    const dry = await submitUntilCreated(++n, 'dry-intake');
    await settle();
    intakeCalls = (await faults('GET')).calls;
    intakeMail = await mailFor(n, dry.trackingNo);
    await faults('DELETE');
    await acceptUntilDone(dry.caseId);
    await settle();
    actionCalls = (await faults('GET')).calls;
    const after = await mailFor(n, dry.trackingNo);
    actionMail = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (intakeMail[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
    console.log('intake steps', intakeCalls, 'mail', intakeMail);
    console.log('action steps', actionCalls, 'mail', actionMail);
    expect(intakeCalls['dynamodb:TransactWriteItems']).toBeGreaterThan(0);
    expect(intakeCalls['states:StartExecution']).toBe(1);
    expect(actionCalls['states:SendTaskSuccess']).toBe(1);
    // The reporter's name and e-mail are encrypted at intake; notices decrypt the e-mail.
    expect(intakeCalls['kms:GenerateDataKey']).toBeGreaterThanOrEqual(2);
    expect(intakeCalls['kms:Decrypt']).toBeGreaterThan(0);
    expect(actionCalls['kms:Decrypt']).toBeGreaterThan(0);
    expect(Object.keys(intakeMail).length).toBeGreaterThan(0);
  }, 120_000);

  it('intake: a fault at every step', async () => {
    for (const step of plan(intakeCalls)) {
      const run: Run = { label: `${step.target}#${step.skip + 1} ${step.mode}`, n: ++n, key: `intake-${n}` };
      await faults('DELETE');
      await faults('POST', { faults: [step] });
      const res = await submitUntilCreated(run.n, run.key);
      run.caseId = res.caseId;
      run.trackingNo = res.trackingNo;
      await settle();
      await checkInjected(run, step.target);
      intakeRuns.push(run);
    }
    await faults('DELETE');
    console.log(`intake: ${intakeRuns.length} runs`);
  }, 600_000);

  it('an action: a fault at every step', async () => {
    for (const step of plan(actionCalls)) {
      const run: Run = { label: `${step.target}#${step.skip + 1} ${step.mode}`, n: ++n, key: `action-${n}` };
      await faults('DELETE');
      const res = await submitUntilCreated(run.n, run.key);
      run.caseId = res.caseId;
      run.trackingNo = res.trackingNo;
      await settle();
      await faults('POST', { faults: [step] });
      await acceptUntilDone(run.caseId);
      await settle();
      await checkInjected(run, step.target);
      actionRuns.push(run);
    }
    await faults('DELETE');
    console.log(`action: ${actionRuns.length} runs`);
  }, 600_000);

  it('after recovery: one case per 201, a running workflow each, every notice sent exactly once', async () => {
    // Recovery that takes time: notice retries, expired claims, and the reconciler at 03:00.
    const start = await now();
    for (let t = start; t < start + 20 * 3600_000; t += 3600_000) await rt.clock(new Date(t + 3600_000).toISOString());
    const problems: string[] = [];
    const expected = (run: Run, mail: Record<string, number>) =>
      Object.fromEntries(Object.entries(mail).map(([k, v]) => [k.replace(email(1), email(run.n)), v]));
    for (const [runs, mail] of [
      [intakeRuns, intakeMail],
      [actionRuns, { ...intakeMail, ...Object.fromEntries(Object.entries(actionMail).map(([k, v]) => [k, (intakeMail[k] ?? 0) + v])) }],
    ] as const) {
      for (const run of runs) {
        const cases = await casesWithSubject(subject(run.n));
        if (cases.length !== 1) problems.push(`${run.label}: ${cases.length} cases`);
        if (!(await runningExecution(run.caseId!))) problems.push(`${run.label}: no running workflow`);
        const got = await mailFor(run.n, run.trackingNo!);
        const want = expected(run, mail);
        for (const k of new Set([...Object.keys(got), ...Object.keys(want)])) {
          if ((got[k] ?? 0) !== (want[k] ?? 0)) problems.push(`${run.label}: ${k} sent ${got[k] ?? 0}×, expected ${want[k] ?? 0}×`);
        }
      }
    }
    console.log(`${intakeRuns.length + actionRuns.length} runs, ${seenByClient} with an error the client saw and retried`);
    expect(intakeRuns.length + actionRuns.length).toBeGreaterThan(20);
    expect(notInjected).toEqual([]);
    expect(problems).toEqual([]);
  }, 600_000);

  it('the check can fail: a lost SES reply makes the sender send again, and the count shows it', async () => {
    // SES takes no idempotency key: after a lost answer, a duplicate or a loss are the only choices.
    const run: Run = { label: 'ses lose-reply', n: ++n, key: `ses-lost-${n}` };
    await faults('DELETE');
    await faults('POST', { faults: [{ target: 'ses:SendEmail', mode: 'lose-reply' }] });
    const res = await submitUntilCreated(run.n, run.key);
    await settle();
    await faults('DELETE');
    const start = await now();
    for (let t = start; t < start + 3 * 3600_000; t += 3600_000) await rt.clock(new Date(t + 3600_000).toISOString());
    const got = await mailFor(run.n, res.trackingNo);
    const total = Object.values(got).reduce((a, b) => a + b, 0);
    const expectedTotal = Object.values(intakeMail).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(expectedTotal);
  }, 120_000);
});
