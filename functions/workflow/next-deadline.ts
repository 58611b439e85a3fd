import { nextDeadlineFor } from '../services/deadline-timers.ts';

/** Step Functions task: what to wait for next (or that the case is done). */
export const handler = async (event: { caseId: string; ignorePendingNotices?: boolean }) =>
  nextDeadlineFor(event.caseId, event.ignorePendingNotices ?? false);
