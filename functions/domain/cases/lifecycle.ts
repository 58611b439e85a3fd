import type { WorkingCalendar } from '../calendar/index.ts';
import { dueAt } from '../calendar/index.ts';
import { ApiError, conflict, forbidden } from '../../shared/errors.ts';
import { canSeeCase, isSupervisor, type CaseAction, type StaffActor } from './actions.ts';
import { closeDeadline, openDeadline, openDeadlines } from './deadlines.ts';
import type { Actor, ComplaintCase, ComplaintStatus, EventType, HistoryEvent, NoticeIntent, Rating, Recipient, Unit } from './model.ts';
import { noticeVars } from './notice-vars.ts';

export interface Change {
  next: ComplaintCase;
  events: Omit<HistoryEvent, 'caseId' | 'seq'>[];
  notices: NoticeIntent[];
}

interface Context {
  now: Date;
  calendar: WorkingCalendar;
  units: Unit[];
}

/** Which actions each status allows; anything else is a 409. */
export const ALLOWED: Record<ComplaintStatus, CaseAction['type'][]> = {
  received: ['assign', 'accept', 'reject', 'transfer', 'extend', 'note', 'urge'],
  accepted: ['assign', 'transfer', 'extend', 'dispose', 'note', 'urge'],
  'not-accepted': ['note'],
  transferred: ['note'],
  disposed: ['note', 'urge', 'conclude-review'],
};

const STATUS_ZH: Record<ComplaintStatus, string> = {
  received: '已接收',
  accepted: '已受理',
  'not-accepted': '不予受理',
  transferred: '已转办',
  disposed: '已办结',
};

/**
 * Applies a staff action to a complaint: decides whether it is legal now, and returns the new
 * case, the ledger events and the notices it causes. Pure: the caller stores the change
 * (conditional on the version it read) and tells the workflow.
 */
export function applyAction(c: ComplaintCase, action: CaseAction, user: StaffActor, ctx: Context): Change {
  if (!canSeeCase(user, c)) throw forbidden();
  if (!ALLOWED[c.status].includes(action.type)) {
    throw conflict(
      `案件当前状态为“${STATUS_ZH[c.status]}”，不能执行此操作（${action.type}）`,
      `The case is ${c.status}: ${action.type} is not allowed now`,
    );
  }
  const actor: Actor = { type: 'staff', sub: user.sub, name: user.name, unit: user.unit };
  const at = ctx.now.toISOString();
  const next: ComplaintCase = { ...c, deadlines: { ...c.deadlines }, version: c.version + 1 };
  const events: Change['events'] = [];
  const notices: NoticeIntent[] = [];
  const event = (type: EventType, extra: Partial<HistoryEvent> = {}) => events.push({ at, event: type, actor, ...extra });
  const notify = (template: string, to: Recipient, vars: Record<string, string> = {}) =>
    notices.push({ noticeId: `v${next.version}-${template}-${recipientKey(to)}`, template, to, vars: { ...noticeVars(next, ctx), ...vars } });
  const reporterReachable = c.reporterReachable;

  switch (action.type) {
    case 'assign': {
      next.assignee = action.assignee;
      next.assigneeName = action.assigneeName ?? action.assignee;
      if (action.assigneeEmail) next.assigneeEmail = action.assigneeEmail;
      else delete next.assigneeEmail;
      event('assigned', { internalNote: `分配给 ${next.assigneeName}` });
      notify('assignment', action.assigneeEmail ? { kind: 'email', email: action.assigneeEmail } : { kind: 'unit', unit: c.unit });
      break;
    }
    case 'accept': {
      next.status = 'accepted';
      next.deadlines.acceptance = closeDeadline(c.deadlines.acceptance, 'met', ctx.now);
      // Accepted here means this unit is competent: there is nothing left to transfer.
      next.deadlines.transfer = closeDeadline(c.deadlines.transfer, 'void', ctx.now);
      event('accepted', action.note ? { internalNote: action.note } : {});
      break;
    }
    case 'reject': {
      next.status = 'not-accepted';
      next.notAcceptedReason = action.reason;
      next.deadlines.acceptance = closeDeadline(c.deadlines.acceptance, 'met', ctx.now);
      next.deadlines.transfer = closeDeadline(c.deadlines.transfer, 'void', ctx.now);
      next.deadlines.disposition = closeDeadline(c.deadlines.disposition, 'void', ctx.now);
      event('not-accepted', { publicNote: action.reason });
      if (reporterReachable) notify('not-accepted', { kind: 'reporter' }, { reason: action.reason });
      break;
    }
    case 'transfer': {
      if (!!action.toUnit === !!action.toExternal) {
        throw new ApiError('validation', '请填写转办单位（本机关科室或其他机关，二选一）', 'Give either toUnit or toExternal', [
          { path: 'toUnit', message: '二选一必填', messageEn: 'Exactly one of toUnit and toExternal' },
        ]);
      }
      next.transfer = { reason: action.reason, at, ...(action.toUnit ? { toUnit: action.toUnit } : { toExternal: action.toExternal! }) };
      next.deadlines.transfer = closeDeadline(c.deadlines.transfer, 'met', ctx.now);
      if (action.toUnit) {
        const target = ctx.units.find((u) => u.code === action.toUnit);
        if (!target) throw unknownUnit(action.toUnit);
        if (target.code === c.unit) throw conflict('案件已在该单位办理', 'The case is already with that unit');
        next.unit = target.code;
        delete next.assignee;
        delete next.assigneeName;
        delete next.assigneeEmail;
        event('transferred', { publicNote: `转交${target.name}办理`, internalNote: action.reason });
        notify('transfer-in', { kind: 'unit', unit: target.code }, { reason: action.reason });
        if (reporterReachable) notify('transferred', { kind: 'reporter' }, { toName: target.name });
      } else {
        next.status = 'transferred';
        next.deadlines.acceptance = closeDeadline(c.deadlines.acceptance, 'met', ctx.now);
        next.deadlines.disposition = closeDeadline(c.deadlines.disposition, 'void', ctx.now);
        event('transferred', { publicNote: `转交${action.toExternal}办理`, internalNote: action.reason });
        if (reporterReachable) notify('transferred', { kind: 'reporter' }, { toName: action.toExternal! });
      }
      break;
    }
    case 'extend': {
      const current = c.deadlines.disposition;
      if (!current || current.state !== 'open') throw conflict('办理期限已结束，无法延期', 'The disposition deadline is not open');
      const total = current.workingDays + action.workingDays;
      const moved = dueAt(ctx.calendar, current.from, total);
      next.deadlines.disposition = { ...current, workingDays: total, dueAt: moved.dueAt, dueDate: moved.dueDate, provisional: moved.provisional };
      next.extensions = [...c.extensions, { reason: action.reason, workingDays: action.workingDays, at, dueAt: moved.dueAt }];
      event('extended', { publicNote: `因${action.reason}，办理期限延长 ${action.workingDays} 个工作日，至 ${moved.dueDate}`, deadline: 'disposition' });
      const vars = { reason: action.reason, workingDays: String(action.workingDays), newDueDate: moved.dueDate };
      if (reporterReachable) notify('extended', { kind: 'reporter' }, vars);
      notify('extended-unit', { kind: 'unit', unit: c.unit }, vars);
      break;
    }
    case 'dispose': {
      next.status = 'disposed';
      next.result = { text: action.result, at };
      next.deadlines.disposition = closeDeadline(c.deadlines.disposition, 'met', ctx.now);
      next.deadlines.transfer = closeDeadline(c.deadlines.transfer, 'void', ctx.now);
      event('disposed', { publicNote: action.result });
      if (c.wantsReply && reporterReachable) notify('result', { kind: 'reporter' }, { result: action.result });
      break;
    }
    case 'note': {
      event('noted', { internalNote: action.text });
      break;
    }
    case 'urge': {
      if (!isSupervisor(user)) throw forbidden();
      if (openDeadlines(c).length === 0) throw conflict('案件没有未到期的办理事项，无需督办', 'Nothing is open on this case to urge');
      next.urged = true;
      event('urged', { publicNote: '上级已督办', internalNote: action.text });
      notify('urge', next.assigneeEmail ? { kind: 'email', email: next.assigneeEmail } : { kind: 'unit', unit: c.unit }, { text: action.text });
      break;
    }
    case 'conclude-review': {
      if (!isSupervisor(user)) throw forbidden();
      if (!c.review || c.review.concludedAt) throw conflict('没有待处理的复查', 'No supervision review is open');
      next.review = { ...c.review, concludedAt: at, conclusion: action.text };
      next.deadlines.review = closeDeadline(c.deadlines.review, 'met', ctx.now);
      event('review-concluded', { publicNote: action.text });
      if (reporterReachable) notify('review-concluded', { kind: 'reporter' }, { conclusion: action.text });
      break;
    }
  }
  return { next, events, notices };
}

