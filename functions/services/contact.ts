import { randomUUID } from 'node:crypto';
import { DynamoContactRequests } from '../adapters/dynamodb/contact-store.ts';
import {
  agencyWideOf,
  Conflict,
  contactRequestView,
  CUSTODIANS,
  inGroup,
  decideContactRequest,
  fileContactRequest,
  Gone,
  NotFound,
  relay,
  revealContact,
  type ContactField,
  type ContactRequest,
  type StaffActor,
} from '../domain/index.ts';
import { commitAndResume, loadCase } from './cases.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';

const requests = new DynamoContactRequests();

async function loadRequest(requestId: string): Promise<ContactRequest> {
  const r = await requests.get(requestId);
  if (!r) throw new NotFound('申请不存在', 'Contact request not found');
  return r;
}

export async function requestContact(caseId: string, input: { field: ContactField; reason: string }, user: StaffActor, deps: ServiceDeps = defaultDeps()) {
  const c = await loadCase(caseId, deps);
  const { request, event } = fileContactRequest(c, agencyWideOf(c), user, { ...input, requestId: randomUUID() }, deps.now());
  if (!(await requests.save(request, event))) throw new Conflict('请重试', 'Please try again');
  return contactRequestView(request);
}

export async function decideContact(requestId: string, decision: { decision: 'approve' | 'refuse'; comment?: string }, user: StaffActor, deps: ServiceDeps = defaultDeps()) {
  const r = await loadRequest(requestId);
  const { request, event } = decideContactRequest(r, user, decision, deps.now());
  if (!(await requests.save(request, event, r.status))) throw new Conflict('该申请已有决定', 'The request has been decided already');
  return contactRequestView(request);
}

/**
 * The one path that shows a citizen's contact to staff: the approved field, to its requester,
 * once. The reveal is recorded (conditionally on the approval still being unused) before the
 * value is returned, so a second call or a race gets 410.
 */
export async function revealContactField(requestId: string, user: StaffActor, deps: ServiceDeps = defaultDeps()) {
  const r = await loadRequest(requestId);
  const { request, event } = revealContact(r, user, deps.now());
  const c = await loadCase(r.caseId, deps);
  if (!(await requests.save(request, event, 'approved'))) throw new Gone('联系方式仅可查看一次', 'The contact detail can be seen once');
  const identity = c.reporterRef ? await deps.vault.get(c.reporterRef, [r.field]) : {};
  return { field: r.field, value: identity[r.field] ?? null };
}

/**
 * Requests in one status: a custodian sees every one (the decision queue), anyone else only
 * their own (to use an approval). With the reason and who asked, never a value.
 */
export async function listContactRequests(status: ContactRequest['status'], user: StaffActor) {
  const all = await requests.withStatus(status);
  const mine = inGroup(user, CUSTODIANS) ? all : all.filter((r) => r.requester.sub === user.sub);
  return mine.map((r) => ({ ...contactRequestView(r), reason: r.reason, requester: { name: r.requester.name, unit: r.requester.unit } }));
}

export async function relayMessage(caseId: string, text: string, user: StaffActor, deps: ServiceDeps = defaultDeps()) {
  const c = await loadCase(caseId, deps);
  const calendar = await deps.calendar();
  const change = relay(c, user, text, { now: deps.now(), calendar, units: deps.units() });
  await commitAndResume(change, c.version, deps);
  return { status: 'sent' as const };
}
