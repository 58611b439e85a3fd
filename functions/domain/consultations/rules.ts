import { enDate, isOverdue, toShanghaiIso, zhDate, type WorkingCalendar } from '../calendar/index.ts';
import type { CaseAction, StaffActor } from '../cases/actions.ts';
import type { ChangeBuilder } from '../cases/change.ts';
import { closeDeadline, deadlineAt, openDeadline } from '../cases/deadlines.ts';
import type { KindRules } from '../cases/kind-rules.ts';
import type { Unit } from '../cases/model.ts';
import { setFields } from '../cases/views.ts';
import { Conflict, Invalid } from '../errors.ts';
import { commentKind, commentOutcomes, consultationKind, type CommentOutcome } from './definition.ts';
import type { CommentCase, ConsultationCase, ConsultationDraft, ConsultationPolicy, ReportCounts, ReportItem } from './model.ts';

export type ConsultationAction = { type: 'approve' } | { type: 'report'; items: ReportItem[]; comments: Pick<CommentCase, 'caseId' | 'status'>[] };
export type CommentAction = { type: 'hide'; reason: string } | { type: 'conclude'; outcome?: CommentOutcome; reason?: string; group?: number };

type B = ChangeBuilder<ConsultationCase>;
type CB = ChangeBuilder<CommentCase>;

export const outcomeLabel = (code: string | undefined) => commentOutcomes.find((o) => o.code === code)?.label;

/**
 * The facts of a new draft: its unit must exist, and its closing time comes from the agency's
 * policy — at most `maxOpenWorkingDays` working days after opening, and that when none is given.
 */
export function draftFacts(draft: ConsultationDraft, policy: ConsultationPolicy, calendar: WorkingCalendar, units: Unit[]) {
  if (!units.some((u) => u.code === draft.unit)) throw new Invalid('unit', `没有这个单位：${draft.unit}`, `Unknown unit: ${draft.unit}`);
  const latest = openDeadline(calendar, 'closes', { workingDays: policy.maxOpenWorkingDays }, draft.opensAt);
  const opensAt = toShanghaiIso(draft.opensAt);
  const closesAt = draft.closesAt ? toShanghaiIso(draft.closesAt) : latest.dueAt;
  if (Date.parse(closesAt) <= Date.parse(opensAt)) throw new Invalid('closesAt', '截止时间须晚于开始时间', 'The closing time must be after the opening time');
  if (Date.parse(closesAt) > Date.parse(latest.dueAt)) {
    throw new Invalid(
      'closesAt',
      `征求意见期限自发布之日起不超过 ${policy.maxOpenWorkingDays} 个工作日，最晚截止于 ${latest.dueAt}`,
      `A consultation runs at most ${policy.maxOpenWorkingDays} working days from publication: close by ${latest.dueAt}`,
    );
  }
  const { unit: _u, closesAt: _c, ...text } = draft;
  return { ...text, opensAt, closesAt, reportWorkingDays: policy.reportWorkingDays, subject: draft.title };
}

/** Comments are taken from the opening to the closing time of an approved consultation, and never after its report. */
export function acceptsComments(c: Pick<ConsultationCase, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  if (c.status !== 'approved' && c.status !== 'open') return false;
  return now.getTime() >= Date.parse(c.opensAt) && !isOverdue({ dueAt: c.closesAt }, now);
}

/** What the public is told of a consultation's state; undefined for a draft, which the public never sees. */
export function publicStatus(c: Pick<ConsultationCase, 'status' | 'opensAt' | 'closesAt'>, now: Date): 'upcoming' | 'open' | 'closed' | 'reported' | undefined {
  if (c.status === 'draft') return undefined;
  if (c.status === 'reported') return 'reported';
  if (acceptsComments(c, now)) return 'open';
  return now.getTime() < Date.parse(c.opensAt) ? 'upcoming' : 'closed';
}

function approve(b: B) {
  const c = b.before;
  if (isOverdue({ dueAt: c.closesAt }, b.ctx.now)) throw new Conflict('截止时间已过，不能再发布', 'The closing time has passed');
  b.next.status = 'approved';
  b.next.approval = { by: b.actor.name ?? '', at: b.at };
  b.setDeadline('opens', deadlineAt(b.ctx.calendar, 'opens', c.opensAt, b.at));
  b.setDeadline('closes', deadlineAt(b.ctx.calendar, 'closes', c.closesAt, b.at));
  b.event('approved', {
    publicNote: `${toShanghaiIso(c.opensAt)} 开始征求意见，${toShanghaiIso(c.closesAt)} 截止`,
    publicNoteEn: `Open for comment from ${toShanghaiIso(c.opensAt)} to ${toShanghaiIso(c.closesAt)}`,
  });
}

/**
 * Checks the adoption report against the consultation's comments and counts it: every id is one
 * of its published comments, in one group only; a group not adopted says why (不予采纳的要说明理由).
 */
