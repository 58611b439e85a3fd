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
import { Conflict } from './errors.ts';
import type { CaseKind } from './kinds.ts';

export * from './cases/index.ts';
export * from './errors.ts';
export { kindDefinitions, kindOf, caseKinds, type CaseKind } from './kinds.ts';
export type { ComplaintCase, ComplaintFacts } from './complaints/model.ts';
export type { DisclosureFacts, DisclosureRequestCase } from './disclosure/model.ts';
export { complaintStatuses, type ComplaintStatus } from './complaints/definition.ts';
export { disclosureStatuses, type DisclosureStatus } from './disclosure/definition.ts';

const registry: Record<CaseKind, KindRules<never>> = {
  complaint: complaintRules as unknown as KindRules<never>,
  'disclosure-request': disclosureRules as unknown as KindRules<never>,
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
  ReturnType<(typeof complaintRules)[V]> & ReturnType<(typeof disclosureRules)[V]>
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
