import { enDate, toShanghaiIso, zhDate } from '../calendar/index.ts';
import type { CaseAction, StaffActor } from '../cases/actions.ts';
import type { ChangeBuilder } from '../cases/change.ts';
import { closeDeadline, isLate, openDeadline, pauseDeadline, restartDeadline, resumeDeadline } from '../cases/deadlines.ts';
import type { KindRules } from '../cases/kind-rules.ts';
import type { DeadlineState, DomainContext } from '../cases/model.ts';
import { Conflict, Invalid, NotAllowed } from '../errors.ts';
import { disclosureRequestKind } from './definition.ts';
import type { DisclosureRequestCase, ReplyDecision } from './model.ts';
import { applicantTypes, outcomes } from './outcomes.ts';

/** A request's own actions (the core decides assign, note, urge, extend, conclude-review). */
export type DisclosureAction =
  | { type: 'request-clarification'; text: string; answerWithinWorkingDays: number }
  | { type: 'consult-third-party'; party: string; text: string }
  | { type: 'third-party-answered'; text: string }
  | ({ type: 'draft-reply' } & ReplyDecision)
  | { type: 'review'; decision: 'approve' | 'return'; comment?: string }
  | { type: 'approve'; decision?: 'approve' | 'return'; comment?: string };

type B = ChangeBuilder<DisclosureRequestCase>;

/** Clarification may be asked for only within this many working days of receipt (条例第三十条). */
const CLARIFICATION_WINDOW = { workingDays: 7 };

const outcomeOf = (code: string) => outcomes.find((o) => o.code === code);
const outcomeText = (d: { outcome: string; subReason?: string }, lang: 'zh' | 'en' = 'zh') => {
  const o = outcomeOf(d.outcome);
  const sub = o?.subReasons.find((s) => s.code === d.subReason);
  if (lang === 'en') return sub ? `${o!.label.en} (${sub.label.en})` : (o?.label.en ?? d.outcome);
  return sub ? `${o!.label.zh}（${sub.label.zh}）` : (o?.label.zh ?? d.outcome);
};

export function clarificationWindowOpen(c: DisclosureRequestCase, ctx: Pick<DomainContext, 'calendar' | 'now'>): boolean {
  return !isLate(openDeadline(ctx.calendar, 'clarification-window', CLARIFICATION_WINDOW, c.receivedAt), ctx.now);
}

function reply(b: B): DeadlineState {
  const d = b.deadline('reply');
  if (!d || d.state !== 'open') throw new Conflict('答复期限已结束', 'The reply deadline is not open');
  return d;
}

function requestClarification(b: B, action: Extract<DisclosureAction, { type: 'request-clarification' }>) {
  if (b.before.clarification) throw new Conflict('补正只能要求一次', 'Clarification can be requested only once');
  if (!clarificationWindowOpen(b.before, b.ctx)) {
    throw new Conflict('收到申请已超过 7 个工作日，不能再要求补正', 'Clarification may be requested only within 7 working days of receipt');
  }
  const { calendar } = b.ctx;
  const due = openDeadline(calendar, 'clarification', disclosureRequestKind.deadlines.clarification!, b.at, action.answerWithinWorkingDays);
  b.next.status = 'awaiting-clarification';
  b.setDeadline('reply', pauseDeadline(calendar, reply(b), b.at, 'clarification'));
  b.setDeadline('clarification', due);
  b.next.clarification = { requestedAt: b.at, text: action.text, answerDue: due.dueAt };
  b.event('clarification-requested', {
    publicNote: `${action.text}（请于 ${zhDate(due.dueDate)}前补正）`,
    publicNoteEn: `${action.text} (please answer by ${enDate(due.dueDate)})`,
    deadline: 'clarification',
  });
  b.notifyCitizen('disclosure-clarification', { text: action.text, answerDue: due.dueDate });
}

function consultThirdParty(b: B, action: Extract<DisclosureAction, { type: 'consult-third-party' }>) {
  const { calendar } = b.ctx;
  const due = openDeadline(calendar, 'third-party', disclosureRequestKind.deadlines['third-party']!, b.at);
  b.next.status = 'consulting-third-party';
  b.setDeadline('reply', pauseDeadline(calendar, reply(b), b.at, 'third-party'));
  b.setDeadline('third-party', due);
  b.next.thirdParty = { party: action.party, text: action.text, consultedAt: b.at };
  b.event('third-party-consulted', {
    publicNote: '征求第三方意见，征求意见期间不计入答复期限',
    publicNoteEn: 'A third party is consulted; the time this takes does not count towards the reply period',
    internalNote: `${action.party}：${action.text}`,
    deadline: 'third-party',
  });
}

