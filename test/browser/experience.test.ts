/**
 * Issue 12: what a citizen on a phone, a handler and a supervisor tripped over, each checked in a
 * real browser against the local runtime: long text refused (not cut), the access code whole on a
 * phone with save/print, the phone-only reporter told what they get, the first handler who acts
 * takes the case, and supervision reviews on the dashboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../integration/harness.ts';
import { DESKTOP, PHONE, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';
import { namedReporter, people, person } from '../support/identities.ts';

/** The citizen these pages are filled in for: a registered identity, so the guard looks for it everywhere staff see. */
const ME = people.browser;

const START = '2026-11-02T09:00:00+08:00';
const PHONE_ONLY_SUBJECT = '街道办未公开低保审批结果';

describe('web: issue 12 fixes in a browser', () => {
  let session: BrowserSession;
  let rt: LocalRuntime;
  let citizen: Page;
  let phoneOnlyNo = '';

  beforeAll(async () => {
    session = await startBrowserSession(START);
    rt = session.rt;
    citizen = await session.open(PHONE);
  });

  afterAll(() => session?.close());

  const fillComplaint = async (page: Page, subject: string, description: string) => {
    await page.goto('/complaint');
    await page.getByLabel('不按规定时间、期限公开或不及时更新').check();
    await page.getByLabel(/被投诉单位/).fill('某某街道办事处');
    await page.getByLabel(/^主题/).fill(subject);
    await page.getByLabel(/具体情况/).fill(description);
    await page.getByLabel(/^姓名/).fill(ME.name);
  };

  it('refuses a description over 5000 characters with a live counter and the error summary, never cutting it', async () => {
    const page = citizen;
    const sent: string[] = [];
    page.on('request', (r) => r.url().endsWith('/v1/complaints') && r.method() === 'POST' && sent.push(r.url()));
    await fillComplaint(page, PHONE_ONLY_SUBJECT, '低'.repeat(5003));
    // Nothing was cut: the field holds every character typed or pasted.
    expect((await page.locator('#f-description').inputValue()).length).toBe(5003);
    expect(await page.locator('#f-description-count').textContent()).toContain('超出 3 字');
    await page.getByLabel('电话', { exact: true }).fill(ME.phone);
    // Phone only, reply wanted: the form says what that gets.
    expect(await page.locator('.phone-only').textContent()).toContain('不会打电话');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const summary = page.locator('.error-box[role=alert]');
    await expect.poll(() => summary.textContent()).toContain('具体情况不能超过 5000 个字');
    expect(await page.locator('#f-description-err').textContent()).toContain('请删减 3 字');
    expect(sent).toEqual([]); // refused before the round trip
    await shoot(page, 'complaint-too-long');

    await page.locator('#f-description').fill('低保审批结果按规定应当公示，街道办至今未公示。');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForURL('**/complaint/done');
    phoneOnlyNo = await page.locator('#tracking-no').inputValue();
    // No e-mail given: nothing to say about e-mail.
    expect(await page.locator('.not-emailed').count()).toBe(0);
  });

  it('shows the access code whole on a phone, in groups, with save as image and print; says it was not e-mailed', async () => {
    const page = citizen;
    await fillComplaint(page, '区卫健委未公开行政处罚决定', '行政处罚决定书未在七个工作日内公开。');
    await page.getByLabel('电子邮箱', { exact: true }).fill(ME.email);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForURL('**/complaint/done');
    const trackingNo = await page.locator('#tracking-no').inputValue();
    const code = page.locator('#access-code');
    expect(await code.textContent()).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    // Every group inside the phone's width, none clipped.
    for (const width of [360, PHONE.width]) {
      await page.setViewportSize({ width, height: 800 });
      const groups = await page.locator('#access-code .code-group').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { right: r.right, scroll: el.scrollWidth <= el.clientWidth + 1 };
        }),
      );
      expect(groups).toHaveLength(5);
      for (const g of groups) expect(g.right).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize(PHONE);
    expect(await page.locator('.not-emailed').textContent()).toContain('查询码不会通过电子邮件发送');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存为图片' }).click()]);
    expect(download.suggestedFilename()).toBe(`${trackingNo}.png`);
    expect(await page.getByRole('button', { name: '打印' }).count()).toBe(1);
    await shoot(page, 'complaint-done-code');
    // The code is in no mail.
    const mails = await rt.emails();
    expect(JSON.stringify(mails)).not.toContain((await code.textContent())!);
  });

  it('tells the handler how a phone-only case is answered; the first handler who acts takes the case', async () => {
    const page = await session.open(DESKTOP);
    await page.goto('/console');
    await page.getByRole('button', { name: /王芳/ }).click();
    await page.locator('.case-row', { hasText: PHONE_ONLY_SUBJECT }).getByRole('link').click();
    await page.locator('.actions-panel').waitFor();
    // The local runtime sends SMS: a phone-only reporter is texted (never shown to staff).
    expect(await page.locator('.answer-route').textContent()).toContain('短信');
    expect(await page.locator('.facts').first().textContent()).toContain('未分配');
    await shoot(page, 'console-case-phone-only');

    const panel = page.locator('.actions-panel');
    await panel.getByRole('button', { name: '受理', exact: true }).click();
    await panel.getByRole('button', { name: '下一步' }).click();
    await panel.getByRole('button', { name: '确认受理' }).click();
    await expect.poll(() => panel.textContent()).toContain('已完成：受理');
    expect(await page.locator('.facts').first().textContent()).toContain('王芳');

    await page.getByRole('link', { name: '← 返回待办案件' }).click();
    await page.getByRole('button', { name: '分配给我' }).click();
    await expect.poll(() => page.locator('.case-list').textContent()).toContain(phoneOnlyNo);
  });

  it('lists open supervision reviews on the supervisor dashboard', async () => {
    const filed = await rt.fetchJson('POST', '/v1/complaints', {
      category: 'catalogue-breach',
      subject: '区住建局未公开保障房分配结果',
      description: '分配结果未按目录公开。',
      respondentUnit: '某某区住建局',
      wantsReply: true,
      // From the identity registry: the suite-wide guard checks it never reaches staff.
      reporter: namedReporter(person(9101), ['email']),
    });
    expect(filed.status).toBe(201);
    const token = await rt.login({ sub: 'h-review', name: '钱经办', groups: ['handler'], unit: 'office' });
    const auth = { authorization: `Bearer ${token}` };
    const list = await rt.fetchJson('GET', '/v1/cases?queue=unit', undefined, auth);
    const row = (list.body.items as { caseId: string; trackingNo: string }[]).find((r) => r.trackingNo === filed.body.trackingNo)!;
    let c = await rt.fetchJson('GET', `/v1/cases/${row.caseId}`, undefined, auth);
    c = await rt.fetchJson('POST', `/v1/cases/${row.caseId}/actions`, { type: 'accept', expectedVersion: c.body.version }, auth);
    c = await rt.fetchJson('POST', `/v1/cases/${row.caseId}/actions`, { type: 'dispose', expectedVersion: c.body.version, result: '已责令公开。' }, auth);
    expect(c.status).toBe(200);
    const rated = await rt.fetchJson('POST', `/v1/track/${filed.body.trackingNo}/rating`, { rating: 'dissatisfied', comment: '至今仍未公开' }, { 'x-access-code': filed.body.accessCode });
    expect(rated.status).toBe(201);

    const page = await session.open(DESKTOP);
    await page.goto('/console');
    await page.getByRole('button', { name: /赵敏/ }).click();
    await page.getByRole('link', { name: '督办看板' }).click();
    const reviews = page.locator('section.panel', { has: page.getByRole('heading', { name: /^督办复查/ }) });
    const item = reviews.locator('.case-row', { hasText: filed.body.trackingNo });
    await item.waitFor();
    expect(await item.textContent()).toContain('至今仍未公开');
    expect(await item.textContent()).toContain('复查期限');
    expect(await reviews.getByRole('heading').first().textContent()).toBe('督办复查（1）');
    await shoot(page, 'supervision-reviews');

    // The citizen's tracking page confirms the rating, shows the comment back, and the review as a step (#13).
    const track = await session.open(PHONE);
    const lookUp = async () => {
      await track.goto('/track');
      await track.getByLabel(/查询编号/).fill(filed.body.trackingNo);
      await track.getByLabel(/查询码/).fill(filed.body.accessCode);
      await track.getByRole('button', { name: '查询', exact: true }).click();
      await track.locator('article.case').waitFor();
    };
    await lookUp();
    const given = track.locator('.rating-given');
    expect(await given.locator('.rated').textContent()).toBe('您的评价：不满意');
    expect(await given.textContent()).toContain('您的意见：至今仍未公开');
    expect(await given.locator('.review-step').textContent()).toMatch(/已转上级督办复查，将于 2026年\d+月\d+日 前作出复查结论/);
    const supervisor = await rt.login({ sub: 's-review', name: '孙督办', groups: ['supervisor'], unit: 'office' });
    const sAuth = { authorization: `Bearer ${supervisor}` };
    const now = await rt.fetchJson('GET', `/v1/cases/${row.caseId}`, undefined, sAuth);
    const concluded = await rt.fetchJson('POST', `/v1/cases/${row.caseId}/actions`, { type: 'conclude-review', expectedVersion: now.body.version, text: '经复查，已责令三日内公开。' }, sAuth);
    expect(concluded.status).toBe(200);
    await lookUp();
    expect(await track.locator('.review-step .review-conclusion').textContent()).toBe('经复查，已责令三日内公开。');
    await shoot(track, 'track-review-concluded');
  });

  it('shows no page errors, no CSP refusals and no dialogs anywhere, and fits 360 px', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
