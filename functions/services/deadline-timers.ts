import { escalateDeadline, nextWait, refreshProvisional, warnDeadline, type Change, type ComplaintCase, type DeadlineName } from '../domain/cases/index.ts';
import { currentCalendar } from '../shared/calendar.ts';
import { logger } from '../shared/logger.ts';
import { units } from '../shared/units.ts';
import { repo } from './complaints.ts';

const IDLE_WAIT_DAYS = 180;

/** What the workflow waits for next, as instants Step Functions' Wait accepts (UTC, RFC 3339). */
export async function nextDeadlineFor(caseId: string, ignorePendingNotices = false) {
  const stored = await repo.get(caseId);
  const idle = { deadline: null, warnAt: farFuture(), escalateAt: farFuture(), dueAt: farFuture(), noticesPending: false };
  if (!stored) return { ...idle, done: true, version: 0 };
  const calendar = await currentCalendar();
  const c = await persistRefreshed(stored, refreshProvisional(calendar, stored));
  // An action that committed while the previous send ran left notices behind: send them first.
  if (!ignorePendingNotices && (await repo.pendingNotices(caseId)).length > 0) {
    return { ...idle, done: false, noticesPending: true, version: c.version };
  }
  const wait = nextWait(calendar, c);
  if (wait.done) return { ...idle, done: true, version: c.version };
  if (wait.deadline === null) {
    // Every open deadline is already escalated: only a handler action moves the case on.
    return { ...idle, done: false, version: c.version };
  }
  return {
    done: false,
    noticesPending: false,
    deadline: wait.deadline,
    warnAt: new Date(wait.warnAt).toISOString(),
    // The deadline is the end of its day (23:59:59 +08:00): it has passed one second later.
    escalateAt: new Date(Date.parse(wait.dueAt) + 1000).toISOString(),
    dueAt: wait.dueAt,
    version: c.version,
  };
}

type Timer = typeof warnDeadline;

/** Applies a warning or an escalation, re-reading the case if a handler wrote in between. */
export async function fireTimer(kind: 'warn' | 'escalate', caseId: string, deadline: DeadlineName | null, dueAt: string | undefined) {
  if (!deadline || !dueAt) return { changed: false };
  const timer: Timer = kind === 'warn' ? warnDeadline : escalateDeadline;
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored: ComplaintCase | undefined = await repo.get(caseId);
    if (!stored) return { changed: false };
    const calendar = await currentCalendar();
    // A schedule loaded since may have moved a provisional deadline: the timer then no longer matches.
    const c = refreshProvisional(calendar, stored);
    const change: Change | undefined = timer(c, deadline, dueAt, { now: new Date(), calendar, units: units() });
    if (!change) return { changed: false };
    if (await repo.commit(change, c.version)) {
      logger.info(`deadline ${kind}`, { caseId, deadline });
      return { changed: true };
    }
  }
  throw new Error(`case ${caseId} kept changing while recording a ${kind}`);
}

/** Stores recomputed provisional deadlines so waits and the overdue index follow the real calendar. */
async function persistRefreshed(stored: ComplaintCase, fresh: ComplaintCase): Promise<ComplaintCase> {
  if (fresh === stored) return stored;
  const next = { ...fresh, version: stored.version + 1 };
  return (await repo.commit({ next, events: [], notices: [] }, stored.version)) ? next : stored;
}

function farFuture(): string {
  return new Date(Date.now() + IDLE_WAIT_DAYS * 24 * 3600 * 1000).toISOString();
}
