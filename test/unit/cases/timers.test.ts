import { describe, expect, it } from 'vitest';
import { applyAction, escalateDeadline, nextWait, warnDeadline, workingDaysOverdue, isDueSoon } from '../../../functions/domain/index.ts';
import { calendar, ctx, handler, received } from './fixtures.ts';

describe('deadline timers', () => {
  it('waits first for the acceptance deadline, warning at 09:00 on the working day before', () => {
    expect(nextWait(calendar, received())).toEqual({
      done: false,
      deadline: 'acceptance',
      warnAt: '2026-10-09T09:00:00+08:00',
      dueAt: '2026-10-10T23:59:59+08:00',
    });
  });

  it('warns once per due time', () => {
    const c = received();
    const warned = warnDeadline(c, 'acceptance', c.deadlines.acceptance!.dueAt, ctx('2026-10-09T09:00:00+08:00'));
    expect(warned?.notices[0]).toMatchObject({ template: 'warning', to: { kind: 'unit', unit: 'office' } });
    expect(warnDeadline(warned!.next, 'acceptance', c.deadlines.acceptance!.dueAt, ctx('2026-10-09T09:00:05+08:00'))).toBeUndefined();
  });

  it('escalates once when the deadline passes, then waits for the next deadline', () => {
    const c = received();
    const due = c.deadlines.acceptance!.dueAt;
    expect(escalateDeadline(c, 'acceptance', due, ctx('2026-10-10T23:59:59+08:00'))).toBeUndefined();
    const escalated = escalateDeadline(c, 'acceptance', due, ctx('2026-10-11T00:00:00+08:00'))!;
    expect(escalated.next.escalated).toBe(true);
    expect(escalated.events[0]).toMatchObject({ event: 'escalated', deadline: 'acceptance' });
    expect(escalated.notices.map((n) => n.to.kind)).toEqual(['supervisors', 'unit']);
    expect(escalateDeadline(escalated.next, 'acceptance', due, ctx('2026-10-12T00:00:00+08:00'))).toBeUndefined();
    expect(nextWait(calendar, escalated.next)).toMatchObject({ deadline: 'transfer' });
  });

  it('is done when nothing is open, and only waits for an action when all is escalated', () => {
    const rejected = applyAction(received(), { type: 'reject', reason: 'r' }, handler, ctx('2026-10-08T10:00:00+08:00')).next;
    expect(nextWait(calendar, rejected)).toEqual({ done: true });
    let c = received();
    for (const name of ['acceptance', 'transfer', 'disposition'] as const) {
      c = escalateDeadline(c, name, c.deadlines[name]!.dueAt, ctx('2026-12-01T10:00:00+08:00'))!.next;
    }
    expect(nextWait(calendar, c)).toEqual({ done: false, deadline: null });
  });

  it('does not escalate a deadline whose due time moved', () => {
    const accepted = applyAction(received(), { type: 'accept' }, handler, ctx('2026-10-08T10:00:00+08:00')).next;
    const old = accepted.deadlines.disposition!.dueAt;
    const extended = applyAction(accepted, { type: 'extend', reason: 'r', workingDays: 5 }, handler, ctx('2026-10-20T10:00:00+08:00')).next;
    expect(escalateDeadline(extended, 'disposition', old, ctx('2026-10-28T10:00:00+08:00'))).toBeUndefined();
  });

  it('counts working days overdue and due soon', () => {
    const d = received().deadlines.acceptance!;
    expect(workingDaysOverdue(calendar, d, new Date('2026-10-13T10:00:00+08:00'))).toBe(2);
    expect(isDueSoon(calendar, d, new Date('2026-10-09T10:00:00+08:00'))).toBe(true);
    expect(isDueSoon(calendar, d, new Date('2026-10-08T10:00:00+08:00'))).toBe(false);
  });
});
