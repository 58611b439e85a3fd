import {
  calendarList,
  caseGet,
  casePut,
  caseQuery,
  fireTimerAccess,
  mailSend,
  noticeUpdate,
  smsSend,
  vaultRead,
  waitTokenPut,
  workflowResume,
  workflowStart,
  type Access,
} from '../adapters/access.ts';

/**
 * Functions that state machines call as Lambda tasks. In an ASL file a task names its function
 * as `${<name>FunctionArn}`; CDK substitutes the deployed ARN, the local runtime a local one.
 */
export interface WorkflowTaskDef {
  name: string;
  handler: string;
  /** Everything the task's code does on AWS; required (see RouteDef.access in functions/http/routes.ts). */
  access: readonly Access[];
}

export const workflowTasks: WorkflowTaskDef[] = [
  {
    name: 'SendNotices',
    handler: 'workflow/send-notices.ts',
    // pendingNotices, claim/mark, the case, the reporter's e-mail address or (no e-mail) phone
    // and no other field, mail, SMS.
    access: [caseQuery, noticeUpdate, caseGet, vaultRead('email', 'phone'), mailSend, smsSend],
  },
  // Load, store refreshed provisional deadlines, check pending notices.
  { name: 'NextDeadline', handler: 'workflow/next-deadline.ts', access: [caseGet, calendarList, casePut, caseQuery] },
  { name: 'RegisterWait', handler: 'workflow/register-wait.ts', access: [waitTokenPut, workflowResume] },
  { name: 'Warn', handler: 'workflow/warn.ts', access: fireTimerAccess },
  { name: 'Escalate', handler: 'workflow/escalate.ts', access: fireTimerAccess },
  // Continue-as-new: StartExecution of the case's next generation on its own state machine.
  { name: 'HandOver', handler: 'workflow/hand-over.ts', access: [workflowStart] },
];
