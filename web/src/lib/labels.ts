/**
 * Chinese and English names for the API's codes. Statuses, events, deadlines and actions come
 * from the case kinds' definitions (functions/domain/kinds.ts), disclosure codes from
 * functions/domain/disclosure/outcomes.ts, category labels from functions/domain/complaints/categories.ts:
 * pure data, one source for server and pages.
 */
import { categories } from '../../../functions/domain/complaints/categories.ts';
import type { KindDefinition } from '../../../functions/domain/cases/kind.ts';
import { applicantTypes, outcomes } from '../../../functions/domain/disclosure/outcomes.ts';
import { kindDefinitions } from '../../../functions/domain/kinds.ts';
import { tr } from './i18n.ts';

type Pair = { zh: string; en: string };
const label = (table: Record<string, Pair | undefined>, code: string): string => {
  const pair = Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined;
  return pair ? tr(pair) : code;
};

const KINDS = kindDefinitions as Record<string, KindDefinition>;
/** A kind's definition; an unknown kind reads as a complaint (the only kind before requests). */
export const kindDef = (kind: string | undefined): KindDefinition => KINDS[kind ?? ''] ?? kindDefinitions.complaint;
const pick = <K extends 'statuses' | 'events' | 'deadlines' | 'actions'>(kind: string | undefined, part: K, code: string) => {
  const entry = (kindDef(kind)[part] as Record<string, { label: Pair } | undefined>)[code];
  return entry ? tr(entry.label) : code;
};

export const kindLabel = (kind: string | undefined) => tr(kindDef(kind).label);
export const statusLabel = (kind: string | undefined, code: string) => pick(kind, 'statuses', code);
export const eventLabel = (kind: string | undefined, code: string) => pick(kind, 'events', code);
export const deadlineLabel = (kind: string | undefined, code: string) => pick(kind, 'deadlines', code);
export const actionLabel = (kind: string | undefined, code: string) => pick(kind, 'actions', code);

/** `third-party` → `thirdPartyDue`: the key a deadline has in a case's `deadlines` object. */
export const dueKey = (name: string) => `${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Due`;

/** The deadline name behind a `deadlines` key (`replyDue` → `reply`), for the case's kind. */
export function deadlineOfKey(kind: string | undefined, key: string): string | undefined {
  return Object.keys(kindDef(kind).deadlines).find((name) => dueKey(name) === key);
}

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

const FORMAT: Record<string, Pair> = {
  electronic: { zh: '电子文本', en: 'Electronic' },
  paper: { zh: '纸质文本', en: 'Paper' },
};

const DELIVERY: Record<string, Pair> = {
  email: { zh: '电子邮件', en: 'E-mail' },
  post: { zh: '邮寄', en: 'Post' },
  pickup: { zh: '当面领取', en: 'Collect in person' },
  online: { zh: '网上查询（凭查询编号和查询码在本网站查看）', en: 'Online (read it on this site with the tracking number and access code)' },
};

export const ratingCodes = Object.keys(RATING);
export const ratingLabel = (code: string) => label(RATING, code);
export const channelLabel = (code: string) => label(CHANNEL, code);
export const formatLabel = (code: string) => label(FORMAT, code);
export const deliveryLabel = (code: string) => label(DELIVERY, code);

export const applicantTypeLabel = (code: string) => {
  const a = applicantTypes.find((x) => x.code === code);
  return a ? tr(a.label) : code;
};

type OutcomeDef = { code: string; label: Pair; subReasons: readonly { code: string; label: Pair }[] };
const OUTCOMES = outcomes as readonly OutcomeDef[];
export const outcomeDef = (code: string) => OUTCOMES.find((o) => o.code === code);
export const outcomeLabel = (code: string) => {
  const o = outcomeDef(code);
  return o ? tr(o.label) : code;
};
export const subReasonLabel = (outcome: string, code: string) => {
  const s = outcomeDef(outcome)?.subReasons.find((x) => x.code === code);
  return s ? tr(s.label) : code;
};

export function categoryLabel(code: string): string {
  const c = categories.find((x) => x.code === code);
  return c ? tr(c) : code;
}
