/**
 * Evidence files in a real browser against the real local runtime: on a phone the citizen checks
 * files in the page (a wrong type is refused before any upload), attaches a small PNG (sent
 * straight to the local S3 stand-in with its presigned POST, allowed by the CSP's connect-src),
 * removes a second one and submits the complaint; the office handler opens the case and finds
 * the file as a download link with its type and size, and relays a message to the citizen.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, ROOT, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';
import { people } from '../support/identities.ts';

/** The citizen these pages are filled in for: a registered identity, so the guard looks for it everywhere staff see. */
const ME = people.browser;

const START = '2026-11-02T09:00:00+08:00';
const SUBJECT = '区教育局未公开部门预算（附截图）';

// A 1×1 PNG, written from bytes.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082',
  'hex',
);

describe('web: evidence files from the phone form to the console', () => {
  let session: BrowserSession;
  let citizen: Page;
  let trackingNo = '';
  const dir = join(ROOT, 'test-artifacts/uploads');
  const png = join(dir, '截图.png');
  const second = join(dir, 'second.png');
  const text = join(dir, 'notes.txt');

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(png, PNG);
    writeFileSync(second, PNG);
    writeFileSync(text, 'not evidence');
    session = await startBrowserSession(START);
    citizen = await session.open();
  });

  afterAll(() => session?.close());

  it('the citizen attaches a PNG to a complaint on a phone and submits', async () => {
    const page = citizen;
    await page.goto('/complaint');
    await expect.poll(() => page.locator('h1').textContent()).toBe('投诉举报');
    const field = page.locator('.field.attachments');
    expect(await field.textContent()).toContain('请勿在文件中包含身份证件');
    expect(await page.locator('#f-attachments').getAttribute('accept')).toBe('image/jpeg,image/png,application/pdf');

    // A text file is refused in the page: no upload is asked for.
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/uploads')) uploads.push(r.url());
    });
    await page.locator('#f-attachments').setInputFiles(text);
    await expect.poll(() => field.locator('.upload.failed').textContent()).toContain('只能上传 JPEG、PNG 图片或 PDF 文件');
    expect(uploads).toEqual([]);
    await field.getByRole('button', { name: '移除 notes.txt' }).click();

    await page.locator('#f-attachments').setInputFiles([png, second]);
    await expect.poll(() => field.locator('.upload.done').count()).toBe(2);
    expect(uploads).toHaveLength(2);
    expect(await field.locator('.upload').first().textContent()).toContain('截图.png');
    expect(await field.locator('.upload').first().textContent()).toContain(`PNG · ${PNG.length} B`);
    await field.getByRole('button', { name: '移除 second.png' }).click();
    expect(await field.locator('.upload').count()).toBe(1);
    await shoot(page, 'complaint-attachment');

    await page.getByLabel('不按规定时间、期限公开或不及时更新').check();
    await page.getByLabel(/被投诉单位/).fill('某某区教育局');
    await page.getByLabel(/^主题/).fill(SUBJECT);
    await page.getByLabel(/具体情况/).fill('按规定应在批复后20日内公开的部门预算，至今未在门户网站公开，见截图。');
    await page.getByLabel(/^姓名/).fill(ME.name);
    await page.getByLabel('电子邮箱', { exact: true }).fill(ME.email);

    const bodies: { attachments?: string[] }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/complaints')) bodies.push(r.postDataJSON());
    });
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForURL('**/complaint/done');
    expect(bodies.at(-1)?.attachments).toHaveLength(1);
    trackingNo = await page.locator('#tracking-no').inputValue();
  });

  it('the handler opens the case and sees the attachment link', async () => {
    const staff = await session.open(DESKTOP);
    await staff.goto('/console');
    await staff.getByRole('button', { name: /王芳/ }).click();
    const row = staff.locator('.case-row', { hasText: trackingNo });
    await row.waitFor();
    await row.getByRole('link').click();
    const list = staff.locator('.attachment-list');
    await list.waitFor();
    expect(await list.locator('li').count()).toBe(1);
    expect(await list.textContent()).toContain(`PNG · ${PNG.length} B`);
    expect(await staff.locator('main').textContent()).not.toContain('截图.png'); // the name is never kept
    const href = (await list.getByRole('link', { name: '附件 1' }).getAttribute('href'))!;
    expect(href).toMatch(/X-Amz-Signature=/);
    // The link serves the very bytes the citizen sent.
    const res = await fetch(href);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    await shoot(staff, 'case-attachment');

    // 转告当事人: a message through the system, which reveals nothing of the citizen.
    const relay = staff.locator('section.relay');
    expect(await relay.locator('h2').textContent()).toBe('转告投诉人');
    await relay.getByRole('button', { name: '转告', exact: true }).click();
    expect(await relay.locator('#f-relay-text-err').textContent()).toBe('请填写要转告的内容');
    await relay.getByLabel(/转告内容/).fill('请补充截图的拍摄日期。');
    await relay.getByRole('button', { name: '转告', exact: true }).click();
    await expect.poll(() => relay.textContent()).toContain('已转告');
    expect(await relay.getByLabel(/转告内容/).inputValue()).toBe('');
    expect(await staff.locator('main').textContent()).not.toContain(ME.email);
    await shoot(staff, 'case-relay');
  });

  it('shows no page errors, no CSP refusals and no dialogs anywhere, and fits 360 px', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
