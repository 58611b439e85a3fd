/**
 * The domain's entry: every case operation, dispatched by the case's kind to its definition and
 * rules. Services and handlers call these; the core (cases/) and the kinds (complaints/,
 * disclosure/) never need to know one another's names.
 */
import type { WorkingCalendar } from './calendar/index.ts';
import * as core from './cases/index.ts';
import type { ActionContext, CaseAction, CaseRecord, DomainContext, HistoryEvent, IntakeContext, KindRules, Rating, StaffActor } from './cases/index.ts';
import type { ComplaintFacts, ComplaintCase } from './complaints/model.ts';
import { complaintRules } from './complaints/rules.ts';
import type { DisclosureFacts, DisclosureRequestCase } from './disclosure/model.ts';
import { clarify, disclosureRules } from './disclosure/rules.ts';
import type { CommentAction, ConsultationAction } from './consultations/rules.ts';
import { acceptsComments, commentRules, consultationRules, draftFacts } from './consultations/rules.ts';
import type { CommentCase, CommentFacts, ConsultationCase, ConsultationDraft, ConsultationPolicy, ReportItem } from './consultations/model.ts';
import { Conflict } from './errors.ts';
import type { CaseKind } from './kinds.ts';

export * from './cases/index.ts';
export * from './errors.ts';
export { kindDefinitions, kindOf, caseKinds, type CaseKind } from './kinds.ts';
export type { ComplaintCase, ComplaintFacts } from './complaints/model.ts';
export type { DisclosureFacts, DisclosureRequestCase } from './disclosure/model.ts';
export { complaintStatuses, type ComplaintStatus } from './complaints/definition.ts';
export { disclosureStatuses, type DisclosureStatus } from './disclosure/definition.ts';
export type { CommentCase, CommentFacts, ConsultationCase, ConsultationDraft, ConsultationPolicy, ReportItem } from './consultations/model.ts';
export { DEFAULT_CONSULTATION_POLICY } from './consultations/model.ts';
export { commentOutcomeCodes, consultationStatuses, commentStatuses } from './consultations/definition.ts';
export { acceptsComments, publicStatus, commentRow } from './consultations/rules.ts';
export { consultationListItem, publicConsultation, consultationStats } from './consultations/views.ts';

const registry: Record<CaseKind, KindRules<never>> = {
  complaint: complaintRules as unknown as KindRules<never>,
  'disclosure-request': disclosureRules as unknown as KindRules<never>,
  consultation: consultationRules as unknown as KindRules<never>,
  comment: commentRules as unknown as KindRules<never>,
};

/** The rules of a case's kind. */
export function rulesOf<C extends CaseRecord>(c: Pick<C, 'kind'>): KindRules<C> {
  const rules = registry[c.kind as CaseKind];
  if (!rules) throw new Error(`Unknown case kind '${c.kind}'`);
  return rules as unknown as KindRules<C>;
}

/** Whether this staff member may see the case (its unit, or the kind's agency-wide groups, or a supervisor). */
export const relay = <C extends CaseRecord>(c: C, user: StaffActor, text: string, ctx: DomainContext) => core.relayToCitizen(c, user, text, ctx, rulesOf<C>(c));
export const agencyWideOf = (c: CaseRecord) => rulesOf(c).definition.agencyWide;
export const canSee = (user: StaffActor, c: CaseRecord) => core.canSeeCase(user, c, rulesOf(c).definition.agencyWide);
export const applyAction = <C extends CaseRecord>(c: C, action: CaseAction, user: StaffActor, ctx: ActionContext) => core.applyAction(c, action, user, ctx, rulesOf<C>(c));
export const allowedActions = <C extends CaseRecord>(c: C, user: StaffActor, ctx: ActionContext) => core.allowedActions(c, user, ctx, rulesOf<C>(c));
export const rateCase = <C extends CaseRecord>(c: C, rating: Rating, comment: string | undefined, ctx: DomainContext) => core.rateCase(c, rating, comment, ctx, rulesOf<C>(c));
export const warnDeadline = <C extends CaseRecord>(c: C, name: string, due: string, ctx: DomainContext) => core.warnDeadline(c, name, due, ctx, rulesOf<C>(c));
export const escalateDeadline = <C extends CaseRecord>(c: C, name: string, due: string, ctx: DomainContext) => core.escalateDeadline(c, name, due, ctx, rulesOf<C>(c));

