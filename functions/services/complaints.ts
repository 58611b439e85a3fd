import { createHash, randomUUID } from 'node:crypto';
import { DynamoCaseRepository } from '../adapters/dynamodb/case-store.ts';
import { DynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.ts';
import { DynamoStaffDirectory } from '../adapters/dynamodb/staff-directory.ts';
import { StepFunctionsCaseWorkflow } from '../adapters/stepfunctions/case-workflow.ts';
import { EncryptedReporterVault } from '../adapters/vault/reporter-vault.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';
import {
  allowedActions,
  applyAction,
  hashAccessCode,
  newAccessCode,
  newTrackingNo,
  rateCase,
  refreshProvisional,
  receiveComplaint,
  verifyAccessCode,
  type CaseAction,
  type Change,
  type Channel,
  type ComplaintCase,
  type ComplaintFacts,
  type Rating,
  type ReporterIdentity,
  type StaffActor,
} from '../domain/cases/index.ts';
import { currentCalendar } from '../shared/calendar.ts';
import { logger } from '../shared/logger.ts';
import { ApiError, conflict, notFound } from '../shared/errors.ts';
import { intakeUnit, units } from '../shared/units.ts';

/**
 * The application layer for complaints: load, ask the domain, store conditionally, tell the
 * workflow. Handlers call these; these hold no rules of their own.
 */
export const repo = new DynamoCaseRepository();
const workflow = new StepFunctionsCaseWorkflow();
export const staffDirectory = new DynamoStaffDirectory();

/** Best effort: a directory write must never fail the staff member's request. */
export async function rememberStaff(user: StaffActor & { email?: string }): Promise<void> {
  try {
    await staffDirectory.remember(user);
  } catch (error) {
    logger.warn('staff directory not updated', { errorName: (error as Error).name });
  }
}

/** An assignment without an address goes to the assignee's e-mail as their sign-in last gave it. */
async function withAssigneeContact(action: CaseAction): Promise<CaseAction> {
  if (action.type !== 'assign' || action.assigneeEmail) return action;
  const profile = await staffDirectory.find(action.assignee);
  if (!profile) return action;
  return {
    ...action,
    assigneeName: action.assigneeName ?? profile.name,
    ...(profile.email ? { assigneeEmail: profile.email } : {}),
  };
}

export async function submitComplaint(facts: ComplaintFacts, identity: ReporterIdentity | undefined, channel: Channel, createdBy?: StaffActor) {
  const now = new Date();
  const calendar = await currentCalendar();
  const accessCode = newAccessCode();
  const hasIdentity = identity && Object.values(identity).some(Boolean);
  const reporterRef = hasIdentity ? await new EncryptedReporterVault().put(identity) : undefined;
  const change = receiveComplaint(facts, {
    now,
    calendar,
    units: units(),
    channel,
    intakeUnit: intakeUnit(),
    caseId: randomUUID(),
    trackingNo: newTrackingNo('complaint', now),
    accessCodeHash: await hashAccessCode(accessCode),
    ...(reporterRef ? { reporterRef } : {}),
    reporterReachable: Boolean(identity?.email),
    ...(createdBy ? { createdBy: { sub: createdBy.sub, name: createdBy.name, unit: createdBy.unit } } : {}),
  });
  await repo.create(change);
  await workflow.start(change.next.caseId);
  return { case: change.next, accessCode };
}

export async function loadCase(caseId: string): Promise<ComplaintCase> {
  const c = await repo.get(caseId);
  if (!c) throw notFound('案件', 'Case');
  return c;
}

export async function actOnCase(caseId: string, requested: CaseAction, expectedVersion: number, user: StaffActor) {
  await rememberStaff(user);
  const stored = await loadCase(caseId);
  if (stored.version !== expectedVersion) throw staleVersion();
  const calendar = await currentCalendar();
  const c = refreshProvisional(calendar, stored);
  const action = await withAssigneeContact(requested);
  const change = applyAction(c, action, user, { now: new Date(), calendar, units: units() });
  await commitAndResume(change, c.version);
  return { case: change.next, calendar, allowed: allowedActions(change.next, user) };
}

// Guessing access codes: a tracking number, and a client address, get a limited number of
// failed look-ups per window; past it even the right code waits for the next window.
const TRACK_WINDOW_SECONDS = 15 * 60;
const FAILURES_PER_TRACKING_NO = 10;
const FAILURES_PER_CLIENT = 100;
const trackLimiter = new DynamoRateLimiter(TRACK_WINDOW_SECONDS);

/** Finds a case by tracking number and access code; the same 404 for either being wrong. */
export async function trackCase(trackingNo: string, accessCode: string, clientIp = 'unknown') {
  const numberKey = trackingNo.toUpperCase();
  // Hashed: a stored address could say who follows an anonymous report.
  const clientKey = createHash('sha256').update(clientIp).digest('base64url').slice(0, 22);
  const [byNumber, byClient] = await Promise.all([trackLimiter.count('track-no', numberKey), trackLimiter.count('track-ip', clientKey)]);
  if (byNumber >= FAILURES_PER_TRACKING_NO || byClient >= FAILURES_PER_CLIENT) {
    throw new ApiError('rate-limited', '查询失败次数过多，请 15 分钟后再试', 'Too many failed look-ups; try again in 15 minutes');
  }
  const c = await repo.findByTrackingNo(trackingNo);
  const valid = await verifyAccessCode(accessCode, c?.accessCodeHash);
  if (!c || !valid) {
    await Promise.all([trackLimiter.hit('track-no', numberKey), trackLimiter.hit('track-ip', clientKey)]);
    throw notFound('案件（或查询码不正确）', 'Case (or wrong access code)');
  }
  return c;
}

export async function rate(trackingNo: string, accessCode: string, rating: Rating, comment: string | undefined, clientIp?: string) {
  const stored = await trackCase(trackingNo, accessCode, clientIp);
  const calendar = await currentCalendar();
  const c = refreshProvisional(calendar, stored);
  const change = rateCase(c, rating, comment, { now: new Date(), calendar, units: units() });
  await commitAndResume(change, c.version);
  if (change.next.review && !c.review) await workflow.start(c.caseId, `${c.caseId}-review`);
  return change.next;
}

/** The case as it reads now (provisional deadlines recomputed on the current calendar) and its history. */
export async function caseWithHistory(
  stored: ComplaintCase,
  known?: WorkingCalendar,
): Promise<{ c: ComplaintCase; history: Awaited<ReturnType<typeof repo.history>>; calendar: WorkingCalendar }> {
  const [history, calendar] = await Promise.all([repo.history(stored.caseId), known ?? currentCalendar()]);
  return { c: refreshProvisional(calendar, stored), history, calendar };
}

async function commitAndResume(change: Change, expectedVersion: number) {
  if (!(await repo.commit(change, expectedVersion))) throw staleVersion();
  // The workflow waits on the version it saw: tell it the case moved on.
  const token = await repo.waitToken(change.next.caseId);
  if (token) await workflow.resume(token);
}

const staleVersion = () => conflict('案件已被他人修改，请刷新后重试', 'The case has changed since you loaded it; reload and try again');
