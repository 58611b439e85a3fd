import { addDays, endOfDay, shanghaiDate, type WorkingCalendar } from '../domain/calendar/index.ts';
import {
  canSeeCase,
  caseSummary,
  consultationStats,
  isDueSoon,
  isSupervisor,
  kindOf,
  openDeadlines,
  overdueDeadlines,
  refreshProvisional,
  workingDaysOverdue,
  type CaseRecord,
  type ConsultationCase,
  type StaffActor,
} from '../domain/index.ts';
import { forbidden } from '../shared/errors.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';
import { rememberStaff } from './staff.ts';

/** Staff queues: mine (assigned to me), unit (my unit's, or any unit's for supervisors), all. */
export async function listCases(
  user: StaffActor,
  q: { queue: 'mine' | 'unit' | 'all'; status?: string; kind?: string; overdue?: 'true' | 'false'; unit?: string },
  now: Date,
  deps: ServiceDeps = defaultDeps(),
) {
  const { repo, units } = deps;
  await rememberStaff(user);
  let cases: CaseRecord[];
  if (q.queue === 'mine') cases = await repo.byAssignee(user.sub);
  else if (q.queue === 'all') {
    if (!isSupervisor(user)) throw forbidden();
    cases = (await Promise.all(units().map((u) => unitQueue(u.code, deps)))).flat();
  } else {
    const unit = q.unit && isSupervisor(user) ? q.unit : user.unit;
    if (q.unit && q.unit !== user.unit && !isSupervisor(user)) throw forbidden();
    cases = await unitQueue(unit, deps);
  }
  const calendar = await deps.calendar();
  const items = cases
    // The same rule as opening one case: a queue never lists what its reader could not open
    // (a case assigned to them that has since moved to another unit, say).
    .filter((c) => canSeeCase(user, c))
    .map((c) => refreshProvisional(calendar, c))
    // Comments are seen on their consultation, not one by one in the queues (unless asked for by kind).
    .filter((c) => (q.kind ? c.kind === q.kind : kindOf(c.kind).queued !== false) && (!q.status || c.status === q.status))
    .map((c) => caseSummary(c, now))
    .filter((c) => q.overdue === undefined || c.overdue === (q.overdue === 'true'))
    // Nearest deadline first; closed cases (no open deadline) after, newest first.
    .sort((a, b) => byNextDue(a.nextDueAt, b.nextDueAt) || b.receivedAt.localeCompare(a.receivedAt));
  return { items };
}

/** How many of a unit's latest cases a queue shows beside its open ones (closed ones, mostly). */
export const RECENT_IN_QUEUE = 100;

/**
 * A unit's queue: every open case (the sparse index of open deadlines) and its most recent
 * cases, so the read follows the open work, not every case the unit ever received (flat as the
 * table grows: `npm run bench -- reads`). Older closed cases are in the statistics and reports.
 */
async function unitQueue(unit: string, deps: ServiceDeps): Promise<CaseRecord[]> {
  const [open, recent] = await Promise.all([deps.repo.openByUnit(unit), deps.repo.recentByUnit(unit, RECENT_IN_QUEUE)]);
  return [...new Map([...recent, ...open].map((c) => [c.caseId, c])).values()];
}

function byNextDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return Date.parse(a) - Date.parse(b);
}

/** The end of the next working day after today: "due within one working day". */
function dueSoonLimit(calendar: WorkingCalendar, now: Date): string {
  let next = addDays(shanghaiDate(now), 1);
  while (!calendar.isWorkingDay(next)) next = addDays(next, 1);
  return new Date(endOfDay(next)).toISOString();
}

/**
 * Overdue and due-soon cases for supervisors, one row per case with its most urgent deadline
 * (the most overdue one, else the one due first), and how many other deadlines are open on it; read from the sparse index of open deadlines
 * ordered by due time: the cost follows the open cases due, not every case ever received.
 */
