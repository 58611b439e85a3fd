import type { YearSchedule } from './year-schedule.ts';

/** Where loaded year schedules live (DynamoDB on AWS and locally). */
export interface CalendarStore {
  list(): Promise<YearSchedule[]>;
  get(year: number): Promise<YearSchedule | undefined>;
  put(schedule: YearSchedule): Promise<void>;
}
