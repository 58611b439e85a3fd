/**
 * The local Step Functions stand-in, driven through the real SFN client as functions drive it.
 * Time is a virtual Clock that is never installed: nothing here replaces the global Date.
 */
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../infra/local/clock.ts';
import { Activity } from '../../infra/local/stepfunctions/activity.ts';
import { arnScope, LocalArns } from '../../infra/local/stepfunctions/arns.ts';
import { rewriteForEngine } from '../../infra/local/stepfunctions/rewrite.ts';
import { startLocalStepFunctions } from '../../infra/local/stepfunctions/index.ts';
import { Scope } from '../../infra/local/stepfunctions/scope.ts';
import { fixtureStore } from '../fixtures/workflow/store.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const DAY = 24 * 3600 * 1000;
const machine = (id: string) => ({
  id: `fixture-${id}`,
  file: `test/fixtures/state-machines/${id}.asl.json`,
  envVar: `FIXTURE_${id.toUpperCase().replace(/-/g, '_')}_ARN`,
  tasks: [],
});
const machines = ['invoke', 'deadline', 'retry', 'callback-timeouts', 'waits'].map(machine);
const tasks = [
  { name: 'Add', handler: 'workflow/add.ts' },
  { name: 'Record', handler: 'workflow/record.ts' },
  { name: 'StoreToken', handler: 'workflow/store-token.ts' },
  { name: 'Flaky', handler: 'workflow/flaky.ts' },
];

// Local ARNs follow the configured region: cn-north-1 gives the aws-cn partition.
const REGION = 'cn-north-1';
const ARN_PREFIX = 'arn:aws-cn:states:cn-north-1:000000000000';
const clock = new Clock(true);
const logs: string[] = [];
const store = fixtureStore();
let local: Awaited<ReturnType<typeof startLocalStepFunctions>>;
let sfn: SFNClient;

