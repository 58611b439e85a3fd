import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { yearOf, type CivilDate } from './civil-date.ts';
import type { YearSchedule } from './year-schedule.ts';

/**
 * The State Council schedules as published in the `chinese-days` package, grouped by year.
 * Its values read "English name,中文名,days": the Chinese name is kept for explanations.
 */
export function packagedSchedules(): Map<number, YearSchedule> {
  const years = new Map<number, YearSchedule>();
  const yearFor = (date: CivilDate) => {
    const year = yearOf(date);
    let schedule = years.get(year);
    if (!schedule) {
      schedule = { year, holidays: [], workdays: [], names: {}, source: 'package' };
      years.set(year, schedule);
    }
    return schedule;
  };
  for (const [date, label] of Object.entries(data.holidays as Record<string, string>)) {
    const schedule = yearFor(date);
    schedule.holidays.push(date);
    schedule.names![date] = label.split(',')[1] ?? label;
  }
  for (const [date, label] of Object.entries(data.workdays as Record<string, string>)) {
    const schedule = yearFor(date);
    schedule.workdays.push(date);
    schedule.names![date] = `${label.split(',')[1] ?? label}调休`;
  }
  return years;
}
