import { describeYear } from '../shared/calendar.ts';
import { requireGroup } from '../shared/auth.ts';
import { staffRoute } from '../shared/http.ts';
import { yearParams } from '../shared/schemas/calendar.ts';

/** The schedule in force for a year: loaded, packaged, or none yet (weekends only). Staff consoles count working days with it. */
export const handler = staffRoute({ params: yearParams }, async ({ params, user }) => {
  requireGroup(user, 'admin', 'supervisor', 'handler');
  return { body: await describeYear(params.year) };
});
