import { actOnConsultation } from '../services/consultations.ts';
import { staffRoute } from '../shared/http.ts';
import { consultationActionBody, consultationParams } from '../shared/schemas/consultations.ts';

/** `approve` (supervisor) or `hide` a comment (the unit's staff): the domain decides from the kinds' definitions. */
export const handler = staffRoute({ route: 'POST /v1/consultations/{id}/actions', params: consultationParams, body: consultationActionBody }, async ({ params, body, user }) => {
  const acted = await actOnConsultation(params.id, body, user);
  return { body: body.type === 'approve' ? { id: acted.caseId, status: acted.status } : { commentId: acted.caseId, status: acted.status } };
});
