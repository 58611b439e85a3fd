import { overdueView } from '../services/queries.ts';
import { staffRoute } from '../shared/http.ts';

/** Supervisors: what is overdue and what is due within one working day. */
export const handler = staffRoute({ route: 'GET /v1/supervision/overdue' }, async ({ now }) => {
  return { body: await overdueView(now) };
});
