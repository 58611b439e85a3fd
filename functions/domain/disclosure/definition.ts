import { coreActions, coreDeadlines, coreEvents, coreTemplates, HANDLING, SUPERVISING } from '../cases/core-definition.ts';
import type { KindDefinition } from '../cases/kind.ts';

export const disclosureStatuses = [
  'received',
  'awaiting-clarification',
  'consulting-third-party',
  'in-review',
  'awaiting-approval',
  'replied',
  'closed',
] as const;
export type DisclosureStatus = (typeof disclosureStatuses)[number];

/** Working: the reply deadline runs (or is paused) and the unit may still extend it. */
const WORKING = ['assign', 'note', 'urge', 'extend'];

/**
 * Disclosure requests (依申请公开) under the 政府信息公开条例 (2019): a reply within 20 working
 * days, one extension of at most 20 approved by the head of the disclosure office, clarification
 * (补正) only within 7 working days of receipt, third-party consultation not counted, and no reply
 * leaves before the confidentiality review (保密审查) and the head's approval.
 */
export const disclosureRequestKind: KindDefinition<DisclosureStatus> = {
  kind: 'disclosure-request',
  label: { zh: '政府信息公开申请', en: 'Disclosure request' },
  noun: { zh: '政府信息公开申请', en: 'disclosure request' },
  citizen: { zh: '申请人', en: 'applicant' },
  statuses: {
    received: { label: { zh: '办理中', en: 'In progress' }, allows: [...WORKING, 'request-clarification', 'consult-third-party', 'draft-reply'] },
    'awaiting-clarification': { label: { zh: '待申请人补正', en: 'Awaiting clarification' }, allows: ['assign', 'note', 'urge'] },
    'consulting-third-party': { label: { zh: '征求第三方意见', en: 'Consulting a third party' }, allows: [...WORKING, 'third-party-answered'] },
    'in-review': { label: { zh: '答复保密审查中', en: 'Reply under confidentiality review' }, allows: [...WORKING, 'review'] },
    'awaiting-approval': { label: { zh: '答复待负责人签发', en: 'Reply awaiting approval' }, allows: [...WORKING, 'approve'] },
    replied: { label: { zh: '已答复', en: 'Replied' }, allows: ['note', 'urge', 'conclude-review'] },
    closed: { label: { zh: '已终止办理', en: 'Closed' }, allows: ['note'] },
  },
  actions: {
    ...coreActions,
    extend: { label: { zh: '延长答复期限', en: 'Extend' }, groups: ['disclosure-head'] },
    'request-clarification': { label: { zh: '要求补正', en: 'Request clarification' }, groups: HANDLING },
    'consult-third-party': { label: { zh: '征求第三方意见', en: 'Consult a third party' }, groups: HANDLING },
    'third-party-answered': { label: { zh: '登记第三方意见', en: 'Third party answered' }, groups: HANDLING },
    'draft-reply': { label: { zh: '拟写答复', en: 'Draft the reply' }, groups: HANDLING },
    review: { label: { zh: '保密审查', en: 'Confidentiality review' }, groups: ['security-officer'] },
    approve: { label: { zh: '签发答复', en: 'Approve and send' }, groups: ['disclosure-head'] },
    urge: { label: coreActions.urge.label, groups: SUPERVISING },
  },
  deadlines: {
    reply: { label: { zh: '答复期限', en: 'Reply' }, workingDays: 20, onPassed: 'escalate', warn: true, startsFrom: { zh: '收到补正日期', en: 'Clarification received on' } },
    clarification: { label: { zh: '补正期限', en: 'Clarification' }, workingDays: 10, onPassed: 'expire', warn: false, startsFrom: { zh: '补正告知日期', en: 'Clarification asked on' } },
    'third-party': { label: { zh: '第三方意见期限', en: 'Third-party opinion' }, workingDays: 15, onPassed: 'expire', warn: false, startsFrom: { zh: '征求意见日期', en: 'Third party consulted on' } },
    ...coreDeadlines,
  },
  openAtReceipt: ['reply'],
  extension: { deadline: 'reply', groups: ['disclosure-head'], maxPerExtension: 20, maxTotal: 20, maxCount: 1 },
  ratableIn: ['replied'],
  // 保密审查 and 签发 are the disclosure office's, whichever unit drafts the reply.
  agencyWide: ['security-officer', 'disclosure-head'],
  events: {
    ...coreEvents,
    received: { label: { zh: '收到申请', en: 'Received' }, public: true },
    'clarification-requested': { label: { zh: '要求补正', en: 'Clarification requested' }, public: true },
    clarified: { label: { zh: '已补正', en: 'Clarified' }, public: true },
    'third-party-consulted': { label: { zh: '征求第三方意见（期间不计入答复期限）', en: 'Third party consulted (time not counted)' }, public: true },
    'third-party-answered': { label: { zh: '第三方意见已收到', en: 'Third party answered' }, public: true },
    'third-party-lapsed': { label: { zh: '第三方逾期未提出意见', en: 'Third party did not answer in time' }, public: true },
    'reply-drafted': { label: { zh: '拟写答复', en: 'Reply drafted' }, public: false },
    'reply-reviewed': { label: { zh: '保密审查通过', en: 'Confidentiality review passed' }, public: false },
    'reply-returned': { label: { zh: '答复退回修改', en: 'Reply returned' }, public: false },
    replied: { label: { zh: '已答复', en: 'Replied' }, public: true },
    closed: { label: { zh: '终止办理', en: 'Closed' }, public: true },
  },
  templates: { ...coreTemplates, receipt: 'disclosure-receipt', 'new-case': 'disclosure-new-case', extended: 'disclosure-extended' },
};
