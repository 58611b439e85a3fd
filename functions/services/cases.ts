import { randomUUID } from 'node:crypto';
import {
  allowedActions,
  deadlineDates,
  isProvisional,
  hashAccessCode,
  newAccessCode,
  newTrackingNo,
  NotFound,
  Conflict,
  refreshProvisional,
  type CaseAction,
  type CaseKind,
  type CaseRecord,
  type Change,
  type Channel,
  type IntakeContext,
  type ReporterIdentity,
  type StaffActor,
} from '../domain/index.ts';
import { toShanghaiIso, type WorkingCalendar } from '../domain/calendar/index.ts';
import { applyAction, attach, type AttachmentRef } from '../domain/index.ts';
import { IntakeKeyTaken, isTransactionConflict, type IntakeKey } from '../adapters/dynamodb/case-store.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';
import { rememberStaff, withAssigneeContact } from './staff.ts';

/**
 * The application layer for cases of every kind: load, ask the domain, store conditionally, tell
 * the workflow. Handlers call these; these hold no rules of their own.
 */
export type Receive<C extends CaseRecord> = (ctx: IntakeContext) => Change<C>;

/** What submitCase answers: the new case and its access code, or, for a retry, the case made the first time (no code). */
export type Submitted = { case: CaseRecord; accessCode: string; replayed: false } | { case: CaseRecord; accessCode?: undefined; replayed: true };

/**
 * Receipt of a case: identity to the vault, the case and its outbox in one transaction, then its
 * workflow. With an intake key (from an Idempotency-Key) the key is written in that same
 * transaction, so however a first attempt ended (answered, crashed after the commit, still
 * running), a retry finds its case and never makes a second one; the retry also starts the
 * case's workflow, which the first attempt may not have lived to do (the start is idempotent).
 */
export async function submitCase<C extends CaseRecord>(
  kind: CaseKind,
  receive: Receive<C>,
  identity: ReporterIdentity | undefined,
  channel: Channel,
  createdBy?: StaffActor,
  deps: ServiceDeps = defaultDeps(),
  intake?: IntakeKey,
): Promise<Submitted> {
  if (intake) {
    const earlier = await replayIntake(intake, deps);
    if (earlier) return earlier;
  }
  const now = deps.now();
  const accessCode = newAccessCode();
  const hasIdentity = identity && Object.values(identity).some(Boolean);
  // Independent round trips, side by side.
  const [calendar, reporterRef] = await Promise.all([deps.calendar(), hasIdentity ? deps.vault.put(identity) : undefined]);
  const change = receive({
    now,
    calendar,
    units: deps.units(),
    channel,
    intakeUnit: deps.intakeUnit(),
    caseId: randomUUID(),
    trackingNo: newTrackingNo(kind, now),
    accessCodeHash: await hashAccessCode(accessCode),
    ...(reporterRef ? { reporterRef } : {}),
    // By e-mail, or by SMS where a phone is all they left and this deployment sends SMS.
    ...reachable(identity, deps.smsEnabled()),
    ...(createdBy ? { createdBy: { sub: createdBy.sub, name: createdBy.name, unit: createdBy.unit } } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.repo.create(change, intake);
      break;
    } catch (error) {
      // A concurrent attempt with the same key won (or is committing right now): answer with its case.
      if (!intake || !(error instanceof IntakeKeyTaken || isTransactionConflict(error))) throw error;
      const earlier = await replayIntake(intake, deps);
      if (earlier) return earlier;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.random() * 25));
    }
  }
  await deps.workflow.start(change.next.caseId);
  return { case: change.next, accessCode, replayed: false };
}

