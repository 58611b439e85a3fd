/**
 * The whole story in a real browser against the real local runtime: a citizen complains on a
 * phone, the office handler accepts and disposes, the citizen tracks and rates; a second
 * complaint left alone goes overdue and shows on the supervisor's dashboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindDefinitions } from '../../functions/domain/kinds.ts';
import type { LocalRuntime } from '../integration/harness.ts';
import { DESKTOP, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';
import { people } from '../support/identities.ts';

/** The citizen these pages are filled in for: a registered identity, so the guard looks for it everywhere staff see. */
const ME = people.browser;

const START = '2026-11-02T09:00:00+08:00';
// Monday 2 November + 5 working days: Monday 9 November.
const FIVE_WORKING_DAYS_LATER = '2026-11-09T09:00:00+08:00';
const SUBJECT = '区教育局未按期公开2026年部门预算';
const RESULT = '经核查，区教育局已于11月5日在门户网站补充公开2026年部门预算，并责令今后按期公开。';

describe('web: citizen, handler and supervisor in a browser', () => {
  let session: BrowserSession;
  let rt: LocalRuntime;
  let citizen: Page;
  let handler: Page;
  let trackingNo = '';
  let accessCode = '';

  const open = (viewport?: { width: number; height: number }) => session.open(viewport);

  beforeAll(async () => {
    session = await startBrowserSession(START);
    rt = session.rt;
    citizen = await open();
  });

  afterAll(() => session?.close());

  it('citizen submits a named complaint on a phone and copies the access code', async () => {
    const page = citizen;
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toContain('请选择');
    await shoot(page, 'start');

    // By keyboard: Tab to the complaint card, Enter; the new page's heading takes focus.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('href'))) === '/complaint') break;
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('投诉举报');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // Nothing filled in: the API's field messages appear beside the fields.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.locator('#f-subject-err').waitFor();
    expect(await page.locator('.error-box[role=alert]').textContent()).toContain('主题');
    await shoot(page, 'complaint-errors');

    await page.getByLabel('不按规定时间、期限公开或不及时更新').check();
    await page.getByLabel(/被投诉单位/).fill('某某区教育局');
    await page.getByLabel(/^主题/).fill(SUBJECT);
    await page.getByLabel(/具体情况/).fill('按规定应在批复后20日内公开的部门预算，至今未在门户网站公开。');
    await page.getByLabel(/^姓名/).fill(ME.name);
    await page.getByLabel('电子邮箱', { exact: true }).fill('not-an-address');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => page.locator('#f-reporter-email-err').textContent()).toContain('电子邮箱');
    expect(await page.locator('#f-reporter-email').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('电子邮箱', { exact: true }).fill(ME.email);
    await page.getByLabel('电话', { exact: true }).fill(ME.phone);
    await shoot(page, 'complaint');

    // The request is sent twice with one Idempotency-Key: the same case, and the second answer
    // carries no access code (kept nowhere, shown once), so the page shows the first answer.
    const answers: { trackingNo: string; accessCode?: string; accessCodeShownOnce?: boolean }[] = [];
    const keys: (string | undefined)[] = [];
    await page.route('**/v1/complaints', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      const first = await route.fetch();
      answers.push(await first.json());
      const retry = await route.fetch();
      answers.push(await retry.json());
      await route.fulfill({ response: first });
    });
    const submit = page.getByRole('button', { name: '提交', exact: true });
    await submit.dblclick();
    await page.waitForURL('**/complaint/done');
    await page.unroute('**/v1/complaints');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[\w-]{8,}$/);
    expect(answers).toHaveLength(2);
    expect(answers[1]!.trackingNo).toBe(answers[0]!.trackingNo);
    expect(answers[1]).toMatchObject({ accessCodeShownOnce: true });
    expect(answers[1]).not.toHaveProperty('accessCode');

    trackingNo = await page.locator('#tracking-no').inputValue();
    accessCode = (await page.locator('#access-code').textContent())!;
    expect(trackingNo).toBe(answers[0]!.trackingNo);
    expect(accessCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(page.url()).not.toContain(accessCode);
    const text = await page.locator('main').textContent();
    expect(text).toContain('无法找回');
    for (const date of ['2026年11月5日', '2026年11月9日', '2026年11月23日']) expect(text).toContain(date);

    await page.locator('#access-code').locator('..').getByRole('button', { name: '复制' }).click();
    await expect.poll(() => page.locator('#access-code-status').textContent()).toBe('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(accessCode);
    await shoot(page, 'complaint-done');
  });

  it('the office handler signs in, sees a stale-version warning, accepts and disposes', async () => {
    const page = (handler = await open(DESKTOP));
    await page.goto('/console');
    await page.getByRole('button', { name: /王芳/ }).waitFor();
    await shoot(page, 'console-sign-in');
    await page.getByRole('button', { name: /王芳/ }).click();

    await page.locator('.case-list').waitFor();
    const rows = page.locator('.case-row', { hasText: SUBJECT });
    expect(await rows.count()).toBe(1); // the retried submission made no second case
    expect(await rows.first().textContent()).toContain('剩余 3 个工作日');
    await shoot(page, 'console-inbox');

    await rows.first().getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`案件 ${trackingNo}`);
    await page.locator('.actions-panel').waitFor();
    await shoot(page, 'console-case');

    // Someone else adds a note meanwhile: this page's version is now stale.
    const token = await rt.login({ sub: 'other', name: '刘洋', groups: ['handler'], unit: 'office' });
    const auth = { authorization: `Bearer ${token}` };
    const caseId = page.url().split('/').pop()!;
    const before = await rt.fetchJson('GET', `/v1/cases/${caseId}`, undefined, auth);
    const noted = await rt.fetchJson('POST', `/v1/cases/${caseId}/actions`, { type: 'note', expectedVersion: before.body.version, text: '已电话联系被投诉单位' }, auth);
    expect(noted.status).toBe(200);

    const panel = page.locator('.actions-panel');
    await panel.getByRole('button', { name: '受理', exact: true }).click();
    await panel.getByRole('button', { name: '下一步' }).click();
    await panel.getByRole('button', { name: '确认受理' }).click();
    await expect.poll(() => panel.textContent()).toContain('案件已被他人修改，请刷新');
    await shoot(page, 'console-case-stale');
    await panel.getByRole('button', { name: '刷新案件' }).click();
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('已电话联系被投诉单位');

    await panel.getByRole('button', { name: '受理', exact: true }).click();
    await panel.getByRole('button', { name: '下一步' }).click();
    await panel.getByRole('button', { name: '确认受理' }).click();
    await expect.poll(() => panel.textContent()).toContain('已完成：受理');

    await panel.getByRole('button', { name: '办结', exact: true }).click();
    await panel.getByRole('button', { name: '下一步' }).click();
    expect(await panel.locator('#f-result-err').textContent()).toBe('请输入处理结果');
    await panel.getByLabel(/处理结果/).fill(RESULT);
    await panel.getByRole('button', { name: '下一步' }).click();
    expect(await panel.locator('.confirm').textContent()).toContain(RESULT);
    await panel.getByRole('button', { name: '确认办结' }).click();
    await expect.poll(() => page.locator('.case-flags .status').textContent()).toBe('已办结');
    await shoot(page, 'console-case-disposed');
    // What the console was told goes to the identity guard like any staff answer (checked on close).
    const seen = () => session.rt.identityGuard.staffAnswers.map((a) => `${a.method} ${a.path}`);
    await expect.poll(seen).toContain(`GET /v1/cases/${caseId}`);
  });

  it('the citizen tracks the case with the copied code and rates the result', async () => {
    const page = citizen;
    await page.getByRole('link', { name: '查询办理进度' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('查询办理进度');
    expect(await page.getByLabel(/查询编号/).inputValue()).toBe(trackingNo);
    expect(await page.getByLabel(/查询码/).inputValue()).toBe(''); // never carried over in the address

    await page.getByLabel(/查询码/).fill('WRONG-WRONG-WRONG-WRONG-WRONG');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.locator('.error-box').textContent()).toContain('查询编号或查询码不正确');

    await page.getByLabel(/查询码/).fill(await page.evaluate(() => navigator.clipboard.readText()));
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const view = page.locator('article.case');
    await view.waitFor();
    expect(await view.locator('.status').textContent()).toBe('已办结');
    expect(await view.textContent()).toContain(RESULT);
    const timeline = await view.locator('.timeline').textContent();
    for (const event of ['收到投诉举报', '受理', '办结']) expect(timeline).toContain(event);
    expect(timeline).not.toContain('已电话联系被投诉单位'); // internal notes stay internal
    await view.locator('details.explain').first().locator('summary').click();
    expect(await view.locator('details.explain').first().textContent()).toContain('当日不计入期限');
    await shoot(page, 'track');

    await page.getByLabel('满意', { exact: true }).check();
    await page.getByLabel(/意见或建议/).fill('处理及时，谢谢。');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => view.locator('.rated').textContent()).toBe('您的评价：满意');
    await shoot(page, 'track-rated');

    // The English switch is remembered.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Follow a case');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('Follow a case');
    await shoot(page, 'track-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('handlers assign, transfer to another unit, extend and reject through the forms', async () => {
    const third = await rt.fetchJson('POST', '/v1/complaints', {
      category: 'request-mishandled',
      subject: '信息公开申请逾期未答复',
      description: '9月申请公开的文件至今未答复。',
      respondentUnit: '某某区政策研究室',
      wantsReply: true,
      reporter: { anonymous: false, name: ME.name, phone: ME.phone },
    });
    expect(third.status).toBe(201);
    const page = handler;
    const panel = page.locator('.actions-panel');
    const act = async (action: string, fill: () => Promise<void> = async () => undefined) => {
      await panel.getByRole('button', { name: action, exact: true }).click();
      await fill();
      await panel.getByRole('button', { name: '下一步' }).click();
      await panel.getByRole('button', { name: `确认${action}` }).click();
      await expect.poll(() => panel.locator('p.done').textContent()).toBe(`已完成：${action}`);
    };
    const openCase = async () => {
      await page.locator('.case-row', { hasText: '信息公开申请逾期未答复' }).getByRole('link').click();
      await panel.waitFor();
    };

    await page.goto('/console');
    await openCase();
    await act('分配经办人');
    expect(await page.locator('.facts').first().textContent()).toContain('王芳');
    await page.getByRole('link', { name: '← 返回待办案件' }).click();
    await page.getByRole('button', { name: '分配给我' }).click();
    await openCase();
    await act('转办', async () => {
      expect(await panel.getByLabel('科室', { exact: true }).inputValue()).toBe('policy');
      await panel.getByLabel(/转办理由/).fill('属政策法规科职责');
    });
    expect(await page.locator('.facts').first().textContent()).toContain('政策法规科');

    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: /李强/ }).click();
    await openCase();
    await act('延期', async () => {
      await panel.getByLabel(/延长工作日数/).fill('5');
      await panel.getByLabel(/^理由/).fill('需向市级部门核实');
    });
    // 15 + 5 working days from Monday 2 November.
    expect(await page.locator('.deadlines').textContent()).toContain('2026年11月30日');
    await act('不予受理', async () => {
      await panel.getByLabel(/^理由/).fill('该申请已由市政府办公室答复，不属于本机关职责。');
    });
    expect(await page.locator('.case-flags .status').textContent()).toBe('不予受理');
    await shoot(page, 'console-case-rejected');
  });

  it('a complaint left alone for 5 working days is overdue on the supervision dashboard', async () => {
    const second = await rt.fetchJson('POST', '/v1/complaints', {
      category: 'catalogue-breach',
      subject: '财政局未按目录公开政府采购信息',
      description: '目录列明的采购结果公告缺失。',
      respondentUnit: '某某区财政局',
      wantsReply: false,
      reporter: { anonymous: true },
    });
    expect(second.status).toBe(201);
    await rt.clock(FIVE_WORKING_DAYS_LATER);

    // A token the API refuses (expired, revoked): the console asks to sign in again.
    await handler.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('di.staff')!);
      sessionStorage.setItem('di.staff', JSON.stringify({ ...s, token: `${s.token}x` }));
    });
    await handler.goto('/console');
    await expect.poll(() => handler.locator('main').textContent()).toContain('登录已失效');

    const page = await open(DESKTOP);
    await page.goto('/console');
    await page.getByRole('button', { name: /赵敏/ }).click();
    await page.getByRole('link', { name: '督办看板' }).click();
    const overdue = page.locator('section.panel', { has: page.getByRole('heading', { name: /^已逾期/ }) });
    const row = overdue.locator('.case-row', { hasText: second.body.trackingNo });
    await row.waitFor();
    expect(await row.textContent()).toContain(kindDefinitions.complaint.deadlines.acceptance!.label.zh);
    expect(await row.textContent()).toContain('逾期 2 个工作日');
    // One row per case, under its most urgent deadline: not again under 即将到期 for its transfer deadline.
    expect(await page.locator('.case-row', { hasText: second.body.trackingNo }).count()).toBe(1);
    expect(await row.textContent()).toContain('另有 2 项期限未完成');
    await page.locator('svg.chart').waitFor();
    expect(await page.locator('#stats-table').textContent()).toContain('办公室');
    await shoot(page, 'supervision');

    await row.getByRole('button', { name: '督办' }).click();
    await row.getByLabel(/督办意见/).fill('请于今日内作出受理决定。');
    await row.getByRole('button', { name: '下一步' }).click();
    await row.getByRole('button', { name: '确认督办' }).click();
    await expect.poll(() => page.locator('p.done').textContent()).toBe('督办已发出。');
    await expect.poll(() => overdue.locator('.case-row', { hasText: second.body.trackingNo }).textContent()).toContain('已督办');

    await page.getByRole('button', { name: '近 365 天' }).click();
    await expect.poll(() => page.locator('.tab[aria-pressed=true]', { hasText: '近 365 天' }).count()).toBe(1);
    await page.locator('svg.chart').waitFor();

    // The office handler's inbox counts working days overdue the same way.
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: /王芳/ }).click();
    const inboxRow = page.locator('.case-row', { hasText: second.body.trackingNo });
    await inboxRow.waitFor();
    expect(await inboxRow.textContent()).toContain('已逾期 2 个工作日');
    // Nearest (here: overdue) deadline first, the disposed case after it.
    expect(await page.locator('.case-row').first().textContent()).toContain(second.body.trackingNo);
    await shoot(page, 'console-inbox-overdue');
  });

  it('shows no page errors, no CSP refusals and no dialogs anywhere, and fits 360 px', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
