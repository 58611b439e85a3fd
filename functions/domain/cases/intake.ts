import { legalReceiptDate, type WorkingCalendar } from '../calendar/index.ts';
import { initialDeadlines } from './deadlines.ts';
import type { Change } from './lifecycle.ts';
import type { Channel, ComplaintCase, ComplaintFacts, Unit } from './model.ts';
import { noticeVars } from './notice-vars.ts';


export interface IntakeContext {
  now: Date;
  calendar: WorkingCalendar;
  units: Unit[];
  channel: Channel;
  intakeUnit: string;
  caseId: string;
  trackingNo: string;
  accessCodeHash: string;
  reporterRef?: string;
  reporterReachable: boolean;
  createdBy?: { sub: string; name: string; unit: string };
}

/** Receipt of a complaint: the case, its three deadlines, the ledger's first line, the acknowledgement. */
export function receiveComplaint(facts: ComplaintFacts, ctx: IntakeContext): Change {
  const receivedAt = ctx.now.toISOString();
  const c: ComplaintCase = {
    caseId: ctx.caseId,
    trackingNo: ctx.trackingNo,
    kind: 'complaint',
    channel: ctx.channel,
    status: 'received',
    unit: ctx.intakeUnit,
    ...facts,
    ...(ctx.reporterRef ? { reporterRef: ctx.reporterRef } : {}),
    reporterReachable: ctx.reporterReachable,
    receivedAt,
    legalReceiptDate: legalReceiptDate(ctx.calendar, receivedAt),
    deadlines: initialDeadlines(ctx.calendar, receivedAt),
    escalated: false,
    urged: false,
    extensions: [],
    accessCodeHash: ctx.accessCodeHash,
    ...(ctx.createdBy ? { createdBy: ctx.createdBy.sub } : {}),
    version: 1,
  };
  const actor = ctx.createdBy ? { type: 'staff' as const, ...ctx.createdBy } : { type: 'citizen' as const };
  return {
    next: c,
    events: [{ at: receivedAt, event: 'received', actor, publicNote: `通过${CHANNEL_ZH[ctx.channel]}收到` }],
    notices: [
      ...(ctx.reporterReachable ? [{ noticeId: 'v1-receipt-reporter', template: 'receipt', to: { kind: 'reporter' as const }, vars: noticeVars(c, ctx) }] : []),
      { noticeId: 'v1-new-case-unit', template: 'new-case', to: { kind: 'unit' as const, unit: c.unit }, vars: noticeVars(c, ctx) },
    ],
  };
}

export const CHANNEL_ZH: Record<Channel, string> = {
  web: '网上平台',
  letter: '信函',
  phone: '电话',
  fax: '传真',
  email: '电子邮件',
  visit: '来访',
};
