/** Chinese and English names for the API's codes. Category labels live in functions/domain/cases/categories.ts. */
import { categories } from '../../../functions/domain/cases/categories.ts';
import { tr } from './i18n.ts';

type Pair = { zh: string; en: string };
const label = (table: Record<string, Pair>, code: string): string => (table[code] ? tr(table[code]) : code);

const STATUS: Record<string, Pair> = {
  received: { zh: '已收到，待受理', en: 'Received' },
  accepted: { zh: '已受理，办理中', en: 'Accepted, in progress' },
  'not-accepted': { zh: '不予受理', en: 'Not accepted' },
  transferred: { zh: '已转其他机关办理', en: 'Transferred to another agency' },
  disposed: { zh: '已办结', en: 'Disposed' },
};

const EVENT: Record<string, Pair> = {
  received: { zh: '收到投诉举报', en: 'Received' },
  accepted: { zh: '受理', en: 'Accepted' },
  'not-accepted': { zh: '不予受理', en: 'Not accepted' },
  transferred: { zh: '转办', en: 'Transferred' },
  extended: { zh: '延长办理期限', en: 'Deadline extended' },
  escalated: { zh: '逾期，已提交上级督办', en: 'Overdue: escalated to the supervisor' },
  urged: { zh: '上级督办', en: 'Urged by the supervisor' },
  disposed: { zh: '办结', en: 'Disposed' },
  rated: { zh: '评价', en: 'Rated' },
  'review-opened': { zh: '转督办复查', en: 'Supervision review opened' },
  'review-concluded': { zh: '督办复查结论', en: 'Supervision review concluded' },
  'clarification-requested': { zh: '要求补正', en: 'Clarification requested' },
  clarified: { zh: '已补正', en: 'Clarified' },
  replied: { zh: '已答复', en: 'Replied' },
  assigned: { zh: '分配经办人', en: 'Assigned' },
  noted: { zh: '内部备注', en: 'Internal note' },
  warned: { zh: '到期提醒', en: 'Deadline reminder' },
};

const DEADLINE: Record<string, Pair> = {
  acceptance: { zh: '受理决定期限', en: 'Acceptance decision' },
  transfer: { zh: '转办期限', en: 'Transfer' },
  disposition: { zh: '办结期限', en: 'Disposition' },
  review: { zh: '督办复查期限', en: 'Supervision review' },
};

const RATING: Record<string, Pair> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  'basically-satisfied': { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

const CHANNEL: Record<string, Pair> = {
  web: { zh: '网上提交', en: 'Web form' },
  letter: { zh: '信函', en: 'Letter' },
  phone: { zh: '电话', en: 'Phone' },
  fax: { zh: '传真', en: 'Fax' },
  email: { zh: '电子邮件', en: 'E-mail' },
  visit: { zh: '走访', en: 'Visit' },
};

const ACTION: Record<string, Pair> = {
  assign: { zh: '分配经办人', en: 'Assign' },
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  transfer: { zh: '转办', en: 'Transfer' },
  extend: { zh: '延期', en: 'Extend' },
  dispose: { zh: '办结', en: 'Dispose' },
  note: { zh: '添加备注', en: 'Add note' },
  urge: { zh: '督办', en: 'Urge' },
  'conclude-review': { zh: '复查结论', en: 'Conclude review' },
};

export const ratingCodes = Object.keys(RATING);
export const statusLabel = (code: string) => label(STATUS, code);
export const eventLabel = (code: string) => label(EVENT, code);
export const deadlineLabel = (code: string) => label(DEADLINE, code);
export const ratingLabel = (code: string) => label(RATING, code);
export const channelLabel = (code: string) => label(CHANNEL, code);
export const actionLabel = (code: string) => label(ACTION, code);

export function categoryLabel(code: string): string {
  const c = categories.find((x) => x.code === code);
  return c ? tr(c) : code;
}
