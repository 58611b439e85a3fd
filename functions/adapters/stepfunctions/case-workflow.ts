import { DescribeExecutionCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { CaseWorkflow } from '../../domain/cases/ports.ts';
import { config } from '../../shared/config.ts';
import { logger } from '../../shared/logger.ts';

let client: SFNClient | undefined;
const sfn = () => (client ??= new SFNClient({}));

/** Tokens that no longer wait (the race ended, the execution moved on): nothing to resume. */
const STALE_TOKEN = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/** The complaint lifecycle state machine: one Standard execution per case, named by the case id. */
export class StepFunctionsCaseWorkflow implements CaseWorkflow {
  constructor(private readonly stateMachineArn = config.caseStateMachineArn) {}

  async start(caseId: string, executionName = caseId): Promise<void> {
    try {
      await sfn().send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: executionName, input: JSON.stringify({ caseId }) }));
    } catch (error) {
      // The name makes a retried start harmless: the first execution is the one.
      if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
    }
  }

  async resume(token: string): Promise<void> {
    try {
      await sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    } catch (error) {
      if (!STALE_TOKEN.has((error as Error).name)) throw error;
      logger.debug('workflow token no longer waiting', { errorName: (error as Error).name });
    }
  }

  /**
   * Makes sure an open case has a running execution: its first (named by the case id), its review
   * execution, or a later generation (`<caseId>-g2`, `-g3`, …) started when every earlier one has
   * ended (failed, timed out, aborted, handed over). A closed execution's name cannot be reused,
   * hence the generations. Returns whether one had to be started.
   */
  async ensureRunning(caseId: string): Promise<'running' | 'started'> {
    for (const name of executionNames(caseId)) {
      const status = await this.status(name);
      if (status === 'RUNNING') return 'running';
      if (status !== 'missing' || name.endsWith('-review')) continue;
      await sfn().send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify({ caseId }) }));
      logger.warn('workflow restarted', { caseId, execution: name });
      return 'started';
    }
    throw new Error(`case ${caseId}: no execution generation left`);
  }

  /**
   * Continue-as-new: the execution `from` hands the case over to the next generation after it.
   * The input is always `{caseId}`, so a retried hand-over finds its own start running and AWS
   * answers it as a repeat; a name already closed (the reconciler used it) is skipped.
   */
  async handOver(caseId: string, from: string): Promise<string> {
    const names = executionNames(caseId).filter((name) => !name.endsWith('-review'));
    const after = from.endsWith('-review') ? 0 : names.indexOf(from) + 1;
    if (after === 0 && !from.endsWith('-review')) throw new Error(`case ${caseId}: ${from} is not one of its executions`);
    for (const name of names.slice(after)) {
      try {
        await sfn().send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify({ caseId }) }));
        logger.info('workflow handed over', { caseId, from, execution: name });
        return name;
      } catch (error) {
        if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
      }
    }
    throw new Error(`case ${caseId}: no execution generation left`);
  }

  private async status(name: string): Promise<string> {
    const executionArn = `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    try {
      return (await sfn().send(new DescribeExecutionCommand({ executionArn }))).status ?? 'UNKNOWN';
    } catch (error) {
      if ((error as Error).name === 'ExecutionDoesNotExist') return 'missing';
      throw error;
    }
  }
}

const MAX_GENERATIONS = 50;

/**
 * Every execution name a case may have, in order: the first, the supervision review's, then the
 * generations. About one generation a year (hand-over at 300 days) in normal operation.
 */
function executionNames(caseId: string): string[] {
  return [caseId, `${caseId}-review`, ...Array.from({ length: MAX_GENERATIONS - 1 }, (_, i) => `${caseId}-g${i + 2}`)];
}
