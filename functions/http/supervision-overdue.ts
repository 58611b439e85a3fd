import { overdueView } from '../services/queries.ts';
import { requireGroup } from '../shared/auth.ts';
import { staffRoute } from '../shared/http.ts';

/** Supervisors: what is overdue and what is due within one working day. */
export const handler = staffRoute({}, async ({ user, now }) => {
  requireGroup(user, 'supervisor', 'admin');
  return { body: await overdueView(now) };
});
