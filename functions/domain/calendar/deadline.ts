import { addDays, endOfDay, shanghaiDate, toInstant, toShanghaiIso, type CivilDate } from './civil-date.ts';
import { DAY_MS, dayIndex, ordinalOfInstant, type DayIndex } from './day-index.ts';
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
  const index = dayIndex(calendar);
  return index.date(index.workingOnOrAfter(ordinalOfInstant(toInstant(receivedAt).getTime())));
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

/**
 * Counts the working days one by one, noting each day counted or skipped: only for the
 * explanation (`dueAt` uses the working-day index and must agree with this walk).
 */
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
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('workingDays must be a positive integer');
  const instant = toInstant(receivedAt);
  const index = dayIndex(calendar);
  const receipt = ordinalOfInstant(instant.getTime());
  const legal = index.workingOnOrAfter(receipt);
  const pauses = options.pauses;
  const due = pauses && pauses.length > 0 ? dueWithPauses(index, legal, workingDays, pauses) : index.nthWorkingAfter(legal, workingDays);
  const dueDate = index.date(due);
  return {
    dueAt: endOfDay(dueDate),
    dueDate,
    workingDays,
    receivedAt: shanghaiIsoOf(instant, receipt, index),
    receiptDate: index.date(receipt),
    legalReceiptDate: index.date(legal),
    provisional: index.provisionalBetween(receipt, due),
  };
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** `toShanghaiIso(instant)` without formatting a Date: the day's cached string and the time of day. */
function shanghaiIsoOf(instant: Date, receipt: number, index: DayIndex): string {
  const date = index.date(receipt);
  if (date.length !== 10) return toShanghaiIso(instant);
  const seconds = Math.floor((instant.getTime() + 8 * 3600 * 1000 - receipt * DAY_MS) / 1000);
  return `${date}T${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}+08:00`;
}

/**
 * The n-th working day after `legal` that no pause covers: jump n working days, then as many
 * again as pauses covered in the stretch just jumped, until a stretch has none.
 */
function dueWithPauses(index: DayIndex, legal: number, workingDays: number, pauses: Pause[]): number {
  const spans = pausedSpans(pauses);
  let from = legal;
  let remaining = workingDays;
  for (;;) {
    const to = index.nthWorkingAfter(from, remaining);
    let paused = 0;
    for (const [a, b] of spans) paused += index.workingBetween(Math.max(a, from), Math.min(b, to));
    if (paused === 0) return to;
    from = to;
    remaining = paused;
  }
}

/** Pauses as merged day-ordinal spans (a, b]: days after the date of `from`, up to the date of `to`. */
function pausedSpans(pauses: Pause[]): [number, number][] {
  const spans = pauses
    .map((p) => [ordinalOfInstant(toInstant(p.from).getTime()), ordinalOfInstant(toInstant(p.to).getTime())] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * Working days after the Shanghai date of `from`, up to and including the date of `to`
 * ("N working days overdue"); 0 when `to` is not after `from`.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: Date | string, to: Date | string): number {
  const fromOrdinal = ordinalOfInstant(toInstant(from).getTime());
  const toOrdinal = ordinalOfInstant(toInstant(to).getTime());
  return dayIndex(calendar).workingBetween(fromOrdinal, toOrdinal);
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
