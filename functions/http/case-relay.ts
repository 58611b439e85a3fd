import { relayMessage } from '../services/contact.ts';
import { staffRoute } from '../shared/http.ts';
import { caseIdParams } from '../shared/schemas/cases.ts';
import { relayBody } from '../shared/schemas/contact.ts';

/** A message to the citizen through the outbox (e-mail or SMS); the handler learns only "sent". */
export const handler = staffRoute({ route: 'POST /v1/cases/{caseId}/relay', params: caseIdParams, body: relayBody }, async ({ params, body, user }) => ({
  status: 201,
  body: await relayMessage(params.caseId, body.text, user),
}));