/** The third party answered, or its 15 working days ran out: the reply clock runs again from `at`. */
function thirdPartyDone(b: B, at: string, answer: string | undefined) {
  const resumed = resumeDeadline(b.ctx.calendar, reply(b), at);
  b.next.status = 'received';
  b.setDeadline('reply', resumed);
  b.setDeadline('third-party', closeDeadline(b.deadline('third-party'), answer === undefined ? 'void' : 'met', b.ctx.now));
  b.next.thirdParty = { ...b.next.thirdParty!, ...(answer === undefined ? { lapsed: true } : { answeredAt: b.at, answer }) };
  const moved = `答复期限相应顺延至${zhDate(resumed.dueDate)}`;
  const movedEn = `the reply is now due on ${enDate(resumed.dueDate)}`;
  if (answer === undefined) {
    b.event('third-party-lapsed', { publicNote: `第三方未在期限内提出意见，${moved}`, publicNoteEn: `The third party did not answer in time; ${movedEn}`, deadline: 'reply' });
    b.notify('disclosure-third-party-lapsed', b.handlerRecipient(), { newDueDate: resumed.dueDate });
  } else {
    b.event('third-party-answered', { publicNote: moved, publicNoteEn: `The third party answered; ${movedEn}`, internalNote: answer, deadline: 'reply' });
  }
}

function checkDecision(d: ReplyDecision) {
  const o = outcomeOf(d.outcome)!;
  if (o.subReasons.length > 0 && !o.subReasons.some((s) => s.code === d.subReason)) {
    throw new Invalid('subReason', `“${o.label.zh}”须选择具体理由`, `Choose the ground for “${o.label.en}”`);
  }
  if (o.subReasons.length === 0 && d.subReason) throw new Invalid('subReason', `“${o.label.zh}”没有具体理由可选`, `“${o.label.en}” takes no ground`);
  if (d.outcome === 'partial' && !d.withheld?.trim()) {
    throw new Invalid('withheld', '部分公开须写明不予公开的内容及理由', 'A partial disclosure must say what was withheld and why');
  }
}

function draftReply(b: B, action: Extract<DisclosureAction, { type: 'draft-reply' }>, user: StaffActor) {
  const decision: ReplyDecision = {
    outcome: action.outcome,
    text: action.text,
    ...(action.subReason ? { subReason: action.subReason } : {}),
    ...(action.withheld ? { withheld: action.withheld } : {}),
  };
  checkDecision(decision);
  b.next.status = 'in-review';
  b.next.draft = { ...decision, by: user.name, bySub: user.sub, at: b.at };
  delete b.next.returned;
  b.event('reply-drafted', { internalNote: `${outcomeText(decision)}：${action.text}` });
}

function sendBack(b: B, user: StaffActor, comment: string | undefined, step: 'review' | 'approval') {
  if (!comment?.trim()) throw new Invalid('comment', '退回须写明意见', 'Say why the draft goes back');
  b.next.status = 'received';
  b.next.returned = { by: user.name, at: b.at, comment, step };
  b.event('reply-returned', { internalNote: comment });
}

/** Nobody reviews or approves their own draft: the three steps are three people (先审查后公开). */
function notTheDrafter(b: B, user: StaffActor) {
  if (b.before.draft?.bySub === user.sub) throw new NotAllowed('不能审查或签发本人拟写的答复', 'You cannot review or approve a reply you drafted');
}

function review(b: B, action: Extract<DisclosureAction, { type: 'review' }>, user: StaffActor) {
  notTheDrafter(b, user);
  if (action.decision === 'return') return sendBack(b, user, action.comment, 'review');
  b.next.status = 'awaiting-approval';
  b.next.draft = { ...b.before.draft!, review: { decision: 'approve', by: user.name, bySub: user.sub, at: b.at, ...(action.comment ? { comment: action.comment } : {}) } };
  b.event('reply-reviewed', action.comment ? { internalNote: action.comment } : {});
}

function approve(b: B, action: Extract<DisclosureAction, { type: 'approve' }>, user: StaffActor) {
  notTheDrafter(b, user);
  if (action.decision === 'return') return sendBack(b, user, action.comment, 'approval');
  const { by: _by, bySub: _s, at: _at, review: _r, ...decision } = b.before.draft!;
  b.next.status = 'replied';
  b.next.reply = { ...decision, at: b.at };
  b.next.conclusion = { outcome: decision.outcome, ...(decision.subReason ? { subReason: decision.subReason } : {}), at: b.at };
  b.setDeadline('reply', closeDeadline(b.deadline('reply'), 'met', b.ctx.now));
  b.event('replied', { publicNote: outcomeText(decision), publicNoteEn: outcomeText(decision, 'en'), ...(action.comment ? { internalNote: action.comment } : {}) });
  b.notifyCitizen('disclosure-reply', { outcome: outcomeText(decision), outcomeEn: outcomeText(decision, 'en'), text: decision.text, withheld: decision.withheld ?? '' });
}

