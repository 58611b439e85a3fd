import type { CivilDate } from './civil-date.ts';
import { FIXED_HOLIDAYS, type YearSchedule } from './year-schedule.ts';

/**
 * A working-day index per year, so a deadline is a couple of array look-ups instead of a walk
 * day by day. Days are ordinals: whole days since 1970-01-01 on the Shanghai calendar.
 *
 * Each year is built once per calendar, on first use, from the schedules the calendar holds,
 * with the same precedence as `WorkingCalendar.day`: the year's own schedule, then the next
 * year's, then the previous year's (a notice may place a make-up day in a neighbouring year);
 * within one schedule a holiday wins over a make-up day.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** What the index needs from a calendar: the schedule in force for a year, if known. */
export interface ScheduleSource {
  schedule(year: number): YearSchedule | undefined;
}

interface YearIndex {
  year: number;
  /** Ordinal of 1 January. */
  start: number;
  /** Ordinal of 1 January of the next year. */
  end: number;
  /** rank[i]: working days in [start, start + i); length days + 1. */
  rank: Int32Array;
  /** The ordinals of the year's working days, ascending. */
  working: Int32Array;
  provisional: boolean;
  dates: (CivilDate | undefined)[];
}

/** The Shanghai day ordinal of an instant given in milliseconds. */
export function ordinalOfInstant(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The ordinal of a civil date 'YYYY-MM-DD' (NaN when it is not one). */
export function ordinalOfDate(date: CivilDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** The proleptic Gregorian year of a day ordinal (days since 1970-01-01), in integer arithmetic. */
export function yearOfOrdinal(ordinal: number): number {
  const z = ordinal + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

function firstOrdinalOfYear(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime() / DAY_MS;
}

export class DayIndex {
  private readonly years = new Map<number, YearIndex>();
  private last: YearIndex | undefined;

  constructor(private readonly source: ScheduleSource) {}

  private yearIndex(year: number): YearIndex {
    let y = this.years.get(year);
    if (!y) {
      y = this.build(year);
      this.years.set(year, y);
    }
    return y;
  }

  private yearOf(ordinal: number): YearIndex {
    const last = this.last;
    if (last && ordinal >= last.start && ordinal < last.end) return last;
    const y = this.yearIndex(yearOfOrdinal(ordinal));
    this.last = y;
    return y;
  }

  private build(year: number): YearIndex {
    const start = firstOrdinalOfYear(year);
    const end = firstOrdinalOfYear(year + 1);
    const days = end - start;
    const flags = new Uint8Array(days);
    // 1970-01-01 was a Thursday (4); 0 = Sunday … 6 = Saturday.
    let weekday = (((start + 4) % 7) + 7) % 7;
    for (let i = 0; i < days; i++) {
      flags[i] = weekday === 0 || weekday === 6 ? 0 : 1;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
    // A year without a schedule: its fixed-date statutory holidays are days off (below any schedule's entries).
    if (this.source.schedule(year) === undefined) {
      for (const monthDay of Object.keys(FIXED_HOLIDAYS)) {
        const ordinal = ordinalOfDate(`${String(year).padStart(4, '0')}-${monthDay}`);
        if (ordinal >= start && ordinal < end) flags[ordinal - start] = 0;
      }
    }
    // Lowest precedence first, so that what `WorkingCalendar.day` finds first is written last.
    for (const y of [year - 1, year + 1, year]) {
      const schedule = this.source.schedule(y);
      if (!schedule) continue;
      const mark = (dates: CivilDate[], value: number) => {
        for (const date of dates) {
          const ordinal = ordinalOfDate(date);
          if (ordinal >= start && ordinal < end) flags[ordinal - start] = value;
        }
      };
      mark(schedule.workdays, 1);
      mark(schedule.holidays, 0);
    }
    const rank = new Int32Array(days + 1);
    let count = 0;
    for (let i = 0; i < days; i++) {
      rank[i] = count;
      count += flags[i]!;
    }
    rank[days] = count;
    const working = new Int32Array(count);
    for (let i = 0, k = 0; i < days; i++) if (flags[i]) working[k++] = start + i;
    return { year, start, end, rank, working, provisional: this.source.schedule(year) === undefined, dates: [] };
  }

  isWorking(ordinal: number): boolean {
    const y = this.yearOf(ordinal);
    const i = ordinal - y.start;
    return y.rank[i + 1]! > y.rank[i]!;
  }

  /** The first working day on or after the ordinal. */
  workingOnOrAfter(ordinal: number): number {
    let y = this.yearOf(ordinal);
    const k = y.rank[ordinal - y.start]!;
    if (k < y.working.length) return y.working[k]!;
    for (;;) {
      y = this.yearIndex(y.year + 1);
      if (y.working.length > 0) return y.working[0]!;
    }
  }

  /** The n-th working day after the ordinal (the ordinal itself not counted), n ≥ 1. */
  nthWorkingAfter(ordinal: number, n: number): number {
    let y = this.yearOf(ordinal);
    // 1-based position of the target among the year's working days.
    let position = y.rank[ordinal - y.start + 1]! + n;
    while (position > y.working.length) {
      position -= y.working.length;
      y = this.yearIndex(y.year + 1);
    }
    return y.working[position - 1]!;
  }

  /** Working days in (from, to]; 0 when to ≤ from. */
  workingBetween(from: number, to: number): number {
    if (to <= from) return 0;
    let y = this.yearOf(from);
    let count = -y.rank[from - y.start + 1]!;
    while (to >= y.end) {
      count += y.working.length;
      y = this.yearIndex(y.year + 1);
    }
    return count + y.rank[to - y.start + 1]!;
  }

  /** True when a day in [from, to] lies in a year without a known schedule. */
  provisionalBetween(from: number, to: number): boolean {
    const first = this.yearOf(from);
    if (first.provisional) return true;
    if (to < first.end) return false;
    const lastYear = yearOfOrdinal(to);
    for (let year = first.year + 1; year <= lastYear; year++) if (this.yearIndex(year).provisional) return true;
    return false;
  }

  /** 'YYYY-MM-DD' of an ordinal, cached per day. */
  date(ordinal: number): CivilDate {
    const y = this.yearOf(ordinal);
    const i = ordinal - y.start;
    return (y.dates[i] ??= new Date(ordinal * DAY_MS).toISOString().slice(0, 10));
  }
}

const indexes = new WeakMap<ScheduleSource, DayIndex>();

/** The calendar's working-day index, built once per calendar (years filled in on first use). */
export function dayIndex(calendar: ScheduleSource): DayIndex {
  let index = indexes.get(calendar);
  if (!index) {
    index = new DayIndex(calendar);
    indexes.set(calendar, index);
  }
  return index;
}
