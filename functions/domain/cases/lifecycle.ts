import { enDate, isOverdue, zhDate } from '../calendar/index.ts';
import { Conflict, Invalid, NotAllowed } from '../errors.ts';
import { canSeeCase, inGroup, type CaseAction, type CoreAction, type StaffActor } from './actions.ts';
import { ChangeBuilder } from './change.ts';
import { closeDeadline, extendDeadline, isRunning, openDeadline, openDeadlines, totalWorkingDays } from './deadlines.ts';
import type { ExtensionRule } from './kind.ts';
import type { KindRules } from './kind-rules.ts';
import type { Actor, CaseRecord, Change, DeadlineState, DomainContext, Rating } from './model.ts';
import { clause, noticeVars } from './notice-vars.ts';

/** An agency's own caps on extensions, per kind (configured; the definitions hold the defaults). */
export type ExtensionPolicy = Record<string, Partial<Omit<ExtensionRule, 'deadline' | 'groups'>>>;

export interface ActionContext extends DomainContext {
  extensionPolicy?: ExtensionPolicy;
}

export function builder<C extends CaseRecord>(c: C, actor: Actor, ctx: DomainContext, rules: KindRules<C>): ChangeBuilder<C> {
  return new ChangeBuilder(c, actor, ctx, (next) => noticeVars(next, ctx.units, rules));
}

const staffActor = (user: StaffActor): Actor => ({ type: 'staff', sub: user.sub, name: user.name, unit: user.unit });

/**
 * Applies a staff action to a case of any kind: whether its status allows it (409) and the user's
 * group and unit may (403) come from the kind's definition; the core's own actions are decided
 * here, the kind's by its rules. Pure: the caller stores the change conditionally on the version
 * it read and tells the workflow.
 */
export function applyAction<C extends CaseRecord>(c: C, action: CaseAction, user: StaffActor, ctx: ActionContext, rules: KindRules<C>): Change<C> {
  const def = rules.definition;
  if (!canSeeCase(user, c, def.agencyWide)) throw new NotAllowed();
  const status = def.statuses[c.status];
  if (!status?.allows.includes(action.type)) {
    throw new Conflict(
      `案件当前状态为“${status?.label.zh ?? c.status}”，不能执行此操作（${def.actions[action.type]?.label.zh ?? action.type}）`,
      `The case is ${c.status}: ${action.type} is not allowed now`,
    );
  }
  const groups = action.type === 'extend' ? def.extension.groups : (def.actions[action.type]?.groups ?? []);
  if (!inGroup(user, groups)) throw new NotAllowed();
  const b = builder(c, staffActor(user), ctx, rules);
  const core = action as CoreAction;
  takeIfUnassigned(b, core.type, user);
  switch (core.type) {
    case 'assign':
      // Only staff of the case's unit handle it: someone elsewhere could not even open it.
      if (core.assigneeUnit !== c.unit) {
        throw new Invalid(
          'assignee',
          '只能分配给本案件所属单位的工作人员（须已登录过本系统）',
          "Only staff of the case's unit can be assigned (who have signed in at least once)",
        );
      }
      b.next.assignee = core.assignee;
      b.next.assigneeName = core.assigneeName ?? core.assignee;
      if (core.assigneeEmail) b.next.assigneeEmail = core.assigneeEmail;
      else delete b.next.assigneeEmail;
      b.event('assigned', { internalNote: `分配给 ${b.next.assigneeName}` });
      b.notify(def.templates.assignment, b.handlerRecipient());
      break;
    case 'note':
      b.event('noted', { internalNote: core.text });
      break;
    case 'urge':
      if (openDeadlines(c).length === 0) throw new Conflict('案件没有未到期的办理事项，无需督办', 'Nothing is open on this case to urge');
      b.next.urged = true;
      b.event('urged', { publicNote: '上级已督办', publicNoteEn: 'The supervisors have urged the unit to act', internalNote: core.text });
      b.notify(def.templates.urge, b.handlerRecipient(), { text: core.text });
      break;
    case 'extend':
      extend(b, core, rules, ctx.extensionPolicy);
      break;
    case 'conclude-review':
      if (!c.review || c.review.concludedAt) throw new Conflict('没有待处理的复查', 'No supervision review is open');
      b.next.review = { ...c.review, concludedAt: b.at, conclusion: core.text };
      b.setDeadline('review', closeDeadline(c.deadlines.review, 'met', ctx.now));
      b.event('review-concluded', { publicNote: core.text });
      b.notifyCitizen(def.templates['review-concluded'], { conclusion: core.text });
      break;
    default:
      rules.decide(b, action, user);
  }
  return b.build();
}

/** Actions that supervise a case rather than handle it: taking them does not make one its handler. */
const SUPERVISORY = new Set(['assign', 'urge', 'conclude-review']);

