import { legalReceiptDate, type WorkingCalendar } from '../calendar/index.ts';
import { builder } from './lifecycle.ts';
import { openDeadline } from './deadlines.ts';
import type { KindRules } from './kind-rules.ts';
import type { CaseRecord, Change, Channel, DeadlineState, Unit } from './model.ts';

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
  reporterChannel?: 'email' | 'sms';
  /** The page's language at submission; absent (staff entry, an old client): Chinese. */
  language?: 'zh' | 'en';
  createdBy?: { sub: string; name: string; unit: string };
}

const CHANNEL_EN: Record<Channel, string> = {
  web: 'on this website',
  letter: 'by letter',
  phone: 'by phone',
  fax: 'by fax',
  email: 'by e-mail',
  visit: 'in person',
};

export const CHANNEL_ZH: Record<Channel, string> = {
  web: '网上平台',
  letter: '信函',
  phone: '电话',
  fax: '传真',
  email: '电子邮件',
  visit: '来访',
};

/**
 * Receipt of a case of any kind: the kind's facts, the deadlines that run from receipt, the
 * ledger's first line, the acknowledgement to the citizen and the intake unit's notice.
 */
export function receiveCase<C extends CaseRecord>(facts: Omit<C, keyof CaseRecord> & { subject: string }, ctx: IntakeContext, rules: KindRules<C>): Change<C> {
  const def = rules.definition;
  const receivedAt = ctx.now.toISOString();
  const deadlines: Record<string, DeadlineState> = {};
  for (const name of def.openAtReceipt) deadlines[name] = openDeadline(ctx.calendar, name, def.deadlines[name]!, receivedAt);
  const c = {
    caseId: ctx.caseId,
    trackingNo: ctx.trackingNo,
    kind: def.kind,
    channel: ctx.channel,
    status: def.initialStatus ?? 'received',
    unit: ctx.intakeUnit,
    ...facts,
    ...(ctx.reporterRef ? { reporterRef: ctx.reporterRef } : {}),
    reporterReachable: ctx.reporterReachable,
    ...(ctx.reporterChannel ? { reporterChannel: ctx.reporterChannel } : {}),
    ...(ctx.language === 'en' ? { language: 'en' } : {}),
    receivedAt,
    legalReceiptDate: legalReceiptDate(ctx.calendar, receivedAt),
    deadlines,
    escalated: false,
    urged: false,
    accessCodeHash: ctx.accessCodeHash,
    ...(ctx.createdBy ? { createdBy: ctx.createdBy.sub } : {}),
    // The builder counts from here: the first stored version is 1.
    version: 0,
  } as unknown as C;
  const actor = ctx.createdBy ? { type: 'staff' as const, ...ctx.createdBy } : { type: 'citizen' as const };
  const b = builder(c, actor, ctx, rules);
  b.event('received', { publicNote: `通过${CHANNEL_ZH[ctx.channel]}收到`, publicNoteEn: `Received ${CHANNEL_EN[ctx.channel]}` });
  if (def.templates.receipt) b.notifyCitizen(def.templates.receipt);
  if (def.templates['new-case']) b.notify(def.templates['new-case'], { kind: 'unit', unit: c.unit });
  return b.build();
}
