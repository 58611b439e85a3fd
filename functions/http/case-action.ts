import { staffView } from '../domain/cases/index.ts';
import { actOnCase, caseWithHistory } from '../services/complaints.ts';
import { requireGroup } from '../shared/auth.ts';
import { staffRoute } from '../shared/http.ts';
import { caseActionBody, caseIdParams } from '../shared/schemas/complaints.ts';

/** A handler's or supervisor's action; 409 when the lifecycle does not allow it or the version is stale. */
export const handler = staffRoute({ params: caseIdParams, body: caseActionBody }, async ({ params, body, user, now }) => {
  requireGroup(user, 'handler', 'supervisor', 'admin');
  const { expectedVersion, ...action } = body;
  const { case: acted, allowed, calendar: used } = await actOnCase(params.caseId, action, expectedVersion, user);
  const { c, history, calendar } = await caseWithHistory(acted, used);
  return { body: staffView(calendar, c, history, now, allowed) };
});
