import { createHash } from 'node:crypto';
import { DynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.ts';
import { answerClarification, attach, rateCase, refreshProvisional, verifyAccessCode, type AttachmentRef, type DisclosureRequestCase, type Rating } from '../domain/index.ts';
import { ApiError, notFound } from '../shared/errors.ts';
import { commitAndResume } from './cases.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';

/** The citizen's side: finding a case by tracking number and access code, rating it, answering a clarification request. */
//
// Guessing access codes (125 random bits: guessing is hopeless by itself; the limits bound the
// cost and the noise). Two budgets of failed look-ups per 15-minute window, each taken atomically
// before the code is checked (so parallel requests cannot overrun them) and given back when the
// code is right:
// - per client (hashed source address), across all numbers: over it, 429 for everything from
//   that client. Only the client's own failures spend it.
// - per tracking number, from all clients together: over it the number is throttled, but only
//   for wrong codes (429 instead of 404). The right code still opens the case, so a stranger's
//   wrong guesses can never lock the holder out; each guess still spends its own client's budget.
// Unknown numbers are counted like known ones: the answers say nothing about which exist.
export const TRACK_WINDOW_SECONDS = 15 * 60;
export const FAILURES_PER_TRACKING_NO = 10;
export const FAILURES_PER_CLIENT = 30;
const trackLimiter = new DynamoRateLimiter(TRACK_WINDOW_SECONDS);

const rateLimited = (retryAfter: number) =>
  new ApiError('rate-limited', '查询失败次数过多，请稍后再试', 'Too many failed look-ups; try again later', undefined, { 'retry-after': String(retryAfter) });

/** Finds a case by tracking number and access code; the same 404 for either being wrong. */
export async function trackCase(trackingNo: string, accessCode: string, clientIp = 'unknown', deps: ServiceDeps = defaultDeps()) {
  const numberKey = trackingNo.toUpperCase();
  // Hashed: a stored address could say who follows an anonymous report.
  const clientKey = createHash('sha256').update(clientIp).digest('base64url').slice(0, 22);
  const byClient = await trackLimiter.take('track-ip', clientKey, FAILURES_PER_CLIENT);
  if (!byClient.ok) throw rateLimited(byClient.retryAfter);
  const byNumber = await trackLimiter.take('track-no', numberKey, FAILURES_PER_TRACKING_NO);
  const c = await deps.repo.findByTrackingNo(trackingNo);
  const valid = await verifyAccessCode(accessCode, c?.accessCodeHash);
  if (c && valid) {
    // A right code is no failure: its units go back.
    await Promise.all([trackLimiter.giveBack(byClient), trackLimiter.giveBack(byNumber)]);
    return c;
  }
  if (!byNumber.ok) throw rateLimited(byNumber.retryAfter);
  throw notFound('案件（或查询码不正确）', 'Case (or wrong access code)');
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
export async function clarify(
  trackingNo: string,
  accessCode: string,
  answer: { text: string; attachments?: AttachmentRef[] },
  clientIp?: string,
  deps: ServiceDeps = defaultDeps(),
) {
  const stored = await trackCase(trackingNo, accessCode, clientIp, deps);
  const calendar = await deps.calendar();
  const c = refreshProvisional(calendar, stored) as DisclosureRequestCase;
  const now = deps.now();
  const answered = answerClarification(c, answer.text, { now, calendar, units: deps.units() });
  const change = { ...answered, next: attach(answered.next, answer.attachments ?? [], { by: 'citizen', action: 'clarification', at: now.toISOString() }) };
  await commitAndResume(change, c.version, deps);
  return change.next;
}
