/**
 * Official notices as printable pages, in a real browser against the local runtime: a citizen
 * (Chinese) and one who wrote in English each complain, the office accepts both; each citizen
 * opens the 受理告知书 from the tracking page and the handler reprints it from the case page.
 * Each prints to one A4 page (page.pdf) with its content inside A4's printable width, and the
 * page shows exactly the document that was mailed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';

const START = '2026-11-02T09:00:00+08:00';
const HANDLER = { sub: 'dev-handler-office', name: '王芳', groups: ['handler'], unit: 'office' };
/** A4 less the official page's left and right margins (26 mm + 24 mm), in CSS pixels. */
const A4_CONTENT_WIDTH_PX = ((210 - 26 - 24) / 25.4) * 96;

interface Submitted {
  trackingNo: string;
  accessCode: string;
  caseId: string;
}

/** Pages in a PDF: one `/Type /Page` object per page (the `/Pages` tree node excepted). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('web: official notices, printable from tracking and from the console', () => {
  let session: BrowserSession;
  let zh: Submitted;
  let en: Submitted;

  async function complain(subject: string, language: string, email: string): Promise<Submitted> {
    const rt = session.rt;
    const res = await rt.fetchJson(
      'POST',
      '/v1/complaints',
      { category: 'late-disclosure', subject, description: `${subject}，请依法处理。`, respondentUnit: '某区财政局', wantsReply: true, reporter: { anonymous: false, name: '张三', email } },
      { 'accept-language': language },
    );
    expect(res.status, res.text).toBe(201);
    const list = await rt.fetchAs(HANDLER, 'GET', '/v1/cases?queue=unit');
    const caseId = list.body.items.find((c: { trackingNo: string }) => c.trackingNo === res.body.trackingNo).caseId as string;
    const current = await rt.fetchAs(HANDLER, 'GET', `/v1/cases/${caseId}`);
    const accepted = await rt.fetchAs(HANDLER, 'POST', `/v1/cases/${caseId}/actions`, { type: 'accept', expectedVersion: current.body.version });
    expect(accepted.status, accepted.text).toBe(200);
    return { trackingNo: res.body.trackingNo, accessCode: res.body.accessCode, caseId };
  }

  /** The printed page: `pages` A4 sheets, nothing of the site around them, the document within the printable width. */
  async function checkPrint(page: Page, name: string, pages = 1) {
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBe(pages);
    await page.emulateMedia({ media: 'print' });
    const original = page.viewportSize();
    await page.setViewportSize({ width: Math.floor(A4_CONTENT_WIDTH_PX), height: 1000 });
    const doc = page.locator('article.official-document');
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.document-tools').isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    const box = await doc.evaluate((el) => ({ right: el.getBoundingClientRect().right, scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.right).toBeLessThanOrEqual(A4_CONTENT_WIDTH_PX);
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    await page.screenshot({ path: `test-artifacts/screenshots/${name}-print.png`, fullPage: true });
    if (original) await page.setViewportSize(original);
    await page.emulateMedia({ media: 'screen' });
  }

  beforeAll(async () => {
    session = await startBrowserSession(START);
    zh = await complain('财政预算未按期公开', 'zh-CN', 'zhang.san@example.net');
    en = await complain('预算公开不及时', 'en', 'li.si@example.net');
  }, 120_000);

  afterAll(() => session?.close());

  async function openFromTracking(page: Page, s: Submitted, title: RegExp) {
    await page.goto(`/track?no=${s.trackingNo}`);
    await page.getByLabel(/查询码|Access code/).fill(s.accessCode);
    await page.getByRole('button', { name: /^(查询|Look up|Track)$/ }).click();
    const list = page.locator('section.documents .document-list');
    await list.waitFor();
    await list.getByRole('link', { name: title }).click();
    await page.locator('article.official-document').waitFor();
    return page.locator('article.official-document');
  }

  it('the citizen opens the 受理告知书 from the tracking page: agency, number, date, basis, 落款, one A4 page', async () => {
    const page = await session.open();
    await page.goto('/track');
    const links = await (async () => {
      await page.goto(`/track?no=${zh.trackingNo}`);
      await page.getByLabel(/查询码/).fill(zh.accessCode);
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await page.locator('section.documents .document-list').waitFor();
      return page.locator('section.documents .document-list a').allTextContents();
    })();
    expect(links).toEqual(['投诉收件回执', '投诉受理告知书']);
    await shoot(page, 'notices-track-list');
    await page.locator('section.documents').getByRole('link', { name: '投诉受理告知书' }).click();
    const doc = page.locator('article.official-document');
    await doc.waitFor();
    const text = (await doc.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('某市人民政府办公室');
    expect(text).toMatch(/某府办投诉〔2026〕第 \d+ 号/);
    expect(text).toContain('2026年11月2日');
    expect(text).toContain('法律依据：《政务公开投诉举报制度》');
    expect(text).toContain('联系方式：');
    expect(await doc.locator('.doc-seal').innerText()).toMatch(/某市人民政府办公室\s+2026年11月2日/);
    await shoot(page, 'notices-track-document');
    await checkPrint(page, 'notices-track-document');

    // It is the document that was mailed, word for word.
    const issued = await session.rt.fetchJson('GET', `/v1/track/${zh.trackingNo}/documents`, undefined, { 'x-access-code': zh.accessCode });
    const accepted = issued.body.documents.find((d: { title: string }) => d.title === '投诉受理告知书');
    const full = await session.rt.fetchJson('GET', `/v1/track/${zh.trackingNo}/documents/${accepted.documentId}`, undefined, { 'x-access-code': zh.accessCode });
    expect(text).toContain(full.body.documentNo);
    const until = Date.now() + 15_000;
    let mailed: { text?: string; subject: string } | undefined;
    while (!mailed && Date.now() < until) {
      mailed = (await session.rt.emails()).find((m) => m.subject.includes(full.body.documentNo));
      if (!mailed) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mailed?.subject).toBe(full.body.subject);
  });

  it('a citizen who wrote in English gets the notice in English; a reload asks for the access code again', async () => {
    const page = await session.open();
    const doc = await openFromTracking(page, en, /Notice of Acceptance|投诉受理告知书|Acceptance/);
    const text = (await doc.innerText()).replace(/\s+/g, ' ');
    expect(await doc.getAttribute('lang')).toBe('en');
    expect(text).toContain('Notice of Acceptance of a Complaint');
    expect(text).toContain('2 November 2026');
    expect(text).toMatch(/No\. 某府办投诉〔2026〕第 \d+ 号/);
    await checkPrint(page, 'notices-track-document-en');
    // The code lives in memory only: after a reload the page asks for it.
    await page.reload();
    await page.getByLabel(/查询码|Access code/).fill(en.accessCode);
    await page.getByRole('button', { name: /^(查看|View)$/ }).click();
    await page.locator('article.official-document').waitFor();
  });

  it('the handler reprints the same notice from the console case page', async () => {
    const page = await session.open(DESKTOP);
    await page.goto('/console');
    await page.locator('h1').waitFor();
    await page.getByRole('button', { name: /王芳/ }).click();
    await page.getByRole('button', { name: '退出' }).waitFor();
    await page.goto(`/console/cases/${zh.caseId}`);
    const panel = page.locator('section.documents');
    await panel.locator('.document-list').waitFor();
    expect(await panel.locator('a').allTextContents()).toEqual(['投诉收件回执', '投诉受理告知书']);
    await panel.getByRole('link', { name: '投诉受理告知书' }).click();
    const doc = page.locator('article.official-document');
    await doc.waitFor();
    const staffText = await doc.innerText();
    // The citizen's page and the console show the one stored document.
    const citizen = await session.open();
    const citizenText = await (await openFromTracking(citizen, zh, /投诉受理告知书/)).innerText();
    expect(staffText).toBe(citizenText);
    await shoot(page, 'notices-console-document');
    await checkPrint(page, 'notices-console-document');
  });

  it('a long disclosure reply (答复书) with its remedy and time limits prints on two A4 pages, the 落款 whole', async () => {
    const rt = session.rt;
    const req = await rt.fetchJson('POST', '/v1/disclosure-requests', {
      applicant: { type: 'natural-person', name: '王五', email: 'wang.wu@example.net' },
      description: '请公开某某区2026年度城市道路维修工程的招标文件和中标结果。',
      purpose: '研究',
      formats: ['electronic'],
      delivery: 'email',
    });
    expect(req.status, req.text).toBe(201);
    const list = await rt.fetchAs(HANDLER, 'GET', '/v1/cases?queue=unit');
    const caseId = list.body.items.find((c: { trackingNo: string }) => c.trackingNo === req.body.trackingNo).caseId as string;
    const act = async (user: typeof HANDLER, body: Record<string, unknown>) => {
      const current = await rt.fetchAs(user, 'GET', `/v1/cases/${caseId}`);
      const res = await rt.fetchAs(user, 'POST', `/v1/cases/${caseId}/actions`, { expectedVersion: current.body.version, ...body });
      expect(res.status, res.text).toBe(200);
    };
    // A long reply: the page budget is set by the longest document the office writes.
    const text = `经审查，您申请的信息中，招标文件属于本机关在履行行政管理职能过程中制作的政府信息，现予以公开；${'中标结果涉及第三方投标单位的报价和技术方案，经书面征求第三方意见，第三方认为公开会损害其商业秘密，本机关经审查认为不公开不会对公共利益造成重大影响。'.repeat(8)}`;
    await act(HANDLER, { type: 'draft-reply', outcome: 'withhold', subReason: 'third-party-rights', text });
    await act({ sub: 'dev-security-officer', name: '孙丽', groups: ['security-officer'], unit: 'office' }, { type: 'review', decision: 'approve' });
    await act({ sub: 'dev-disclosure-head', name: '周华', groups: ['disclosure-head'], unit: 'office' }, { type: 'approve' });
    const page = await session.open();
    const doc = await openFromTracking(page, { trackingNo: req.body.trackingNo, accessCode: req.body.accessCode, caseId }, /政府信息公开申请答复书/);
    const shown = (await doc.innerText()).replace(/\s+/g, ' ');
    expect(shown).toMatch(/某府办依申请公开〔2026〕第 \d+ 号/);
    expect(shown).toContain('《中华人民共和国政府信息公开条例》第三十三条');
    expect(shown).toMatch(/救济途径：.*六十日内.*申请行政复议.*六个月内.*提起行政诉讼/);
    await shoot(page, 'notices-disclosure-reply');
    // About 800 characters of reply text: the notes and the 落款 go over to a second page, never split.
    await checkPrint(page, 'notices-disclosure-reply', 2);
    expect(await doc.locator('.doc-seal').evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
  });

  it('shows no page errors, no CSP refusals and no dialogs anywhere, and fits 360 px', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
