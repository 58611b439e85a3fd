import { addDays, endOfDay, enDate, shanghaiDate, toInstant, toShanghaiIso, weekday, zhDate, type CivilDate } from './civil-date.ts';
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
  /** For the explanation only: how many of the working days are extensions (the rest is the base period). */
  extended?: number;
  /** For the explanation only: what the start date is (default 收到日期 / received). */
  start?: { zh: string; en: string };
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
  return { ...deadline, counted, skipped, text: describe(deadline, counted, skipped, options) };
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

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Runs of consecutive holiday dates, each with its names: 国庆节（2026年10月1日至10月7日）. */
function holidayRuns(days: SkippedDay[]): { from: CivilDate; to: CivilDate; names: string[] }[] {
  const runs: { from: CivilDate; to: CivilDate; names: string[] }[] = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === d.date) last.to = d.date;
    else runs.push({ from: d.date, to: d.date, names: [] });
    const run = runs[runs.length - 1]!;
    if (d.name && !run.names.includes(d.name)) run.names.push(d.name);
  }
  return runs;
}

const zhRange = (from: CivilDate, to: CivilDate) =>
  from === to ? zhDate(from) : `${zhDate(from)}至${from.slice(0, 4) === to.slice(0, 4) ? zhDate(to).slice(5) : zhDate(to)}`;
const enRange = (from: CivilDate, to: CivilDate) => (from === to ? enDate(from) : `${enDate(from)} to ${enDate(to)}`);

/**
 * One explanation a citizen can read: the start date (not counted), the working days as base
 * period plus extensions, paused days, the due day (which counts in full, to 24:00), and only
 * the days that are not what the weekday suggests: public holidays and make-up working days.
 */
function describe(deadline: Deadline, counted: CountedDay[], skipped: SkippedDay[], options: DeadlineOptions = {}): { zh: string; en: string } {
  const runs = holidayRuns(skipped.filter((d) => d.reason === 'holiday'));
  const pausedDays = skipped.filter((d) => d.reason === 'paused').length;
  const makeUp = counted.filter((d) => d.kind === 'make-up-workday').map((d) => d.date);
  const extended = options.extended && options.extended > 0 && options.extended < deadline.workingDays ? options.extended : 0;
  const start = options.start ?? { zh: '收到日期', en: 'Received on' };
  const moved = deadline.legalReceiptDate !== deadline.receiptDate;

  const zhDays = extended
    ? `${deadline.workingDays} 个工作日（原定 ${deadline.workingDays - extended} 个工作日，延长 ${extended} 个工作日）`
    : `${deadline.workingDays} 个工作日`;
  const zh = [
    `${start.zh}为${zhDate(deadline.receiptDate)}` +
      (moved ? `（非工作日，法定收到日顺延为${zhDate(deadline.legalReceiptDate)}）` : '') +
      '，当日不计入期限。',
    `自次日起计算 ${zhDays}` +
      (pausedDays ? `，暂停计时期间的 ${pausedDays} 个工作日不计入` : '') +
      `，截止于${zhDate(deadline.dueDate)}（${WEEKDAYS_ZH[weekday(deadline.dueDate)]}）当日24时前（北京时间），当日办理完毕即为按期。`,
    runs.length
      ? `期间的法定节假日不计入：${runs.map((r) => `${r.names.length ? r.names.join('、') : '节假日'}（${zhRange(r.from, r.to)}）`).join('；')}。`
      : '',
    makeUp.length ? `调休上班日照常计入：${makeUp.map((d) => `${zhDate(d)}（${WEEKDAYS_ZH[weekday(d)]}）`).join('、')}。` : '',
    deadline.provisional ? '该年度国务院节假日安排尚未公布，暂按周末及元旦、劳动节、国庆节的固定假日计算，期限为暂定，公布后可能调整。' : '',
  ].join('');

  const enDays = extended
    ? `${deadline.workingDays} working days (${deadline.workingDays - extended} plus an extension of ${extended})`
    : `${deadline.workingDays} working days`;
  const en = [
    `${start.en} ${enDate(deadline.receiptDate)}` +
      (moved ? ` (a day off, so the legal receipt date is ${enDate(deadline.legalReceiptDate)})` : '') +
      '; that day is not counted.',
    ` ${enDays} from the next day` +
      (pausedDays ? `, not counting ${pausedDays} working days while the clock was stopped,` : '') +
      ` end on ${enDate(deadline.dueDate)}: the whole of that day counts, until 24:00 Beijing time.`,
    runs.length ? ` Public holidays not counted: ${runs.map((r) => enRange(r.from, r.to)).join('; ')}.` : '',
    makeUp.length ? ` Weekend make-up working days counted: ${makeUp.map(enDate).join(', ')}.` : '',
    deadline.provisional
      ? " That year's official holiday schedule is not published yet: weekends and the fixed-date holidays (1 Jan, 1 May, 1-3 Oct) are skipped, so the date is provisional."
      : '',
  ].join('');
  return { zh, en };
}
