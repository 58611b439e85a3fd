import { trackedDocuments } from '../services/documents.ts';
import { accessCodeHeader } from '../shared/access-code-header.ts';
import { publicRoute } from '../shared/http.ts';
import { trackingParams } from '../shared/schemas/cases.ts';

/** The official notices of a case, for the citizen with tracking number and access code. */
export const handler = publicRoute({ params: trackingParams }, async ({ params, headers, event }) => ({
  body: await trackedDocuments(params.trackingNo, accessCodeHeader(headers), event.requestContext.http.sourceIp),
}));
