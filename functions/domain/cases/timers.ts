import { isOverdue, type WorkingCalendar } from '../calendar/index.ts';
import type { Change } from './lifecycle.ts';
import type { ComplaintCase, DeadlineName, Unit } from './model.ts';
import { deadlineZh, noticeVars } from './notice-vars.ts';

interface Context {
  now: Date;
  calendar: WorkingCalendar;
  units: Unit[];
}

/**
 * The warning one working day before a deadline. Keyed by the deadline's due time, so a retried
 * or restarted workflow cannot warn twice for the same due time; an extension (new due time)
 * earns a new warning. Returns undefined when there is nothing to do.
 */
export function warnDeadline(c: ComplaintCase, name: DeadlineName, due: string, ctx: Context): Change | undefined {
  const d = c.deadlines[name];
  if (!d || d.state !== 'open' || d.dueAt !== due || d.warnedFor === due || isOverdue(d, ctx.now)) return undefined;
  const next: ComplaintCase = { ...c, deadlines: { ...c.deadlines, [name]: { ...d, warnedFor: due } }, version: c.version + 1 };
  const at = ctx.now.toISOString();
  return {
    next,
    events: [{ at, event: 'warned', actor: { type: 'system' }, internalNote: `${deadlineZh(name)}期限 ${d.dueDate} 将至`, deadline: name }],
    notices: [
      {
        noticeId: `warn-${name}-${due}`,
        template: 'warning',
        to: c.assigneeEmail ? { kind: 'email', email: c.assigneeEmail } : { kind: 'unit', unit: c.unit },
        vars: { ...noticeVars(next, ctx), deadlineName: deadlineZh(name), dueDate: d.dueDate },
      },
    ],
  };
}

/**
 * A deadline passed without the action: the case is escalated to the supervisors (督办) and stays
 * overdue until acted on. Once per deadline and due time.
 */
export function escalateDeadline(c: ComplaintCase, name: DeadlineName, due: string, ctx: Context): Change | undefined {
  const d = c.deadlines[name];
  if (!d || d.state !== 'open' || d.dueAt !== due || d.escalatedFor === due || !isOverdue(d, ctx.now)) return undefined;
  const next: ComplaintCase = {
    ...c,
    escalated: true,
    deadlines: { ...c.deadlines, [name]: { ...d, escalatedFor: due } },
    version: c.version + 1,
  };
  const at = ctx.now.toISOString();
  const vars = { ...noticeVars(next, ctx), deadlineName: deadlineZh(name), dueDate: d.dueDate };
  return {
    next,
    events: [{ at, event: 'escalated', actor: { type: 'system' }, publicNote: `${deadlineZh(name)}期限（${d.dueDate}）已过，已提请上级督办`, deadline: name }],
    notices: [
      { noticeId: `escalate-${name}-${due}-supervisors`, template: 'escalation', to: { kind: 'supervisors' }, vars },
      { noticeId: `escalate-${name}-${due}-unit`, template: 'escalation-unit', to: { kind: 'unit', unit: c.unit }, vars },
    ],
  };
}
