/**
 * Contact by exception in a real browser: the office handler asks, with a reason, to see the
 * phone of a citizen who left only a phone; the identity custodian approves in the console's
 * queue; the handler sees the number once (a second try says it is gone), and the ledger shows
 * every step. Also: the tracking page lists the case's files, and the clarification form takes
 * files.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';

const START = '2026-11-02T09:00:00+08:00';
const PHONE = '13955557788';
const REASON = '需电话核实举报线索的具体地点';

describe('web: contact requests from the case page to the custodian and back', () => {
  let session: BrowserSession;
  let handler: Page;
  let caseId = '';
  let trackingNo = '';

  beforeAll(async () => {
    session = await startBrowserSession(START);
    const res = await session.rt.fetchJson('POST', '/v1/complaints', {
      category: 'late-disclosure',
      subject: '联系人测试投诉',
      description: '某局未按期公开信息。',
      respondentUnit: '某局',
      reporter: { anonymous: false, name: '司马联系', phone: PHONE },
    });
    expect(res.status, res.text).toBe(201);
    trackingNo = res.body.trackingNo;
  });

  afterAll(() => session?.close());

  it('the handler files a request with a reason on the case page', async () => {
    handler = await session.open(DESKTOP);
    await handler.goto('/console');
    await handler.getByRole('button', { name: /王芳/ }).click();
    const row = handler.locator('.case-row', { hasText: trackingNo });
    await row.waitFor();
    await row.getByRole('link').click();
    const panel = handler.locator('section.contact-requests');
    await panel.waitFor();
    caseId = decodeURIComponent(new URL(handler.url()).pathname.split('/').pop()!);
    await panel.getByRole('button', { name: '提出申请' }).click();
    expect(await panel.locator('#f-contact-reason-err').textContent()).toBe('请说明理由');
    await panel.getByLabel('需要查看的信息').selectOption('phone');
    await panel.getByLabel(/理由/).fill(REASON);
    await panel.getByRole('button', { name: '提出申请' }).click();
    await expect.poll(() => panel.locator('.contact-request').textContent()).toContain('待保管人审批');
    expect(await handler.locator('main').textContent()).not.toContain(PHONE);
    await shoot(handler, 'contact-request-filed');
  });

  it('the custodian approves it in the queue', async () => {
    const custodian = await session.open(DESKTOP);
    await custodian.goto('/console');
    await custodian.getByRole('button', { name: /钱进/ }).click();
    await custodian.getByRole('link', { name: '联系方式审批' }).click();
    const item = custodian.locator('.contact-decision', { hasText: REASON });
    await item.waitFor();
    expect(await item.locator('.requester').textContent()).toContain('王芳');
    expect(await item.locator('.field-name').textContent()).toBe('电话');
    await item.getByLabel(/意见/).fill('同意，限本次核实');
    await shoot(custodian, 'contact-request-queue');
    await item.getByRole('button', { name: '批准' }).click();
    await expect.poll(() => custodian.locator('.contact-queue .notice [role=status]').textContent()).toBe('已批准。');
    await expect.poll(() => custodian.locator('.contact-decision').count()).toBe(0);
    expect(await custodian.locator('main').textContent()).not.toContain(PHONE);
  });

  it('the handler sees the phone once; a second time it is gone; the ledger has every step', async () => {
    await handler.reload();
    const panel = handler.locator('section.contact-requests');
    const show = panel.getByRole('button', { name: /查看电话（仅一次/ });
    await show.waitFor();
    await show.click();
    await expect.poll(() => panel.locator('.revealed-value').textContent()).toBe(PHONE);
    await shoot(handler, 'contact-revealed');
    // The approval is used: no button any more, and the API says gone.
    await expect.poll(() => panel.getByRole('button', { name: /查看电话/ }).count()).toBe(0);
    await handler.reload();
    await handler.locator('section.contact-requests').waitFor();
    expect(await handler.locator('main').textContent()).not.toContain(PHONE);
    const wang = { sub: 'dev-handler-office', name: '王芳', groups: ['handler'], unit: 'office' };
    const used = await session.rt.fetchAs(wang, 'GET', '/v1/contact-requests?status=revealed');
    const mine = used.body.items.filter((r: { caseId: string }) => r.caseId === caseId);
    expect(mine).toHaveLength(1);
    expect((await session.rt.fetchAs(wang, 'GET', `/v1/contact-requests/${mine[0].requestId}/reveal`)).status).toBe(410);
    const history = await handler.locator('.case-history').textContent();
    expect(history).toContain(REASON);
    expect(history).not.toContain(PHONE);
  });

  it('shows no page errors, no CSP refusals and no dialogs anywhere, and fits 360 px', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
