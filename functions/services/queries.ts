import { addDays, endOfDay, shanghaiDate, type WorkingCalendar } from '../domain/calendar/index.ts';
import {
  canSeeCase,
  caseSummary,
  isDueSoon,
  isSupervisor,
  kindOf,
  openDeadlines,
  overdueDeadlines,
  refreshProvisional,
  workingDaysOverdue,
  type CaseRecord,
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
    cases = (await Promise.all(units().map((u) => repo.byUnit(u.code)))).flat();
  } else {
    const unit = q.unit && isSupervisor(user) ? q.unit : user.unit;
    if (q.unit && q.unit !== user.unit && !isSupervisor(user)) throw forbidden();
    cases = await repo.byUnit(unit);
  }
  const calendar = await deps.calendar();
  const items = cases
    // The same rule as opening one case: a queue never lists what its reader could not open
    // (a case assigned to them that has since moved to another unit, say).
    .filter((c) => canSeeCase(user, c))
    .map((c) => refreshProvisional(calendar, c))
    .filter((c) => (!q.status || c.status === q.status) && (!q.kind || c.kind === q.kind))
    .map((c) => caseSummary(c, now))
    .filter((c) => q.overdue === undefined || c.overdue === (q.overdue === 'true'))
    // Nearest deadline first; closed cases (no open deadline) after, newest first.
    .sort((a, b) => byNextDue(a.nextDueAt, b.nextDueAt) || b.receivedAt.localeCompare(a.receivedAt));
  return { items };
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
 * Overdue and due-soon deadlines for supervisors, read from the sparse index of open deadlines
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
    for (const d of openDeadlines(c).filter((open) => !open.suspended)) {
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
        version: c.version,
      };
      if (overdueDeadlines(c, now).includes(d)) overdue.push(item);
      else if (isDueSoon(calendar, d, now)) dueSoon.push(item);
    }
  }
  overdue.sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.dueAt.localeCompare(b.dueAt));
  dueSoon.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  // Every open supervision review (督办复查) from the moment it opens, with its own deadline.
  const reviews = (await repo.openReviews()).map((c) => {
    const d = c.deadlines.review!;
    return {
      caseId: c.caseId,
      trackingNo: c.trackingNo,
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

/** Per unit: received, on time, overdue, on-time rate and ratings, for cases received in [from, to]. */
export async function unitStats(from: Date, to: Date, now: Date, deps: ServiceDeps = defaultDeps()) {
  const { repo, units } = deps;
  const unitList = units();
  const perUnit = await Promise.all(
    unitList.map(async (u) => {
      const cases = await repo.byUnit(u.code, from.toISOString(), to.toISOString());
      const late = (c: CaseRecord) => c.escalated || Object.values(c.deadlines).some((d) => d?.late) || overdueDeadlines(c, now).length > 0;
      const lateCount = cases.filter(late).length;
      const ratings = { satisfied: 0, 'basically-satisfied': 0, dissatisfied: 0 };
      for (const c of cases) if (c.rating) ratings[c.rating.rating] += 1;
      const rated = ratings.satisfied + ratings['basically-satisfied'] + ratings.dissatisfied;
      return {
        unit: u.code,
        unitName: u.name,
        received: cases.length,
        closed: cases.filter((c) => Object.values(c.deadlines).every((d) => d?.state !== 'open' || d.name === 'review')).length,
        onTime: cases.length - lateCount,
        late: lateCount,
        overdue: cases.filter((c) => overdueDeadlines(c, now).length > 0).length,
        onTimeRate: cases.length ? Math.round(((cases.length - lateCount) / cases.length) * 1000) / 1000 : null,
        ratings,
        satisfactionRate: rated ? Math.round(((ratings.satisfied + ratings['basically-satisfied']) / rated) * 1000) / 1000 : null,
      };
    }),
  );
  return { from: from.toISOString(), to: to.toISOString(), items: perUnit };
}