export function checkReport(items: ReportItem[], comments: Pick<CommentCase, 'caseId' | 'status'>[]): ReportCounts {
  const status = new Map(comments.map((c) => [c.caseId, c.status]));
  const seen = new Set<string>();
  const counts: ReportCounts = { received: comments.length, hidden: 0, published: 0, adopted: 0, partlyAdopted: 0, notAdopted: 0, unanswered: 0 };
  items.forEach((item, i) => {
    if (item.outcome === 'not-adopted' && !item.reason?.trim()) {
      throw new Invalid(`items.${i}.reason`, '不予采纳的意见须说明理由', 'A comment not adopted needs a reason');
    }
    for (const id of item.commentIds) {
      if (!status.has(id)) throw new Invalid(`items.${i}.commentIds`, `没有这条意见：${id}`, `No such comment on this consultation: ${id}`);
      if (status.get(id) === 'hidden') throw new Invalid(`items.${i}.commentIds`, `意见 ${id} 未予公开，不列入采纳情况`, `Comment ${id} is hidden`);
      if (seen.has(id)) throw new Invalid(`items.${i}.commentIds`, `意见 ${id} 已在其他组中`, `Comment ${id} is in two groups`);
      seen.add(id);
      if (item.outcome === 'adopted') counts.adopted++;
      else if (item.outcome === 'partly-adopted') counts.partlyAdopted++;
      else counts.notAdopted++;
    }
  });
  counts.hidden = comments.filter((c) => c.status === 'hidden').length;
  counts.published = counts.received - counts.hidden;
  counts.unanswered = counts.published - seen.size;
  return counts;
}

function report(b: B, action: Extract<ConsultationAction, { type: 'report' }>) {
  const counts = checkReport(action.items, action.comments);
  const due = b.deadline('report');
  const late = due ? isOverdue(due, b.ctx.now) : false;
  b.setDeadline('report', closeDeadline(due, 'met', b.ctx.now));
  b.next.status = 'reported';
  const items = action.items.map((i) => ({ commentIds: i.commentIds, outcome: i.outcome, ...(i.reason?.trim() ? { reason: i.reason.trim() } : {}) }));
  b.next.report = { publishedAt: b.at, items, counts, onTime: !late };
  b.event('reported', {
    publicNote: `收到意见 ${counts.received} 条，采纳 ${counts.adopted} 条，部分采纳 ${counts.partlyAdopted} 条，不予采纳 ${counts.notAdopted} 条`,
    publicNoteEn: `${counts.received} comments received: ${counts.adopted} adopted, ${counts.partlyAdopted} partly adopted, ${counts.notAdopted} not adopted`,
  });
}

/** The opening and closing times passed: the consultation opens, or closes and its report falls due. */
function expire(b: B, name: string) {
  if (name === 'opens') {
    b.next.status = 'open';
    b.event('opened');
    return;
  }
  b.next.status = 'closed';
  b.setDeadline('opens', closeDeadline(b.deadline('opens'), 'void', b.ctx.now));
  const due = openDeadline(b.ctx.calendar, 'report', { workingDays: b.before.reportWorkingDays }, b.before.closesAt);
  b.setDeadline('report', due);
  b.event('closed', {
    publicNote: `征求意见已截止，意见采纳情况应于${zhDate(due.dueDate)}前公布`,
    publicNoteEn: `Comments are closed; how they were used is to be published by ${enDate(due.dueDate)}`,
    deadline: 'report',
  });
  b.notify('consultation-closed', { kind: 'unit', unit: b.next.unit }, { reportDue: due.dueDate });
}

export const consultationRules = {
  definition: consultationKind,
  decide: (b: B, requested: CaseAction) => {
    const action = requested as ConsultationAction;
    if (action.type === 'approve') approve(b);
    else report(b, action);
  },
  expire: (b, d) => expire(b, d.name),
  noticeVars: (c) => ({ title: c.title }),
  citizenFields: () => ({}),
  staffFields: (c) => setFields(c, 'title', 'background', 'basis', 'content', 'opensAt', 'closesAt', 'reportWorkingDays', 'approval', 'report'),
  summaryFields: (c) => ({ title: c.title, opensAt: c.opensAt, closesAt: c.closesAt }),
} satisfies KindRules<ConsultationCase>;

function conclude(b: CB, action: Extract<CommentAction, { type: 'conclude' }>) {
  b.next.status = 'concluded';
  b.next.conclusion = { at: b.at, ...(action.outcome ? { outcome: action.outcome } : {}), ...(action.reason ? { reason: action.reason } : {}), ...(action.group !== undefined ? { group: action.group } : {}) };
  const label = outcomeLabel(action.outcome)?.zh ?? '已纳入意见采纳情况报告';
  const text = action.reason ? `${label}：${action.reason}` : label;
  b.event('concluded', { publicNote: text });
  b.notifyCitizen('comment-concluded', { outcome: label, outcomeEn: outcomeLabel(action.outcome)?.en ?? 'Included in the report on how comments were used', reason: action.reason ?? '' });
}

export const commentRules = {
  definition: commentKind,
  decide: (b: CB, requested: CaseAction, user: StaffActor) => {
    const action = requested as CommentAction;
    if (action.type === 'conclude') return conclude(b, action);
    b.next.status = 'hidden';
    b.next.hidden = { reason: action.reason, at: b.at, by: user.name };
    b.event('hidden', { publicNote: `该意见未予公开：${action.reason}`, publicNoteEn: `This comment is not published: ${action.reason}` });
  },
  noticeVars: (c) => ({ title: c.consultationTitle }),
  citizenFields: (c) => ({
    consultationId: c.consultationId,
    consultationTitle: c.consultationTitle,
    text: c.text,
    ...(c.hidden ? { hidden: { reason: c.hidden.reason } } : {}),
    ...(c.conclusion ? { conclusion: { ...c.conclusion, at: toShanghaiIso(c.conclusion.at) } } : {}),
  }),
  staffFields: (c) => commentRow(c),
  summaryFields: (c) => ({ consultationId: c.consultationId }),
} satisfies KindRules<CommentCase>;

/** A comment as staff moderate it: its text, whether it may be published under a name, what became of it. Never the identity. */
export function commentRow(c: CommentCase) {
  return { commentId: c.caseId, ...setFields(c, 'consultationId', 'text', 'anonymous', 'publicityConsent', 'publicName', 'hidden', 'conclusion') };
}
