import { coreActions, coreDeadlines, coreEvents, coreTemplates, EXTEND_LABEL, HANDLING } from '../cases/core-definition.ts';
import type { KindDefinition } from '../cases/kind.ts';

export const complaintStatuses = ['received', 'accepted', 'not-accepted', 'transferred', 'disposed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/**
 * Complaints and reports (投诉举报), seeds/huzhou-culture-2019.txt: acceptance 3, transfer 5,
 * disposition 15 working days from receipt; an extension needs a reason told to the reporter
 * (no cap in the seed: an agency may configure one).
 */
export const complaintKind: KindDefinition<ComplaintStatus> = {
  kind: 'complaint',
  label: { zh: '投诉举报', en: 'Complaint or report' },
  noun: { zh: '投诉', en: 'complaint' },
  citizen: { zh: '投诉人', en: 'reporter' },
  statuses: {
    received: { label: { zh: '已收到，待受理', en: 'Received' }, allows: ['assign', 'accept', 'reject', 'transfer', 'extend', 'note', 'urge'] },
    accepted: { label: { zh: '已受理，办理中', en: 'Accepted, in progress' }, allows: ['assign', 'transfer', 'extend', 'dispose', 'note', 'urge'] },
    'not-accepted': { label: { zh: '不予受理', en: 'Not accepted' }, allows: ['note'] },
    transferred: { label: { zh: '已转其他机关办理', en: 'Transferred to another agency' }, allows: ['note'] },
    disposed: { label: { zh: '已办结', en: 'Disposed' }, allows: ['note', 'urge', 'conclude-review'] },
  },
  actions: {
    ...coreActions,
    accept: { label: { zh: '受理', en: 'Accept' }, groups: HANDLING },
    reject: { label: { zh: '不予受理', en: 'Reject' }, groups: HANDLING },
    transfer: { label: { zh: '转办', en: 'Transfer' }, groups: HANDLING },
    extend: { label: EXTEND_LABEL, groups: HANDLING },
    dispose: { label: { zh: '办结', en: 'Dispose' }, groups: HANDLING },
  },
  deadlines: {
    acceptance: { label: { zh: '受理期限', en: 'Acceptance decision' }, workingDays: 3, onPassed: 'escalate', warn: true },
    transfer: { label: { zh: '转办期限', en: 'Transfer' }, workingDays: 5, onPassed: 'escalate', warn: true },
    disposition: { label: { zh: '办结期限', en: 'Disposition' }, workingDays: 15, onPassed: 'escalate', warn: true },
    ...coreDeadlines,
  },
  openAtReceipt: ['acceptance', 'transfer', 'disposition'],
  extension: { deadline: 'disposition', groups: HANDLING, maxPerExtension: null, maxTotal: null, maxCount: null },
  ratableIn: ['disposed'],
  agencyWide: [],
  events: {
    ...coreEvents,
    received: { label: { zh: '收到投诉举报', en: 'Received' }, public: true },
    accepted: { label: { zh: '受理', en: 'Accepted' }, public: true },
    'not-accepted': { label: { zh: '不予受理', en: 'Not accepted' }, public: true },
    transferred: { label: { zh: '转办', en: 'Transferred' }, public: true },
    disposed: { label: { zh: '办结', en: 'Disposed' }, public: true },
  },
  templates: { ...coreTemplates, receipt: 'receipt', 'new-case': 'new-case', extended: 'extended' },
};
