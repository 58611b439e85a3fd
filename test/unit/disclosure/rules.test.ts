import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../functions/domain/calendar/index.ts';
import {
  allowedActions,
  answerClarification,
  applyAction,
  canSee,
  escalateDeadline,
  nextWait,
  receiveComplaint,
  receiveDisclosureRequest,
  type DisclosureRequestCase,
  type StaffActor,
} from '../../../functions/domain/index.ts';
import { annualTableCsv, disclosureAnnualTable } from '../../../functions/domain/reports/disclosure-annual.ts';
import { code } from '../cases/fixtures.ts';

const calendar = new WorkingCalendar();
const units = [{ code: 'office', name: '办公室' }];
const at = (iso: string) => ({ now: new Date(iso), calendar, units });
const handler: StaffActor = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' };
const officer: StaffActor = { sub: 'so', name: '周保密', groups: ['security-officer'], unit: 'office' };
const head: StaffActor = { sub: 'dh', name: '吴主任', groups: ['disclosure-head'], unit: 'office' };

/** Received Wednesday 2026-09-30: the National Day holiday and the make-up Saturday 10 October fall inside. */
function received(): DisclosureRequestCase {
  return receiveDisclosureRequest(
    { applicantType: 'natural-person', description: '某某文件', formats: ['electronic'], delivery: 'online' },
    { ...at('2026-09-30T10:00:00+08:00'), channel: 'web', intakeUnit: 'office', caseId: 'r1', trackingNo: 'YS20260930-ABCDEF', accessCodeHash: 'h', reporterRef: 'ref', reporterReachable: true },
  ).next;
}

