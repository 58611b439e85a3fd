import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../../functions/notices/render.ts';
import { allDomainNotices, newCase } from './domain-notices.ts';

const BASE = 'https://xf.example.gov.cn';
const templateNames = readdirSync(new URL('../../../functions/notices/templates/', import.meta.url))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();
const REPORTER = [
  'receipt', 'accepted', 'not-accepted', 'transferred', 'extended', 'result', 'review-concluded',
  'disclosure-receipt', 'disclosure-extended', 'disclosure-clarification', 'disclosure-closed', 'disclosure-reply',
  'comment-receipt', 'comment-concluded', 'relay',
];
const STAFF = [
  'new-case', 'transfer-in', 'extended-unit', 'assignment', 'urge', 'warning', 'escalation', 'escalation-unit', 'review-opened',
  'disclosure-new-case', 'disclosure-clarified', 'disclosure-third-party-lapsed',
  'consultation-closed',
];
const notices = allDomainNotices();

describe('notice templates', () => {
  it('exist for exactly the templates the domain uses', () => {
    expect(templateNames).toEqual([...REPORTER, ...STAFF].sort());
    expect([...new Set(notices.map((n) => n.template))].sort()).toEqual(templateNames);
  });

  for (const notice of notices) {
    it(`renders ${notice.template} (${notice.noticeId}) with the vars the domain gives it`, () => {
      const { subject, text } = renderNotice(notice.template, notice.vars, BASE);
      expect(subject).not.toMatch(/\{\{|\}\}|\n/);
      expect(subject.length).toBeGreaterThan(4);
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).toContain(notice.vars.trackingNo);
      if (REPORTER.includes(notice.template)) {
        expect(notice.to.kind).toBe('reporter');
        expect(text).toContain(`${BASE}/track`);
        expect(text).toContain('查询码');
        expect(text).not.toContain('/console/');
      } else {
        expect(notice.to.kind).not.toBe('reporter');
        expect(text).toContain(`${BASE}/console/cases/${notice.vars.caseId}`);
      }
    });
  }

  it('gives the three deadlines in the receipt', () => {
    const receipt = newCase().notices.find((n) => n.template === 'receipt')!;
    const { text } = renderNotice('receipt', receipt.vars, BASE);
    for (const d of [receipt.vars.acceptanceDue, receipt.vars.transferDue, receipt.vars.dispositionDue]) {
      expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [y, m, day] = d!.split('-').map(Number);
      expect(text).toContain(`${y}年${m}月${day}日`);
    }
    expect(text).toMatch(/受理[\s\S]*转办[\s\S]*办结/);
  });

  it('puts the per-action values where they belong', () => {
    const by = (t: string) => renderNotice(t, notices.find((n) => n.template === t)!.vars, BASE).text;
    expect(by('not-accepted')).toContain('不属于政务公开投诉范围');
    expect(by('extended')).toMatch(/延长 10 个工作日.*\d{4}年\d{1,2}月\d{1,2}日/);
    expect(by('result')).toContain('已督促财政局在网站公开');
    expect(by('urge')).toContain('请于本周内答复。');
    expect(by('warning')).toContain('受理期限');
    expect(by('review-opened')).toContain('公开内容不完整');
    expect(by('review-concluded')).toContain('经复查');
  });

  // Issue 12 #6 and #7: the first mail is a 收件回执, acceptance is told, and every notice reads as Chinese.
  it('sends a 收件回执 on receipt and a 受理告知书 on acceptance', () => {
    const subjects = notices.map((n) => [n.template, renderNotice(n.template, n.vars, BASE).subject] as const);
    const receipt = subjects.find(([t]) => t === 'receipt')![1];
    expect(receipt).toContain('收件回执');
    expect(receipt).not.toContain('受理回执');
    const accepted = notices.find((n) => n.template === 'accepted')!;
    expect(accepted.to.kind).toBe('reporter');
    const { subject, text } = renderNotice('accepted', accepted.vars, BASE);
    expect(subject).toBe(`投诉受理告知书（编号 ${accepted.vars.trackingNo}）`);
    expect(text).toMatch(/已于 2026年3月3日 决定受理/);
    expect(text).toContain('承办单位：办公室');
  });

  for (const notice of notices) {
    it(`writes grammatical Chinese in ${notice.template} (${notice.noticeId})`, () => {
      const { subject, text } = renderNotice(notice.template, notice.vars, BASE);
      for (const part of [subject, text]) {
        expect(part).not.toMatch(/[。，；：、][。，；、）]/); // "复杂。，", "公开。）"
        expect(part).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates as 2026年3月5日
        expect(part).not.toContain('因因');
        // A unit name never runs into the words around it ("承办单位办公室尚未办理完毕").
        for (const u of ['办公室', '政策法规科', '财务科']) expect(part).not.toMatch(new RegExp(`承办单位${u}`));
      }
      // A salutation never reads "办公室 （无）：".
      expect(text.split('\n')[0]).not.toContain('（无）');
      if (notice.vars.reason) expect(text).not.toMatch(/因[^\n]*。，/);
    });
  }

  it('throws on a placeholder the notice does not provide', () => {
    expect(() => renderNotice('receipt', { trackingNo: 'X' }, BASE)).toThrow(/\{\{subject\}\}|\{\{\w+\}\}/);
  });

  it('refuses template names that could leave the templates folder', () => {
    expect(() => renderNotice('../render', {}, BASE)).toThrow(/Invalid notice template name/);
  });

  it('keeps the subject on one line and does not expand placeholders inside values', () => {
    const receipt = newCase().notices.find((n) => n.template === 'receipt')!;
    const { subject, text } = renderNotice('receipt', { ...receipt.vars, trackingNo: 'A\nB', subject: '{{caseId}}' }, BASE);
    expect(subject).toContain('A B');
    expect(text).toContain('{{caseId}}');
  });

  it('shows an empty optional value as none', () => {
    const opened = notices.find((n) => n.template === 'review-opened')!;
    expect(renderNotice('review-opened', { ...opened.vars, comment: '' }, BASE).text).toContain('评价意见：（无）');
  });
});
