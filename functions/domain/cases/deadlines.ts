import {
  addDays,
  dueAt,
  explainDeadline,
  isOverdue,
  legalReceiptDate,
  shanghaiDate,
  workingDaysBetween,
  type WorkingCalendar,
} from '../calendar/index.ts';
import { DEADLINE_WORKING_DAYS, type ComplaintCase, type DeadlineName, type DeadlineState } from './model.ts';

/** Hour of the Shanghai working day at which "due on the next working day" warnings go out. */
const WARNING_HOUR = '09:00:00';

export function openDeadline(calendar: WorkingCalendar, name: DeadlineName, from: string, workingDays = DEADLINE_WORKING_DAYS[name]): DeadlineState {
  const d = dueAt(calendar, from, workingDays);
  return { name, from, workingDays, dueAt: d.dueAt, dueDate: d.dueDate, provisional: d.provisional, state: 'open' };
}

/** Acceptance 3, transfer 5, disposition 15 working days from receipt. */
export function initialDeadlines(calendar: WorkingCalendar, receivedAt: string): ComplaintCase['deadlines'] {
  return {
    acceptance: openDeadline(calendar, 'acceptance', receivedAt),
    transfer: openDeadline(calendar, 'transfer', receivedAt),
    disposition: openDeadline(calendar, 'disposition', receivedAt),
  };
}

export function closeDeadline(deadline: DeadlineState | undefined, state: 'met' | 'void', now: Date): DeadlineState | undefined {
  if (!deadline || deadline.state !== 'open') return deadline;
  return { ...deadline, state, closedAt: now.toISOString(), ...(state === 'met' && isOverdue(deadline, now) ? { late: true } : {}) };
}

export function openDeadlines(c: ComplaintCase): DeadlineState[] {
  return Object.values(c.deadlines)
    .filter((d): d is DeadlineState => d?.state === 'open')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

export function overdueDeadlines(c: ComplaintCase, now: Date): DeadlineState[] {
  return openDeadlines(c).filter((d) => isOverdue(d, now));
}

/** The end of the working day before the due date, at opening time: when the warning goes out. */
export function warningTime(calendar: WorkingCalendar, d: DeadlineState): string {
  const day =
    d.workingDays > 1 ? dueAt(calendar, d.from, d.workingDays - 1).dueDate : legalReceiptDate(calendar, d.from);
  return `${day}T${WARNING_HOUR}+08:00`;
}

export type NextWait =
  | { done: true }
  | { done: false; deadline: DeadlineName; warnAt: string; dueAt: string }
  | { done: false; deadline: null };

/**
 * What the workflow waits for next: the earliest open deadline not yet escalated for its current
 * due time; or, when every open deadline is already escalated, only the next handler action;
 * or nothing more when no deadline is open.
 */
export function nextWait(calendar: WorkingCalendar, c: ComplaintCase): NextWait {
  const open = openDeadlines(c);
  if (open.length === 0) return { done: true };
  const pending = open.find((d) => d.escalatedFor !== d.dueAt);
  if (!pending) return { done: false, deadline: null };
  return { done: false, deadline: pending.name, warnAt: warningTime(calendar, pending), dueAt: pending.dueAt };
}

export function workingDaysOverdue(calendar: WorkingCalendar, d: DeadlineState, now: Date): number {
  return isOverdue(d, now) ? workingDaysBetween(calendar, d.dueAt, now) : 0;
}

/** Due within one working day: by the end of the next working day after today. */
export function isDueSoon(calendar: WorkingCalendar, d: DeadlineState, now: Date): boolean {
  if (isOverdue(d, now)) return false;
  let next = addDays(shanghaiDate(now), 1);
  while (!calendar.isWorkingDay(next)) next = addDays(next, 1);
  return d.dueDate <= next;
}

export function explainState(calendar: WorkingCalendar, d: DeadlineState) {
  const e = explainDeadline(calendar, d.from, d.workingDays);
  return { counted: e.counted, skipped: e.skipped, text: e.text, legalReceiptDate: e.legalReceiptDate };
}

/**
 * Open deadlines computed while their year's schedule was unknown (weekends only) are computed
 * again once it is loaded (the November notice): same start, same working days, real calendar.
 * Returns the same object when nothing changed.
 */
export function refreshProvisional(calendar: WorkingCalendar, c: ComplaintCase): ComplaintCase {
  let deadlines: ComplaintCase['deadlines'] | undefined;
  for (const d of Object.values(c.deadlines)) {
    if (!d || d.state !== 'open' || !d.provisional) continue;
    const fresh = dueAt(calendar, d.from, d.workingDays);
    if (fresh.dueAt === d.dueAt && fresh.provisional) continue;
    deadlines ??= { ...c.deadlines };
    deadlines[d.name] = { ...d, dueAt: fresh.dueAt, dueDate: fresh.dueDate, provisional: fresh.provisional };
  }
  return deadlines ? { ...c, deadlines } : c;
}
