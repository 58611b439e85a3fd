import { repo } from '../services/complaints.ts';
import { StepFunctionsCaseWorkflow } from '../adapters/stepfunctions/case-workflow.ts';

/**
 * Step Functions callback task: remembers the token the execution waits on, for the version of the
 * case it decided on. If the case changed since, the wait is already out of date: resume at once
 * so the workflow looks again.
 */
export const handler = async (event: { caseId: string; version: number; taskToken: string }) => {
  const stored = await repo.setWaitToken(event.caseId, event.version, event.taskToken);
  if (!stored) await new StepFunctionsCaseWorkflow().resume(event.taskToken);
  return { stored };
};
