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
  'receipt', 'not-accepted', 'transferred', 'extended', 'result', 'review-concluded',
  'disclosure-receipt', 'disclosure-extended', 'disclosure-clarification', 'disclosure-closed', 'disclosure-reply', 'relay',
];
const STAFF = [
  'new-case', 'transfer-in', 'extended-unit', 'assignment', 'urge', 'warning', 'escalation', 'escalation-unit', 'review-opened',
  'disclosure-new-case', 'disclosure-clarified', 'disclosure-third-party-lapsed',
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
      expect(text).toContain(d);
    }
    expect(text).toMatch(/受理[\s\S]*转办[\s\S]*办结/);
  });

  it('puts the per-action values where they belong', () => {
    const by = (t: string) => renderNotice(t, notices.find((n) => n.template === t)!.vars, BASE).text;
    expect(by('not-accepted')).toContain('不属于政务公开投诉范围');
    expect(by('extended')).toMatch(/延长 10 个工作日.*\d{4}-\d{2}-\d{2}/);
    expect(by('result')).toContain('已督促财政局在网站公开');
    expect(by('urge')).toContain('请于本周内答复。');
    expect(by('warning')).toContain('受理期限');
    expect(by('review-opened')).toContain('公开内容不完整');
    expect(by('review-concluded')).toContain('经复查');
  });

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
