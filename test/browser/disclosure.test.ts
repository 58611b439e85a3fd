/**
 * A disclosure request (依申请公开) end to end in a real browser against the real local runtime:
 * the applicant asks on a phone (after a failed submit that shows the field errors), the office
 * handler asks for clarification, the applicant answers on the tracking page, the handler drafts
 * a reply, the security officer passes the confidentiality review, the head of the disclosure
 * office approves it, the applicant reads the reply, and the annual report counts the request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, ROOT, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';
import { people } from '../support/identities.ts';

/** The citizen these pages are filled in for: a registered identity, so the guard looks for it everywhere staff see. */
const ME = people.browser;

const START = '2026-11-02T09:00:00+08:00';
const DESCRIPTION = '请公开某某区2026年度城市道路维修工程的招标文件和中标结果（区建〔2026〕15号）。';
const CLARIFY = '请说明您需要的是哪一个标段的招标文件，以及是否需要中标单位的报价明细。';
const ANSWER = '需要第一标段的招标文件和中标结果，不需要报价明细。';
const REPLY = '现将第一标段的招标文件和中标结果提供给您，其中涉及投标单位商业秘密的内容已作删除处理。';
const WITHHELD = '投标单位的报价单价（涉及商业秘密，依《条例》第十五条不予公开）';