beforeAll(async () => {
  local = await startLocalStepFunctions({ clock, region: REGION, stateMachines: machines, tasks, functionsDir: fixtures, log: (l) => logs.push(l) });
  // No endpoint here: the client must find the local one through AWS_ENDPOINT_URL_SFN, as handlers do.
  sfn = new SFNClient({ region: REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});

afterAll(async () => {
  sfn?.destroy();
  await local?.stop();
});

const arnOf = (id: string) => process.env[machine(id).envVar] as string;
const iso = (ms: number) => new Date(ms).toISOString();
const advance = (ms: number) => clock.advanceTo(iso(clock.now() + ms));

async function start(id: string, input: unknown, name?: string): Promise<string> {
  const out = await sfn.send(new StartExecutionCommand({ stateMachineArn: arnOf(id), input: JSON.stringify(input), name }));
  return out.executionArn as string;
}

async function status(executionArn: string) {
  const out = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  return { ...out, output: out.output ? (JSON.parse(out.output) as Record<string, unknown>) : undefined };
}

function tokenOf(caseId: string, round: number): string {
  const found = store.tokens.filter((t) => t.caseId === caseId && t.round === round);
  expect(found).toHaveLength(1);
  return found[0]!.taskToken;
}

const eventsOf = (caseId: string) => store.events.filter((e) => e.caseId === caseId);
const succeed = (taskToken: string, output: unknown) =>
  sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
const errorName = (promise: Promise<unknown>) => promise.then(() => 'no error', (e: Error) => e.name);

describe('local Step Functions', () => {
  it('sets the endpoint and one ARN per state machine', () => {
    expect(process.env.AWS_ENDPOINT_URL_SFN).toBe(local.endpoint);
    expect(arnOf('deadline')).toBe(`${ARN_PREFIX}:stateMachine:fixture-deadline`);
  });

  it('builds ARNs in the partition of the configured region, and runs integrations of any partition', () => {
    expect(new LocalArns(arnScope({ region: 'eu-west-1' })).stateMachine('m')).toBe('arn:aws:states:eu-west-1:000000000000:stateMachine:m');
    expect(new LocalArns(arnScope({ region: 'cn-northwest-1', account: '111122223333' })).function('F')).toBe(
      'arn:aws-cn:lambda:cn-northwest-1:111122223333:function:F',
    );
    const task = (Resource: string) => ({ StartAt: 'T', States: { T: { Type: 'Task', Resource, End: true } } });
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov']) {
      expect(rewriteForEngine(task(`arn:${partition}:states:::lambda:invoke`)).tasks.get('T')?.kind).toBe('invoke');
      expect(rewriteForEngine(task(`arn:${partition}:states:::lambda:invoke.waitForTaskToken`)).tasks.get('T')?.kind).toBe('callback');
      expect(rewriteForEngine(task(`arn:${partition}:lambda:r:1:function:F`)).tasks.get('T')?.functionName).toBe('F');
    }
  });

  it('gives lambda:invoke the AWS result shape, so OutputPath and ResultSelector on $.Payload work', async () => {
    const arn = await start('invoke', { a: 2, b: 3 });
    await clock.settled();
    const done = await status(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output).toEqual({
      sum: 5,
      functionName: 'Add',
      plain: { sum: 105, functionName: 'Add' },
      shape: { ExecutedVersion: '$LATEST', Payload: { sum: 6, functionName: 'Add' }, StatusCode: 200 },
      selected: { sum: 115, status: 200 },
    });
    expect(arn).toMatch(new RegExp(`^${ARN_PREFIX}:execution:fixture-invoke:[\\w-]+$`));
  });

  describe('the deadline race', () => {
    it('takes the ActionTaken path when the callback comes first, and the losing Wait never fires', async () => {
      const dueAt = iso(clock.now() + 10 * DAY);
      const arn = await start('deadline', { caseId: 'b1', round: 1, dueAt });
      await clock.settled();
      const token = tokenOf('b1', 1);

      await succeed(token, { decision: 'granted' });
      await clock.settled();
      const done = await status(arn);
      expect(done.status).toBe('SUCCEEDED');
      expect(done.output).toEqual({ caseId: 'b1', round: 1, action: { decision: 'granted' } });

      await clock.advanceTo(iso(Date.parse(dueAt) + DAY));
      expect(eventsOf('b1')).toEqual([]);
      expect(await errorName(succeed(token, {}))).toBe('TaskTimedOut');
    });

    it('takes the DeadlinePassed path when the clock passes the due time; the follow-up tasks have run when advanceTo returns', async () => {
      const dueAt = iso(clock.now() + 10 * DAY);
      const arn = await start('deadline', { caseId: 'b2', round: 1, dueAt });
      await clock.settled();
      const token = tokenOf('b2', 1);

      await clock.advanceTo(iso(Date.parse(dueAt) - 1000));
      expect(eventsOf('b2')).toEqual([]);
      await clock.advanceTo(iso(Date.parse(dueAt) + 1000));
      // No polling: advanceTo answers only after the woken branch and the Catch route have run.
      expect(eventsOf('b2')).toEqual([
        { event: 'deadline', caseId: 'b2', round: 1 },
        { event: 'escalated', caseId: 'b2', round: 1, error: 'DeadlinePassed' },
      ]);
      const done = await status(arn);
      expect(done.status).toBe('SUCCEEDED');
      expect(done.output).toMatchObject({ outcome: { Error: 'DeadlinePassed', Cause: 'due time reached' }, escalation: { recorded: true } });

      expect(await errorName(succeed(token, {}))).toBe('TaskTimedOut');
      expect(await errorName(sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'X' })))).toBe('TaskTimedOut');
      expect(await errorName(sfn.send(new SendTaskHeartbeatCommand({ taskToken: token })))).toBe('TaskTimedOut');
    });

    it('loops round twice on extensions, each round with its own token and due time', async () => {
      const due1 = clock.now() + 10 * DAY;
      const due2 = due1 + 10 * DAY;
      const due3 = due2 + 10 * DAY;
      const arn = await start('deadline', { caseId: 'b3', round: 1, dueAt: iso(due1) });
      await clock.settled();
      const t1 = tokenOf('b3', 1);

      await succeed(t1, { extendTo: iso(due2) });
      await clock.settled();
      const t2 = tokenOf('b3', 2);
      await clock.advanceTo(iso(due1 + 1000));
      expect(eventsOf('b3')).toEqual([]);

      await succeed(t2, { extendTo: iso(due3) });
      await clock.settled();
      const t3 = tokenOf('b3', 3);
      await clock.advanceTo(iso(due2 + 1000));
      expect(eventsOf('b3')).toEqual([]);
      expect((await status(arn)).status).toBe('RUNNING');

      await clock.advanceTo(iso(due3 + 1000));
      expect(eventsOf('b3').map((e) => [e.event, e.round])).toEqual([
        ['deadline', 3],
        ['escalated', 3],
      ]);
      expect((await status(arn)).status).toBe('SUCCEEDED');
      for (const token of [t1, t2, t3]) expect(await errorName(succeed(token, {}))).toBe('TaskTimedOut');
    });
  });

  it('retries a named function error on the virtual clock, then catches it', async () => {
    const arn = await start('retry', { id: 'c1' });
    await clock.settled();
    expect(store.attempts.c1).toBe(1);
    await advance(60_000);
    expect(store.attempts.c1).toBe(2);
    await advance(60_000);
    expect(store.attempts.c1).toBe(2); // BackoffRate 2: the second interval is 120 s
    await advance(60_000);
    expect(store.attempts.c1).toBe(3);
    const done = await status(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output).toEqual({ id: 'c1', error: { Error: 'TransientError', Cause: 'attempt 3 failed' }, outcome: 'gave up' });

    const broken = await start('retry', { id: 'c2', kind: 'broken' });
    await clock.settled();
    expect(store.attempts.c2).toBe(1);
    expect((await status(broken)).output).toMatchObject({ error: { Error: 'BrokenError' }, outcome: 'broken' });

    // Names only: never an input or a payload.
    expect(logs).toContain(`fixture-retry/${arn.split(':').pop()}: task Flaky failed: TransientError`);
    expect(logs.join('\n')).not.toContain('attempt 1 failed');
  });

  describe('callback timeouts on the virtual clock', () => {
    it('times out at TimeoutSeconds(Path), not caught by States.TaskFailed', async () => {
      const arn = await start('callback-timeouts', { caseId: 'tt1', timeoutSeconds: 90 * 60 });
      await clock.settled();
      const token = tokenOf('tt1', 1);
      await advance(50 * 60_000);
      await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
      await advance(39 * 60_000);
      expect((await status(arn)).status).toBe('RUNNING');
      await advance(2 * 60_000);
      const done = await status(arn);
      expect(done.output).toMatchObject({ outcome: 'timed out', error: { Error: 'States.Timeout' } });
      expect(await errorName(succeed(token, {}))).toBe('TaskTimedOut');
    });

    it('fails on a missed heartbeat with States.HeartbeatTimeout, which a States.Timeout catcher matches', async () => {
      const arn = await start('callback-timeouts', { caseId: 'tt2', timeoutSeconds: 86_400 });
      await clock.settled();
      await advance(61 * 60_000);
      expect((await status(arn)).output).toMatchObject({ outcome: 'timed out', error: { Error: 'States.HeartbeatTimeout' } });
    });

    it('fails with the error and cause given to SendTaskFailure', async () => {
      const arn = await start('callback-timeouts', { caseId: 'tt3', timeoutSeconds: 86_400 });
      await clock.settled();
      await sfn.send(new SendTaskFailureCommand({ taskToken: tokenOf('tt3', 1), error: 'Rejected', cause: 'no' }));
      await clock.settled();
      expect((await status(arn)).output).toMatchObject({ outcome: 'failed', error: { Error: 'Rejected', Cause: 'no' } });
    });
  });

  describe('the API', () => {
    it('answers a repeated start: same ARN while running with the same input, ExecutionAlreadyExists otherwise', async () => {
      const input = { caseId: 'd1', round: 1, dueAt: iso(clock.now() + DAY) };
      const first = await start('deadline', input, 'case-d1');
      expect(first).toBe(`${ARN_PREFIX}:execution:fixture-deadline:case-d1`);
      expect(await start('deadline', input, 'case-d1')).toBe(first);
      expect(await errorName(start('deadline', { ...input, round: 2 }, 'case-d1'))).toBe('ExecutionAlreadyExists');
      await clock.settled();
      expect(store.tokens.filter((t) => t.caseId === 'd1')).toHaveLength(1);

      await sfn.send(new StopExecutionCommand({ executionArn: first, error: 'Closed', cause: 'withdrawn' }));
      const stopped = await status(first);
      expect(stopped).toMatchObject({ status: 'ABORTED', error: 'Closed', cause: 'withdrawn' });
      expect(stopped.stopDate).toBeInstanceOf(Date);
      expect(await errorName(succeed(tokenOf('d1', 1), {}))).toBe('TaskTimedOut');
      expect(await errorName(start('deadline', input, 'case-d1'))).toBe('ExecutionAlreadyExists');

      const aborted = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arnOf('deadline'), statusFilter: 'ABORTED' }));
      expect(aborted.executions?.map((e) => e.name)).toEqual(['case-d1']);
      const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arnOf('deadline'), statusFilter: 'RUNNING' }));
      expect(running.executions?.map((e) => e.name)).not.toContain('case-d1');
    });

    it('raises the SDK exceptions by name', async () => {
      const missing = `${ARN_PREFIX}:execution:fixture-deadline:nope`;
      expect(await errorName(sfn.send(new DescribeExecutionCommand({ executionArn: missing })))).toBe('ExecutionDoesNotExist');
      expect(await errorName(succeed('not-a-token', {}))).toBe('InvalidToken');
      expect(await errorName(start('deadline', {}, 'has space'))).toBe('InvalidName');
      const noMachine = sfn.send(new StartExecutionCommand({ stateMachineArn: `${arnOf('deadline')}-x` }));
      expect(await errorName(noMachine)).toBe('StateMachineDoesNotExist');

      const res = await fetch(local.endpoint, {
        method: 'POST',
        headers: { 'x-amz-target': 'AWSStepFunctions.CreateStateMachine', 'content-type': 'application/x-amz-json-1.0' },
        body: '{}',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
      expect(await res.json()).toMatchObject({ __type: 'com.amazonaws.sfn#UnknownOperationException' });
    });
  });

  it('runs Waits on the virtual clock: 30 days pass with advanceTo, a past timestamp at once', async () => {
    const arn = await start('waits', { caseId: 'e1', past: '2020-01-01T00:00:00Z', inner: { more: 60, keep: { caseId: 'e1', note: 'kept' } } });
    await clock.settled();
    expect(eventsOf('e1').map((e) => e.event)).toEqual(['before-wait', 'past-wait-done']);

    await advance(30 * DAY);
    expect(eventsOf('e1').map((e) => e.event)).toEqual(['before-wait', 'past-wait-done']);
    await advance(60_000); // ByPath: SecondsPath, read after InputPath
    expect(eventsOf('e1').at(-1)).toEqual({ event: 'after-wait', caseId: 'e1', kept: { caseId: 'e1', note: 'kept' } });
    const done = await status(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output).toEqual({ caseId: 'e1', note: 'kept' });
  });

  it('logs one line per start and end', () => {
    expect(logs).toContain('fixture-deadline/case-d1: started');
    expect(logs).toContain('fixture-deadline/case-d1: ABORTED (Closed)');
  });

  it('settles only when every branch is parked or done, and again after a wake until the run blocks', async () => {
    const own = new Clock(true);
    const root = new Scope(new Activity(own), { label: 'unit' });
    // Only "not yet" needs a time bound; a slow machine can only make it pass less often, not wrongly.
    const isDone = (p: Promise<unknown>) => Promise.race([p.then(() => true), sleep(40).then(() => false)]);

    expect(await isDone(own.settled())).toBe(false); // a run that has just started is busy
    const branch = new Scope(new Activity(own), { label: 'unit' }, root);
    expect(await isDone(own.settled())).toBe(false); // its branch runs
    void branch.park(own.sleepUntil(own.now() + 60_000));
    await own.settled(); // the parent waits on a parked branch: nothing runs

    const advanced = own.advanceTo(iso(own.now() + 60_000));
    expect(await isDone(advanced)).toBe(false); // the woken branch runs on
    branch.finish();
    expect(await isDone(advanced)).toBe(false); // and so does its parent
    root.finish();
    await advanced;
  });
});
