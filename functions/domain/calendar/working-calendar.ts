import { isWeekend, yearOf, type CivilDate } from './civil-date.ts';
import { packagedSchedules } from './official-schedule.ts';
import { fixedHoliday, type YearSchedule } from './year-schedule.ts';

export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'make-up-workday';

export interface DayInfo {
  date: CivilDate;
  working: boolean;
  kind: DayKind;
  /** Holiday name (e.g. 国庆节) where the schedule gives one. */
  name?: string;
  /** True when the year's official schedule is not known: weekends only. */
  provisional: boolean;
}

interface IndexedSchedule {
  schedule: YearSchedule;
  holidays: Set<CivilDate>;
  workdays: Set<CivilDate>;
}

/**
 * The official mainland working-day calendar: the packaged State Council schedules, replaced
 * year by year by schedules an admin loaded (so next year's notice goes live without a code
 * change). Years known to neither fall back to weekends and the fixed-date statutory holidays
 * (1/1, 5/1, 10/1-3) and are flagged provisional.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, IndexedSchedule>();

  constructor(overrides: Iterable<YearSchedule> = [], packaged: Map<number, YearSchedule> = defaultPackaged()) {
    for (const schedule of packaged.values()) this.put(schedule);
    for (const schedule of overrides) this.put(schedule);
  }

  /** The schedule in force for a year, or undefined when the year is not known. */
  schedule(year: number): YearSchedule | undefined {
    return this.years.get(year)?.schedule;
  }

  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  day(date: CivilDate): DayInfo {
    const year = yearOf(date);
    const provisional = !this.years.has(year);
    // A notice may place a make-up day in the neighbouring year (the 2012 notice made
    // Saturday 2011-12-31 a working day), so the adjacent years' lists are consulted too.
    for (const y of [year, year + 1, year - 1]) {
      const indexed = this.years.get(y);
      if (!indexed) continue;
      const name = indexed.schedule.names?.[date];
      if (indexed.holidays.has(date)) return { date, working: false, kind: 'holiday', provisional, ...(name ? { name } : {}) };
      if (indexed.workdays.has(date)) return { date, working: true, kind: 'make-up-workday', provisional, ...(name ? { name } : {}) };
    }
    // Until the year's schedule is loaded, its fixed-date statutory holidays are days off anyway.
    const fixed = provisional ? fixedHoliday(date) : undefined;
    if (fixed) return { date, working: false, kind: 'holiday', provisional, name: fixed };
    return isWeekend(date)
      ? { date, working: false, kind: 'weekend', provisional }
      : { date, working: true, kind: 'weekday', provisional };
  }

  isWorkingDay(date: CivilDate): boolean {
    return this.day(date).working;
  }

  private put(schedule: YearSchedule): void {
    this.years.set(schedule.year, {
      schedule,
      holidays: new Set(schedule.holidays),
      workdays: new Set(schedule.workdays),
    });
  }
}

let packagedCache: Map<number, YearSchedule> | undefined;
function defaultPackaged(): Map<number, YearSchedule> {
  packagedCache ??= packagedSchedules();
  return packagedCache;
}
