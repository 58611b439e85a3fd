import { DynamoCalendarStore } from '../adapters/dynamodb/calendar-store.ts';
import { checkYearSchedule, type YearSchedule } from '../domain/calendar/index.ts';
import { describeYear } from '../shared/calendar.ts';
import { ApiError } from '../shared/errors.ts';
import { staffRoute } from '../shared/http.ts';
import { logger } from '../shared/logger.ts';
import { yearParams, yearScheduleBody } from '../shared/schemas/calendar.ts';

/** Loads a year's official schedule (the November State Council notice), replacing what was known. */
export const handler = staffRoute({ route: 'PUT /v1/admin/calendars/{year}', params: yearParams, body: yearScheduleBody }, async ({ params, body, user, now }) => {
  const problems = checkYearSchedule(params.year, body);
  if (problems.length) {
    throw new ApiError('validation', '节假日安排有误，请检查标出的日期', 'The schedule has invalid dates', problems);
  }
  const schedule: YearSchedule = {
    year: params.year,
    holidays: [...new Set(body.holidays)].sort(),
    workdays: [...new Set(body.workdays)].sort(),
    ...(body.names ? { names: body.names } : {}),
    source: 'override',
    loadedAt: now.toISOString(),
    loadedBy: user.sub,
  };
  await new DynamoCalendarStore().put(schedule);
  logger.info('calendar year loaded', { year: schedule.year, holidays: schedule.holidays.length, workdays: schedule.workdays.length });
  return { body: await describeYear(params.year) };
});
