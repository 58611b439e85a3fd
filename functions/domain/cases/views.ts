import { isOverdue, toShanghaiIso, type WorkingCalendar } from '../calendar/index.ts';
import { explainState, overdueDeadlines } from './deadlines.ts';
import { PUBLIC_EVENTS, type ComplaintCase, type DeadlineState, type HistoryEvent } from './model.ts';

export function deadlineDates(c: ComplaintCase) {
  return {
    acceptanceDue: c.deadlines.acceptance?.dueAt,
    transferDue: c.deadlines.transfer?.dueAt,
    dispositionDue: c.deadlines.disposition?.dueAt,
    ...(c.deadlines.review ? { reviewDue: c.deadlines.review.dueAt } : {}),
  };
}

export const isProvisional = (c: ComplaintCase) => Object.values(c.deadlines).some((d) => d?.state === 'open' && d.provisional);

function deadlineDetail(calendar: WorkingCalendar, d: DeadlineState, now: Date, withExplanation: boolean) {
  return {
    name: d.name,
    dueAt: d.dueAt,
    dueDate: d.dueDate,
    workingDays: d.workingDays,
    state: d.state,
    overdue: d.state === 'open' && isOverdue(d, now),
    ...(d.late ? { late: true } : {}),
    provisional: d.provisional,
    escalated: d.escalatedFor !== undefined,
    ...(withExplanation ? { explanation: explainState(calendar, d) } : {}),
  };
}

/** What the reporter sees with tracking number and access code: no staff names, no internal notes. */
export function citizenView(calendar: WorkingCalendar, c: ComplaintCase, history: HistoryEvent[], now: Date) {
  return {
    trackingNo: c.trackingNo,
    kind: c.kind,
    status: c.status,
    category: c.category,
    subject: c.subject,
    receivedAt: toShanghaiIso(c.receivedAt),
    legalReceiptDate: c.legalReceiptDate,
    deadlines: deadlineDates(c),
    deadlineDetails: Object.values(c.deadlines).map((d) => deadlineDetail(calendar, d!, now, true)),
    provisional: isProvisional(c),
    overdue: overdueDeadlines(c, now).length > 0,
    escalated: c.escalated,
    history: history
      .filter((e) => PUBLIC_EVENTS.has(e.event))
      .map((e) => ({ at: toShanghaiIso(e.at), event: e.event, ...(e.publicNote ? { note: e.publicNote } : {}) })),
    ...(c.notAcceptedReason ? { notAcceptedReason: c.notAcceptedReason } : {}),
    ...(c.result ? { result: c.result.text, disposedAt: toShanghaiIso(c.result.at) } : {}),
    ...(c.rating ? { rating: c.rating.rating } : {}),
    canRate: c.status === 'disposed' && !c.rating,
  };
}

/** The list row staff see in their queues. */
export function caseSummary(c: ComplaintCase, now: Date) {
  return {
    caseId: c.caseId,
    trackingNo: c.trackingNo,
    kind: c.kind,
    status: c.status,
    unit: c.unit,
    assignee: c.assignee ?? null,
    assigneeName: c.assigneeName ?? null,
    category: c.category,
    subject: c.subject,
    channel: c.channel,
    receivedAt: c.receivedAt,
    deadlines: deadlineDates(c),
    nextDueAt: Object.values(c.deadlines).filter((d) => d?.state === 'open').map((d) => d!.dueAt).sort()[0] ?? null,
    overdue: overdueDeadlines(c, now).length > 0,
    escalated: c.escalated,
    urged: c.urged,
  };
}

/**
 * The case for staff: content, deadlines, history and version. Never the reporter's identity
 * or contact (the case does not hold them: only the vault reference, which is left out too).
 */
export function staffView(calendar: WorkingCalendar, c: ComplaintCase, history: HistoryEvent[], now: Date, allowedActions: string[]) {
  return {
    ...caseSummary(c, now),
    description: c.description,
    respondentUnit: c.respondentUnit,
    wantsReply: c.wantsReply,
    anonymous: c.anonymous,
    publicityConsent: c.publicityConsent,
    reporterReachable: c.reporterReachable,
    legalReceiptDate: c.legalReceiptDate,
    deadlineDetails: Object.values(c.deadlines).map((d) => deadlineDetail(calendar, d!, now, false)),
    provisional: isProvisional(c),
    extensions: c.extensions,
    ...(c.notAcceptedReason ? { notAcceptedReason: c.notAcceptedReason } : {}),
    ...(c.transfer ? { transfer: c.transfer } : {}),
    ...(c.result ? { result: c.result } : {}),
    ...(c.rating ? { rating: c.rating } : {}),
    ...(c.review ? { review: c.review } : {}),
    history: history.map((e) => ({
      at: e.at,
      event: e.event,
      actor: e.actor.type === 'staff' ? { type: 'staff', name: e.actor.name, unit: e.actor.unit } : { type: e.actor.type },
      ...(e.publicNote ? { note: e.publicNote } : {}),
      ...(e.internalNote ? { internalNote: e.internalNote } : {}),
      ...(e.deadline ? { deadline: e.deadline } : {}),
    })),
    allowedActions,
    version: c.version,
  };
}
