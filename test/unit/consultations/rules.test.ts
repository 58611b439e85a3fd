import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../functions/domain/calendar/index.ts';
import * as domain from '../../../functions/domain/index.ts';
import type { CommentCase, ConsultationCase, StaffActor } from '../../../functions/domain/index.ts';
import { markdownToHtml } from '../../../functions/domain/consultations/markdown.ts';
import { code } from '../cases/fixtures.ts';

const { acceptsComments, applyAction, escalateDeadline, nextWait, publicConsultation, publicStatus, receiveComment, receiveConsultation, reportConsultation, warnDeadline, DEFAULT_CONSULTATION_POLICY } = domain;
const calendar = new WorkingCalendar();
const units = [
  { code: 'office', name: '办公室' },
  { code: 'policy', name: '政策法规科' },
];
const at = (iso: string) => ({ now: new Date(iso), calendar, units });
const handler: StaffActor = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'policy' };
const supervisor: StaffActor = { sub: 's1', name: '赵督办', groups: ['supervisor'], unit: 'office' };
const intake = (iso: string, caseId: string) => ({ ...at(iso), channel: 'web' as const, intakeUnit: 'office', caseId, trackingNo: `ZQ-${caseId}`, accessCodeHash: 'h', reporterReachable: false });

// Monday 2026-11-02; November 2026 has no holiday.
const DRAFT = { title: '关于调整公共停车收费标准的决定（征求意见稿）', background: '背景', basis: '依据', content: '# 主要内容\n\n- 第一条', unit: 'policy', opensAt: '2026-11-04T09:00:00+08:00' };

function drafted(closesAt?: string): ConsultationCase {
  return receiveConsultation({ ...DRAFT, ...(closesAt ? { closesAt } : {}) }, DEFAULT_CONSULTATION_POLICY, intake('2026-11-02T09:00:00+08:00', 'c1')).next;
}

function approved(): ConsultationCase {
  return applyAction(drafted(), { type: 'approve' }, supervisor, at('2026-11-02T10:00:00+08:00')).next;
}

/** Runs the workflow's timer for the consultation's next deadline at `now`. */
function tick(c: ConsultationCase, now: string): ConsultationCase {
  const wait = nextWait(calendar, c, ['draft']);
  if (wait.done || wait.deadline === null) return c;
  const warned = warnDeadline(c, wait.deadline, wait.dueAt, at(now))?.next ?? c;
  return escalateDeadline(warned, wait.deadline, wait.dueAt, at(now))?.next ?? warned;
}

function comment(c: ConsultationCase, id: string, text: string, extra: Partial<CommentCase> = {}): CommentCase {
  const facts = { text, anonymous: true, publicityConsent: false, ...extra };
  return receiveComment(c, facts, { ...intake('2026-11-05T10:00:00+08:00', id), reporterReachable: !!extra.publicName }).next;
}

