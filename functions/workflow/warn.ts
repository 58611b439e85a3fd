import { fireTimer } from '../services/deadline-timers.ts';

/** Step Functions task: one working day before a deadline, warn the handler (once per due time). */
export const handler = async (event: { caseId: string; deadline: string | null; dueAt?: string }) =>
  fireTimer('warn', event.caseId, event.deadline, event.dueAt);
