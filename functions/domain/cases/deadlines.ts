import {
  addDays,
  dueAt as computeDueAt,
  explainDeadline,
  isOverdue,
  shanghaiDate,
  toShanghaiIso,
  workingDaysBetween,
  type CivilDate,
  type WorkingCalendar,
} from '../calendar/index.ts';
import type { DeadlineDef } from './kind.ts';
import type { CaseRecord, DeadlineState, Extension, PauseSpan } from './model.ts';

/** Hour of the Shanghai working day at which "due on the next working day" warnings go out. */
const WARNING_HOUR = '09:00:00';

/** Working days in force (extensions included; each is also listed in `extensions`). */
export const totalWorkingDays = (d: Pick<DeadlineState, 'workingDays'>) => d.workingDays;

const closedPauses = (d: DeadlineState) => (d.pauses ?? []).filter((p): p is Required<PauseSpan> => p.to !== undefined);

/**
 * The one computation of a deadline's due time: from its start, working days, extensions and
 * pauses. Every change to a deadline goes through here; nothing else computes a due date.
 * While a pause is open the stored due time is the one the closed pauses give (the clock will
 * add the open one's days when it runs again) and the deadline is `suspended`.
 */
export function timed(calendar: WorkingCalendar, d: DeadlineState): DeadlineState {
  const due = d.at
    ? { dueAt: toShanghaiIso(d.at), dueDate: shanghaiDate(d.at), provisional: false }
    : computeDueAt(calendar, d.from, totalWorkingDays(d), { pauses: closedPauses(d) });
  const suspended = (d.pauses ?? []).some((p) => p.to === undefined);
  const next: DeadlineState = { ...d, dueAt: due.dueAt, dueDate: due.dueDate, provisional: due.provisional };
  if (suspended) next.suspended = true;
  else delete next.suspended;
  return next;
}

export function openDeadline(calendar: WorkingCalendar, name: string, def: Pick<DeadlineDef, 'workingDays'>, from: string, workingDays = def.workingDays): DeadlineState {
  return timed(calendar, { name, from, workingDays, dueAt: '', dueDate: '', provisional: false, state: 'open' });
}

/** A deadline at a fixed instant (a consultation opens and closes at the times its unit set). */
export function deadlineAt(calendar: WorkingCalendar, name: string, at: string, from = at): DeadlineState {
  return timed(calendar, { name, from, at, workingDays: 0, dueAt: '', dueDate: '', provisional: false, state: 'open' });
}

export function closeDeadline(deadline: DeadlineState | undefined, state: 'met' | 'void', now: Date): DeadlineState | undefined {
  if (!deadline || deadline.state !== 'open') return deadline;
  return { ...deadline, state, closedAt: now.toISOString(), ...(state === 'met' && isOverdue(deadline, now) ? { late: true } : {}) };
}

export function extendDeadline(calendar: WorkingCalendar, d: DeadlineState, extension: Omit<Extension, 'dueAt'>): DeadlineState {
  const moved = timed(calendar, { ...d, workingDays: d.workingDays + extension.workingDays, extensions: [...(d.extensions ?? []), { ...extension, dueAt: '' }] });
  const extensions = moved.extensions!.map((e, i, all) => (i === all.length - 1 ? { ...e, dueAt: moved.dueAt } : e));
  return { ...moved, extensions };
}

/** Stops the clock from `at` (third-party consultation, a clarification being awaited). */
export function pauseDeadline(calendar: WorkingCalendar, d: DeadlineState, at: string, reason: string): DeadlineState {
  return timed(calendar, { ...d, pauses: [...(d.pauses ?? []), { from: at, reason }] });
}

/** Runs the clock again from `at`: the days the pause covered are not counted. */
export function resumeDeadline(calendar: WorkingCalendar, d: DeadlineState, at: string): DeadlineState {
  return timed(calendar, { ...d, pauses: (d.pauses ?? []).map((p) => (p.to === undefined ? { ...p, to: at } : p)) });
}

/** Counts afresh from `at` (a clarified application is a new start): earlier pauses no longer matter. */
export function restartDeadline(calendar: WorkingCalendar, d: DeadlineState, at: string): DeadlineState {
  const { pauses: _p, warnedFor: _w, escalatedFor: _e, ...rest } = d;
  return timed(calendar, { ...rest, from: at });
}

