/**
 * Functions that state machines call as Lambda tasks. In an ASL file a task names its function
 * as `${<name>FunctionArn}`; CDK substitutes the deployed ARN, the local runtime a local one.
 */
import type { Permission } from '../http/routes.ts';

export interface WorkflowTaskDef {
  name: string;
  handler: string;
  permissions?: Permission[];
}

export const workflowTasks: WorkflowTaskDef[] = [];
