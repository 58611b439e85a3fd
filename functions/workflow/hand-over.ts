import { StepFunctionsCaseWorkflow } from '../adapters/stepfunctions/case-workflow.ts';

let workflow: StepFunctionsCaseWorkflow | undefined;

/**
 * Step Functions task: continue-as-new. Starts the case's next execution generation; the calling
 * execution then ends, before its history or its age come near Step Functions' limits.
 */
export const handler = async (event: { caseId: string; execution: string }) => ({
  execution: await (workflow ??= new StepFunctionsCaseWorkflow()).handOver(event.caseId, event.execution),
});
