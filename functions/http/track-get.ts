import { attachmentLinks, type AttachmentRef } from '../adapters/s3/attachments.ts';
import { citizenView } from '../domain/index.ts';
import { caseWithHistory } from '../services/cases.ts';
import { trackCase } from '../services/tracking.ts';
import { accessCodeHeader } from '../shared/access-code-header.ts';
import { publicRoute } from '../shared/http.ts';
import { trackingParams } from '../shared/schemas/cases.ts';

/** The citizen follows the case with tracking number and access code. */
export const handler = publicRoute({ params: trackingParams }, async ({ params, headers, now, event }) => {
  const tracked = await trackCase(params.trackingNo, accessCodeHeader(headers), event.requestContext.http.sourceIp);
  const { c, history, calendar } = await caseWithHistory(tracked);
  return { body: { ...citizenView(calendar, c, history, now), attachments: await attachmentLinks(c.attachments as AttachmentRef[]) } };
});