describe('web: a disclosure request from the form to the annual report', () => {
  let session: BrowserSession;
  let citizen: Page;
  let staff: Page;
  let trackingNo = '';
  let accessCode = '';
  let caseUrl = '';

  beforeAll(async () => {
    session = await startBrowserSession(START);
    citizen = await session.open();
  });

  afterAll(() => session?.close());

  /** Signs `staff` in as a dev user from the picker (signing out whoever was in). */
  async function signIn(name: RegExp) {
    await staff.goto('/console');
    await staff.locator('h1').waitFor(); // the console's chunk has loaded: signed in or not
    const out = staff.getByRole('button', { name: '退出' });
    if (await out.count()) await out.click();
    await staff.getByRole('button', { name }).click();
    await staff.getByRole('button', { name: '退出' }).waitFor();
  }

  /** Opens an action's form, fills it, goes to the confirmation and confirms. */
  async function act(label: string, fill: () => Promise<void>) {
    const panel = staff.locator('.actions-panel');
    await panel.getByRole('button', { name: label, exact: true }).click();
    await fill();
    await panel.getByRole('button', { name: '下一步' }).click();
    await panel.getByRole('button', { name: `确认${label}` }).click();
    await expect.poll(() => panel.textContent()).toContain(`已完成：${label}`);
  }

  async function lookUp() {
    await citizen.goto(`/track?no=${trackingNo}`);
    await citizen.getByLabel(/查询码/).fill(accessCode);
    await citizen.getByRole('button', { name: '查询', exact: true }).click();
    await citizen.locator('article.case').waitFor();
  }

  it('the applicant fills the request on a phone, sees the field errors, then submits', async () => {
    const page = citizen;
    await page.goto('/');
    await page.getByRole('link', { name: /申请政府信息公开/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('申请政府信息公开');
    const intro = await page.locator('main').textContent();
    expect(intro).toContain('20 个工作日内答复');
    expect(intro).toContain('查询码只显示一次');
    await shoot(page, 'disclosure-form');

    // Nothing filled in: the API's messages beside the fields and in the summary.
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.locator('#f-description-err').waitFor();
    expect(await page.locator('#f-applicant-name-err').count()).toBe(1);
    const summary = await page.locator('.error-box[role=alert]').textContent();
    expect(summary).toContain('所需政府信息');
    expect(summary).toContain('姓名');
    expect(await page.locator('#f-description').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'disclosure-form-errors');

    // An organisation asks by its name; the ID number is for private persons only.
    await page.getByLabel('商业企业').check();
    expect(await page.getByLabel(/身份证号/).count()).toBe(0);
    expect(await page.getByLabel(/单位名称/).count()).toBe(1);
    await page.getByLabel('自然人').check();
    await page.getByLabel(/^姓名/).fill(ME.name);
    await page.getByLabel(/身份证号/).fill(ME.idNumber);
    await page.getByLabel('电子邮箱', { exact: true }).fill(ME.email);
    await page.getByLabel(/所需政府信息的名称/).fill(DESCRIPTION);
    expect(await page.locator('#f-description-count').textContent()).toBe(`已输入 ${DESCRIPTION.length} / 5000 字`);
    await page.getByLabel(/^用途/).fill('了解道路维修工程情况');
    await page.getByLabel('纸质文本').check();
    await page.getByLabel('电子邮件', { exact: true }).check();

    const keys: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/disclosure-requests')) keys.push(r.headers()['idempotency-key']);
    });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL('**/disclosure-request/done');
    expect(keys.at(-1)).toMatch(/^[\w-]{8,}$/);
    expect(new Set(keys).size).toBe(1); // the failed and the good submit share the form's key

    trackingNo = await page.locator('#tracking-no').inputValue();
    accessCode = (await page.locator('#access-code').textContent())!;
    expect(accessCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(page.url()).not.toContain(accessCode);
    // Seen whole on the phone, not scrolled inside its box.
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.locator('#access-code').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    const text = await page.locator('main').textContent();
    expect(text).toContain('政府信息公开申请');
    expect(text).toContain('只显示这一次');
    // Monday 2 November 2026 + 20 working days.
    expect(await page.locator('.due-reply').textContent()).toBe('2026年11月30日');
    await shoot(page, 'disclosure-done');
  });

  it('the office handler asks for clarification', async () => {
    staff = await session.open(DESKTOP);
    await signIn(/王芳/);
    const row = staff.locator('.case-row', { hasText: trackingNo });
    await row.waitFor();
    expect(await row.textContent()).toContain('政府信息公开申请');
    expect(await row.textContent()).toContain('答复期限');
    await shoot(staff, 'disclosure-inbox');
    await row.getByRole('link').click();
    await staff.locator('.actions-panel').waitFor();
    caseUrl = new URL(staff.url()).pathname;
    expect(await staff.locator('#content-h').textContent()).toBe('政府信息公开申请内容');
    expect(await staff.locator('.description').textContent()).toBe(DESCRIPTION);
    expect(await staff.locator('.applicant-type').textContent()).toContain('自然人');
    expect(await staff.locator('main').textContent()).not.toContain(ME.name); // identity stays in the vault
    await shoot(staff, 'disclosure-case');

    await act('要求补正', async () => {
      expect(await staff.getByLabel(/补正期限（工作日）/).inputValue()).toBe('10');
      await staff.getByLabel(/需要补正的内容/).fill(CLARIFY);
    });
    expect(await staff.locator('.case-flags .status').textContent()).toBe('待申请人补正');
    expect(await staff.locator('.deadlines').textContent()).toContain('暂停计时');
    await shoot(staff, 'disclosure-case-clarification');
  });

  it('the applicant answers the clarification on the tracking page', async () => {
    await lookUp();
    const view = citizen.locator('article.case');
    expect(await view.locator('.status').textContent()).toBe('待申请人补正');
    expect(await view.locator('.clarification-text').textContent()).toBe(CLARIFY);
    expect(await view.locator('.clarification').textContent()).toMatch(/请于 2026年11月\d+日 前补正/);
    expect(await view.locator('.deadlines').textContent()).toContain('暂停计时');
    await shoot(citizen, 'disclosure-track-clarification');

    await view.getByRole('button', { name: '提交补正' }).click();
    expect(await view.locator('#f-clarification-err').textContent()).toBe('请填写补正内容');
    await view.getByLabel(/补正内容/).fill(ANSWER);
    await view.getByRole('button', { name: '提交补正' }).click();
    await expect.poll(() => view.locator('.clarification').textContent()).toContain('您已于');
    expect(await view.getByRole('button', { name: '提交补正' }).count()).toBe(0);
    expect(await view.locator('.status').textContent()).toBe('办理中');
  });

  it('the handler drafts the reply, the security officer and the head approve it', async () => {
    await staff.goto(caseUrl);
    await staff.locator('.actions-panel').waitFor();
    expect(await staff.locator('.clarification-answer').textContent()).toBe(ANSWER);
    const panel = staff.locator('.actions-panel');
    expect(await panel.getByRole('button', { name: '签发答复' }).count()).toBe(0); // not this user's, not now

    await act('拟写答复', async () => {
      // Sub-reasons follow the outcome; the withheld parts only for partial or withheld.
      await panel.getByLabel(/答复结果/).selectOption('withhold');
      const reasons = await panel.locator('#f-subReason option').allTextContents();
      expect(reasons).toContain('属于国家秘密');
      expect(reasons).not.toContain('本机关不掌握相关政府信息');
      await panel.getByLabel(/答复结果/).selectOption('disclose');
      expect(await panel.locator('#f-subReason').count()).toBe(0);
      expect(await panel.locator('#f-withheld').count()).toBe(0);
      await panel.getByLabel(/答复结果/).selectOption('partial');
      await panel.getByLabel(/答复内容/).fill(REPLY);
      await panel.getByLabel(/不予公开的部分及理由/).fill(WITHHELD);
      await shoot(staff, 'disclosure-case-draft');
    });
    expect(await staff.locator('.case-flags .status').textContent()).toBe('答复保密审查中');
    expect(await staff.locator('.draft .review-state').textContent()).toBe('待保密审查');

    await signIn(/孙丽/);
    await staff.goto(caseUrl);
    await staff.locator('.actions-panel').waitFor();
    expect(await staff.locator('.draft').textContent()).toContain(REPLY);
    await act('保密审查', async () => {
      await panel.getByRole('button', { name: '下一步' }).click();
      expect(await panel.locator('#f-decision-err').textContent()).toBe('请选择保密审查意见');
      await panel.getByLabel('退回修改', { exact: true }).check();
      await panel.getByRole('button', { name: '下一步' }).click();
      expect(await panel.locator('#f-comment-err').textContent()).toBe('请输入意见说明'); // a return needs a comment
      await panel.getByLabel('通过', { exact: true }).check();
    });
    expect(await staff.locator('.case-flags .status').textContent()).toBe('答复待负责人签发');
    expect(await staff.locator('.draft .review-state').textContent()).toContain('保密审查通过');

    await signIn(/周华/);
    await staff.goto(caseUrl);
    await staff.locator('.actions-panel').waitFor();
    await shoot(staff, 'disclosure-case-approval');
    // The extension's limit is the server's rule for this kind (one extension of at most 20).
    await panel.getByRole('button', { name: '延长答复期限', exact: true }).click();
    expect(await panel.locator('#f-workingDays-hint').textContent()).toBe('最多 20 个工作日。');
    expect(await panel.locator('#f-workingDays').getAttribute('max')).toBe('20');
    await panel.getByLabel(/延长工作日数/).fill('25');
    await panel.getByRole('button', { name: '下一步' }).click();
    expect(await panel.locator('#f-workingDays-err').textContent()).toBe('请填写 1 到 20 之间的整数');
    await panel.getByRole('button', { name: '取消' }).click();
    await act('签发答复', async () => {
      expect(await panel.getByLabel('通过', { exact: true }).isChecked()).toBe(true);
    });
    expect(await staff.locator('.case-flags .status').textContent()).toBe('已答复');
    expect(await staff.locator('.reply-sent').textContent()).toContain(REPLY);
    await shoot(staff, 'disclosure-case-replied');
  });

  it('the applicant reads the reply', async () => {
    await lookUp();
    const view = citizen.locator('article.case');
    expect(await view.locator('.status').textContent()).toBe('已答复');
    expect(await view.locator('.reply-outcome').textContent()).toBe('部分公开');
    expect(await view.locator('.reply-text').textContent()).toBe(REPLY);
    expect(await view.locator('.withheld').textContent()).toContain(WITHHELD);
    const timeline = await view.locator('.timeline').textContent();
    for (const event of ['收到申请', '要求补正', '已补正', '已答复']) expect(timeline).toContain(event);
    expect(timeline).not.toContain('拟写答复'); // internal steps stay internal
    await shoot(citizen, 'disclosure-track-replied');
  });

  it('the annual report counts the request, prints and downloads as CSV', async () => {
    await staff.getByRole('link', { name: '年度报表' }).click();
    const table = staff.locator('table.annual');
    await table.waitFor();
    expect(await staff.locator('#f-report-year').inputValue()).toBe('2026');
    const cells = async (key: string) => staff.locator(`tr[data-key="${key}"] td`).allTextContents();
    // Columns: natural person, the five organisation types, total.
    expect((await cells('new'))[0]).toBe('1');
    expect((await cells('new')).at(-1)).toBe('1');
    expect((await cells('partial'))[0]).toBe('1');
    expect((await cells('total')).at(-1)).toBe('1');
    expect((await cells('carried-out')).at(-1)).toBe('0');
    await shoot(staff, 'disclosure-report');

    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('disclosure-annual-2026.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('自然人');

    await staff.emulateMedia({ media: 'print' });
    expect(await staff.locator('.site-header').isVisible()).toBe(false);
    expect(await staff.locator('.report-tools').isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    // A4 landscape at 96 dpi: the table fits the page's width without scrolling.
    const viewport = staff.viewportSize();
    await staff.setViewportSize({ width: 1123, height: 794 });
    expect(await table.evaluate((el) => el.getBoundingClientRect().right <= 1123)).toBe(true);
    await staff.screenshot({ path: join(ROOT, 'test-artifacts/screenshots/disclosure-report-print-1123x794.png'), fullPage: true });
    if (viewport) await staff.setViewportSize(viewport);
    await staff.emulateMedia({ media: 'screen' });
  });

  it('shows no page errors, no CSP refusals and no dialogs anywhere, and fits 360 px', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
