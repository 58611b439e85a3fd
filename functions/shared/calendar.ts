import { DynamoCalendarStore } from '../adapters/dynamodb/calendar-store.ts';
import { WorkingCalendar, type CalendarStore } from '../domain/calendar/index.ts';

/**
 * The calendar in force: packaged schedules plus every year an admin loaded. Read per request
 * (a handful of small items) so a newly loaded year takes effect at once in every function.
 */
export async function currentCalendar(store: CalendarStore = new DynamoCalendarStore()): Promise<WorkingCalendar> {
  return new WorkingCalendar(await store.list());
}

/** A year's schedule as the admin API shows it. */
export async function describeYear(year: number) {
  const schedule = (await currentCalendar()).schedule(year);
  if (!schedule) return { year, source: 'weekends-only', provisional: true, holidays: [], workdays: [] };
  return {
    year,
    source: schedule.source,
    provisional: false,
    holidays: schedule.holidays,
    workdays: schedule.workdays,
    ...(schedule.loadedAt ? { loadedAt: schedule.loadedAt } : {}),
  };
}
