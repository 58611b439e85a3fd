import { staffView } from '../domain/index.ts';
import { actOnCase, caseWithHistory } from '../services/cases.ts';
import { defaultDeps } from '../services/deps.ts';
import { staffRoute } from '../shared/http.ts';
import { caseActionBody } from '../shared/schemas/staff.ts';
import { caseIdParams } from '../shared/schemas/cases.ts';
import { checkAttachments } from './check-attachments.ts';

/** An action on a case; the domain decides from the case's kind who may (403) and whether now (409). */
export const handler = staffRoute({ route: 'POST /v1/cases/{caseId}/actions', params: caseIdParams, body: caseActionBody }, async ({ params, body, user, now }) => {
  const { expectedVersion, attachments: uploads, ...action } = body;
  const files = await checkAttachments(uploads, 'attachments');
  const { case: acted, allowed, calendar: used } = await actOnCase(params.caseId, action, expectedVersion, user, defaultDeps(), files);
  const { c, history, calendar } = await caseWithHistory(acted, used);
  return { body: staffView(calendar, c, history, now, allowed, defaultDeps().extensionPolicy()) };
});
