import type { ActionDef, DeadlineDef, EventDef, StaffGroup } from './kind.ts';

/** What every kind shares: the core's own actions, events and the supervision-review deadline. */
export const HANDLING: readonly StaffGroup[] = ['handler', 'supervisor', 'admin'];
export const SUPERVISING: readonly StaffGroup[] = ['supervisor', 'admin'];

export const coreActions = {
  assign: { label: { zh: '分配经办人', en: 'Assign' }, groups: HANDLING },
  note: { label: { zh: '添加备注', en: 'Add note' }, groups: HANDLING },
  urge: { label: { zh: '督办', en: 'Urge' }, groups: SUPERVISING },
  'conclude-review': { label: { zh: '复查结论', en: 'Conclude review' }, groups: SUPERVISING },
} satisfies Record<string, ActionDef>;

export const EXTEND_LABEL = { zh: '延期', en: 'Extend' };

export const coreEvents = {
  received: { label: { zh: '收到', en: 'Received' }, public: true },
  assigned: { label: { zh: '分配经办人', en: 'Assigned' }, public: false },
  noted: { label: { zh: '内部备注', en: 'Internal note' }, public: false },
  warned: { label: { zh: '到期提醒', en: 'Deadline reminder' }, public: false },
  escalated: { label: { zh: '逾期，已提交上级督办', en: 'Overdue: escalated to the supervisor' }, public: true },
  urged: { label: { zh: '上级督办', en: 'Urged by the supervisor' }, public: true },
  extended: { label: { zh: '延长办理期限', en: 'Deadline extended' }, public: true },
  rated: { label: { zh: '评价', en: 'Rated' }, public: true },
  'review-opened': { label: { zh: '转督办复查', en: 'Supervision review opened' }, public: true },
  'review-concluded': { label: { zh: '督办复查结论', en: 'Supervision review concluded' }, public: true },
  // Contact by exception (contact.ts): staff-only ledger lines the supervisor audits.
  'contact-requested': { label: { zh: '申请查看联系方式', en: 'Contact details requested' }, public: false },
  'contact-approved': { label: { zh: '联系方式查看申请已批准', en: 'Contact request approved' }, public: false },
  'contact-refused': { label: { zh: '联系方式查看申请被拒绝', en: 'Contact request refused' }, public: false },
  'contact-revealed': { label: { zh: '已查看联系方式（一次）', en: 'Contact detail revealed (once)' }, public: false },
  relayed: { label: { zh: '办理人员留言（已转达）', en: 'Message from the handler (relayed)' }, public: true },
} satisfies Record<string, EventDef>;

export const coreDeadlines = {
  review: { label: { zh: '督办复查期限', en: 'Supervision review' }, workingDays: 5, onPassed: 'escalate', warn: true, startsFrom: { zh: '评价日期', en: 'Rated on' } },
} satisfies Record<string, DeadlineDef>;

/** Notices every kind sends the same way (their text names the kind through `{{caseNoun}}`). */
export const coreTemplates = {
  assignment: 'assignment',
  warning: 'warning',
  escalation: 'escalation',
  'escalation-unit': 'escalation-unit',
  urge: 'urge',
  'extended-unit': 'extended-unit',
  'review-opened': 'review-opened',
  'review-concluded': 'review-concluded',
} as const;
