import { escalateDeadline, kindOf, nextWait, refreshProvisional, warnDeadline, type CaseRecord } from '../domain/index.ts';
import { logger } from '../shared/logger.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';

const IDLE_WAIT_DAYS = 180;
/** After the send task itself failed (even with the state machine's retries): try the notices again no sooner than this. */
const NOTICE_RETRY_AFTER_FAILED_RUN_MS = 15 * 60 * 1000;

/** What the workflow waits for next, as instants Step Functions' Wait accepts (UTC, RFC 3339). */
export async function nextDeadlineFor(caseId: string, ignorePendingNotices = false, deps: ServiceDeps = defaultDeps()) {
  const { repo } = deps;
  const stored = await repo.get(caseId);
  const idle = { deadline: null, warnAt: farFuture(deps), escalateAt: farFuture(deps), dueAt: farFuture(deps), noticesPending: false, noticesRetryAt: farFuture(deps) };
  if (!stored) return { ...idle, done: true, version: 0 };
  // The race's third branch wakes the workflow when a notice is due again (a failed send's retry
  // time, or the lease of a run that died while sending), so nothing waits for the next event.
  const dueAgain = await repo.noticesDueAgainAt(caseId);
  const notBefore = deps.now().getTime() + (ignorePendingNotices ? NOTICE_RETRY_AFTER_FAILED_RUN_MS : 0);
  const noticesRetryAt = dueAgain ? new Date(Math.max(Date.parse(dueAgain), notBefore)).toISOString() : idle.noticesRetryAt;
  const calendar = await deps.calendar();
  const c = await persistRefreshed(stored, refreshProvisional(calendar, stored), deps);
  // An action that committed while the previous send ran left notices behind: send them first.
  if (!ignorePendingNotices && (await repo.pendingNotices(caseId)).length > 0) {
    return { ...idle, done: false, noticesPending: true, version: c.version };
  }
  const wait = nextWait(calendar, c, kindOf(c.kind).waitsIn);
  // Done only once nothing is left to send either (a notice waiting for its retry keeps the workflow).
  if (wait.done && !dueAgain) return { ...idle, done: true, version: c.version };
  if (wait.done || wait.deadline === null) {
    // Every open deadline is escalated or paused: only an action (or a notice due again) moves the case on.
    return { ...idle, done: false, version: c.version, noticesRetryAt };
  }
  return {
    done: false,
    noticesPending: false,
    noticesRetryAt,
    deadline: wait.deadline,
    warnAt: new Date(wait.warnAt).toISOString(),
    // The deadline is the end of its day (23:59:59 +08:00): it has passed one second later.
    escalateAt: new Date(Date.parse(wait.dueAt) + 1000).toISOString(),
    dueAt: wait.dueAt,
    version: c.version,
  };
}

/** Applies a warning or an escalation (or the kind's consequence), re-reading the case if a handler wrote in between. */
export async function fireTimer(timer: 'warn' | 'escalate', caseId: string, deadline: string | null, dueAt: string | undefined, deps: ServiceDeps = defaultDeps()) {
  if (!deadline || !dueAt) return { changed: false };
  const decide = timer === 'warn' ? warnDeadline : escalateDeadline;
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await deps.repo.get(caseId);
    if (!stored) return { changed: false };
    const calendar = await deps.calendar();
    // A schedule loaded since may have moved a provisional deadline: the timer then no longer matches.
    const c = refreshProvisional(calendar, stored);
    const change = decide(c, deadline, dueAt, { now: deps.now(), calendar, units: deps.units() });
    if (!change) return { changed: false };
    if (await deps.repo.commit(change, c.version)) {
      logger.info(`deadline ${timer}`, { caseId, deadline });
      return { changed: true };
    }
  }
  throw new Error(`case ${caseId} kept changing while recording a ${timer}`);
}

/** Stores recomputed provisional deadlines so waits and the overdue index follow the real calendar. */
async function persistRefreshed(stored: CaseRecord, fresh: CaseRecord, deps: ServiceDeps): Promise<CaseRecord> {
  if (fresh === stored) return stored;
  const next = { ...fresh, version: stored.version + 1 };
  return (await deps.repo.commit({ next, events: [], notices: [] }, stored.version)) ? next : stored;
}

function farFuture(deps: ServiceDeps): string {
  return new Date(deps.now().getTime() + IDLE_WAIT_DAYS * 24 * 3600 * 1000).toISOString();
}
