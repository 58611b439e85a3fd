import { describe, expect, it } from 'vitest';
import { officialKinds, issueDocument, isOfficial } from '../../../functions/notices/official.ts';
import { officialSettings } from '../../../functions/notices/official-settings.ts';
import { renderNotice } from '../../../functions/notices/render.ts';
import type { Language } from '../../../functions/domain/notices/official-document.ts';
import type { NoticeIntent } from '../../../functions/domain/index.ts';
import { allDomainNotices, units } from './domain-notices.ts';

const BASE = 'https://xf.example.gov.cn';
const settings = officialSettings('', '');
const notices = allDomainNotices();
const citizen = notices.filter((n) => n.to.kind === 'reporter');
const staff = notices.filter((n) => n.to.kind !== 'reporter');
const caseOf = (n: NoticeIntent, language: Language) => ({ caseId: n.vars.caseId!, kind: kindOf(n), language });
// The kind of case a notice belongs to, from the tracking number's prefix as newTrackingNo writes it.
const kindOf = (n: NoticeIntent) =>
  n.template.startsWith('disclosure-') || n.vars.applicantType ? 'disclosure-request' : n.template.startsWith('comment-') ? 'comment' : 'complaint';

/** Names that must stand apart from the sentence around them: the units and the agency. */
const NAMES = [...units.map((u) => u.name), settings.agency.name];
/** Values people type (citizens, handlers): not template text. */
const TYPED = ['subject', 'reason', 'text', 'result', 'conclusion', 'comment', 'withheld', 'title'];

/**
 * Grammar markers every rendered notice must pass, in either language. What each catches:
 * "。，" and "，。" (a typed reason ending in a full stop dropped before a comma); any two
 * punctuation marks in a row; a unit name run into the next word ("承办单位办公室尚未办理");
 * a placeholder left unfilled; a value that was missing.
 */
function grammarFaults(rendered: string, lang: Language, vars: Record<string, string> = {}): string[] {
  const faults: string[] = [];
  // What people typed is theirs (a reason may well say "属政策法规科职责"): the markers judge the templates around it.
  let text = rendered;
  for (const key of TYPED) if (vars[key]?.trim()) text = text.split(vars[key]!.trim()).join('▢');
  if (/。，|，。/.test(text)) faults.push('。， or ，。');
  const doubled = lang === 'zh' ? /[，。、；：！？]{2}/ : /[,.;:!?]{2}|[，。、；：][,.;:]|[,.;:][，。、；：]/;
  const twice = doubled.exec(text);
  if (twice) faults.push(`doubled punctuation ${twice[0]}`);
  if (/\{\{|\}\}|\{[A-Za-z]+(?::\d)?\}/.test(text)) faults.push('unfilled placeholder');
  if (/\b(undefined|null|NaN)\b|\[object Object\]/.test(text)) faults.push('undefined/null');
  if (/\d{4}-\d{2}-\d{2}/.test(text)) faults.push('a date not written out');
  // Longest first, each masked once checked, so 办公室 is not found again inside 某市人民政府办公室.
  for (const name of [...NAMES].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const before = at === 0 ? '\n' : text[at - 1]!;
      const after = text[at + name.length] ?? '\n';
      // A name stands after a label's colon, an opening bracket or quote, or at a line's start; and before a mark or the line's end.
      if (!/[\s：:（(“"]/.test(before) || !/[\s，。：；、）)”",.;:]/.test(after)) faults.push(`name run into the sentence: …${text.slice(Math.max(0, at - 4), at + name.length + 4)}…`);
    }
    text = text.split(name).join('■');
  }
  if (lang === 'en' && /您好|查询码|本机关/.test(text)) faults.push('Chinese template text in the English notice');
  return faults;
}

