import { isOverdue, toShanghaiIso, type WorkingCalendar } from '../calendar/index.ts';
import { explainState, overdueDeadlines, totalWorkingDays } from './deadlines.ts';
import type { KindRules } from './kind-rules.ts';
import { extensionRoom, extensionRule, type ExtensionPolicy } from './lifecycle.ts';
import type { CaseRecord, DeadlineState, HistoryEvent } from './model.ts';
import { dueKey } from './notice-vars.ts';

/** The named fields of `o` that are set: a view's parts without a line per field. */
export const setFields = <T extends object, K extends keyof T>(o: T, ...keys: K[]) =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as Partial<Pick<T, K>>;

/** Every deadline's due time under the API's name for it: `acceptanceDue`, `replyDue`, … */
export function deadlineDates(c: CaseRecord): Record<string, string | undefined> {
  return Object.fromEntries(Object.values(c.deadlines).filter(Boolean).map((d) => [dueKey(d!.name), d!.dueAt]));
}

export const isProvisional = (c: CaseRecord) => Object.values(c.deadlines).some((d) => d?.state === 'open' && d.provisional);

/** What a deadline counts from, in words: the date received, the rating date, or the day the step began. */
function startOf(c: CaseRecord, d: DeadlineState, rules: KindRules<CaseRecord>) {
  if (d.from === c.receivedAt) return undefined;
  return rules.definition.deadlines[d.name]?.startsFrom ?? { zh: '起算日期', en: 'Counted from' };
}

function deadlineDetail(calendar: WorkingCalendar, d: DeadlineState, now: Date, withExplanation: boolean, start?: { zh: string; en: string }) {
  return {
    name: d.name,
    dueAt: d.dueAt,
    dueDate: d.dueDate,
    workingDays: totalWorkingDays(d),
    state: d.state,
    overdue: d.state === 'open' && !d.suspended && isOverdue(d, now),
    ...(d.late ? { late: true } : {}),
    provisional: d.provisional,
    suspended: d.suspended === true,
    escalated: d.escalatedFor !== undefined,
    ...(withExplanation ? { explanation: explainState(calendar, d, start) } : {}),
  };
}

const details = <C extends CaseRecord>(calendar: WorkingCalendar, c: C, now: Date, withExplanation: boolean, rules: KindRules<C>) =>
  Object.values(c.deadlines).map((d) => deadlineDetail(calendar, d!, now, withExplanation, startOf(c, d!, rules as unknown as KindRules<CaseRecord>)));

/** What the citizen sees with tracking number and access code: no staff names, no internal notes. */
export function citizenView<C extends CaseRecord>(calendar: WorkingCalendar, c: C, history: HistoryEvent[], now: Date, rules: KindRules<C>) {
  const events = rules.definition.events;
  return {
    trackingNo: c.trackingNo,
    kind: c.kind,
    status: c.status,
    subject: c.subject,
    receivedAt: toShanghaiIso(c.receivedAt),
    legalReceiptDate: c.legalReceiptDate,
    deadlines: deadlineDates(c),
    deadlineDetails: details(calendar, c, now, true, rules),
    provisional: isProvisional(c),
    overdue: overdueDeadlines(c, now).length > 0,
    escalated: c.escalated,
    history: history
      .filter((e) => events[e.event]?.public)
      .map((e) => ({ at: toShanghaiIso(e.at), event: e.event, ...(e.publicNote ? { note: e.publicNote } : {}), ...(e.publicNoteEn ? { noteEn: e.publicNoteEn } : {}) })),
    ...rules.citizenFields(c),
    ...(c.rating ? { rating: c.rating.rating, ratedAt: toShanghaiIso(c.rating.at), ...(c.rating.comment ? { ratingComment: c.rating.comment } : {}) } : {}),
    // The supervision review a dissatisfied rating opened: a step of its own, with its conclusion.
    ...(c.review
      ? {
          review: {
            openedAt: toShanghaiIso(c.review.openedAt),
            dueDate: c.deadlines.review?.dueDate ?? null,
            ...(c.review.concludedAt ? { concludedAt: toShanghaiIso(c.review.concludedAt), conclusion: c.review.conclusion ?? '' } : {}),
          },
        }
      : {}),
    canRate: rules.definition.ratableIn.includes(c.status) && !c.rating,
  };
}

/** The list row staff see in their queues. */
export function caseSummary<C extends CaseRecord>(c: C, now: Date, rules: KindRules<C>) {
  return {
    caseId: c.caseId,
    trackingNo: c.trackingNo,
    kind: c.kind,
    status: c.status,
    unit: c.unit,
    assignee: c.assignee ?? null,
    assigneeName: c.assigneeName ?? null,
    subject: c.subject,
    channel: c.channel,
    receivedAt: c.receivedAt,
    deadlines: deadlineDates(c),
    nextDueAt: Object.values(c.deadlines).filter((d) => d?.state === 'open' && !d.suspended).map((d) => d!.dueAt).sort()[0] ?? null,
    overdue: overdueDeadlines(c, now).length > 0,
    escalated: c.escalated,
    urged: c.urged,
    ...rules.summaryFields(c),
  };
}

/**
 * The case for staff: content, deadlines, history and version. Never the citizen's identity or
 * contact (the case does not hold them: only the vault reference, which is left out too).
 */
export function staffView<C extends CaseRecord>(
  calendar: WorkingCalendar,
  c: C,
  history: HistoryEvent[],
  now: Date,
  allowedActions: string[],
  rules: KindRules<C>,
  policy?: ExtensionPolicy,
) {
  const rule = extensionRule(rules, policy);
  return {
    ...caseSummary(c, now, rules),
    reporterReachable: c.reporterReachable,
    reporterChannel: c.reporterChannel ?? null,
    legalReceiptDate: c.legalReceiptDate,
    deadlineDetails: details(calendar, c, now, false, rules),
    provisional: isProvisional(c),
    extensions: c.deadlines[rule.deadline]?.extensions ?? [],
    extension: extensionRoom(c, rule),
    ...rules.staffFields(c),
    ...(c.rating ? { rating: c.rating } : {}),
    ...(c.review ? { review: c.review } : {}),
    history: history.map((e) => ({
      at: e.at,
      event: e.event,
      actor: e.actor.type === 'staff' ? { type: 'staff', name: e.actor.name, unit: e.actor.unit } : { type: e.actor.type },
      ...(e.publicNote ? { note: e.publicNote } : {}),
      ...(e.publicNoteEn ? { noteEn: e.publicNoteEn } : {}),
      ...(e.internalNote ? { internalNote: e.internalNote } : {}),
      ...(e.deadline ? { deadline: e.deadline } : {}),
    })),
    allowedActions,
    version: c.version,
  };
}

