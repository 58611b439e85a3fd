/**
 * The local Step Functions stand-in enforces Step Functions' hard limits on one execution, so
 * tests see what AWS would do: past the history-event limit an execution fails (States.Runtime),
 * past its one-year lifetime (virtual time) it times out.
 */
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../infra/local/clock.ts';
import { AWS_LIMITS } from '../../infra/local/stepfunctions/executions.ts';
import { startLocalStepFunctions } from '../../infra/local/stepfunctions/index.ts';

const DAY = 24 * 3600 * 1000;
const REGION = 'cn-north-1';
const machine = (id: string) => ({ id: `limits-${id}`, file: `test/fixtures/state-machines/${id}.asl.json`, envVar: `LIMITS_${id.toUpperCase().replace(/-/g, '_')}_ARN`, tasks: [] });
const HISTORY_LIMIT = 200;

const clock = new Clock(true);
const logs: string[] = [];
let local: Awaited<ReturnType<typeof startLocalStepFunctions>>;
let sfn: SFNClient;

beforeAll(async () => {
  local = await startLocalStepFunctions({
    clock,
    region: REGION,
    stateMachines: [machine('forever'), machine('long-wait')],
    tasks: [{ name: 'Add', handler: 'workflow/add.ts' }],
    functionsDir: new URL('../fixtures', import.meta.url).pathname,
    limits: { historyEvents: HISTORY_LIMIT },
    log: (l) => logs.push(l),
  });
  sfn = new SFNClient({ region: REGION, endpoint: local.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});

afterAll(async () => {
  sfn?.destroy();
  await local?.stop();
});

const iso = (ms: number) => new Date(ms).toISOString();
const start = async (id: string, input: unknown) =>
  (await sfn.send(new StartExecutionCommand({ stateMachineArn: process.env[machine(id).envVar], input: JSON.stringify(input) }))).executionArn!;
/** Moves the clock an hour at a time: one jump would run only one loop of relative Waits. */
async function walk(ms: number) {
  const until = clock.now() + ms;
  while (clock.now() < until) await clock.advanceTo(iso(Math.min(until, clock.now() + 3600 * 1000)));
}
const describeExecution = (executionArn: string) => sfn.send(new DescribeExecutionCommand({ executionArn }));

describe('local Step Functions limits', () => {
  it("has AWS's limits by default: 25,000 history events and one year", () => {
    expect(AWS_LIMITS).toEqual({ historyEvents: 25_000, lifetimeSeconds: 365 * 24 * 3600 });
  });

  it('fails an execution that reaches the history-event limit, as AWS does', async () => {
    const arn = await start('forever', {});
    // Nine events a loop (a task's entry, three task events and exit; a Wait; a Pass): about 22 loops fit.
    await walk(10 * 3600 * 1000);
    expect((await describeExecution(arn)).status).toBe('RUNNING');
    await walk(2 * DAY);
    const done = await describeExecution(arn);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('States.Runtime');
    expect(done.cause).toContain(`maximum number of history events (${HISTORY_LIMIT})`);
    // It stopped where it failed: no more loops run afterwards.
    const ticks = logs.length;
    await walk(DAY);
    expect(logs.length).toBe(ticks);
    const stoppedAt = done.stopDate!.getTime() - done.startDate!.getTime();
    expect(stoppedAt).toBeGreaterThan(15 * 3600 * 1000);
    expect(stoppedAt).toBeLessThan(30 * 3600 * 1000);
  });

  it('times out an execution that runs longer than a year of virtual time, and only that one', async () => {
    const now = clock.now();
    const tooLong = await start('long-wait', { until: iso(now + 2 * 365 * DAY) });
    const withinAYear = await start('long-wait', { until: iso(now + 300 * DAY) });
    await clock.advanceTo(iso(now + 364 * DAY));
    expect((await describeExecution(tooLong)).status).toBe('RUNNING');
    expect((await describeExecution(withinAYear)).status).toBe('SUCCEEDED');
    await clock.advanceTo(iso(now + 366 * DAY));
    const done = await describeExecution(tooLong);
    expect(done.status).toBe('TIMED_OUT');
    expect(done.error).toBe('States.Timeout');
    expect(done.stopDate!.getTime() - done.startDate!.getTime()).toBe(365 * DAY);
  });
});
