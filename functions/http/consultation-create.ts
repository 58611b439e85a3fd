import { createConsultation } from '../services/consultations.ts';
import { requireGroup } from '../shared/auth.ts';
import { staffRoute } from '../shared/http.ts';
import { consultationBody } from '../shared/schemas/consultations.ts';

/** Staff draft a consultation; it is public only once a supervisor approves it. */
export const handler = staffRoute({ route: 'POST /v1/consultations', body: consultationBody }, async ({ body, user }) => {
  requireGroup(user, 'handler', 'supervisor', 'admin');
  const c = await createConsultation(body, user);
  return { status: 201, body: { id: c.caseId, status: c.status, opensAt: c.opensAt, closesAt: c.closesAt } };
});
