import { attachmentLinks } from '../adapters/s3/attachments.ts';
import { citizenMaySee, citizenView } from '../domain/index.ts';
import { caseWithHistory } from '../services/cases.ts';
import { trackCase } from '../services/tracking.ts';
import { accessCodeHeader } from '../shared/access-code-header.ts';
import { publicRoute } from '../shared/http.ts';
import { trackingParams } from '../shared/schemas/cases.ts';

/** The citizen follows the case with tracking number and access code. */
export const handler = publicRoute({ params: trackingParams }, async ({ params, headers, now, event }) => {
  const tracked = await trackCase(params.trackingNo, accessCodeHeader(headers), event.requestContext.http.sourceIp);
  const { c, history, calendar } = await caseWithHistory(tracked);
  // The citizen's own files and the documents of decisions they are told of; never internal ones.
  const visible = (c.attachments ?? []).filter((a) => citizenMaySee(c, a));
  return { body: { ...citizenView(calendar, c, history, now), attachments: await attachmentLinks(visible) } };
});
