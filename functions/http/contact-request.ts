import { requestContact } from '../services/contact.ts';
import { staffRoute } from '../shared/http.ts';
import { caseIdParams } from '../shared/schemas/cases.ts';
import { contactRequestBody } from '../shared/schemas/contact.ts';

/** A handler who can see the case asks to see one contact field of its citizen; a custodian decides. */
export const handler = staffRoute({ route: 'POST /v1/cases/{caseId}/contact-requests', params: caseIdParams, body: contactRequestBody }, async ({ params, body, user }) => ({
  status: 201,
  body: await requestContact(params.caseId, body, user),
}));