/** Open, running deadlines, earliest due first (a suspended one has nothing to wait for). */
export function openDeadlines(c: Pick<CaseRecord, 'deadlines'>): DeadlineState[] {
  return Object.values(c.deadlines)
    .filter((d): d is DeadlineState => d?.state === 'open')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

export const isRunning = (d: DeadlineState) => d.state === 'open' && !d.suspended;

export const isLate = (d: DeadlineState, now: Date) => isRunning(d) && isOverdue(d, now);

export function overdueDeadlines(c: Pick<CaseRecord, 'deadlines'>, now: Date): DeadlineState[] {
  return openDeadlines(c).filter((d) => isLate(d, now));
}

function previousWorkingDay(calendar: WorkingCalendar, date: CivilDate): CivilDate {
  let day = addDays(date, -1);
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** Opening time of the working day before the due date: when the warning goes out. */
export function warningTime(calendar: WorkingCalendar, d: DeadlineState): string {
  return `${previousWorkingDay(calendar, d.dueDate)}T${WARNING_HOUR}+08:00`;
}

export function workingDaysOverdue(calendar: WorkingCalendar, d: DeadlineState, now: Date): number {
  return isOverdue(d, now) ? workingDaysBetween(calendar, d.dueAt, now) : 0;
}

/** Due within one working day: by the end of the next working day after today. */
export function isDueSoon(calendar: WorkingCalendar, d: DeadlineState, now: Date): boolean {
  if (!isRunning(d) || isOverdue(d, now)) return false;
  let next = addDays(shanghaiDate(now), 1);
  while (!calendar.isWorkingDay(next)) next = addDays(next, 1);
  return d.dueDate <= next;
}

/**
 * How the due date was computed, in words a citizen reads: base period, extensions and pauses,
 * holidays and make-up days; `start` names the start date where it is not the date received.
 */
export function explainState(calendar: WorkingCalendar, d: DeadlineState, start?: { zh: string; en: string }) {
  const extended = (d.extensions ?? []).reduce((sum, e) => sum + e.workingDays, 0);
  const e = explainDeadline(calendar, d.from, totalWorkingDays(d), { pauses: closedPauses(d), extended, ...(start ? { start } : {}) });
  return { counted: e.counted, skipped: e.skipped, text: e.text, legalReceiptDate: e.legalReceiptDate };
}

/**
 * Open deadlines computed while their year's schedule was unknown (weekends only) are computed
 * again once it is loaded (the November notice). Returns the same object when nothing changed.
 */
export function refreshProvisional<C extends CaseRecord>(calendar: WorkingCalendar, c: C): C {
  let deadlines: Record<string, DeadlineState | undefined> | undefined;
  for (const d of Object.values(c.deadlines)) {
    if (!d || d.state !== 'open' || !d.provisional) continue;
    const fresh = timed(calendar, d);
    if (fresh.dueAt === d.dueAt && fresh.provisional) continue;
    deadlines ??= { ...c.deadlines };
    deadlines[d.name] = fresh;
  }
  return deadlines ? { ...c, deadlines } : c;
}

export type NextWait =
  | { done: true }
  | { done: false; deadline: string; warnAt: string; dueAt: string }
  | { done: false; deadline: null };

/**
 * What the workflow waits for next: the earliest running deadline not yet escalated for its
 * current due time; or, when every open deadline is escalated or paused, only the next action;
 * or nothing more when no deadline is open (unless the status is one of `waitsIn`).
 */
export function nextWait(calendar: WorkingCalendar, c: CaseRecord, waitsIn: readonly string[] = []): NextWait {
  const open = openDeadlines(c);
  // A status the kind waits in without a deadline (a draft awaiting approval): only an action moves it on.
  if (open.length === 0) return waitsIn.includes(c.status) ? { done: false, deadline: null } : { done: true };
  const pending = open.find((d) => isRunning(d) && d.escalatedFor !== d.dueAt);
  if (!pending) return { done: false, deadline: null };
  return { done: false, deadline: pending.name, warnAt: warningTime(calendar, pending), dueAt: pending.dueAt };
}