export async function overdueView(now: Date, deps: ServiceDeps = defaultDeps()) {
  const { repo, units } = deps;
  const calendar = await deps.calendar();
  const limit = dueSoonLimit(calendar, now);
  const unitList = units();
  const cases = (await Promise.all(unitList.map((u) => repo.openByUnit(u.code, limit)))).flat().map((c) => refreshProvisional(calendar, c));
  const overdue = [];
  const dueSoon = [];
  for (const c of cases) {
    const running = openDeadlines(c).filter((open) => !open.suspended);
    const late = overdueDeadlines(c, now);
    // openDeadlines is earliest first: the first overdue one is the most overdue.
    const d = late[0] ?? running.find((open) => isDueSoon(calendar, open, now));
    if (!d) continue;
    const item = {
      caseId: c.caseId,
      trackingNo: c.trackingNo,
      kind: c.kind,
      subject: c.subject,
      status: c.status,
      unit: c.unit,
      unitName: unitList.find((u) => u.code === c.unit)?.name ?? c.unit,
      assigneeName: c.assigneeName ?? null,
      deadline: d.name,
      deadlineLabel: kindOf(c.kind).deadlines[d.name]?.label ?? { zh: d.name, en: d.name },
      dueAt: d.dueAt,
      workingDaysOverdue: workingDaysOverdue(calendar, d, now),
      escalated: d.escalatedFor === d.dueAt,
      urged: c.urged,
      /** Other open deadlines on the same case (shown as "and n more"). */
      otherOpen: running.length - 1,
      version: c.version,
    };
    if (late.length > 0) overdue.push(item);
    else dueSoon.push(item);
  }
  overdue.sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.dueAt.localeCompare(b.dueAt));
  dueSoon.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  // Every open supervision review (督办复查) from the moment it opens, with its own deadline.
  const reviews = (await repo.openReviews()).map((c) => {
    const d = c.deadlines.review!;
    return {
      caseId: c.caseId,
      trackingNo: c.trackingNo,
      kind: c.kind,
      subject: c.subject,
      unit: c.unit,
      unitName: unitList.find((u) => u.code === c.unit)?.name ?? c.unit,
      deadline: d.name,
      dueAt: d.dueAt,
      overdue: overdueDeadlines(c, now).includes(d),
      workingDaysOverdue: workingDaysOverdue(calendar, d, now),
      ratingComment: c.rating?.comment ?? null,
      version: c.version,
    };
  });
  return { overdue, dueSoon, reviews, asOf: now.toISOString() };
}

/**
 * Per unit, for cases received in [from, to]: received, closed, on time, late, overdue now, and
 * rates only over the cases that reached the milestone: the on-time rate over cases closed or
 * late (a case still running within its deadlines counts in neither), the satisfaction rate
 * over rated cases. Null where no case reached it.
 */
export async function unitStats(from: Date, to: Date, now: Date, deps: ServiceDeps = defaultDeps()) {
  const { repo, units } = deps;
  const unitList = units();
  const consultations: ConsultationCase[] = [];
  let commentsReceived = 0;
  const perUnit = await Promise.all(
    unitList.map(async (u) => {
      const all = await repo.byUnit(u.code, from.toISOString(), to.toISOString());
      consultations.push(...all.filter((c): c is ConsultationCase => c.kind === 'consultation'));
      commentsReceived += all.filter((c) => c.kind === 'comment').length;
      // Comments are not cases a unit handles: its consultation's report deadline is what counts.
      const cases = all.filter((c) => kindOf(c.kind).queued !== false);
      const late = (c: CaseRecord) => c.escalated || Object.values(c.deadlines).some((d) => d?.late) || overdueDeadlines(c, now).length > 0;
      const lateCount = cases.filter(late).length;
      const closed = (c: CaseRecord) => Object.values(c.deadlines).every((d) => d?.state !== 'open' || d.name === 'review');
      const onTime = cases.filter((c) => closed(c) && !late(c)).length;
      const ratings = { satisfied: 0, 'basically-satisfied': 0, dissatisfied: 0 };
      for (const c of cases) if (c.rating) ratings[c.rating.rating] += 1;
      const rated = ratings.satisfied + ratings['basically-satisfied'] + ratings.dissatisfied;
      return {
        unit: u.code,
        unitName: u.name,
        received: cases.length,
        closed: cases.filter(closed).length,
        onTime,
        late: lateCount,
        overdue: cases.filter((c) => overdueDeadlines(c, now).length > 0).length,
        onTimeRate: onTime + lateCount ? Math.round((onTime / (onTime + lateCount)) * 1000) / 1000 : null,
        ratings,
        satisfactionRate: rated ? Math.round(((ratings.satisfied + ratings['basically-satisfied']) / rated) * 1000) / 1000 : null,
      };
    }),
  );
  return { from: from.toISOString(), to: to.toISOString(), items: perUnit, consultations: consultationStats(consultations, commentsReceived, now) };
}