describe('every notice template, rendered with the values the domain gives it', () => {
  it('covers every citizen template in both languages and every staff template', () => {
    expect(new Set(citizen.map((n) => n.template)).size).toBe(15);
    expect(new Set(staff.map((n) => n.template)).size).toBe(13);
    // Every official kind is a template the domain actually sends to a citizen.
    expect(Object.keys(officialKinds).sort()).toEqual([...new Set(citizen.map((n) => n.template))].filter((t) => t !== 'relay').sort());
  });

  for (const n of citizen) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${n.template} (${n.noticeId}) in ${lang}: grammatical, no placeholder or missing value`, () => {
        const { subject, text } = renderNotice(n.template, n.vars, BASE, lang);
        expect(grammarFaults(subject, lang)).toEqual([]);
        expect(grammarFaults(text, lang, n.vars)).toEqual([]);
        expect(text).toContain(n.vars.trackingNo);
        if (lang === 'en') expect(text).toMatch(/^Dear /);
        if (isOfficial(n)) {
          const doc = issueDocument({ notice: n, case: caseOf(n, lang), seq: 12, issuedAt: '2026-11-29T01:00:00Z', publicBaseUrl: BASE }, settings);
          expect(doc.language).toBe(lang);
          expect(grammarFaults(doc.text, lang, n.vars)).toEqual([]);
          expect(grammarFaults(doc.subject, lang)).toEqual([]);
          expect(doc.text).toContain(doc.documentNo);
          expect(doc.text).toContain(doc.title);
          expect(doc.text).toContain(lang === 'zh' ? '2026年11月29日' : '29 November 2026');
          expect(doc.text).toContain(settings.agency.phone);
        }
      });
    }
  }

  for (const n of staff) {
    it(`${n.template} (${n.noticeId}) for staff: grammatical`, () => {
      const { subject, text } = renderNotice(n.template, n.vars, BASE, 'zh');
      expect(grammarFaults(subject, 'zh')).toEqual([]);
      expect(grammarFaults(text, 'zh', n.vars)).toEqual([]);
    });
  }
});

describe('the grammar markers', () => {
  it('catch what they are meant to catch', () => {
    expect(grammarFaults('因情况复杂。，办理期限延长', 'zh')).toContain('。， or ，。');
    expect(grammarFaults('承办单位办公室尚未办理完毕', 'zh')[0]).toMatch(/name run into/);
    expect(grammarFaults('承办单位：办公室\n', 'zh')).toEqual([]);
    expect(grammarFaults('期限为 {{dueDate}}', 'zh')).toContain('unfilled placeholder');
    expect(grammarFaults('Reason: undefined', 'en')).toContain('undefined/null');
    expect(grammarFaults('by 2026-11-05.', 'en')).toContain('a date not written out');
    expect(grammarFaults('the result.. ', 'en')[0]).toMatch(/doubled/);
  });
});

describe('an official document', () => {
  const reply = citizen.find((n) => n.template === 'disclosure-reply')!;
  const issue = (lang: Language, seq = 12) => issueDocument({ notice: reply, case: caseOf(reply, lang), seq, issuedAt: '2026-11-29T01:00:00Z', publicBaseUrl: BASE }, settings);

  it('has the agency, the number, the date in words, the basis, the remedy with its time limits, contact and 落款', () => {
    const doc = issue('zh');
    expect(doc.documentNo).toBe('某府办依申请公开〔2026〕第 12 号');
    expect(doc.title).toBe('政府信息公开申请答复书');
    expect(doc.basis).toContain('《中华人民共和国政府信息公开条例》第三十三条');
    expect(doc.remedy).toMatch(/六十日内向某市人民政府申请行政复议.*六个月内.*提起行政诉讼/);
    expect(doc.seal).toEqual({ agencyName: '某市人民政府办公室', date: '2026年11月29日' });
    expect(doc.text.split('\n').slice(0, 3)).toEqual(['某市人民政府办公室', '政府信息公开申请答复书', '某府办依申请公开〔2026〕第 12 号']);
    expect(doc.text).toMatch(/法律依据：.*\n救济途径：.*\n联系方式：/);
  });

  it('is written in English for a citizen who used English', () => {
    const doc = issue('en');
    expect(doc.title).toBe('Reply to a Request for Government Information');
    expect(doc.remedy).toMatch(/within 60 days.*within six months/);
    expect(doc.seal.date).toBe('29 November 2026');
    expect(doc.text).toContain('No. 某府办依申请公开〔2026〕第 12 号');
  });

  it('takes the agency and the number format from configuration', () => {
    const custom = officialSettings(JSON.stringify({ name: '某县政务公开办', shortName: '县公开办', code: 'county' }), JSON.stringify({ 'disclosure-request': '{agency}依申〔{year}〕{n:3} 号' }));
    const doc = issueDocument({ notice: reply, case: caseOf(reply, 'zh'), seq: 7, issuedAt: '2026-12-31T17:00:00Z', publicBaseUrl: BASE }, custom);
    // 31 Dec 17:00 UTC is already 1 January in Shanghai: the next year's sequence.
    expect(doc.documentNo).toBe('县公开办依申〔2027〕007 号');
    expect(doc.series).toEqual({ agency: 'county', year: 2027, kind: 'disclosure-request' });
    expect(doc.seal.agencyName).toBe('某县政务公开办');
    expect(() => officialSettings('', JSON.stringify({ complaint: '投诉第 {n} 号' }))).toThrow(/\{year\}/);
  });

  it('is not issued for a relayed message or a notice to staff', () => {
    expect(isOfficial(citizen.find((n) => n.template === 'relay')!)).toBe(false);
    expect(staff.some(isOfficial)).toBe(false);
  });
});

describe('the mail subject of an official notice', () => {
  it('carries the document number inside its bracket', () => {
    const accepted = citizen.find((n) => n.template === 'accepted')!;
    const issue = (lang: Language) => issueDocument({ notice: accepted, case: caseOf(accepted, lang), seq: 3, issuedAt: '2026-11-29T01:00:00Z', publicBaseUrl: BASE }, settings).subject;
    expect(issue('zh')).toBe(`投诉受理告知书（编号 ${accepted.vars.trackingNo}，某府办投诉〔2026〕第 3 号）`);
    expect(issue('en')).toBe(`Complaint accepted (tracking number ${accepted.vars.trackingNo}, No. 某府办投诉〔2026〕第 3 号)`);
  });
});
