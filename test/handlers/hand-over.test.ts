import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/workflow/hand-over.ts';
import { HAND_OVER_AFTER_DAYS, handOverAt } from '../../functions/workflow/hand-over-at.ts';
import { mockedAws } from './support.ts';

/** Continue-as-new: the task starts the case's next execution generation, whatever has happened to the names before. */
const aws = mockedAws();
process.env.CASE_STATE_MACHINE_ARN = 'arn:aws-cn:states:cn-north-1:111122223333:stateMachine:DisclosureStateless-dev-case-lifecycle';
const exists = Object.assign(new Error('exists'), { name: 'ExecutionAlreadyExists' });
const started = () => aws.sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input);

describe('HandOver task', () => {
  it('starts the next generation with the case id as its only input', async () => {
    aws.sfn.on(StartExecutionCommand).resolves({ executionArn: 'x' });
    expect(await handler({ caseId: 'c1', execution: 'c1' })).toEqual({ execution: 'c1-g2' });
    expect(await handler({ caseId: 'c1', execution: 'c1-g7' })).toEqual({ execution: 'c1-g8' });
    expect(started()).toEqual([
      { stateMachineArn: process.env.CASE_STATE_MACHINE_ARN, name: 'c1-g2', input: '{"caseId":"c1"}' },
      { stateMachineArn: process.env.CASE_STATE_MACHINE_ARN, name: 'c1-g8', input: '{"caseId":"c1"}' },
    ]);
  });

  it('skips names already used (closed executions), and the review execution hands over to a generation', async () => {
    aws.sfn.on(StartExecutionCommand, { name: 'c2' }).rejects(exists).on(StartExecutionCommand, { name: 'c2-g2' }).rejects(exists).on(StartExecutionCommand, { name: 'c2-g3' }).resolves({});
    expect(await handler({ caseId: 'c2', execution: 'c2-review' })).toEqual({ execution: 'c2-g3' });
    expect(started().map((i) => i.name)).toEqual(['c2', 'c2-g2', 'c2-g3']);
  });

  it('fails (the state machine retries it) on any other error, and on a name that is not the case’s', async () => {
    aws.sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    await expect(handler({ caseId: 'c3', execution: 'c3' })).rejects.toThrow('throttled');
    await expect(handler({ caseId: 'c3', execution: 'other-case' })).rejects.toThrow('not one of its executions');
  });

  it('hands over 300 days after the execution started, well inside the one-year limit', () => {
    expect(HAND_OVER_AFTER_DAYS).toBeLessThanOrEqual(330);
    expect(handOverAt('2026-11-02T01:00:00.000Z')).toBe('2027-08-29T01:00:00.000Z');
    expect(handOverAt(undefined, new Date('2026-01-01T00:00:00Z'))).toBe('2026-10-28T00:00:00.000Z');
  });
});
