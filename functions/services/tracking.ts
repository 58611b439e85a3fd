import { createHash } from 'node:crypto';
import { DynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.ts';
import { answerClarification, rateCase, refreshProvisional, verifyAccessCode, type DisclosureRequestCase, type Rating } from '../domain/index.ts';
import { ApiError, notFound } from '../shared/errors.ts';
import { commitAndResume } from './cases.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';

/** The citizen's side: finding a case by tracking number and access code, rating it, answering a clarification request. */
// Guessing access codes: a tracking number, and a client address, get a limited number of
// failed look-ups per window; past it even the right code waits for the next window.
const TRACK_WINDOW_SECONDS = 15 * 60;
const FAILURES_PER_TRACKING_NO = 10;
const FAILURES_PER_CLIENT = 100;
const trackLimiter = new DynamoRateLimiter(TRACK_WINDOW_SECONDS);

/** Finds a case by tracking number and access code; the same 404 for either being wrong. */
export async function trackCase(trackingNo: string, accessCode: string, clientIp = 'unknown', deps: ServiceDeps = defaultDeps()) {
  const numberKey = trackingNo.toUpperCase();
  // Hashed: a stored address could say who follows an anonymous report.
  const clientKey = createHash('sha256').update(clientIp).digest('base64url').slice(0, 22);
  const [byNumber, byClient] = await Promise.all([trackLimiter.count('track-no', numberKey), trackLimiter.count('track-ip', clientKey)]);
  if (byNumber >= FAILURES_PER_TRACKING_NO || byClient >= FAILURES_PER_CLIENT) {
    throw new ApiError('rate-limited', '查询失败次数过多，请 15 分钟后再试', 'Too many failed look-ups; try again in 15 minutes');
  }
  const c = await deps.repo.findByTrackingNo(trackingNo);
  const valid = await verifyAccessCode(accessCode, c?.accessCodeHash);
  if (!c || !valid) {
    await Promise.all([trackLimiter.hit('track-no', numberKey), trackLimiter.hit('track-ip', clientKey)]);
    throw notFound('案件（或查询码不正确）', 'Case (or wrong access code)');
  }
  return c;
}

export async function rate(trackingNo: string, accessCode: string, rating: Rating, comment: string | undefined, clientIp?: string, deps: ServiceDeps = defaultDeps()) {
  const stored = await trackCase(trackingNo, accessCode, clientIp, deps);
  const calendar = await deps.calendar();
  const c = refreshProvisional(calendar, stored);
  const change = rateCase(c, rating, comment, { now: deps.now(), calendar, units: deps.units() });
  await commitAndResume(change, c.version, deps);
  if (change.next.review && !c.review) await deps.workflow.start(c.caseId, `${c.caseId}-review`);
  return change.next;
}

/** The applicant's clarification (补正): the reply deadline starts afresh from its arrival. */
export async function clarify(trackingNo: string, accessCode: string, text: string, clientIp?: string, deps: ServiceDeps = defaultDeps()) {
  const stored = await trackCase(trackingNo, accessCode, clientIp, deps);
  const calendar = await deps.calendar();
  const c = refreshProvisional(calendar, stored) as DisclosureRequestCase;
  const change = answerClarification(c, text, { now: deps.now(), calendar, units: deps.units() });
  await commitAndResume(change, c.version, deps);
  return change.next;
}
