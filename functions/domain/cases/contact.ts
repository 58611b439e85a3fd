/**
 * Contact by exception (issue 13): a handler with a lawful need asks to see one contact field of
 * the citizen, a custodian decides, and an approval lets that handler see the field once within
 * 24 hours. Pure rules; every step is a ledger event on the case (staff-only) that supervisors
 * audit. The field's value never passes through here.
 */
import { canSeeCase, inGroup, type StaffActor } from './actions.ts';
import { HANDLING } from './core-definition.ts';
import type { StaffGroup } from './kind.ts';
import type { KindRules } from './kind-rules.ts';
import { builder } from './lifecycle.ts';
import type { Actor, CaseRecord, Change, DomainContext, HistoryEvent } from './model.ts';
import { Conflict, Gone, NotAllowed } from '../errors.ts';

export const contactFields = ['email', 'phone', 'name', 'address'] as const;
export type ContactField = (typeof contactFields)[number];

/** How long an approval may be used. */
export const REVEAL_WINDOW_MS = 24 * 3600 * 1000;
export const CUSTODIANS: readonly StaffGroup[] = ['custodian'];

export interface ContactRequest {
  requestId: string;
  caseId: string;
  field: ContactField;
  reason: string;
  requester: { sub: string; name: string; unit: string };
  status: 'pending' | 'approved' | 'refused' | 'revealed';
  createdAt: string;
  decidedAt?: string;
  decidedBy?: { sub: string; name: string };
  comment?: string;
  /** Approved: the reveal must happen before this. */
  expiresAt?: string;
  revealedAt?: string;
}

type LedgerLine = Omit<HistoryEvent, 'caseId' | 'seq'>;
const staffActor = (user: StaffActor): Actor => ({ type: 'staff', sub: user.sub, name: user.name, unit: user.unit });

const FIELD_LABEL: Record<ContactField, string> = { email: '电子邮箱', phone: '电话', name: '姓名', address: '通信地址' };

export function fileContactRequest(
  c: { caseId: string; unit: string; reporterRef?: string },
  agencyWide: readonly StaffGroup[],
  user: StaffActor,
  input: { requestId: string; field: ContactField; reason: string },
  now: Date,
): { request: ContactRequest; event: LedgerLine } {
  if (!inGroup(user, HANDLING) || !canSeeCase(user, c, agencyWide)) throw new NotAllowed();
  if (!c.reporterRef) throw new Conflict('该案件没有留存联系方式（匿名）', 'The case holds no contact details (anonymous)');
  const at = now.toISOString();
  return {
    request: {
      requestId: input.requestId,
      caseId: c.caseId,
      field: input.field,
      reason: input.reason,
      requester: { sub: user.sub, name: user.name, unit: user.unit },
      status: 'pending',
      createdAt: at,
    },
    event: { at, event: 'contact-requested', actor: staffActor(user), internalNote: `申请查看${FIELD_LABEL[input.field]}（${input.requestId}）：${input.reason}` },
  };
}

export function decideContactRequest(
  r: ContactRequest,
  user: StaffActor,
  decision: { decision: 'approve' | 'refuse'; comment?: string },
  now: Date,
): { request: ContactRequest; event: LedgerLine } {
  if (!inGroup(user, CUSTODIANS) || r.requester.sub === user.sub) throw new NotAllowed();
  if (r.status !== 'pending') throw new Conflict('该申请已有决定', 'The request has been decided already');
  const at = now.toISOString();
  const approved = decision.decision === 'approve';
  return {
    request: {
      ...r,
      status: approved ? 'approved' : 'refused',
      decidedAt: at,
      decidedBy: { sub: user.sub, name: user.name },
      ...(decision.comment ? { comment: decision.comment } : {}),
      ...(approved ? { expiresAt: new Date(now.getTime() + REVEAL_WINDOW_MS).toISOString() } : {}),
    },
    event: {
      at,
      event: approved ? 'contact-approved' : 'contact-refused',
      actor: staffActor(user),
      internalNote: `${approved ? '批准' : '拒绝'}查看${FIELD_LABEL[r.field]}（${r.requestId}）${decision.comment ? `：${decision.comment}` : ''}`,
    },
  };
}

/** May this user see the field now? Throws 403 / 409 / 410 otherwise. */
export function revealContact(r: ContactRequest, user: StaffActor, now: Date): { request: ContactRequest; event: LedgerLine } {
  if (r.requester.sub !== user.sub) throw new NotAllowed();
  if (r.status === 'pending') throw new Conflict('申请尚未批准', 'The request has not been approved yet');
  if (r.status === 'refused') throw new Conflict('申请已被拒绝', 'The request was refused');
  if (r.status === 'revealed' || !r.expiresAt || now.getTime() >= Date.parse(r.expiresAt)) {
    throw new Gone('联系方式仅可查看一次，且须在批准后 24 小时内', 'The contact detail can be seen once, within 24 hours of approval');
  }
  const at = now.toISOString();
  return {
    request: { ...r, status: 'revealed', revealedAt: at },
    event: { at, event: 'contact-revealed', actor: staffActor(user), internalNote: `已查看${FIELD_LABEL[r.field]}（${r.requestId}）` },
  };
}

/** What the API shows of a request: never a value. */
export const contactRequestView = (r: ContactRequest) => ({
  requestId: r.requestId,
  caseId: r.caseId,
  field: r.field,
  status: r.status,
  createdAt: r.createdAt,
  ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
  ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
});

/**
 * The alternative that reveals nothing: the handler's message goes to the citizen through the
 * outbox (e-mail, or SMS pointing to the tracking page, where it is shown), and the handler learns
 * only that it was sent.
 */
export function relayToCitizen<C extends CaseRecord>(c: C, user: StaffActor, text: string, ctx: DomainContext, rules: KindRules<C>): Change<C> {
  if (!inGroup(user, HANDLING) || !canSeeCase(user, c, rules.definition.agencyWide)) throw new NotAllowed();
  if (!c.reporterReachable) throw new Conflict('无法联系该市民（未留电子邮箱或可用的电话）', 'The citizen left no e-mail address or phone we can reach');
  const b = builder(c, staffActor(user), ctx, rules);
  b.event('relayed', { publicNote: text });
  b.notifyCitizen('relay', { text });
  return b.build();
}
