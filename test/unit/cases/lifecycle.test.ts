import { describe, expect, it } from 'vitest';
import { allowedActions, applyAction, rateCase, receiveComplaint, receiveDisclosureRequest, staffView } from '../../../functions/domain/index.ts';
import { calendar, code, ctx, handler, otherUnitHandler, received, supervisor, units } from './fixtures.ts';

describe('receipt', () => {
  it('opens the 3/5/15 working-day deadlines and acknowledges the reporter', () => {
    const change = receiveComplaint(
      { category: 'other', subject: 's', description: 'd', respondentUnit: 'u', wantsReply: false, anonymous: true, publicityConsent: false },
      { ...ctx('2026-09-30T10:00:00+08:00'), channel: 'letter', intakeUnit: 'office', caseId: 'c', trackingNo: 't', accessCodeHash: 'h', reporterReachable: false },
    );
    const d = change.next.deadlines;
    expect([d.acceptance?.dueDate, d.transfer?.dueDate, d.disposition?.dueDate]).toEqual(['2026-10-10', '2026-10-13', '2026-10-27']);
    expect(change.next.status).toBe('received');
    expect(change.events[0]).toMatchObject({ event: 'received', publicNote: '通过信函收到' });
    // Anonymous: the receipt is issued (kept with the case for the tracking page) but not sent; the intake unit is told of a new case.
    expect(change.notices.map((n) => [n.template, n.deliver])).toEqual([['receipt', false], ['new-case', undefined]]);
  });
});

