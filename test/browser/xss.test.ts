/**
 * Citizen text is shown as text: a complaint whose subject and description are HTML and script
 * shows them literally to staff and to the citizen, and nothing runs (no dialog, no element).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, shoot, startBrowserSession, tooWide, type BrowserSession } from './browser.ts';

const SUBJECT = '<script>alert(1)</script>';
const DESCRIPTION = '<img src=x onerror=alert(1)> 以及 <b onmouseover="alert(2)">粗体</b> &lt;escaped&gt;';

describe('web: citizen text is never HTML', () => {
  let session: BrowserSession;

  const open = (viewport?: { width: number; height: number }) => session.open(viewport);

  beforeAll(async () => {
    session = await startBrowserSession('2026-11-02T09:00:00+08:00');
  });

  afterAll(() => session?.close());

  it('shows script and img markup literally in the console and on the tracking page, and runs none of it', async () => {
    const citizen = await open();
    await citizen.goto('/complaint');
    await citizen.getByLabel('其他违反政务公开规定行为').check();
    await citizen.getByLabel(/被投诉单位/).fill('<i>某局</i>');
    await citizen.getByLabel(/^主题/).fill(SUBJECT);
    await citizen.getByLabel(/具体情况/).fill(DESCRIPTION);
    await citizen.getByLabel('匿名投诉举报').check();
    expect(await citizen.getByLabel(/^姓名/).count()).toBe(0); // no contact fields when anonymous
    await citizen.getByRole('button', { name: '提交', exact: true }).click();
    await citizen.waitForURL('**/complaint/done');
    const trackingNo = await citizen.locator('#tracking-no').inputValue();
    const accessCode = (await citizen.locator('#access-code').textContent())!;

    const staff = await open(DESKTOP);
    await staff.goto('/console');
    await staff.getByRole('button', { name: /王芳/ }).click();
    const row = staff.locator('.case-row', { hasText: SUBJECT });
    await row.waitFor();
    expect(await row.locator('.row-subject').textContent()).toBe(SUBJECT);
    await row.getByRole('link').click();
    await staff.locator('.description').waitFor();
    expect(await staff.locator('.subject').textContent()).toBe(SUBJECT);
    expect(await staff.locator('.description').textContent()).toBe(DESCRIPTION);
    expect(await staff.locator('main img, main script, main b, main i').count()).toBe(0);
    await shoot(staff, 'console-case-xss');

    await citizen.goto(`/track?no=${trackingNo}`);
    await citizen.getByLabel(/查询码/).fill(accessCode);
    await citizen.getByRole('button', { name: '查询', exact: true }).click();
    await citizen.locator('article.case').waitFor();
    expect(await citizen.locator('article.case .facts dd').first().textContent()).toBe(SUBJECT);
    expect(await citizen.locator('main script, main img').count()).toBe(0);

    // Give any injected handler a moment to fire before declaring that none did.
    await staff.locator('.description').hover();
    await staff.waitForTimeout(300);
    expect(session.watches.flatMap((w) => [...w.dialogs, ...w.problems])).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