/** What the kinds add to a view, each field optional: a page reads the fields of the kind it shows. */
type KindFields<V extends 'citizenFields' | 'staffFields' | 'summaryFields'> = Partial<
  ReturnType<(typeof complaintRules)[V]> & ReturnType<(typeof disclosureRules)[V]> & ReturnType<(typeof consultationRules)[V]> & ReturnType<(typeof commentRules)[V]>
>;

export const citizenView = <C extends CaseRecord>(calendar: WorkingCalendar, c: C, history: HistoryEvent[], now: Date) =>
  core.citizenView(calendar, c, history, now, rulesOf<C>(c)) as ReturnType<typeof core.citizenView> & KindFields<'citizenFields'>;
export const caseSummary = <C extends CaseRecord>(c: C, now: Date) => core.caseSummary(c, now, rulesOf<C>(c)) as ReturnType<typeof core.caseSummary> & KindFields<'summaryFields'>;
export const staffView = <C extends CaseRecord>(calendar: WorkingCalendar, c: C, history: HistoryEvent[], now: Date, allowed: string[], policy?: core.ExtensionPolicy) =>
  core.staffView(calendar, c, history, now, allowed, rulesOf<C>(c), policy) as ReturnType<typeof core.staffView> & KindFields<'staffFields'>;

export const receiveComplaint = (facts: ComplaintFacts, ctx: IntakeContext) => core.receiveCase<ComplaintCase>({ ...facts }, ctx, complaintRules);

/** A request's subject line, for queues and notices: the start of what was asked for. */
const subjectOf = (description: string) => {
  const line = description.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

export const receiveDisclosureRequest = (facts: DisclosureFacts, ctx: IntakeContext) =>
  core.receiveCase<DisclosureRequestCase>({ ...facts, subject: subjectOf(facts.description) }, ctx, disclosureRules);

/** The applicant's answer to a clarification request (补正), from the tracking page. */
export function answerClarification(c: DisclosureRequestCase, text: string, ctx: DomainContext) {
  if (c.kind !== 'disclosure-request') throw new Conflict('本案件不需要补正', 'No clarification is awaited');
  const b = core.builder(c, { type: 'citizen' }, ctx, disclosureRules);
  clarify(b, text);
  return b.build();
}

/** A consultation drafted by staff of its unit: a case of its own kind, in `draft` until a supervisor approves it. */
export const receiveConsultation = (draft: ConsultationDraft, policy: ConsultationPolicy, ctx: IntakeContext) =>
  core.receiveCase<ConsultationCase>(draftFacts(draft, policy, ctx.calendar, ctx.units), { ...ctx, intakeUnit: draft.unit }, consultationRules);

/** A comment on a consultation, taken only while it is open (409 before opening and after closing); it goes to the consultation's unit. */
export function receiveComment(consultation: ConsultationCase, facts: Omit<CommentFacts, 'consultationId' | 'consultationTitle'>, ctx: IntakeContext) {
  if (!acceptsComments(consultation, ctx.now)) throw new Conflict('该征求意见目前不在征求意见期内', 'The consultation is not open for comments');
  const full: CommentFacts = { ...facts, consultationId: consultation.caseId, consultationTitle: consultation.title };
  return core.receiveCase<CommentCase>({ ...full, subject: subjectOf(facts.text) }, { ...ctx, intakeUnit: consultation.unit }, commentRules);
}

/**
 * The adoption report: checked and counted on the consultation (409 unless closed, 403 for staff
 * of another unit, 400 for a group not adopted without a reason), and each published comment
 * concluded with its group's outcome (which tells a reachable commenter). Pure: the caller
 * commits the comments' changes, then the consultation's.
 */
export function reportConsultation(c: ConsultationCase, comments: CommentCase[], items: ReportItem[], user: StaffActor, ctx: ActionContext) {
  const action: ConsultationAction = { type: 'report', items, comments: comments.map((k) => ({ caseId: k.caseId, status: k.status })) };
  const consultation = core.applyAction(c, action, user, ctx, consultationRules);
  const groupOf = new Map(items.flatMap((item, group) => item.commentIds.map((id) => [id, { item, group }] as const)));
  const concluded = comments
    .filter((k) => k.status === 'received')
    .map((k) => {
      const found = groupOf.get(k.caseId);
      const conclude: CommentAction = found ? { type: 'conclude', outcome: found.item.outcome, group: found.group, ...(found.item.reason ? { reason: found.item.reason } : {}) } : { type: 'conclude' };
      return core.applyAction(k, conclude, user, ctx, commentRules);
    });
  return { consultation, comments: concluded };
}