describe('applyAction', () => {
  it('accepts then disposes, closing deadlines on time and replying to the reporter', () => {
    const accepted = applyAction(received(), { type: 'accept' }, handler, ctx('2026-10-08T10:00:00+08:00')).next;
    expect(accepted.status).toBe('accepted');
    expect(accepted.deadlines.acceptance).toMatchObject({ state: 'met' });
    expect(accepted.deadlines.acceptance?.late).toBeUndefined();
    expect(accepted.deadlines.transfer?.state).toBe('void');
    const disposed = applyAction(accepted, { type: 'dispose', result: '已责令公开' }, handler, ctx('2026-10-20T10:00:00+08:00'));
    expect(disposed.next).toMatchObject({ status: 'disposed', result: { text: '已责令公开' }, version: 3 });
    expect(disposed.notices.map((n) => [n.template, n.to.kind])).toEqual([['result', 'reporter']]);
  });

  it('marks a late acceptance as late', () => {
    const accepted = applyAction(received(), { type: 'accept' }, handler, ctx('2026-10-12T10:00:00+08:00')).next;
    expect(accepted.deadlines.acceptance?.late).toBe(true);
  });

  it('rejects with a reason that goes to the reporter and closes the case', () => {
    const change = applyAction(received(), { type: 'reject', reason: '不属于政务公开事项' }, handler, ctx('2026-10-08T10:00:00+08:00'));
    expect(change.next.status).toBe('not-accepted');
    expect(change.events.at(-1)).toMatchObject({ event: 'not-accepted', publicNote: '不属于政务公开事项' });
    expect(change.notices[0]).toMatchObject({ template: 'not-accepted', to: { kind: 'reporter' }, vars: { reason: '不属于政务公开事项' } });
    expect(Object.values(change.next.deadlines).every((d) => d?.state !== 'open')).toBe(true);
  });

  it('assigns only to staff of the case\'s unit, as the directory knows them', () => {
    for (const assigneeUnit of ['policy', undefined]) {
      expect(() => applyAction(received(), { type: 'assign', assignee: 'h2', assigneeUnit }, handler, ctx('2026-10-08T09:00:00+08:00'))).toThrow(
        expect.objectContaining({ code: 'validation', fields: [expect.objectContaining({ path: 'assignee' })] }),
      );
    }
    expect(applyAction(received(), { type: 'assign', assignee: 'h3', assigneeUnit: 'office' }, handler, ctx('2026-10-08T09:00:00+08:00')).next.assignee).toBe('h3');
  });

  it('transfers to another unit: the case changes queue, assignee cleared, identity not in the notice', () => {
    const assigned = applyAction(received(), { type: 'assign', assignee: 'h1', assigneeName: '王办理', assigneeUnit: 'office' }, handler, ctx('2026-10-08T09:00:00+08:00')).next;
    const change = applyAction(assigned, { type: 'transfer', reason: '属政策法规科职责', toUnit: 'policy' }, handler, ctx('2026-10-08T10:00:00+08:00'));
    expect(change.next).toMatchObject({ unit: 'policy', status: 'received' });
    expect(change.next.assignee).toBeUndefined();
    expect(change.next.deadlines.transfer?.state).toBe('met');
    expect(change.notices.map((n) => n.template)).toEqual(['transfer-in', 'transferred']);
    expect(JSON.stringify(change.notices)).not.toContain('ref-1');
  });

  it('transfers to another agency and ends the case there', () => {
    const change = applyAction(received(), { type: 'transfer', reason: '属市监局职责', toExternal: '市市场监督管理局' }, handler, ctx('2026-10-08T10:00:00+08:00'));
    expect(change.next.status).toBe('transferred');
    expect(change.events.at(-1)?.publicNote).toBe('转交市市场监督管理局办理');
  });

  it('needs exactly one transfer target', () => {
    expect(code(() => applyAction(received(), { type: 'transfer', reason: 'x' }, handler, ctx('2026-10-08T10:00:00+08:00')))).toBe('validation');
    expect(code(() => applyAction(received(), { type: 'transfer', reason: 'x', toUnit: 'nowhere' }, handler, ctx('2026-10-08T10:00:00+08:00')))).toBe('validation');
  });

  it('extends the disposition deadline with a reason and a new date sent to reporter and unit', () => {
    const accepted = applyAction(received(), { type: 'accept' }, handler, ctx('2026-10-08T10:00:00+08:00')).next;
    const change = applyAction(accepted, { type: 'extend', reason: '需向上级核实', workingDays: 10 }, handler, ctx('2026-10-20T10:00:00+08:00'));
    expect(change.next.deadlines.disposition).toMatchObject({ dueDate: '2026-11-10', workingDays: 25, state: 'open' });
    expect(change.notices.map((n) => [n.template, n.vars.newDueDate])).toEqual([
      ['extended', '2026-11-10'],
      ['extended-unit', '2026-11-10'],
    ]);
    expect(change.events[0]?.publicNote).toContain('需向上级核实');
  });

  it('enforces the configured extension cap in the domain, and the staff view tells the form (issue 12 #2)', () => {
    const policy = { complaint: { maxTotal: 30 } };
    const at = (now: string) => ({ ...ctx(now), extensionPolicy: policy });
    const accepted = applyAction(received(), { type: 'accept' }, handler, at('2026-10-08T10:00:00+08:00')).next;
    expect(staffView(calendar, accepted, [], new Date('2026-10-08T10:00:00+08:00'), [], policy).extension).toMatchObject({ maxWorkingDays: 30, used: 0, allowed: true });
    // 40 > 30: refused, nothing is sent.
    expect(code(() => applyAction(accepted, { type: 'extend', reason: '情况复杂', workingDays: 40 }, handler, at('2026-10-20T10:00:00+08:00')))).toBe('validation');
    const once = applyAction(accepted, { type: 'extend', reason: '情况复杂', workingDays: 25 }, handler, at('2026-10-20T10:00:00+08:00')).next;
    expect(once.deadlines.disposition?.workingDays).toBe(40);
    expect(staffView(calendar, once, [], new Date('2026-10-20T10:00:00+08:00'), [], policy).extension).toMatchObject({ maxWorkingDays: 5, used: 25 });
    expect(code(() => applyAction(once, { type: 'extend', reason: '仍需核实', workingDays: 6 }, handler, at('2026-10-21T10:00:00+08:00')))).toBe('validation');
    expect(code(() => applyAction(once, { type: 'extend', reason: '仍需核实', workingDays: 5 }, handler, at('2026-10-21T10:00:00+08:00')))).toBe('ok');
  });

  it('makes the first handler who acts on an unassigned case its assignee, for every kind (issue 12 #8)', () => {
    const noted = applyAction(received(), { type: 'note', text: '已电话联系' }, handler, ctx('2026-10-08T10:00:00+08:00'));
    expect(noted.next).toMatchObject({ assignee: 'h1', assigneeName: '王办理' });
    expect(noted.events.map((e) => e.event)).toEqual(['assigned', 'noted']);
    // Someone else acting later does not take it over.
    const colleague = { ...handler, sub: 'h3', name: '刘同事' };
    const accepted = applyAction(noted.next, { type: 'accept' }, colleague, ctx('2026-10-08T11:00:00+08:00'));
    expect(accepted.next.assignee).toBe('h1');
    expect(accepted.events.map((e) => e.event)).toEqual(['accepted']);
    // A supervisor urging takes nothing.
    expect(applyAction(received(), { type: 'urge', text: '请尽快' }, supervisor, ctx('2026-10-08T10:00:00+08:00')).next.assignee).toBeUndefined();
    // A disclosure request: the same core rule.
    const request = receiveDisclosureRequest(
      { applicantType: 'natural-person', description: '道路维修招标文件', formats: ['electronic'], delivery: 'email' },
      { ...ctx('2026-10-08T10:00:00+08:00'), channel: 'web', intakeUnit: 'office', caseId: 'r1', trackingNo: 'YS1', accessCodeHash: 'h', reporterRef: 'r', reporterReachable: true },
    ).next;
    const asked = applyAction(request, { type: 'request-clarification', text: '请写明项目名称', answerWithinWorkingDays: 10 }, handler, ctx('2026-10-09T10:00:00+08:00'));
    expect(asked.next).toMatchObject({ assignee: 'h1', assigneeName: '王办理' });
  });

  it('refuses illegal transitions with a conflict', () => {
    expect(code(() => applyAction(received(), { type: 'dispose', result: 'r' }, handler, ctx('2026-10-08T10:00:00+08:00')))).toBe('conflict');
    const rejected = applyAction(received(), { type: 'reject', reason: 'r' }, handler, ctx('2026-10-08T10:00:00+08:00')).next;
    expect(code(() => applyAction(rejected, { type: 'accept' }, handler, ctx('2026-10-09T10:00:00+08:00')))).toBe('conflict');
  });

  it('keeps other units out and urging for supervisors', () => {
    expect(code(() => applyAction(received(), { type: 'accept' }, otherUnitHandler, ctx('2026-10-08T10:00:00+08:00')))).toBe('forbidden');
    expect(code(() => applyAction(received(), { type: 'urge', text: '请尽快' }, handler, ctx('2026-10-08T10:00:00+08:00')))).toBe('forbidden');
    const urged = applyAction(received(), { type: 'urge', text: '请尽快' }, supervisor, ctx('2026-10-08T10:00:00+08:00'));
    expect(urged.events[0]).toMatchObject({ event: 'urged', publicNote: '上级已督办', internalNote: '请尽快' });
  });

  it('lists the actions allowed now', () => {
    expect(allowedActions(received(), handler, ctx('2026-10-01T10:00:00+08:00'))).toEqual(['assign', 'accept', 'reject', 'transfer', 'extend', 'note']);
    expect(allowedActions(received(), supervisor, ctx('2026-10-01T10:00:00+08:00'))).toContain('urge');
    expect(allowedActions(received(), otherUnitHandler, ctx('2026-10-01T10:00:00+08:00'))).toEqual([]);
  });

  it('does not reply when no reply was wanted', () => {
    const accepted = applyAction(received({ wantsReply: false }), { type: 'accept' }, handler, ctx('2026-10-08T10:00:00+08:00')).next;
    expect(applyAction(accepted, { type: 'dispose', result: 'r' }, handler, ctx('2026-10-09T10:00:00+08:00')).notices).toEqual([]);
  });
});

