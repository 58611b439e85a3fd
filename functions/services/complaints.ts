import { randomUUID } from 'node:crypto';
import { DynamoCaseRepository } from '../adapters/dynamodb/case-store.ts';
import { StepFunctionsCaseWorkflow } from '../adapters/stepfunctions/case-workflow.ts';
import { EncryptedReporterVault } from '../adapters/vault/reporter-vault.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';
import {
  allowedActions,
  applyAction,
  hashAccessCode,
  newAccessCode,
  newTrackingNo,
  refreshProvisional,
  receiveComplaint,
  type CaseAction,
  type Change,
  type Channel,
  type ComplaintCase,
  type ComplaintFacts,
  type ReporterIdentity,
  type StaffActor,
} from '../domain/cases/index.ts';
import { currentCalendar } from '../shared/calendar.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { intakeUnit, units } from '../shared/units.ts';
import { rememberStaff, withAssigneeContact } from './staff.ts';

/**
 * The application layer for complaints: load, ask the domain, store conditionally, tell the
 * workflow. Handlers call these; these hold no rules of their own.
 */
export const repo = new DynamoCaseRepository();
export const workflow = new StepFunctionsCaseWorkflow();
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

/** The case as it reads now (provisional deadlines recomputed on the current calendar) and its history. */
export async function caseWithHistory(
  stored: ComplaintCase,
  known?: WorkingCalendar,
): Promise<{ c: ComplaintCase; history: Awaited<ReturnType<typeof repo.history>>; calendar: WorkingCalendar }> {
  const [history, calendar] = await Promise.all([repo.history(stored.caseId), known ?? currentCalendar()]);
  return { c: refreshProvisional(calendar, stored), history, calendar };
}

export async function commitAndResume(change: Change, expectedVersion: number) {
  if (!(await repo.commit(change, expectedVersion))) throw staleVersion();
  // The workflow waits on the version it saw: tell it the case moved on.
  const token = await repo.waitToken(change.next.caseId);
  if (token) await workflow.resume(token);
}

const staleVersion = () => conflict('案件已被他人修改，请刷新后重试', 'The case has changed since you loaded it; reload and try again');