describe('consultation rules', () => {
  it('drafts in its unit, closing by default 7 working days after opening (the agency policy), and waits for approval', () => {
    const c = drafted();
    expect(c).toMatchObject({ kind: 'consultation', status: 'draft', unit: 'policy', closesAt: '2026-11-13T23:59:59+08:00', reportWorkingDays: 7 });
    expect(nextWait(calendar, c, ['draft'])).toEqual({ done: false, deadline: null });
    const longer = receiveConsultation({ ...DRAFT, closesAt: '2026-11-20T18:00:00+08:00' }, { maxOpenWorkingDays: 15, reportWorkingDays: 3 }, intake('2026-11-02T09:00:00+08:00', 'c2')).next;
    expect(longer).toMatchObject({ closesAt: '2026-11-20T18:00:00+08:00', reportWorkingDays: 3 });
  });

  it('refuses a closing time past the policy, before opening, or an unknown unit (400)', () => {
    expect(code(() => drafted('2026-11-16T09:00:00+08:00'))).toBe('validation');
    expect(code(() => drafted('2026-11-04T08:00:00+08:00'))).toBe('validation');
    expect(code(() => receiveConsultation({ ...DRAFT, unit: 'nowhere' }, DEFAULT_CONSULTATION_POLICY, intake('2026-11-02T09:00:00+08:00', 'c3')))).toBe('validation');
  });

  it('is approved by a supervisor only, then opens and closes by its own deadlines', () => {
    expect(code(() => applyAction(drafted(), { type: 'approve' }, handler, at('2026-11-02T10:00:00+08:00')))).toBe('forbidden');
    let c = approved();
    expect(c.deadlines.opens).toMatchObject({ dueAt: '2026-11-04T09:00:00+08:00', state: 'open' });
    expect(publicStatus(c, new Date('2026-11-03T09:00:00+08:00'))).toBe('upcoming');
    expect(acceptsComments(c, new Date('2026-11-04T08:59:59+08:00'))).toBe(false);
    expect(acceptsComments(c, new Date('2026-11-04T09:00:00+08:00'))).toBe(true);
    expect(code(() => applyAction(c, { type: 'approve' }, supervisor, at('2026-11-02T11:00:00+08:00')))).toBe('conflict');
    c = tick(c, '2026-11-04T09:00:01+08:00');
    expect(c.status).toBe('open');
    c = tick(c, '2026-11-14T00:00:00+08:00');
    expect(c.status).toBe('closed');
    expect(acceptsComments(c, new Date('2026-11-14T00:00:00+08:00'))).toBe(false);
    // The report is due 7 working days after closing (Friday 13th): Tuesday 24 November.
    expect(c.deadlines.report).toMatchObject({ dueDate: '2026-11-24', state: 'open' });
  });

  it('refuses comments before opening and after closing (409)', () => {
    const c = approved();
    expect(code(() => receiveComment(c, { text: '早', anonymous: true, publicityConsent: false }, intake('2026-11-03T10:00:00+08:00', 'k0')))).toBe('conflict');
    expect(code(() => receiveComment(c, { text: '晚', anonymous: true, publicityConsent: false }, intake('2026-11-14T10:00:00+08:00', 'k0')))).toBe('conflict');
    const k = comment(c, 'k1', '建议延长免费时段');
    expect(k).toMatchObject({ kind: 'comment', status: 'received', unit: 'policy', consultationId: 'c1' });
  });

  it('escalates a missing adoption report like any deadline', () => {
    let c = tick(tick(approved(), '2026-11-04T09:00:01+08:00'), '2026-11-14T00:00:00+08:00');
    const warned = warnDeadline(c, 'report', c.deadlines.report!.dueAt, at('2026-11-23T09:00:00+08:00'));
    expect(warned?.notices.map((n) => n.template)).toEqual(['warning']);
    c = escalateDeadline(warned!.next, 'report', c.deadlines.report!.dueAt, at('2026-11-25T00:00:00+08:00'))!.next;
    expect(c.escalated).toBe(true);
    expect(c.deadlines.report?.escalatedFor).toBe(c.deadlines.report?.dueAt);
  });

  it('publishes the report: not adopted needs a reason; hidden comments counted, never shown; names only with consent', () => {
    const open = tick(approved(), '2026-11-04T09:00:01+08:00');
    const k1 = comment(open, 'k1', '建议延长免费时段', { anonymous: false, publicityConsent: true, publicName: '李市民' });
    const k2 = comment(open, 'k2', '建议取消夜间收费', { anonymous: false, publicityConsent: false });
    const k3 = applyAction(comment(open, 'k3', '辱骂内容'), { type: 'hide', reason: '含有辱骂性语言' }, handler, at('2026-11-06T10:00:00+08:00')).next;
    const closed = tick(open, '2026-11-14T00:00:00+08:00');
    const comments = [k1, k2, k3];
    const ctx = at('2026-11-16T10:00:00+08:00');
    expect(code(() => reportConsultation(closed, comments, [{ commentIds: ['k2'], outcome: 'not-adopted' }], handler, ctx))).toBe('validation');
    expect(code(() => reportConsultation(closed, comments, [{ commentIds: ['k3'], outcome: 'adopted' }], handler, ctx))).toBe('validation');
    expect(code(() => reportConsultation(open, comments, [], handler, ctx))).toBe('conflict');
    const done = reportConsultation(closed, comments, [
      { commentIds: ['k1'], outcome: 'adopted' },
      { commentIds: ['k2'], outcome: 'not-adopted', reason: '与上位法规定不符' },
    ], handler, ctx);
    expect(done.consultation.next).toMatchObject({ status: 'reported', report: { onTime: true, counts: { received: 3, hidden: 1, published: 2, adopted: 1, notAdopted: 1 } } });
    expect(done.consultation.next.deadlines.report).toMatchObject({ state: 'met' });
    expect(done.comments.map((c) => [c.next.caseId, c.next.status, c.next.conclusion?.outcome])).toEqual([['k1', 'concluded', 'adopted'], ['k2', 'concluded', 'not-adopted']]);
    // The named commenter who can be reached is told.
    expect(done.comments[0]!.notices.map((n) => n.template)).toEqual(['comment-concluded']);
    const page = JSON.stringify(publicConsultation(done.consultation.next, [...done.comments.map((c) => c.next), k3], ctx.now, units));
    expect(page).toContain('李市民');
    expect(page).toContain('与上位法规定不符');
    expect(page).not.toContain('辱骂内容');
    expect(page).toContain('"hidden":1');
  });

  it('renders Markdown with every HTML character escaped', () => {
    const html = markdownToHtml('# 标题\n\n**重点** <script>alert(1)</script>\n\n- 一 <img src=x onerror=alert(1)>\n- 二\n\n1. 甲\n2. 乙');
    expect(html).toContain('<h2>标题</h2>');
    expect(html).toContain('<strong>重点</strong>');
    expect(html).toContain('<ul><li>');
    expect(html).toContain('<ol><li>甲</li><li>乙</li></ol>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&#60;script&#62;');
  });
});
