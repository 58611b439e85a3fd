import { rate } from '../services/tracking.ts';
import { accessCodeHeader } from '../shared/access-code-header.ts';
import { publicRoute } from '../shared/http.ts';
import { ratingBody, trackingParams } from '../shared/schemas/cases.ts';

/** The reporter rates a disposed case; 不满意 opens a supervision review. */
export const handler = publicRoute({ params: trackingParams, body: ratingBody }, async ({ params, headers, body, event }) => {
  const c = await rate(params.trackingNo, accessCodeHeader(headers), body.rating, body.comment, event.requestContext.http.sourceIp);
  return { status: 201, body: { trackingNo: c.trackingNo, rating: c.rating!.rating, reviewOpened: body.rating === 'dissatisfied' } };
});
