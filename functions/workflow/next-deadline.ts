import { nextDeadlineFor } from '../services/deadline-timers.ts';
import { handOverAt } from './hand-over-at.ts';

/**
 * Step Functions task: what to wait for next (or that the case is done), and when this execution
 * must hand the case over to a fresh one (`startedAt` is the execution's start time).
 */
export const handler = async (event: { caseId: string; ignorePendingNotices?: boolean; startedAt?: string }) => ({
  ...(await nextDeadlineFor(event.caseId, event.ignorePendingNotices ?? false)),
  handOverAt: handOverAt(event.startedAt),
});
