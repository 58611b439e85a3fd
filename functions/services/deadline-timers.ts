import { escalateDeadline, nextWait, warnDeadline, type Change, type ComplaintCase, type DeadlineName } from '../domain/cases/index.ts';
import { currentCalendar } from '../shared/calendar.ts';
import { logger } from '../shared/logger.ts';
import { units } from '../shared/units.ts';
import { repo } from './complaints.ts';

const IDLE_WAIT_DAYS = 180;

/** What the workflow waits for next, as instants Step Functions' Wait accepts (UTC, RFC 3339). */
export async function nextDeadlineFor(caseId: string, ignorePendingNotices = false) {
  const c = await repo.get(caseId);
  const idle = { deadline: null, warnAt: farFuture(), escalateAt: farFuture(), dueAt: farFuture(), noticesPending: false };
  if (!c) return { ...idle, done: true, version: 0 };
  // An action that committed while the previous send ran left notices behind: send them first.
  if (!ignorePendingNotices && (await repo.pendingNotices(caseId)).length > 0) {
    return { ...idle, done: false, noticesPending: true, version: c.version };
  }
  const wait = nextWait(await currentCalendar(), c);
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
    const c: ComplaintCase | undefined = await repo.get(caseId);
    if (!c) return { changed: false };
    const change: Change | undefined = timer(c, deadline, dueAt, { now: new Date(), calendar: await currentCalendar(), units: units() });
    if (!change) return { changed: false };
    if (await repo.commit(change, c.version)) {
      logger.info(`deadline ${kind}`, { caseId, deadline });
      return { changed: true };
    }
  }
  throw new Error(`case ${caseId} kept changing while recording a ${kind}`);
}

function farFuture(): string {
  return new Date(Date.now() + IDLE_WAIT_DAYS * 24 * 3600 * 1000).toISOString();
}
