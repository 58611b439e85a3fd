import { describeYear } from '../shared/calendar.ts';
import { staffRoute } from '../shared/http.ts';
import { yearParams } from '../shared/schemas/calendar.ts';

/** The schedule in force for a year: loaded, packaged, or none yet (weekends only). Staff consoles count working days with it. */
export const handler = staffRoute({ route: 'GET /v1/admin/calendars/{year}', params: yearParams }, async ({ params }) => {
  return { body: await describeYear(params.year) };
});
