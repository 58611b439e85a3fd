import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
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
}