describe('rateCase', () => {
  const disposed = () => {
    const accepted = applyAction(received(), { type: 'accept' }, handler, ctx('2026-10-08T10:00:00+08:00')).next;
    return applyAction(accepted, { type: 'dispose', result: 'r' }, handler, ctx('2026-10-09T10:00:00+08:00')).next;
  };

  it('is refused before disposal and twice', () => {
    expect(code(() => rateCase(received(), 'satisfied', undefined, ctx('2026-10-09T10:00:00+08:00')))).toBe('conflict');
    const rated = rateCase(disposed(), 'satisfied', undefined, ctx('2026-10-12T10:00:00+08:00')).next;
    expect(code(() => rateCase(rated, 'satisfied', undefined, ctx('2026-10-12T11:00:00+08:00')))).toBe('conflict');
  });

  it('opens a supervision review with a 5-working-day deadline when dissatisfied', () => {
    const change = rateCase(disposed(), 'dissatisfied', '答复敷衍', { now: new Date('2026-10-12T10:00:00+08:00'), calendar, units });
    expect(change.next.deadlines.review).toMatchObject({ state: 'open', dueDate: '2026-10-19' });
    expect(change.events.map((e) => e.event)).toEqual(['rated', 'review-opened']);
    expect(change.notices[0]).toMatchObject({ template: 'review-opened', to: { kind: 'supervisors' } });
    const concluded = applyAction(change.next, { type: 'conclude-review', text: '已责令重新答复' }, supervisor, ctx('2026-10-14T10:00:00+08:00'));
    expect(concluded.next.deadlines.review?.state).toBe('met');
  });
});
