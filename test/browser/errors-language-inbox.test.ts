/**
 * Issue 12, items 11, 12, 14 and 15 in a real browser against the local runtime, on a phone and
 * on a desktop: GOV.UK-style errors (summary in page order, one specific message per rule, from
 * the page's checks and from the API); English pages with English server texts (history notes,
 * unit names, statuses); the start page's agency details and privacy notice from configuration
 * with a visible focus ring on the red header; the console inbox's search, filters and paging.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../integration/harness.ts';
import { DESKTOP, PHONE, shoot, startBrowserSession, type BrowserSession } from './browser.ts';
import { CJK, HANDLER, signInAs, SUPERVISOR, useLanguage } from './page-state.ts';

const START = '2026-11-02T09:00:00+08:00';
const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

const complaintBody = (subject: string) => ({
  category: 'catalogue-breach',
  subject,
  description: `${subject}，按规定应当主动公开。`,
  respondentUnit: '某某区住建局',
  wantsReply: false,
  reporter: { anonymous: true },
});

/** WCAG relative luminance contrast of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('web: errors, English mode, the start page and the inbox (issue 12)', () => {
  let session: BrowserSession;
  let rt: LocalRuntime;

  beforeAll(async () => {
    session = await startBrowserSession(START);
    rt = session.rt;
  });

  afterAll(() => session?.close());

  const summaryItems = (page: Page) => page.locator('.error-summary li').allTextContents();

  describe('errors in GOV.UK style', () => {
    for (const [label, size] of SIZES) {
      it(`complaint form (${label}): checked before sending, one message per rule, in page order, linked to the fields`, async () => {
        const page = await session.open(size);
        const sent: string[] = [];
        page.on('request', (r) => r.method() === 'POST' && r.url().includes('/v1/complaints') && sent.push(r.url()));
        await page.goto('/complaint');
        await page.getByRole('button', { name: '提交', exact: true }).click();
        await page.locator('.error-summary').waitFor();
        expect(await summaryItems(page)).toEqual(['请选择违规行为类别', '请输入被投诉单位', '请输入主题', '请输入具体情况', '请输入姓名', '请输入电子邮箱或电话，至少填写一项']);
        expect(await page.locator('.error-summary h2').textContent()).toBe('提交的内容有问题');
        // The summary takes focus; each entry links to its field.
        expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
        await page.locator('.error-summary a', { hasText: '请输入主题' }).click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-subject');
        expect(await page.locator('#f-subject-err').textContent()).toBe('请输入主题');
        expect(await page.locator('#f-subject').getAttribute('aria-invalid')).toBe('true');

        await page.getByLabel('电话', { exact: true }).fill('12');
        await page.getByLabel('电子邮箱', { exact: true }).fill('wang@');
        await page.getByRole('button', { name: '提交', exact: true }).click();
        await expect.poll(() => page.locator('#f-reporter-phone-err').textContent()).toBe('请输入有效的电话号码，如 13800000000 或 010-12345678');
        expect(await page.locator('#f-reporter-email-err').textContent()).toBe('请输入有效的电子邮箱地址，如 name@example.com');
        expect(await page.locator('#f-subject-err').textContent()).toBe('请输入主题');
        const all = (await summaryItems(page)).join('|');
        expect(all).not.toMatch(/此项必填|格式不正确/);
        expect(sent).toEqual([]);
        await shoot(page, `errors-complaint-${label}`);
      });

      it(`the same in English (${label}), with no Chinese in the summary`, async () => {
        const page = await session.open(size);
        await useLanguage(page, 'en');
        await page.goto('/disclosure-request');
        await page.locator('#f-applicant-email').fill('not-an-address');
        await page.getByRole('button', { name: 'Submit the request' }).click();
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('.error-summary h2').textContent()).toBe('There is a problem');
        expect(await summaryItems(page)).toEqual(['Enter your name', 'Enter an e-mail address in the correct format, like name@example.com', 'Enter a description of the information', 'Select how to receive it']);
        expect(await page.locator('.error-summary').textContent()).not.toMatch(CJK);
      });

      it(`an empty tracking form asks for the number and code (${label}); a wrong pair says to check them`, async () => {
        const page = await session.open(size);
        await page.goto('/track');
        await page.getByRole('button', { name: '查询', exact: true }).click();
        await page.locator('.error-summary').waitFor();
        expect(await summaryItems(page)).toEqual(['请输入查询编号', '请输入查询码']);
        expect(await page.locator('main').textContent()).not.toContain('不正确');
        await page.locator('#f-trackingNo').fill('TS20261102-AAAAAA');
        await page.locator('#f-accessCode').fill('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
        await page.getByRole('button', { name: '查询', exact: true }).click();
        await expect.poll(() => page.locator('.error-box').textContent()).toContain('查询编号或查询码不正确');
        expect(await page.locator('.error-summary').count()).toBe(0);
      });
    }

    it('the API answers a bad submission with a specific message per field in Chinese and English', async () => {
      const res = await rt.fetchJson('POST', '/v1/complaints', { subject: '', respondentUnit: '某局', description: 'x', reporter: { anonymous: false, name: '王五', phone: '12' } });
      expect(res.status).toBe(400);
      const byPath = Object.fromEntries((res.body.error.fields as { path: string; message: string; messageEn: string }[]).map((f) => [f.path, f]));
      expect(byPath.category).toMatchObject({ message: '请选择违规行为类别', messageEn: 'Select the kind of breach' });
      expect(byPath.subject).toMatchObject({ message: '请输入主题', messageEn: 'Enter a subject' });
      expect(byPath['reporter.phone']).toMatchObject({ message: '请输入有效的电话号码，如 13800000000 或 010-12345678' });
      for (const f of Object.values(byPath)) expect(f.messageEn).not.toMatch(CJK);
    });
  });

  describe('the start page', () => {
    for (const [label, size] of SIZES) {
      it(`names the agency, its hotline and hours and who sees what, from configuration (${label})`, async () => {
        const config = (await rt.fetchJson('GET', '/v1/config')).body;
        const page = await session.open(size);
        await page.goto('/');
        const agency = page.locator('.agency');
        await agency.waitFor();
        expect(await agency.locator('h2').first().textContent()).toBe(config.agency.name.zh);
        expect(await agency.locator('.hotline').textContent()).toBe(config.agency.hotline);
        expect(await agency.locator('.hotline').getAttribute('href')).toBe(`tel:${config.agency.hotline}`);
        expect(await agency.textContent()).toContain(config.agency.officeHours.zh);
        expect(await page.locator('.privacy li').allTextContents()).toEqual(config.agency.privacy.map((p: { zh: string }) => p.zh));
        await shoot(page, `start-agency-${label}`);

        await page.getByRole('button', { name: 'English' }).click();
        expect(await agency.locator('h2').first().textContent()).toBe(config.agency.name.en);
        expect(await page.locator('.privacy').textContent()).not.toMatch(CJK);
      });

      it(`shows a focus ring that stands out on the red header (${label})`, async () => {
        const page = await session.open(size);
        await page.goto('/');
        await page.locator('.agency').waitFor();
        const header = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
        for (const target of ['.brand', '.lang']) {
          // Keyboard focus, as a keyboard user gets it (the ring is :focus-visible).
          await page.locator('body').focus();
          for (let i = 0; i < 5 && !(await page.locator(`${target}:focus`).count()); i++) await page.keyboard.press('Tab');
          const ring = await page.locator(target).evaluate((el) => {
            const s = getComputedStyle(el);
            return { outline: s.outlineColor, width: parseFloat(s.outlineWidth), style: s.outlineStyle, background: s.backgroundColor, color: s.color };
          });
          expect(ring.style).toBe('solid');
          expect(ring.width).toBeGreaterThanOrEqual(2);
          expect(contrast(ring.outline, header)).toBeGreaterThanOrEqual(3);
          expect(contrast(ring.color, ring.background)).toBeGreaterThanOrEqual(4.5);
        }
      });
    }
  });

  describe('English mode', () => {
    let filed: { trackingNo: string; accessCode: string };

    beforeAll(async () => {
      filed = (await rt.fetchJson('POST', '/v1/complaints', complaintBody('区教育局未公开招生计划'))).body;
      const row = (await rt.fetchAs(HANDLER, 'GET', `/v1/cases?queue=unit&q=${filed.trackingNo}`)).body.items[0];
      const c = await rt.fetchAs(HANDLER, 'GET', `/v1/cases/${row.caseId}`);
      const moved = await rt.fetchAs(HANDLER, 'POST', `/v1/cases/${row.caseId}/actions`, { type: 'transfer', expectedVersion: c.body.version, reason: '属政策法规科职责', toUnit: 'policy' });
      expect(moved.status, moved.text).toBe(200);
    });

    for (const [label, size] of SIZES) {
      it(`tracking shows the history, status and kind in English only (${label})`, async () => {
        const page = await session.open(size);
        await useLanguage(page, 'en');
        await page.goto('/track');
        await page.locator('#f-trackingNo').fill(filed.trackingNo);
        await page.locator('#f-accessCode').fill(filed.accessCode);
        await page.getByRole('button', { name: 'Look up', exact: true }).click();
        const timeline = page.locator('.timeline');
        await timeline.waitFor();
        const history = await timeline.textContent();
        expect(history).toContain('Received on this website');
        expect(history).toContain('Passed to Policy and Regulations Section');
        expect(history).not.toMatch(CJK);
        // Everything but what the citizen wrote (subject, details) is English.
        const page2 = await page.locator('main').evaluate((main) => {
          const clone = main.cloneNode(true) as HTMLElement;
          for (const el of clone.querySelectorAll('.prose, .citizen-text, [lang="zh-CN"]')) el.remove();
          return clone.textContent ?? '';
        });
        const leftovers = page2.replace(/区教育局未公开招生计划(，按规定应当主动公开。)?|某某区住建局/g, '');
        expect(leftovers.match(new RegExp(`.{0,20}${CJK.source}+.{0,20}`, 'g')) ?? []).toEqual([]);
        await shoot(page, `track-english-${label}`);
      });

      it(`the console names units in English (${label})`, async () => {
        const page = await session.open(size);
        await useLanguage(page, 'en');
        await signInAs(page, rt, SUPERVISOR);
        await page.goto(`/console?queue=all&q=${filed.trackingNo}`);
        const row = page.locator('.case-row', { hasText: filed.trackingNo });
        await row.waitFor();
        const text = await row.textContent();
        expect(text).toContain('Policy and Regulations Section');
        expect(text).toContain('Complaint');
        expect(text).not.toMatch(/转交|政策法规科|：/);
      });
    }
  });

  describe('the console inbox', () => {
    const subjects = ['财政局未公开预算', '卫健委未公开处罚', '交通局未公开规划', '环保局未公开监测数据', '人社局未公开招聘结果'];
    const numbers: Record<string, string> = {};
    let disposedNo = '';
    let mineNo = '';

    beforeAll(async () => {
      for (const s of subjects) numbers[s] = (await rt.fetchJson('POST', '/v1/complaints', complaintBody(s))).body.trackingNo;
      const id = async (no: string) => (await rt.fetchAs(HANDLER, 'GET', `/v1/cases?queue=unit&q=${no}`)).body.items[0].caseId as string;
      const act = async (caseId: string, body: Record<string, unknown>) => {
        const c = await rt.fetchAs(HANDLER, 'GET', `/v1/cases/${caseId}`);
        const res = await rt.fetchAs(HANDLER, 'POST', `/v1/cases/${caseId}/actions`, { ...body, expectedVersion: c.body.version });
        expect(res.status, res.text).toBe(200);
      };
      disposedNo = numbers[subjects[0]!]!;
      const disposed = await id(disposedNo);
      await act(disposed, { type: 'accept' });
      await act(disposed, { type: 'dispose', result: '已督促公开。' });
      mineNo = numbers[subjects[1]!]!;
      await act(await id(mineNo), { type: 'assign', assignee: HANDLER.sub, assigneeName: HANDLER.name });
    });

    it('pages through a queue with the store\'s cursor: every case once, none twice', async () => {
      const everything = (await rt.fetchAs(HANDLER, 'GET', '/v1/cases?queue=unit&state=all&limit=200')).body;
      expect(everything.cursor).toBeUndefined();
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await rt.fetchAs(HANDLER, 'GET', `/v1/cases?queue=unit&state=all&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status, res.text).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((i: { trackingNo: string }) => i.trackingNo));
        cursor = res.body.cursor;
        pages += 1;
      } while (cursor && pages < 50);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(everything.items.map((i: { trackingNo: string }) => i.trackingNo).sort());
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(seen.length / 2));
      // A cursor that is not one is refused in words, not a 500.
      const bad = await rt.fetchAs(HANDLER, 'GET', '/v1/cases?queue=unit&cursor=nonsense');
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0]).toMatchObject({ path: 'cursor' });
      // Someone of another unit finds nothing of this one, by number either.
      const other = await rt.fetchAs({ sub: 'h-fin', name: '财务', groups: ['handler'], unit: 'finance' }, 'GET', `/v1/cases?queue=unit&q=${mineNo}`);
      expect(other.body.items).toEqual([]);
    });

    for (const [label, size] of SIZES) {
      it(`searches, filters and pages in the browser; disposed cases only on asking (${label})`, async () => {
        const page = await session.open(size);
        await signInAs(page, rt, HANDLER);
        await page.goto('/console');
        const rows = page.locator('.case-row');
        await rows.first().waitFor();
        const listed = async () => (await page.locator('.case-row .mono').allTextContents()).sort();
        const open = await listed();
        expect(open).not.toContain(disposedNo);
        expect(open).toContain(mineNo);
        await shoot(page, `inbox-filters-${label}`);

        await page.getByLabel('办理状态').selectOption('closed');
        await page.getByRole('button', { name: '查找', exact: true }).click();
        await expect.poll(listed).toEqual([disposedNo]);

        await page.getByLabel('办理状态').selectOption('open');
        await page.getByLabel('查询编号或关键词').fill(mineNo.toLowerCase().replace('-', ''));
        await page.getByRole('button', { name: '查找', exact: true }).click();
        await expect.poll(listed).toEqual([mineNo]);

        await page.getByLabel('查询编号或关键词').fill('招聘');
        await page.getByRole('button', { name: '查找', exact: true }).click();
        await expect.poll(listed).toEqual([numbers['人社局未公开招聘结果']]);

        await page.getByLabel('查询编号或关键词').fill('');
        await page.getByLabel('经办人').selectOption('me');
        await page.getByRole('button', { name: '查找', exact: true }).click();
        await expect.poll(listed).toEqual([mineNo]);

        await page.getByLabel('经办人').selectOption('none');
        await page.getByLabel('类型').selectOption('complaint');
        await page.getByLabel('状态', { exact: true }).selectOption('received');
        await page.getByRole('button', { name: '查找', exact: true }).click();
        await page.waitForURL(/assignee=none/);
        await expect.poll(async () => (await listed()).includes(mineNo)).toBe(false);
        const unassigned = await listed();
        expect(unassigned.length).toBeGreaterThan(0);
        expect(unassigned).not.toContain(mineNo);
        expect(unassigned).not.toContain(disposedNo);
        // The filters are in the address: a reload shows the same list.
        await page.reload();
        await expect.poll(listed).toEqual(unassigned);

        // Two at a time: "load more" follows the cursor until every open case is there.
        await page.goto('/console?queue=unit&limit=2');
        await expect.poll(async () => (await listed()).length).toBe(2);
        // (The last page may come back empty: the store cannot know more matches remain until it looks.)
        for (let i = 0; i < 10 && (await page.locator('.load-more').count()); i++) {
          await page.locator('.load-more').click();
          await expect.poll(() => page.locator('.load-more[disabled]').count()).toBe(0);
        }
        expect(await page.locator('.load-more').count()).toBe(0);
        expect((await listed()).sort()).toEqual(open);
      });
    }

    it('filters by deadline: overdue after the acceptance period passed, nothing due soon among them', async () => {
      await rt.clock('2026-11-09T10:00:00+08:00');
      const overdue = (await rt.fetchAs(HANDLER, 'GET', '/v1/cases?queue=unit&state=open&due=overdue')).body.items as { trackingNo: string; overdue: boolean }[];
      expect(overdue.map((i) => i.trackingNo)).toContain(mineNo);
      expect(overdue.every((i) => i.overdue)).toBe(true);
      expect(overdue.map((i) => i.trackingNo)).not.toContain(disposedNo);
      const soon = (await rt.fetchAs(HANDLER, 'GET', '/v1/cases?queue=unit&state=open&due=soon')).body.items as { trackingNo: string }[];
      expect(soon.map((i) => i.trackingNo).filter((no) => overdue.some((o) => o.trackingNo === no))).toEqual([]);
      const page = await session.open(PHONE);
      await signInAs(page, rt, HANDLER);
      await page.goto('/console?queue=unit&due=overdue');
      await page.locator('.case-row').first().waitFor();
      expect(await page.locator('.case-row.is-overdue').count()).toBe(await page.locator('.case-row').count());
    });
  });

  it('saw no script errors or CSP refusals', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
  });
});