describe('disclosure request rules', () => {
  it('counts 20 working days over the National Day holiday, make-up day included', () => {
    // As requirements §5: the 15th working day is 27 October, so the 20th is Tuesday 3 November.
    expect(received().deadlines.reply).toMatchObject({ dueDate: '2026-11-03', workingDays: 20 });
  });

  it('pauses for a third party and moves the reply by the working days paused', () => {
    const consulted = applyAction(received(), { type: 'consult-third-party', party: '某公司', text: '征求意见' }, handler, at('2026-10-12T10:00:00+08:00')).next;
    expect(consulted.deadlines.reply).toMatchObject({ suspended: true });
    expect(nextWait(calendar, consulted)).toMatchObject({ deadline: 'third-party' });
    const answered = applyAction(consulted, { type: 'third-party-answered', text: '同意' }, handler, at('2026-10-16T10:00:00+08:00')).next;
    // 13–16 October: 4 working days not counted, 3 November + 4 = 9 November.
    expect(answered.deadlines.reply).toMatchObject({ dueDate: '2026-11-09' });
    expect(answered.deadlines.reply?.suspended).toBeUndefined();
    expect(answered.deadlines['third-party']?.state).toBe('met');
  });

  it('resumes the clock itself when the third party lets its 15 working days pass', () => {
    const consulted = applyAction(received(), { type: 'consult-third-party', party: '某公司', text: '征求意见' }, handler, at('2026-10-12T10:00:00+08:00')).next;
    const due = consulted.deadlines['third-party']!;
    expect(due.dueDate).toBe('2026-11-02');
    const lapsed = escalateDeadline(consulted, 'third-party', due.dueAt, at('2026-11-03T00:00:05+08:00'))!;
    expect(lapsed.next.status).toBe('received');
    expect(lapsed.next.thirdParty?.lapsed).toBe(true);
    expect(lapsed.next.escalated).toBe(false);
    expect(lapsed.events.map((e) => e.event)).toEqual(['third-party-lapsed']);
  });

  it('allows clarification only within 7 working days, once, and restarts the reply from the answer', () => {
    const c = received();
    expect(allowedActions(c, handler, at('2026-10-14T10:00:00+08:00'))).toContain('request-clarification');
    expect(allowedActions(c, handler, at('2026-10-20T10:00:00+08:00'))).not.toContain('request-clarification');
    expect(code(() => applyAction(c, { type: 'request-clarification', text: 't', answerWithinWorkingDays: 5 }, handler, at('2026-10-20T10:00:00+08:00')))).toBe('conflict');
    const asked = applyAction(c, { type: 'request-clarification', text: '请明确', answerWithinWorkingDays: 5 }, handler, at('2026-10-12T10:00:00+08:00')).next;
    const clarified = answerClarification(asked, '某某局 2026 年 5 号文', at('2026-10-14T16:00:00+08:00')).next;
    expect(clarified.deadlines.reply).toMatchObject({ from: '2026-10-14T08:00:00.000Z', dueDate: '2026-11-11' });
    expect(clarified.deadlines.reply?.pauses).toBeUndefined();
    expect(code(() => applyAction(clarified, { type: 'request-clarification', text: 'again', answerWithinWorkingDays: 5 }, handler, at('2026-10-15T10:00:00+08:00')))).toBe('conflict');
  });

  it('releases a reply only through draft, confidentiality review and approval, by three people', () => {
    const drafted = applyAction(received(), { type: 'draft-reply', outcome: 'partial', text: '部分公开', withheld: '第 3 页涉及个人隐私' }, handler, at('2026-10-12T10:00:00+08:00')).next;
    expect(code(() => applyAction(drafted, { type: 'approve' }, head, at('2026-10-12T11:00:00+08:00')))).toBe('conflict');
    expect(code(() => applyAction(drafted, { type: 'review', decision: 'approve' }, { ...officer, sub: 'h1' }, at('2026-10-12T11:00:00+08:00')))).toBe('forbidden');
    const reviewed = applyAction(drafted, { type: 'review', decision: 'approve' }, officer, at('2026-10-12T11:00:00+08:00'));
    expect(reviewed.notices).toEqual([]);
    const replied = applyAction(reviewed.next, { type: 'approve' }, head, at('2026-10-12T12:00:00+08:00'));
    expect(replied.next).toMatchObject({ status: 'replied', reply: { outcome: 'partial', withheld: '第 3 页涉及个人隐私' }, conclusion: { outcome: 'partial' } });
    expect(replied.notices.map((n) => [n.template, n.to.kind])).toEqual([['disclosure-reply', 'reporter']]);
  });

  it('checks the outcome and its ground', () => {
    const c = received();
    const draft = (body: Record<string, unknown>) => code(() => applyAction(c, { type: 'draft-reply', text: 't', ...body }, handler, at('2026-10-12T10:00:00+08:00')));
    expect(draft({ outcome: 'withhold' })).toBe('validation');
    expect(draft({ outcome: 'withhold', subReason: 'not-held' })).toBe('validation');
    expect(draft({ outcome: 'disclose', subReason: 'state-secret' })).toBe('validation');
    expect(draft({ outcome: 'partial' })).toBe('validation');
    expect(draft({ outcome: 'withhold', subReason: 'state-secret' })).toBe('ok');
  });

  it('lets the security officer and the disclosure head serve every unit, for requests only', () => {
    const elsewhere: StaffActor = { ...officer, unit: 'policy' };
    expect(canSee(elsewhere, received())).toBe(true);
    expect(canSee(handler, { ...received(), unit: 'policy' })).toBe(false);
    const complaint = receiveComplaint(
      { category: 'other', subject: 's', description: 'd', respondentUnit: 'u', wantsReply: false, anonymous: true, publicityConsent: false },
      { ...at('2026-09-30T10:00:00+08:00'), channel: 'web', intakeUnit: 'office', caseId: 'c1', trackingNo: 'TS1', accessCodeHash: 'h', reporterReachable: false },
    ).next;
    expect(canSee(elsewhere, complaint)).toBe(false);
  });

  it('lets only the disclosure head extend, once, by at most 20 working days', () => {
    const c = received();
    expect(code(() => applyAction(c, { type: 'extend', reason: 'r', workingDays: 5 }, handler, at('2026-10-12T10:00:00+08:00')))).toBe('forbidden');
    expect(code(() => applyAction(c, { type: 'extend', reason: 'r', workingDays: 21 }, head, at('2026-10-12T10:00:00+08:00')))).toBe('validation');
    const extended = applyAction(c, { type: 'extend', reason: '需调档', workingDays: 20 }, head, at('2026-10-12T10:00:00+08:00'));
    expect(extended.next.deadlines.reply).toMatchObject({ workingDays: 40, dueDate: '2026-12-01' });
    expect(extended.notices.map((n) => n.template)).toEqual(['disclosure-extended', 'extended-unit']);
    expect(code(() => applyAction(extended.next, { type: 'extend', reason: 'r', workingDays: 1 }, head, at('2026-10-13T10:00:00+08:00')))).toBe('conflict');
  });
});

