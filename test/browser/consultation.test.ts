/**
 * A consultation on a draft decision in a real browser against the real local runtime: a policy
 * handler drafts it in the console, the supervisor approves it, it opens by itself on the virtual
 * clock, a citizen comments on a phone from the start page, the handler publishes the adoption
 * report after closing (refused first without a reason for "not adopted"), and the public page
 * shows it with the consenting commenter's name.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';
import { secret } from '../support/identities.ts';

/** The commenter consents to publication of the name; the e-mail address stays theirs. */
const COMMENTER_EMAIL = secret('ouyang-4471@example.cn');

const START = '2026-11-02T09:00:00+08:00';
const { TITLE, COMMENT, NAME, REASON } = {
  TITLE: '关于调整城区公共停车收费标准的决定（征求意见稿）',
  COMMENT: '建议白天前 30 分钟免费停车，方便群众办事。',
  NAME: '欧阳市民',
  REASON: '与现行价格政策不符，暂不采纳',
};

describe('web: a consultation from the draft to the published report', () => {
  let consoleUrl = '';
  let session: BrowserSession;
  let citizen: Page, staff: Page;

  beforeAll(async () => {
    session = await startBrowserSession(START);
    citizen = await session.open();
    staff = await session.open(DESKTOP);
  });

  afterAll(() => session?.close());

  async function signIn(name: RegExp) {
    await staff.goto('/console');
    await staff.locator('h1').waitFor();
    const out = staff.getByRole('button', { name: '退出' });
    if (await out.count()) await out.click();
    await staff.getByRole('button', { name }).click();
    await staff.getByRole('button', { name: '退出' }).waitFor();
  }

  it('a handler drafts the consultation and the supervisor approves it', async () => {
    await signIn(/李强/);
    await staff.getByRole('link', { name: '征求意见', exact: true }).click();
    await staff.getByLabel(/^标题/).fill(TITLE);
    await staff.getByLabel(/^起草背景/).fill('城区停车资源紧张。');
    await staff.getByLabel(/^起草依据/).fill('《价格法》');
    await staff.getByLabel(/^主要内容/).fill('## 收费标准\n\n- **白天**每小时 5 元\n- 夜间免费\n\n<img src=x onerror=alert(1)>');
    await staff.getByLabel(/^开始时间/).fill('2026-11-04T09:00:00+08:00');
    await staff.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => staff.locator('h1').textContent()).toBe(TITLE);
    consoleUrl = new URL(staff.url()).pathname;
    expect(await staff.locator('main').textContent()).toContain('草稿，待负责人审核');
    expect(await staff.getByRole('button', { name: '审核同意发布' }).count()).toBe(0);

    await signIn(/赵敏/);
    await staff.goto(consoleUrl);
    await staff.getByRole('button', { name: '审核同意发布' }).click();
    await expect.poll(() => staff.locator('main').textContent()).toContain('已审核，待开始');
  });

  it('a citizen comments on a phone once it has opened by itself', async () => {
    await session.rt.clock('2026-11-04T10:00:00+08:00');
    await citizen.goto('/');
    await citizen.getByRole('link', { name: /重大决策征求意见/ }).click();
    await citizen.getByRole('link', { name: new RegExp(TITLE.slice(0, 10)) }).click();
    await expect.poll(() => citizen.locator('h1').textContent()).toBe(TITLE);
    expect(await citizen.locator('.markdown strong').textContent()).toBe('白天');
    expect(await citizen.locator('.markdown img').count()).toBe(0);
    await citizen.getByLabel(/^您的意见/).fill(COMMENT);
    await citizen.getByLabel(/^实名提交/).check();
    await citizen.getByLabel(/^姓名/).fill(NAME);
    await citizen.getByLabel(/^电子邮箱/).fill(COMMENTER_EMAIL);
    await citizen.getByLabel(/^同意在意见采纳情况中公布我的姓名/).check();
    await shoot(citizen, 'consultation-comment');
    await citizen.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => citizen.locator('h1').textContent()).toBe('意见已提交');
    expect(await citizen.locator('#tracking-no').inputValue().catch(() => citizen.locator('main').textContent())).toMatch(/YJ2026/);
  });

  it('after closing, the handler publishes the report; not adopted needs a reason', async () => {
    await session.rt.clock('2026-11-16T09:00:00+08:00');
    await signIn(/李强/);
    await staff.goto(consoleUrl);
    await expect.poll(() => staff.locator('main').textContent()).toContain(COMMENT);
    await staff.getByLabel(/^归入/).selectOption('0');
    await staff.getByLabel(/^采纳情况/).selectOption('not-adopted');
    await staff.getByRole('button', { name: '公布', exact: true }).click();
    await staff.locator('#f-items-0-reason-err').waitFor();
    await staff.getByLabel(/^理由/).fill(REASON);
    await staff.getByRole('button', { name: '公布', exact: true }).click();
    await expect.poll(() => staff.locator('main').textContent()).toContain('已公布采纳情况');
    await shoot(staff, 'consultation-staff');
  });

  it('the public page shows the report with the consenting name; the dashboard counts it', async () => {
    await citizen.goto('/consultations');
    await citizen.getByRole('link', { name: new RegExp(TITLE.slice(0, 10)) }).click();
    await citizen.locator('.report').waitFor();
    const report = await citizen.locator('.report').textContent();
    expect(report).toContain(COMMENT);
    expect(report).toContain(NAME);
    expect(report).toContain(REASON);
    expect(report).toContain('不予采纳');
    await shoot(citizen, 'consultation-report');

    await signIn(/赵敏/);
    await staff.goto('/console/supervision');
    await expect.poll(() => staff.locator('#consultation-stats').textContent(), { timeout: 15_000 }).toContain('收到意见');
    expect(await staff.locator('#consultation-stats').textContent()).toContain('0%');
  });

  it('shows no page errors, no CSP refusals and no dialogs anywhere, and fits 360 px', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
