/**
 * Files beyond the citizen's form, in a real browser: the handler attaches the result's document
 * when disposing a complaint (uploaded from the action form, straight to the S3 stand-in), the
 * case page lists both files with where each came from, and the citizen's tracking page lists the
 * complaint's own file and the result's document, each opening.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, ROOT, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';

const START = '2026-11-02T09:00:00+08:00';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20)]);
const WANG = { sub: 'dev-handler-office', name: '王芳', groups: ['handler'], unit: 'office' };

describe('web: staff documents with an action, and the files on the tracking page', () => {
  let session: BrowserSession;
  let filed: { trackingNo: string; accessCode: string };
  let caseId = '';
  const dir = join(ROOT, 'test-artifacts/uploads');
  const doc = join(dir, '处理结果告知书.pdf');

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(doc, PDF);
    session = await startBrowserSession(START);
    const rt = session.rt;
    const ticket = await rt.fetchJson('POST', '/v1/uploads', { fileName: 'e.pdf', contentType: 'application/pdf', size: PDF.length });
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.body.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(PDF)]), 'e.pdf');
    expect((await fetch(ticket.body.url, { method: 'POST', body: form })).status).toBe(204);
    const res = await rt.fetchJson('POST', '/v1/complaints', {
      category: 'late-disclosure',
      subject: '附件往来测试',
      description: '见附件。',
      respondentUnit: '某局',
      reporter: { anonymous: true },
      attachments: [ticket.body.uploadId],
    });
    expect(res.status, res.text).toBe(201);
    filed = res.body;
    const list = await rt.fetchAs(WANG, 'GET', '/v1/cases?queue=unit');
    caseId = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === filed.trackingNo).caseId;
    const c = await rt.fetchAs(WANG, 'GET', `/v1/cases/${caseId}`);
    expect((await rt.fetchAs(WANG, 'POST', `/v1/cases/${caseId}/actions`, { type: 'accept', expectedVersion: c.body.version })).status).toBe(200);
  });

  afterAll(() => session?.close());

  it('the handler disposes the complaint with the result document attached', async () => {
    const staff = await session.open(DESKTOP);
    await staff.goto('/console');
    await staff.getByRole('button', { name: /王芳/ }).click();
    // Signed in (the session is stored) before the case page loads.
    await staff.getByRole('button', { name: '退出' }).waitFor();
    await staff.goto(`/console/cases/${caseId}`);
    const panel = staff.locator('section.actions-panel');
    await panel.getByRole('button', { name: '办结', exact: true }).click();
    await panel.getByLabel(/处理结果/).fill('已责令该局公开，见告知书。');
    const field = panel.locator('.field.attachments');
    expect(await field.locator('label').first().textContent()).toContain('随附文件');
    await panel.locator('#f-attachments').setInputFiles(doc);
    await expect.poll(() => field.locator('.upload.done').count()).toBe(1);
    await panel.getByRole('button', { name: '下一步' }).click();
    expect(await panel.locator('.confirm').textContent()).toContain('随附文件1 个');
    await panel.getByRole('button', { name: '确认办结' }).click();
    await expect.poll(() => panel.locator('.done').textContent()).toContain('已完成');
    await staff.reload();
    const list = staff.locator('.attachment-list');
    await expect.poll(() => list.locator('li').count()).toBe(2);
    expect(await list.locator('li').nth(1).textContent()).toContain('办理人员提供');
    expect(await staff.locator('main').textContent()).not.toContain('处理结果告知书');
    await shoot(staff, 'case-files-staff');
  });

  it('the citizen sees both files on the tracking page, and each opens', async () => {
    const track = await session.open(PHONE);
    await track.goto('/track');
    await track.getByLabel(/查询编号/).fill(filed.trackingNo);
    await track.getByLabel(/查询码/).fill(filed.accessCode);
    await track.getByRole('button', { name: '查询', exact: true }).click();
    await track.locator('article.case').waitFor();
    const list = track.locator('.attachment-list');
    await expect.poll(() => list.locator('li').count()).toBe(2);
    for (const href of await list.getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const res = await fetch(href);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    }
    await shoot(track, 'track-files');
  });

  it('shows no page errors, no CSP refusals and no dialogs anywhere, and fits 360 px', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
