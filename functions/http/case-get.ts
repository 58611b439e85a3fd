import { attachmentLinks } from '../adapters/s3/attachments.ts';
import { allowedActions, canSee, NotAllowed, staffView } from '../domain/index.ts';
import { actionContext, caseWithHistory, loadCase } from '../services/cases.ts';
import { staffRoute } from '../shared/http.ts';
import { caseIdParams } from '../shared/schemas/cases.ts';

/** The case for staff of its unit (or supervisors): content, deadlines, history, version. */
export const handler = staffRoute({ route: 'GET /v1/cases/{caseId}', params: caseIdParams }, async ({ params, user, now }) => {
  const stored = await loadCase(params.caseId);
  if (!canSee(user, stored)) throw new NotAllowed();
  const { c, history, calendar } = await caseWithHistory(stored);
  const ctx = actionContext(calendar);
  return { body: { ...staffView(calendar, c, history, now, allowedActions(c, user, ctx), ctx.extensionPolicy), attachments: await attachmentLinks(c.attachments) } };
});
