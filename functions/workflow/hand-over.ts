import { StepFunctionsCaseWorkflow } from '../adapters/stepfunctions/case-workflow.ts';

const workflow = new StepFunctionsCaseWorkflow();

/**
 * Step Functions task: continue-as-new. Starts the case's next execution generation; the calling
 * execution then ends, before its history or its age come near Step Functions' limits.
 */
export const handler = async (event: { caseId: string; execution: string }) => ({
  execution: await workflow.handOver(event.caseId, event.execution),
});
