import { decideContact } from '../services/contact.ts';
import { staffRoute } from '../shared/http.ts';
import { contactDecisionBody, requestIdParams } from '../shared/schemas/contact.ts';

/** A custodian (never the requester) approves or refuses a contact request. */
export const handler = staffRoute({ route: 'POST /v1/contact-requests/{requestId}/decision', params: requestIdParams, body: contactDecisionBody }, async ({ params, body, user }) => ({
  body: await decideContact(params.requestId, body, user),
}));
