import { deadlineDates } from '../domain/index.ts';
import { clarify } from '../services/tracking.ts';
import { accessCodeHeader } from '../shared/access-code-header.ts';
import { publicRoute } from '../shared/http.ts';
import { trackingParams } from '../shared/schemas/cases.ts';
import { clarificationBody } from '../shared/schemas/disclosure.ts';

/** The applicant answers a clarification request (补正); the reply deadline starts afresh. */
export const handler = publicRoute({ params: trackingParams, body: clarificationBody }, async ({ params, headers, body, event }) => {
  const c = await clarify(params.trackingNo, accessCodeHeader(headers), body.text, event.requestContext.http.sourceIp);
  return { status: 201, body: { trackingNo: c.trackingNo, status: c.status, deadlines: deadlineDates(c) } };
});