/**
 * The first handler who acts on an unassigned case (of any kind) becomes its assignee, so it is
 * in their "分配给我" queue and the unit sees who has it. Supervisors and admins acting without
 * the handler group do not take cases.
 */
function takeIfUnassigned<C extends CaseRecord>(b: ChangeBuilder<C>, type: string, user: StaffActor) {
  if (b.before.assignee || SUPERVISORY.has(type) || !user.groups.includes('handler')) return;
  b.next.assignee = user.sub;
  b.next.assigneeName = user.name;
  delete b.next.assigneeEmail;
  b.event('assigned', { internalNote: `${user.name} 首先办理，成为经办人` });
}

/** The extension rule in force for a kind: its definition, narrowed by the agency's policy. */
export function extensionRule(rules: Pick<KindRules, 'definition'>, policy?: ExtensionPolicy): ExtensionRule {
  return { ...rules.definition.extension, ...policy?.[rules.definition.kind] };
}

/** What the extend form may offer now: the most this extension may add, and whether any may be made. */
export function extensionRoom(c: CaseRecord, rule: ExtensionRule) {
  const d = c.deadlines[rule.deadline];
  const done = d?.extensions ?? [];
  const used = done.reduce((sum, e) => sum + e.workingDays, 0);
  const caps = [rule.maxPerExtension, rule.maxTotal === null ? null : rule.maxTotal - used].filter((n): n is number => n !== null);
  const maxWorkingDays = caps.length ? Math.max(0, Math.min(...caps)) : null;
  const allowed = d?.state === 'open' && (rule.maxCount === null || done.length < rule.maxCount) && maxWorkingDays !== 0;
  return { deadline: rule.deadline, maxWorkingDays, used, count: done.length, maxCount: rule.maxCount, allowed };
}

function extend<C extends CaseRecord>(b: ChangeBuilder<C>, action: { reason: string; workingDays: number }, rules: KindRules<C>, policy?: ExtensionPolicy) {
  const def = rules.definition;
  const rule = extensionRule(rules, policy);
  const current = b.deadline(rule.deadline);
  const label = def.deadlines[rule.deadline]!.label;
  if (!current || current.state !== 'open') throw new Conflict(`${label.zh}已结束，无法延期`, `The ${label.en.toLowerCase()} deadline is not open`);
  const room = extensionRoom(b.before, rule);
  if (rule.maxCount !== null && room.count >= rule.maxCount) {
    throw new Conflict(`${label.zh}已延长过${room.count === 1 ? '' : ` ${room.count} 次`}，不能再延长`, `The ${label.en.toLowerCase()} deadline cannot be extended again`);
  }
  if (room.maxWorkingDays !== null && action.workingDays > room.maxWorkingDays) {
    throw new Invalid(
      'workingDays',
      `本次最多可延长 ${room.maxWorkingDays} 个工作日`,
      `This extension may add at most ${room.maxWorkingDays} working days`,
    );
  }
  const moved = extendDeadline(b.ctx.calendar, current, { reason: action.reason, workingDays: action.workingDays, at: b.at });
  b.setDeadline(rule.deadline, moved);
  const reason = clause(action.reason);
  b.event('extended', {
    publicNote: `${label.zh}延长 ${action.workingDays} 个工作日，至 ${zhDate(moved.dueDate)}。延期理由：${reason}`,
    publicNoteEn: `${label.en} extended by ${action.workingDays} working days, to ${enDate(moved.dueDate)}. Reason: ${reason}`,
    deadline: rule.deadline,
  });
  const vars = { reason, workingDays: String(action.workingDays), totalWorkingDays: String(totalWorkingDays(moved)), newDueDate: moved.dueDate };
  b.notifyCitizen(def.templates.extended, vars);
  b.notify(def.templates['extended-unit'], { kind: 'unit', unit: b.next.unit }, vars);
}

