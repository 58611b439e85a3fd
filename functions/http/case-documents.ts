import { caseDocuments } from '../services/documents.ts';
import { staffRoute } from '../shared/http.ts';
import { caseIdParams } from '../shared/schemas/cases.ts';

/** The official notices of a case, for staff who can see it. */
export const handler = staffRoute({ route: 'GET /v1/cases/{caseId}/documents', params: caseIdParams }, async ({ params, user }) => ({
  body: await caseDocuments(user, params.caseId),
}));