describe('annual table (依申请公开)', () => {
  const req = (applicantType: DisclosureRequestCase['applicantType'], receivedAt: string, conclusion?: DisclosureRequestCase['conclusion']) => ({ applicantType, receivedAt, ...(conclusion ? { conclusion } : {}) });
  // Hand-counted: 2026 receives 4 (one on 31 December Shanghai time, which is 16:30 UTC), one
  // carried in from 2025; three concluded in 2026; one concluded in 2027.
  const requests = [
    req('natural-person', '2025-12-20T02:00:00Z', { outcome: 'disclose', at: '2026-01-10T02:00:00Z' }),
    req('natural-person', '2026-03-01T02:00:00Z', { outcome: 'withhold', subReason: 'state-secret', at: '2026-03-20T02:00:00Z' }),
    req('commercial-enterprise', '2026-05-01T02:00:00Z', { outcome: 'other', subReason: 'no-clarification', at: '2026-05-20T02:00:00Z' }),
    req('legal-service-org', '2026-12-30T02:00:00Z'),
    req('other-org', '2026-12-31T16:30:00Z', { outcome: 'partial', at: '2027-01-05T02:00:00Z' }),
    req('natural-person', '2024-06-01T02:00:00Z', { outcome: 'disclose', at: '2024-07-01T02:00:00Z' }),
  ];
  const table = Object.fromEntries(disclosureAnnualTable(2026, requests).map((r) => [r.key, r.values]));

  it('counts by Shanghai dates and balances new + carried-in = total + carried-out in every column', () => {
    expect(table.new).toMatchObject({ 'natural-person': 1, 'commercial-enterprise': 1, 'legal-service-org': 1, 'other-org': 0, total: 3 });
    expect(table['carried-in']).toMatchObject({ 'natural-person': 1, total: 1 });
    expect(table.disclose).toMatchObject({ 'natural-person': 1, total: 1 });
    expect(table['withhold/state-secret']).toMatchObject({ 'natural-person': 1, total: 1 });
    expect(table['other/no-clarification']).toMatchObject({ 'commercial-enterprise': 1, total: 1 });
    expect(table.total).toMatchObject({ 'natural-person': 2, 'commercial-enterprise': 1, total: 3 });
    expect(table['carried-out']).toMatchObject({ 'legal-service-org': 1, total: 1 });
    for (const col of Object.keys(table.new!)) {
      expect(table.new![col as 'total'] + table['carried-in']![col as 'total']).toBe(table.total![col as 'total'] + table['carried-out']![col as 'total']);
    }
  });

  it('exports the same table as CSV', () => {
    const csv = annualTableCsv(disclosureAnnualTable(2026, requests));
    expect(csv.startsWith('\uFEFF项目,自然人')).toBe(true);
    expect(csv).toMatch(/本年新收[^\r]*,1,1,0,0,1,0,3\r\n/);
  });
});
