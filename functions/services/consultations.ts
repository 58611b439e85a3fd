import {
  acceptsComments,
  canSeeCase,
  commentRow,
  Conflict,
  consultationListItem,
  isSupervisor,
  NotAllowed,
  NotFound,
  publicConsultation,
  receiveComment,
  receiveConsultation,
  refreshProvisional,
  reportConsultation,
  type CaseRecord,
  type CommentCase,
  type CommentFacts,
  type ConsultationCase,
  type ConsultationDraft,
  type ReportItem,
  type ReporterIdentity,
  type StaffActor,
} from '../domain/index.ts';
import { actionContext, actOnCase, commitAndResume, submitCase } from './cases.ts';
import type { IntakeKey } from '../adapters/dynamodb/case-store.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';

/**
 * Consultations and their comments, on the same services as every case: receipt through
 * submitCase (vault, store, workflow), actions through actOnCase, writes through commitAndResume.
 */
const isConsultation = (c: CaseRecord | undefined): c is ConsultationCase => c?.kind === 'consultation';
const notFound = () => new NotFound('征求意见不存在', 'Consultation not found');

export async function loadConsultation(id: string, deps: ServiceDeps = defaultDeps()): Promise<ConsultationCase> {
  const c = await deps.repo.get(id);
  if (!isConsultation(c)) throw notFound();
  return c;
}

/** A consultation's comments: its unit's cases since it was drafted (the unit index), those on it. */
export async function commentsOf(c: ConsultationCase, deps: ServiceDeps = defaultDeps()): Promise<CommentCase[]> {
  const cases = await deps.repo.byUnit(c.unit, c.receivedAt);
  return cases.filter((k): k is CommentCase => k.kind === 'comment' && (k as CommentCase).consultationId === c.caseId).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

export async function createConsultation(draft: ConsultationDraft, user: StaffActor, deps: ServiceDeps = defaultDeps()) {
  // Staff draft for their own unit; supervisors and admins for any.
  if (!isSupervisor(user) && draft.unit !== user.unit) throw new NotAllowed('只能为本单位起草征求意见', 'You can draft consultations for your own unit only');
  const policy = deps.consultationPolicy();
  const { case: c } = await submitCase('consultation', (ctx) => receiveConsultation(draft, policy, ctx), undefined, 'web', user, deps);
  return c as ConsultationCase;
}

export async function submitComment(
  id: string,
  facts: Omit<CommentFacts, 'consultationId' | 'consultationTitle'>,
  identity: ReporterIdentity | undefined,
  intake?: IntakeKey,
  deps: ServiceDeps = defaultDeps(),
) {
  const c = await loadConsultation(id, deps);
  // Checked before the identity reaches the vault; the domain checks again at receipt.
  if (!acceptsComments(c, deps.now())) throw new Conflict('该征求意见目前不在征求意见期内', 'The consultation is not open for comments');
  return submitCase('comment', (ctx) => receiveComment(c, facts, ctx), identity, 'web', undefined, deps, intake);
}

/** `approve` acts on the consultation; `hide` on one of its comments. The domain decides who may (403) and whether now (409). */
export async function actOnConsultation(id: string, action: { type: 'approve' } | { type: 'hide'; commentId: string; reason: string }, user: StaffActor, deps: ServiceDeps = defaultDeps()) {
  const c = await loadConsultation(id, deps);
  if (action.type === 'approve') return (await actOnCase(c.caseId, action, c.version, user, deps)).case;
  const comment = await deps.repo.get(action.commentId);
  if (comment?.kind !== 'comment' || (comment as CommentCase).consultationId !== c.caseId) throw new NotFound('意见不存在', 'Comment not found');
  return (await actOnCase(comment.caseId, { type: 'hide', reason: action.reason }, comment.version, user, deps)).case;
}

/** Every comment of a consultation for its unit's staff (or supervisors), hidden ones included; never an identity. */
export async function staffComments(id: string, user: StaffActor, deps: ServiceDeps = defaultDeps()) {
  const c = await loadConsultation(id, deps);
  if (!canSeeCase(user, c)) throw new NotAllowed();
  const comments = await commentsOf(c, deps);
  return {
    consultation: { id: c.caseId, title: c.title, status: c.status, unit: c.unit, opensAt: c.opensAt, closesAt: c.closesAt, version: c.version },
    items: comments.map((k) => ({ ...commentRow(k), trackingNo: k.trackingNo, status: k.status, receivedAt: k.receivedAt })),
  };
}

/** Publishes the adoption report: the comments concluded first, then the consultation (a retry finds them concluded). */
export async function publishReport(id: string, items: ReportItem[], user: StaffActor, deps: ServiceDeps = defaultDeps()) {
  const stored = await loadConsultation(id, deps);
  const calendar = await deps.calendar();
  const c = refreshProvisional(calendar, stored);
  const comments = await commentsOf(c, deps);
  const change = reportConsultation(c, comments, items, user, actionContext(calendar, deps));
  for (const concluded of change.comments) await commitAndResume(concluded, concluded.next.version - 1, deps);
  await commitAndResume(change.consultation, c.version, deps);
  return change.consultation.next;
}

/** Approved consultations of every unit, newest opening first. */
export async function publicList(now: Date, deps: ServiceDeps = defaultDeps()) {
  const perUnit = await Promise.all(deps.units().map((u) => deps.repo.byUnit(u.code)));
  const items = perUnit
    .flat()
    .filter(isConsultation)
    .map((c) => consultationListItem(c, now))
    .filter((i) => i !== undefined)
    .sort((a, b) => b.opensAt.localeCompare(a.opensAt));
  return { items };
}

export async function publicDetail(id: string, now: Date, deps: ServiceDeps = defaultDeps()) {
  const c = await loadConsultation(id, deps);
  const comments = c.report ? await commentsOf(c, deps) : [];
  const view = publicConsultation(c, comments, now, deps.units());
  if (!view) throw notFound();
  return view;
}