function decide(b: B, requested: CaseAction, user: StaffActor) {
  const action = requested as DisclosureAction;
  switch (action.type) {
    case 'request-clarification':
      return requestClarification(b, action);
    case 'consult-third-party':
      return consultThirdParty(b, action);
    case 'third-party-answered':
      return thirdPartyDone(b, b.at, action.text);
    case 'draft-reply':
      return draftReply(b, action, user);
    case 'review':
      return review(b, action, user);
    case 'approve':
      return approve(b, action, user);
  }
}

/** The applicant's answer to a clarification request: the reply's 20 working days start afresh from its arrival. */
export function clarify(b: B, text: string) {
  const c = b.before;
  if (c.status !== 'awaiting-clarification' || !c.clarification) throw new Conflict('本申请目前不需要补正', 'No clarification is awaited');
  b.next.status = 'received';
  b.next.clarification = { ...c.clarification, answeredAt: b.at, answer: text };
  b.setDeadline('clarification', closeDeadline(b.deadline('clarification'), 'met', b.ctx.now));
  const restarted = restartDeadline(b.ctx.calendar, reply(b), b.at);
  b.setDeadline('reply', restarted);
  b.event('clarified', {
    publicNote: `已补正，答复期限自补正之日起重新计算，至${zhDate(restarted.dueDate)}`,
    publicNoteEn: `Clarified: the reply period starts again from the clarification and ends on ${enDate(restarted.dueDate)}`,
    deadline: 'reply',
  });
  b.notify('disclosure-clarified', b.handlerRecipient(), { newDueDate: restarted.dueDate });
}

/** No answer to the clarification request in time: the request is closed (其他处理 · 逾期不补正). */
function closeUnclarified(b: B) {
  b.next.status = 'closed';
  b.next.conclusion = { outcome: 'other', subReason: 'no-clarification', at: b.at };
  b.setDeadline('reply', closeDeadline(b.deadline('reply'), 'void', b.ctx.now));
  b.event('closed', { publicNote: '申请人未在期限内补正，本申请不再处理', publicNoteEn: 'The applicant did not clarify in time: the request is closed' });
  b.notifyCitizen('disclosure-closed');
}

export const disclosureRules = {
  definition: disclosureRequestKind,
  decide,
  expire: (b, d) => (d.name === 'clarification' ? closeUnclarified(b) : thirdPartyDone(b, d.dueAt, undefined)),
  available: (c, type, ctx) => type !== 'request-clarification' || (!c.clarification && clarificationWindowOpen(c, ctx)),
  noticeVars: (c) => {
    const type = applicantTypes.find((a) => a.code === c.applicantType);
    return { applicantType: type?.label.zh ?? c.applicantType, applicantTypeEn: type?.label.en ?? c.applicantType };
  },
  citizenFields: (c) => ({
    description: c.description,
    ...(c.clarification ? { clarification: { text: c.clarification.text, answerDue: c.clarification.answerDue, ...(c.clarification.answeredAt ? { answeredAt: toShanghaiIso(c.clarification.answeredAt) } : {}) } } : {}),
    canAnswerClarification: c.status === 'awaiting-clarification',
    ...(c.reply ? { reply: { ...c.reply, at: toShanghaiIso(c.reply.at) } } : {}),
    ...(c.conclusion ? { conclusion: c.conclusion } : {}),
  }),
  staffFields: (c) => {
    const { bySub: _s, review, ...draft } = c.draft ?? ({} as NonNullable<DisclosureRequestCase['draft']>);
    return {
      applicantType: c.applicantType,
      description: c.description,
      ...(c.purpose ? { purpose: c.purpose } : {}),
      formats: c.formats,
      delivery: c.delivery,
      ...(c.clarification ? { clarification: c.clarification } : {}),
      ...(c.thirdParty ? { thirdParty: c.thirdParty } : {}),
      ...(c.draft ? { draft: { ...draft, ...(review ? { review: { decision: review.decision, by: review.by, at: review.at, ...(review.comment ? { comment: review.comment } : {}) } } : {}) } } : {}),
      ...(c.returned ? { returned: c.returned } : {}),
      ...(c.reply ? { reply: c.reply } : {}),
      ...(c.conclusion ? { conclusion: c.conclusion } : {}),
    };
  },
  summaryFields: (c) => ({ applicantType: c.applicantType }),
} satisfies KindRules<DisclosureRequestCase>;
