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
  type Unit,
} from '../domain/index.ts';
import { caseKinds } from '../domain/kinds.ts';
import { Invalid } from '../domain/errors.ts';
import { isTrackingNo, normaliseTrackingNo } from '../domain/cases/tracking-number.ts';
import { forbidden } from '../shared/errors.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';
import { rememberStaff } from './staff.ts';

export interface CaseListQuery {
  queue: 'mine' | 'unit' | 'all';
  kind?: string;
  status?: string;
  /** Kept for older callers: `true` is `due=overdue`. */
  overdue?: 'true' | 'false';
  unit?: string;
  /** `open` (the inbox: something still to do), `closed` (disposed, replied, closed…) or `all`. */
  state?: 'open' | 'closed' | 'all';
  /** `overdue`: a running deadline has passed; `soon`: one falls due by the end of the next working day. */
  due?: 'overdue' | 'soon';
  /** `me`, `none` (unassigned) or a handler's account. */
  assignee?: string;
  /** A tracking number (the one case, if the reader may open it) or words in the subject or description. */
  q?: string;
  limit: number;
  cursor?: string;
}

/** Every deadline name a case can have open while work remains: the supervision review is the supervisors' own list. */
const workDeadlines = [...new Set(caseKinds.flatMap((k) => Object.keys(kindOf(k).deadlines)))].filter((d) => d !== 'review');

/** The cursor of the "all units" queue: which unit it is on, and that unit's own cursor. */
const allCursor = {
  encode: (unit: number, inner: string) => Buffer.from(JSON.stringify([unit, inner])).toString('base64url'),
  decode(cursor: string): [number, string | undefined] {
    try {
      const [unit, inner] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
      if (Number.isInteger(unit) && (typeof inner === 'string' || inner === null)) return [unit as number, (inner as string | null) ?? undefined];
    } catch {
      // Refused below.
    }
    throw new Invalid('cursor', '翻页参数无效，请从第一页重新查看', 'The paging cursor is not valid: start again from the first page');
  },
};

/**
 * Staff queues, a page at a time: mine (assigned to me), unit (my unit's, or any unit's for
 * supervisors), all. Filters by kind, status, open or closed, deadline, assignee and text run in
 * the store before a page is counted; the cursor is the store's own position (DynamoDB's
 * LastEvaluatedKey), never an offset. A tracking number finds that one case. Whatever the
 * filters, a queue never lists a case its reader could not open.
 */
export async function listCases(user: StaffActor, q: CaseListQuery, now: Date, deps: ServiceDeps = defaultDeps()) {
  const { repo, units } = deps;
  await rememberStaff(user);
  if (q.queue === 'all' && !isSupervisor(user)) throw forbidden();
  if (q.unit && q.unit !== user.unit && !isSupervisor(user)) throw forbidden();
  const calendar = await deps.calendar();
  const visible = (c: CaseRecord) => canSeeCase(user, c);
  const summarise = (cases: CaseRecord[]) =>
    cases
      .filter(visible)
      .map((c) => caseSummary(refreshProvisional(calendar, c), now))
      // Nearest deadline first; cases with nothing running after, newest first.
      .sort((a, b) => byNextDue(a.nextDueAt, b.nextDueAt) || b.receivedAt.localeCompare(a.receivedAt));

  const words = q.q?.trim();
  const trackingNo = words ? normaliseTrackingNo(words) : undefined;
  if (trackingNo && isTrackingNo(trackingNo)) {
    const found = await repo.findByTrackingNo(trackingNo);
    return { items: found ? summarise([found]) : [] };
  }

  const due = q.due ?? (q.overdue === 'true' ? 'overdue' : undefined);
  const base = {
    kinds: q.kind ? [q.kind] : caseKinds.filter((k) => kindOf(k).queued !== false),
    ...(q.status ? { status: q.status } : {}),
    ...(q.state && q.state !== 'all' ? { state: q.state } : {}),
    openDeadlines: workDeadlines,
    ...(q.assignee ? { assignee: q.assignee === 'none' ? null : q.assignee === 'me' ? user.sub : q.assignee } : {}),
    ...(words ? { text: words } : {}),
    ...(due === 'overdue' ? { due: { to: now.toISOString() } } : due === 'soon' ? { due: { from: now.toISOString(), to: dueSoonLimit(calendar, now) } } : {}),
    limit: q.limit,
  };
  const exact = (c: ReturnType<typeof caseSummary>) => q.overdue !== 'false' || !c.overdue;

  if (q.queue !== 'all') {
    const unit = q.unit && isSupervisor(user) ? q.unit : user.unit;
    const by = q.queue === 'mine' ? { assignee: user.sub } : q.state === 'open' ? { openUnit: unit } : { unit };
    const page = await repo.page({ ...base, by, ...(q.cursor ? { cursor: q.cursor } : {}) });
    return { items: summarise(page.items).filter(exact), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }
  // Every unit in turn, each from its own position: the cursor says which unit and where in it.
  const list = units();
  let [at, inner] = q.cursor ? allCursor.decode(q.cursor) : [0, undefined];
  const items: CaseRecord[] = [];
  while (at < list.length && items.length < q.limit) {
    const code = list[at]!.code;
    const by = q.state === 'open' ? { openUnit: code } : { unit: code };
    const page = await repo.page({ ...base, limit: q.limit - items.length, by, ...(inner ? { cursor: inner } : {}) });
    items.push(...page.items);
    if (page.cursor) inner = page.cursor;
    else {
      at += 1;
      inner = undefined;
    }
  }
  const more = at < list.length;
  return { items: summarise(items).filter(exact), ...(more ? { cursor: allCursor.encode(at, inner ?? '') } : {}) };
}

const unitNameEn = (list: Unit[], code: string) => {
  const u = list.find((x) => x.code === code);
  return u?.nameEn ?? u?.name ?? code;
};

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
      unitNameEn: unitNameEn(unitList, c.unit),
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
      unitNameEn: unitNameEn(unitList, c.unit),
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
        unitNameEn: u.nameEn ?? u.name,
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
