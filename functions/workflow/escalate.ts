import { fireTimer } from '../services/deadline-timers.ts';

/** Step Functions task: a deadline passed without the action: escalate to supervisors (once per due time). */
export const handler = async (event: { caseId: string; deadline: string | null; dueAt?: string }) =>
  fireTimer('escalate', event.caseId, event.deadline, event.dueAt);
