import { allowedActions, canSeeCase, staffView } from '../domain/cases/index.ts';
import { caseWithHistory, loadCase } from '../services/complaints.ts';
import { forbidden } from '../shared/errors.ts';
import { staffRoute } from '../shared/http.ts';
import { caseIdParams } from '../shared/schemas/complaints.ts';

/** The case for staff of its unit (or supervisors): content, deadlines, history, version. */
export const handler = staffRoute({ params: caseIdParams }, async ({ params, user, now }) => {
  const stored = await loadCase(params.caseId);
  if (!canSeeCase(user, stored)) throw forbidden();
  const { c, history, calendar } = await caseWithHistory(stored);
  return { body: staffView(calendar, c, history, now, allowedActions(c, user)) };
});
