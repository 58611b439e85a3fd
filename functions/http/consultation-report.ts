import { publicConsultation } from '../domain/index.ts';
import { commentsOf, publishReport } from '../services/consultations.ts';
import { defaultDeps } from '../services/deps.ts';
import { staffRoute } from '../shared/http.ts';
import { consultationParams, reportBody } from '../shared/schemas/consultations.ts';

/** Publishes the adoption report (公开意见采纳情况): answers with the page the public now reads. */
export const handler = staffRoute({ route: 'POST /v1/consultations/{id}/report', params: consultationParams, body: reportBody }, async ({ params, body, user, now }) => {
  const c = await publishReport(params.id, body.items, user);
  return { body: publicConsultation(c, await commentsOf(c), now, defaultDeps().units()) };
});
