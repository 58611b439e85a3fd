import { caseDocument } from '../services/documents.ts';
import { staffRoute } from '../shared/http.ts';
import { caseDocumentParams } from '../shared/schemas/documents.ts';

/** One official notice exactly as issued, for reprinting from the console. */
export const handler = staffRoute({ route: 'GET /v1/cases/{caseId}/documents/{documentId}', params: caseDocumentParams }, async ({ params, user }) => ({
  body: await caseDocument(user, params.caseId, params.documentId),
}));
