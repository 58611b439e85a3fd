import type { Permission } from '../http/routes.ts';

/**
 * Functions that state machines call as Lambda tasks. In an ASL file a task names its function
 * as `${<name>FunctionArn}`; CDK substitutes the deployed ARN, the local runtime a local one.
 */
export interface WorkflowTaskDef {
  name: string;
  handler: string;
  permissions?: Permission[];
}

export const workflowTasks: WorkflowTaskDef[] = [
  { name: 'SendNotices', handler: 'workflow/send-notices.ts', permissions: ['vault:decrypt', 'mail:send'] },
  { name: 'NextDeadline', handler: 'workflow/next-deadline.ts' },
  { name: 'RegisterWait', handler: 'workflow/register-wait.ts' },
  { name: 'Warn', handler: 'workflow/warn.ts' },
  { name: 'Escalate', handler: 'workflow/escalate.ts' },
];
