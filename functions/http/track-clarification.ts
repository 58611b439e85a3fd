import { deadlineDates } from '../domain/index.ts';
import { clarify } from '../services/tracking.ts';
import { accessCodeHeader } from '../shared/access-code-header.ts';
import { publicRoute } from '../shared/http.ts';
import { trackingParams } from '../shared/schemas/cases.ts';
import { clarificationBody } from '../shared/schemas/disclosure.ts';
import { checkAttachments } from './check-attachments.ts';

/** The applicant answers a clarification request (补正); the reply deadline starts afresh. */
export const handler = publicRoute({ params: trackingParams, body: clarificationBody }, async ({ params, headers, body, event }) => {
  // Files are checked first: a bad file costs no look-up of the tracking number.
  const attachments = await checkAttachments(body.attachments);
  const c = await clarify(params.trackingNo, accessCodeHeader(headers), { text: body.text, attachments }, event.requestContext.http.sourceIp);
  return { status: 201, body: { trackingNo: c.trackingNo, status: c.status, deadlines: deadlineDates(c) } };
});