/** The citizen's rating of a disposed case; a dissatisfied one opens a supervision review (督办). */
export function rateCase(c: ComplaintCase, rating: Rating, comment: string | undefined, ctx: Context): Change {
  if (c.status !== 'disposed') throw conflict('案件办结后才能评价', 'The case can be rated once it is disposed');
  if (c.rating) throw conflict('该案件已评价', 'The case has already been rated');
  const at = ctx.now.toISOString();
  const actor: Actor = { type: 'citizen' };
  const next: ComplaintCase = { ...c, deadlines: { ...c.deadlines }, version: c.version + 1, rating: { rating, at, ...(comment ? { comment } : {}) } };
  const events: Change['events'] = [{ at, event: 'rated', actor, publicNote: RATING_ZH[rating] }];
  const notices: NoticeIntent[] = [];
  if (rating === 'dissatisfied') {
    next.review = { openedAt: at };
    next.deadlines.review = openDeadline(ctx.calendar, 'review', at);
    events.push({ at, event: 'review-opened', actor: { type: 'system' }, publicNote: `已转督办复查，${next.deadlines.review.dueDate} 前答复`, deadline: 'review' });
    notices.push({
      noticeId: `v${next.version}-review-opened-supervisors`,
      template: 'review-opened',
      to: { kind: 'supervisors' },
      vars: { ...noticeVars(next, ctx), comment: comment ?? '' },
    });
  }
  return { next, events, notices };
}

export const RATING_ZH: Record<Rating, string> = { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' };

function recipientKey(to: Recipient): string {
  return to.kind === 'unit' ? `unit-${to.unit}` : to.kind;
}

function unknownUnit(code: string) {
  return new ApiError('validation', `没有这个单位：${code}`, `Unknown unit: ${code}`, [
    { path: 'toUnit', message: `没有这个单位：${code}`, messageEn: `Unknown unit: ${code}` },
  ]);
}

/** The actions this user may try on the case now (for the console's buttons). */
export function allowedActions(c: ComplaintCase, user: StaffActor): CaseAction['type'][] {
  if (!canSeeCase(user, c)) return [];
  return ALLOWED[c.status].filter((type) => {
    if (type === 'urge') return isSupervisor(user) && openDeadlines(c).length > 0;
    if (type === 'conclude-review') return isSupervisor(user) && !!c.review && !c.review.concludedAt;
    if (type === 'extend') return c.deadlines.disposition?.state === 'open';
    return true;
  });
}