export const RATING_ZH: Record<Rating, string> = { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' };
const RATING_EN: Record<Rating, string> = { satisfied: 'Satisfied', 'basically-satisfied': 'Basically satisfied', dissatisfied: 'Dissatisfied' };

/** The citizen's rating of the result; a dissatisfied one opens a supervision review (督办) with its own deadline. */
export function rateCase<C extends CaseRecord>(c: C, rating: Rating, comment: string | undefined, ctx: DomainContext, rules: KindRules<C>): Change<C> {
  const def = rules.definition;
  if (!def.ratableIn.includes(c.status)) throw new Conflict('案件办结后才能评价', 'The case can be rated once it is disposed');
  if (c.rating) throw new Conflict('该案件已评价', 'The case has already been rated');
  const b = builder(c, { type: 'citizen' }, ctx, rules);
  b.next.rating = { rating, at: b.at, ...(comment ? { comment } : {}) };
  b.event('rated', { publicNote: RATING_ZH[rating], publicNoteEn: RATING_EN[rating] });
  if (rating === 'dissatisfied') {
    b.next.review = { openedAt: b.at };
    const review = openDeadline(ctx.calendar, 'review', def.deadlines.review!, b.at);
    b.setDeadline('review', review);
    b.event(
      'review-opened',
      { publicNote: `已转督办复查，${zhDate(review.dueDate)}前答复`, publicNoteEn: `Passed to a supervision review, answered by ${enDate(review.dueDate)}`, deadline: 'review' },
      { type: 'system' },
    );
    b.notify(def.templates['review-opened'], { kind: 'supervisors' }, { comment: comment ?? '' }, `v${b.next.version}-review-opened-supervisors`);
  }
  return b.build();
}

/** The actions this user may take on the case now (the console's buttons). */
export function allowedActions<C extends CaseRecord>(c: C, user: StaffActor, ctx: ActionContext, rules: KindRules<C>): string[] {
  const def = rules.definition;
  if (!canSeeCase(user, c, def.agencyWide)) return [];
  return (def.statuses[c.status]?.allows ?? []).filter((type) => {
    const groups = type === 'extend' ? def.extension.groups : (def.actions[type]?.groups ?? []);
    if (!inGroup(user, groups)) return false;
    if (type === 'urge') return openDeadlines(c).length > 0;
    if (type === 'conclude-review') return !!c.review && !c.review.concludedAt;
    if (type === 'extend') return extensionRoom(c, extensionRule(rules, ctx.extensionPolicy)).allowed;
    return rules.available?.(c, type, ctx) ?? true;
  });
}

/**
 * The warning one working day before a deadline. Keyed by the deadline's due time, so a retried
 * or restarted workflow cannot warn twice for the same due time; an extension (new due time)
 * earns a new warning. Undefined when there is nothing to do.
 */
export function warnDeadline<C extends CaseRecord>(c: C, name: string, due: string, ctx: DomainContext, rules: KindRules<C>): Change<C> | undefined {
  const d = c.deadlines[name];
  const def = rules.definition.deadlines[name];
  if (!d || !isRunning(d) || d.dueAt !== due || d.warnedFor === due || isOverdue(d, ctx.now)) return undefined;
  const b = builder(c, { type: 'system' }, ctx, rules);
  b.setDeadline(name, { ...d, warnedFor: due });
  // Periods the citizen or a third party holds need no reminder to the unit: the mark alone keeps the timer from firing again.
  if (def?.warn === false) return b.build();
  const label = def?.label.zh ?? name;
  b.event('warned', { internalNote: `${label} ${d.dueDate} 将至`, deadline: name });
  b.notify(rules.definition.templates.warning, b.handlerRecipient(), { deadlineName: label, dueDate: d.dueDate }, `warn-${name}-${due}`);
  return b.build();
}

/**
 * A deadline passed without the action: escalated to the supervisors (督办), the case stays
 * overdue until acted on; or, where the kind says the deadline expires, the kind's consequence.
 * Once per deadline and due time.
 */
export function escalateDeadline<C extends CaseRecord>(c: C, name: string, due: string, ctx: DomainContext, rules: KindRules<C>): Change<C> | undefined {
  const d = c.deadlines[name];
  const def = rules.definition.deadlines[name];
  if (!d || !isRunning(d) || d.dueAt !== due || d.escalatedFor === due || !isOverdue(d, ctx.now)) return undefined;
  const b = builder(c, { type: 'system' }, ctx, rules);
  if (def?.onPassed === 'expire' && rules.expire) {
    // The period ended with its consequence: nothing is left to wait for on it.
    b.setDeadline(name, closeDeadline({ ...d, escalatedFor: due }, 'void', ctx.now));
    rules.expire(b, d);
    return b.build();
  }
  const label = def?.label.zh ?? name;
  const labelEn = def?.label.en ?? name;
  b.next.escalated = true;
  b.setDeadline(name, { ...d, escalatedFor: due });
  b.event('escalated', {
    publicNote: `${label}（${zhDate(d.dueDate)}）已过，已提请上级督办`,
    publicNoteEn: `${labelEn} (${enDate(d.dueDate)}) has passed: referred to the supervisors`,
    deadline: name,
  });
  const vars = { deadlineName: label, dueDate: d.dueDate };
  b.notify(rules.definition.templates.escalation, { kind: 'supervisors' }, vars, `escalate-${name}-${due}-supervisors`);
  b.notify(rules.definition.templates['escalation-unit'], { kind: 'unit', unit: c.unit }, vars, `escalate-${name}-${due}-unit`);
  return b.build();
}

export type { DeadlineState };
