import { trackedDocument } from '../services/documents.ts';
import { accessCodeHeader } from '../shared/access-code-header.ts';
import { publicRoute } from '../shared/http.ts';
import { trackedDocumentParams } from '../shared/schemas/documents.ts';

/** One official notice exactly as issued, for the citizen's printable page. */
export const handler = publicRoute({ params: trackedDocumentParams }, async ({ params, headers, event }) => ({
  body: await trackedDocument(params.trackingNo, accessCodeHeader(headers), event.requestContext.http.sourceIp, params.documentId),
}));