/** The case an intake key already made, its workflow started; 409 when the key came with another body. */
async function replayIntake(intake: IntakeKey, deps: ServiceDeps): Promise<Submitted | undefined> {
  const found = await deps.repo.findIntake(intake.id);
  if (!found) return undefined;
  if (found.fingerprint !== intake.fingerprint) {
    throw new Conflict('该 Idempotency-Key 已用于内容不同的提交', 'This Idempotency-Key was used for a different submission');
  }
  const c = await loadCase(found.caseId, deps);
  await deps.workflow.start(c.caseId);
  return { case: c, replayed: true };
}

export async function loadCase(caseId: string, deps: ServiceDeps = defaultDeps()): Promise<CaseRecord> {
  const c = await deps.repo.get(caseId);
  if (!c) throw new NotFound('案件不存在', 'Case not found');
  return c;
}

export async function actOnCase(
  caseId: string,
  requested: CaseAction,
  expectedVersion: number,
  user: StaffActor,
  deps: ServiceDeps = defaultDeps(),
  /** Checked files that go with the action (the reply's documents, …). */
  attachments: readonly AttachmentRef[] = [],
) {
  await rememberStaff(user);
  const stored = await loadCase(caseId, deps);
  if (stored.version !== expectedVersion) throw staleVersion();
  const calendar = await deps.calendar();
  const c = refreshProvisional(calendar, stored);
  const action = await withAssigneeContact(requested);
  const ctx = actionContext(calendar, deps);
  const acted = applyAction(c, action, user, ctx);
  const change = { ...acted, next: attach(acted.next, attachments, { by: 'staff', action: action.type, at: ctx.now.toISOString() }) };
  await commitAndResume(change, c.version, deps);
  return { case: change.next, calendar, allowed: allowedActions(change.next, user, ctx) };
}

export function actionContext(calendar: WorkingCalendar, deps: ServiceDeps = defaultDeps()) {
  return { now: deps.now(), calendar, units: deps.units(), extensionPolicy: deps.extensionPolicy() };
}

/** The case as it reads now (provisional deadlines recomputed on the current calendar) and its history. */
export async function caseWithHistory(stored: CaseRecord, known?: WorkingCalendar, deps: ServiceDeps = defaultDeps()) {
  const [history, calendar] = await Promise.all([deps.repo.history(stored.caseId), known ?? deps.calendar()]);
  return { c: refreshProvisional(calendar, stored), history, calendar };
}

export async function commitAndResume(change: Change, expectedVersion: number, deps: ServiceDeps = defaultDeps()) {
  if (!(await deps.repo.commit(change, expectedVersion))) throw staleVersion();
  // The workflow waits on the version it saw: tell it the case moved on.
  const token = await deps.repo.waitToken(change.next.caseId);
  if (token) await deps.workflow.resume(token);
}

const staleVersion = () => new Conflict('案件已被他人修改，请刷新后重试', 'The case has changed since you loaded it; reload and try again');

/**
 * What the citizen (or the staff member entering a paper case) is told at receipt: the only time
 * the access code is shown. The code is nowhere at rest (only its salted hash is), so a retried
 * submission's answer cannot repeat it: it says `accessCodeShownOnce: true` instead.
 */
export function receiptOf(c: CaseRecord, accessCode: string | undefined) {
  return {
    caseId: c.caseId,
    trackingNo: c.trackingNo,
    ...(accessCode ? { accessCode } : { accessCodeShownOnce: true as const }),
    kind: c.kind,
    status: c.status,
    channel: c.channel,
    receivedAt: toShanghaiIso(c.receivedAt),
    deadlines: deadlineDates(c),
    provisional: isProvisional(c),
  };
}

/** Whether and how notices can reach the citizen: e-mail first, else SMS where it is on. */
function reachable(identity: ReporterIdentity | undefined, smsOn: boolean): { reporterReachable: boolean; reporterChannel?: 'email' | 'sms' } {
  if (identity?.email?.trim()) return { reporterReachable: true, reporterChannel: 'email' };
  if (identity?.phone?.trim() && smsOn) return { reporterReachable: true, reporterChannel: 'sms' };
  return { reporterReachable: false };
}
