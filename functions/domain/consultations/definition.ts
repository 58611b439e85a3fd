import { coreActions, coreDeadlines, coreEvents, coreTemplates, HANDLING } from '../cases/core-definition.ts';
import type { KindDefinition } from '../cases/kind.ts';

export const consultationStatuses = ['draft', 'approved', 'open', 'closed', 'reported'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

export const commentStatuses = ['received', 'hidden', 'concluded'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export const commentOutcomes = [
  { code: 'adopted', label: { zh: '采纳', en: 'Adopted' } },
  { code: 'partly-adopted', label: { zh: '部分采纳', en: 'Partly adopted' } },
  { code: 'not-adopted', label: { zh: '不予采纳', en: 'Not adopted' } },
] as const;
export type CommentOutcome = (typeof commentOutcomes)[number]['code'];
export const commentOutcomeCodes = commentOutcomes.map((o) => o.code) as [CommentOutcome, ...CommentOutcome[]];

/**
 * Neither kind starts a deadline at receipt, is extended (the report's period is the agency's
 * policy) or rated.
 */
const NO_RECEIPT_CLOCK = {
  openAtReceipt: [],
  extension: { deadline: 'report', groups: [], maxPerExtension: 0, maxTotal: 0, maxCount: 0 },
  ratableIn: [],
  agencyWide: [],
} as const;

/**
 * A consultation on a draft decision (重大决策预公开, requirements §2): drafted by a unit, public
 * only once the responsible leader (`supervisor`) approves it, open for comments from its opening
 * to its closing time (two fixed-time deadlines that expire into the next status), then the
 * adoption report (公开意见采纳情况) due a configured number of working days after closing —
 * a deadline that warns and escalates like any other.
 */
export const consultationKind: KindDefinition<ConsultationStatus> = {
  kind: 'consultation',
  label: { zh: '重大决策征求意见', en: 'Consultation on a draft decision' },
  noun: { zh: '征求意见', en: 'consultation' },
  citizen: { zh: '公众', en: 'public' },
  ...NO_RECEIPT_CLOCK,
  initialStatus: 'draft',
  waitsIn: ['draft'],
  statuses: {
    draft: { label: { zh: '草稿，待负责人审核', en: 'Draft, awaiting approval' }, allows: ['approve', 'note'] },
    approved: { label: { zh: '已审核，待开始', en: 'Approved, opens soon' }, allows: ['note'] },
    open: { label: { zh: '征求意见中', en: 'Open for comments' }, allows: ['note'] },
    closed: { label: { zh: '已截止，待公布采纳情况', en: 'Closed, report due' }, allows: ['report', 'assign', 'note', 'urge'] },
    reported: { label: { zh: '已公布采纳情况', en: 'Report published' }, allows: ['note'] },
  },
  actions: {
    ...coreActions,
    approve: { label: { zh: '审核发布', en: 'Approve' }, groups: ['supervisor'] },
    report: { label: { zh: '公布意见采纳情况', en: 'Publish the adoption report' }, groups: HANDLING },
  },
  deadlines: {
    ...coreDeadlines,
    opens: { label: { zh: '开始征求意见', en: 'Opening' }, workingDays: 0, onPassed: 'expire', warn: false },
    closes: { label: { zh: '征求意见截止', en: 'Closing' }, workingDays: 0, onPassed: 'expire', warn: false },
    report: { label: { zh: '公布意见采纳情况期限', en: 'Adoption report' }, workingDays: 7, onPassed: 'escalate', warn: true },
  },
  events: {
    ...coreEvents,
    received: { label: { zh: '起草征求意见稿', en: 'Drafted' }, public: false },
    approved: { label: { zh: '负责人审核同意发布', en: 'Approved' }, public: true },
    opened: { label: { zh: '开始征求意见', en: 'Opened' }, public: true },
    closed: { label: { zh: '征求意见截止', en: 'Closed' }, public: true },
    reported: { label: { zh: '公布意见采纳情况', en: 'Adoption report published' }, public: true },
  },
  // Staff draft a consultation: there is no citizen to send a receipt to.
  templates: { ...coreTemplates, receipt: '', 'new-case': '', extended: 'extended' },
};

/** A comment on a consultation: received while it is open, hidden by moderation or concluded by the adoption report. */
export const commentKind: KindDefinition<CommentStatus> = {
  kind: 'comment',
  label: { zh: '征求意见反馈', en: 'Comment' },
  noun: { zh: '意见', en: 'comment' },
  citizen: { zh: '意见人', en: 'commenter' },
  // The comment's workflow waits for the report, which tells a reachable commenter what became of it.
  waitsIn: ['received'],
  ...NO_RECEIPT_CLOCK,
  queued: false,
  statuses: {
    received: { label: { zh: '已收到', en: 'Received' }, allows: ['hide', 'conclude', 'note'] },
    hidden: { label: { zh: '未予公开', en: 'Not published' }, allows: ['note'] },
    concluded: { label: { zh: '已公布采纳情况', en: 'Answered in the report' }, allows: ['note'] },
  },
  actions: {
    ...coreActions,
    hide: { label: { zh: '不予公开', en: 'Hide' }, groups: HANDLING },
    conclude: { label: { zh: '采纳情况', en: 'Conclude' }, groups: HANDLING },
  },
  deadlines: { ...coreDeadlines },
  events: {
    ...coreEvents,
    received: { label: { zh: '收到意见', en: 'Received' }, public: true },
    hidden: { label: { zh: '意见未予公开', en: 'Not published' }, public: true },
    concluded: { label: { zh: '公布采纳情况', en: 'Answered in the adoption report' }, public: true },
  },
  templates: { ...coreTemplates, receipt: 'comment-receipt', 'new-case': '', extended: 'extended' },
};
