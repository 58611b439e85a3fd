import { addDays, endOfDay, shanghaiDate, toInstant, toShanghaiIso, type CivilDate } from './civil-date.ts';
import type { DayInfo, WorkingCalendar } from './working-calendar.ts';

/**
 * A span in which the clock stands still (e.g. waiting for a third party's opinion): working
 * days after the Shanghai date of `from`, up to and including the date of `to`, are not counted.
 */
export interface Pause {
  from: Date | string;
  to: Date | string;
}

export interface DeadlineOptions {
  pauses?: Pause[];
}

export interface SkippedDay {
  date: CivilDate;
  reason: 'weekend' | 'holiday' | 'paused';
  name?: string;
}

export interface CountedDay {
  date: CivilDate;
  ordinal: number;
  kind: 'weekday' | 'make-up-workday';
  name?: string;
}

export interface Deadline {
  /** End of the last working day, 24:00 Shanghai, written as 23:59:59+08:00. */
  dueAt: string;
  dueDate: CivilDate;
  workingDays: number;
  receivedAt: string;
  /** The Shanghai date of receipt. */
  receiptDate: CivilDate;
  /** 法定收到日: the receipt date, or the next working day when received on a day off. Not counted. */
  legalReceiptDate: CivilDate;
  /** True when a day in the span lies in a year whose official schedule is not loaded yet. */
  provisional: boolean;
}

export interface DeadlineExplanation extends Deadline {
  counted: CountedDay[];
  skipped: SkippedDay[];
  /** What a citizen reads: how the date was computed. */
  text: { zh: string; en: string };
}

/** The legal receipt date: the Shanghai date of receipt, or the next working day after a day off. */
export function legalReceiptDate(calendar: WorkingCalendar, receivedAt: Date | string): CivilDate {
  let date = shanghaiDate(receivedAt);
  while (!calendar.isWorkingDay(date)) date = addDays(date, 1);
  return date;
}

/**
 * The deadline n working days after receipt, with every day that was counted or skipped.
 * The day of receipt is not counted (期间开始之日不计算在内).
 */
export function explainDeadline(
  calendar: WorkingCalendar,
  receivedAt: Date | string,
  workingDays: number,
  options: DeadlineOptions = {},
): DeadlineExplanation {
  const { deadline, counted, skipped } = walk(calendar, receivedAt, workingDays, options);
  return { ...deadline, counted, skipped, text: describe(deadline, counted, skipped) };
}

/** Counts the working days one by one, noting each day counted or skipped. */
function walk(calendar: WorkingCalendar, receivedAt: Date | string, workingDays: number, options: DeadlineOptions) {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('workingDays must be a positive integer');
  const receiptDate = shanghaiDate(receivedAt);
  const skipped: SkippedDay[] = [];
  let provisional = false;
  let date = receiptDate;
  let day = calendar.day(date);
  provisional ||= day.provisional;
  while (!day.working) {
    skipped.push(skipOf(day));
    date = addDays(date, 1);
    day = calendar.day(date);
    provisional ||= day.provisional;
  }
  const legal = date;
  const paused = pausedDates(options.pauses ?? []);
  const counted: CountedDay[] = [];
  while (counted.length < workingDays) {
    date = addDays(date, 1);
    day = calendar.day(date);
    provisional ||= day.provisional;
    if (!day.working) skipped.push(skipOf(day));
    else if (paused(date)) skipped.push({ date, reason: 'paused' });
    else counted.push({ date, ordinal: counted.length + 1, kind: day.kind as CountedDay['kind'], ...(day.name ? { name: day.name } : {}) });
  }
  const deadline: Deadline = {
    dueAt: endOfDay(date),
    dueDate: date,
    workingDays,
    receivedAt: toShanghaiIso(receivedAt),
    receiptDate,
    legalReceiptDate: legal,
    provisional,
  };
  return { deadline, counted, skipped };
}

/** `dueAt(receivedAt, n)`: the end (24:00 Shanghai) of the n-th working day after receipt. */
export function dueAt(
  calendar: WorkingCalendar,
  receivedAt: Date | string,
  workingDays: number,
  options: DeadlineOptions = {},
): Deadline {
  return walk(calendar, receivedAt, workingDays, options).deadline;
}

/**
 * Working days after the Shanghai date of `from`, up to and including the date of `to`
 * ("N working days overdue"); 0 when `to` is not after `from`.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: Date | string, to: Date | string): number {
  const end = shanghaiDate(to);
  let date = shanghaiDate(from);
  let count = 0;
  while (date < end) {
    date = addDays(date, 1);
    if (calendar.isWorkingDay(date)) count += 1;
  }
  return count;
}

/** True once `now` is past the deadline's last instant. */
export function isOverdue(deadline: Pick<Deadline, 'dueAt'>, now: Date | string): boolean {
  return toInstant(now).getTime() >= toInstant(deadline.dueAt).getTime() + 1000;
}

function pausedDates(pauses: Pause[]): (date: CivilDate) => boolean {
  const spans = pauses.map((p) => [shanghaiDate(p.from), shanghaiDate(p.to)] as const);
  return (date) => spans.some(([from, to]) => date > from && date <= to);
}

function skipOf(day: DayInfo): SkippedDay {
  return { date: day.date, reason: day.kind === 'holiday' ? 'holiday' : 'weekend', ...(day.name ? { name: day.name } : {}) };
}

function describe(deadline: Deadline, counted: CountedDay[], skipped: SkippedDay[]): { zh: string; en: string } {
  const holidays = skipped.filter((d) => d.reason === 'holiday').map((d) => d.date);
  const weekends = skipped.filter((d) => d.reason === 'weekend').map((d) => d.date);
  const pausedDays = skipped.filter((d) => d.reason === 'paused').map((d) => d.date);
  const makeUp = counted.filter((d) => d.kind === 'make-up-workday').map((d) => d.date);
  const zh = [
    `收到日期 ${deadline.receiptDate}` +
      (deadline.legalReceiptDate !== deadline.receiptDate ? `（非工作日，法定收到日顺延为 ${deadline.legalReceiptDate}）` : '') +
      '，当日不计入期限。',
    `自次日起计算 ${deadline.workingDays} 个工作日，截止于 ${deadline.dueDate} 24:00（北京时间）。`,
    holidays.length ? `跳过法定节假日：${holidays.join('、')}。` : '',
    weekends.length ? `跳过周末：${weekends.join('、')}。` : '',
    makeUp.length ? `以下周末为调休上班日，计入工作日：${makeUp.join('、')}。` : '',
    pausedDays.length ? `以下工作日因程序中止不计入：${pausedDays.join('、')}。` : '',
    deadline.provisional ? '该年度国务院节假日安排尚未公布，暂按周末计算，期限为暂定。' : '',
  ].filter(Boolean).join('');
  const en = [
    `Received on ${deadline.receiptDate}` +
      (deadline.legalReceiptDate !== deadline.receiptDate ? ` (a day off, so the legal receipt date is ${deadline.legalReceiptDate})` : '') +
      '; that day is not counted.',
    ` ${deadline.workingDays} working days from the next day end on ${deadline.dueDate} at 24:00 Beijing time.`,
    holidays.length ? ` Public holidays skipped: ${holidays.join(', ')}.` : '',
    weekends.length ? ` Weekend days skipped: ${weekends.join(', ')}.` : '',
    makeUp.length ? ` Weekend make-up working days counted: ${makeUp.join(', ')}.` : '',
    pausedDays.length ? ` Working days not counted while the clock was paused: ${pausedDays.join(', ')}.` : '',
    deadline.provisional ? ' The official holiday schedule for that year is not published yet: weekends only, so the date is provisional.' : '',
  ].join('');
  return { zh, en };
}
