/**
 * axe-core on every page state a citizen, a handler or a supervisor meets (start page, each form
 * and its error state, the receipt, tracking, the console's inbox and case pages, supervision,
 * consultations, the annual report, an official notice as citizen and staff open it), in Chinese and in English, at phone and desktop sizes:
 * zero violations of WCAG 2.x A/AA and axe's best practices.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../integration/harness.ts';
import { namedReporter, person } from '../support/identities.ts';
import { DESKTOP, PHONE, startBrowserSession, type BrowserSession } from './browser.ts';
import { axe, HANDLER, signInAs, SUPERVISOR, useLanguage, type AxeViolation } from './page-state.ts';

const START = '2026-11-02T09:00:00+08:00';
const POLICY = { sub: 'dev-handler-policy', name: '李强', groups: ['handler'], unit: 'policy' };

interface State {
  name: string;
  /** Brings the page into the state (it starts wherever the previous state left it). */
  open(page: Page): Promise<void>;
}

describe('web: axe-core finds nothing on any page state, in both languages, on phone and desktop', () => {
  let session: BrowserSession;
  let rt: LocalRuntime;
  let complaint: { trackingNo: string; accessCode: string; caseId: string; receipt: Record<string, unknown> };
  let requestCaseId = '';
  let consultationId = '';

  beforeAll(async () => {
    session = await startBrowserSession(START);
    rt = session.rt;
    const filed = await rt.fetchJson('POST', '/v1/complaints', {
      category: 'catalogue-breach',
      subject: '区住建局未公开保障房分配结果',
      description: '分配结果未按目录公开。',
      respondentUnit: '某某区住建局',
      wantsReply: true,
      // From the identity registry: the suite-wide guard checks it never reaches staff.
      reporter: namedReporter(person(9102), ['email']),
    });
    expect(filed.status, filed.text).toBe(201);
    const list = await rt.fetchAs(HANDLER, 'GET', '/v1/cases?queue=unit');
    const caseId = list.body.items.find((r: { trackingNo: string }) => r.trackingNo === filed.body.trackingNo).caseId as string;
    let c = await rt.fetchAs(HANDLER, 'GET', `/v1/cases/${caseId}`);
    c = await rt.fetchAs(HANDLER, 'POST', `/v1/cases/${caseId}/actions`, { type: 'accept', expectedVersion: c.body.version });
    c = await rt.fetchAs(HANDLER, 'POST', `/v1/cases/${caseId}/actions`, { type: 'dispose', expectedVersion: c.body.version, result: '已责令公开分配结果。' });
    expect(c.status, c.text).toBe(200);
    complaint = { trackingNo: filed.body.trackingNo, accessCode: filed.body.accessCode, caseId, receipt: { ...filed.body, emailGiven: true } };

    const request = await rt.fetchJson('POST', '/v1/disclosure-requests', {
      applicant: { type: 'natural-person', name: '李四', email: 'lisi@example.cn' },
      description: '2025 年度本区保障性住房分配名单。',
      formats: ['electronic'],
      delivery: 'online',
    });
    expect(request.status, request.text).toBe(201);
    const requests = await rt.fetchAs(HANDLER, 'GET', '/v1/cases?queue=unit&kind=disclosure-request');
    requestCaseId = requests.body.items[0].caseId;

    const created = await rt.fetchAs(POLICY, 'POST', '/v1/consultations', {
      title: '关于调整城区公共停车收费标准的决定（征求意见稿）',
      background: '城区停车资源紧张。',
      basis: '《价格法》',
      content: '## 主要内容\n\n- 白天每小时 5 元\n- 夜间免费',
      unit: 'policy',
      opensAt: '2026-11-03T09:00:00+08:00',
    });
    expect(created.status, created.text).toBe(201);
    consultationId = created.body.id;
    expect((await rt.fetchAs(SUPERVISOR, 'POST', `/v1/consultations/${consultationId}/actions`, { type: 'approve' })).status).toBe(200);
    await rt.clock('2026-11-03T10:00:00+08:00');
  });

  afterAll(() => session?.close());

  const submit = async (page: Page) => {
    await page.locator('form button[type=submit]').first().click();
    await page.locator('.error-summary').waitFor();
  };
  const heading = (page: Page) => page.locator('h1').first().waitFor();

  const citizenStates: State[] = [
    { name: 'start', open: async (p) => (await p.goto('/'), await p.locator('.agency').waitFor()) },
    { name: 'complaint form', open: async (p) => (await p.goto('/complaint'), await heading(p)) },
    { name: 'complaint form with errors', open: submit },
    { name: 'disclosure form', open: async (p) => (await p.goto('/disclosure-request'), await heading(p)) },
    { name: 'disclosure form with errors', open: submit },
    { name: 'receipt', open: async (p) => (await p.goto('/complaint/done'), await p.locator('#access-code').waitFor()) },
    { name: 'tracking form', open: async (p) => (await p.goto('/track'), await heading(p)) },
    { name: 'tracking form with errors', open: submit },
    {
      name: 'tracking a disposed complaint',
      open: async (p) => {
        await p.locator('#f-trackingNo').fill(complaint.trackingNo);
        await p.locator('#f-accessCode').fill(complaint.accessCode);
        await p.locator('form button[type=submit]').first().click();
        await p.locator('.timeline').waitFor();
      },
    },
    {
      name: 'an official notice from tracking',
      open: async (p) => {
        await p.locator('section.documents .document-list a').first().click();
        await p.locator('article.official-document').waitFor();
      },
    },
    { name: 'consultations', open: async (p) => (await p.goto('/consultations'), await p.locator('main li a').first().waitFor()) },
    { name: 'a consultation', open: async (p) => (await p.goto(`/consultations/${consultationId}`), await p.locator('main h1').waitFor()) },
  ];

  const consoleStates: State[] = [
    { name: 'console inbox', open: async (p) => (await p.goto('/console'), await p.locator('.case-list, .list-count').first().waitFor()) },
    { name: 'console inbox, closed', open: async (p) => (await p.goto('/console?queue=unit&state=closed'), await p.locator('.case-row').first().waitFor()) },
    { name: 'complaint case page', open: async (p) => (await p.goto(`/console/cases/${complaint.caseId}`), await p.locator('.timeline').waitFor()) },
    {
      name: 'an official notice in the console',
      open: async (p) => {
        await p.locator('section.documents .document-list a').first().click();
        await p.locator('article.official-document').waitFor();
      },
    },
    { name: 'request case page', open: async (p) => (await p.goto(`/console/cases/${requestCaseId}`), await p.locator('.timeline').waitFor()) },
    { name: 'supervision dashboard', open: async (p) => (await p.goto('/console/supervision'), await p.locator('h2').first().waitFor()) },
    { name: 'console consultations', open: async (p) => (await p.goto('/console/consultations'), await heading(p)) },
    { name: 'console consultation', open: async (p) => (await p.goto(`/console/consultations/${consultationId}`), await p.locator('main h1').waitFor()) },
    { name: 'annual report', open: async (p) => (await p.goto('/console/reports/disclosure-annual'), await p.locator('table').first().waitFor()) },
  ];

  async function sweep(lang: 'zh' | 'en', states: State[], staff?: typeof SUPERVISOR) {
    const page = await session.open(PHONE);
    await useLanguage(page, lang);
    await page.addInitScript(([r]) => sessionStorage.setItem('di.receipt', r!), [JSON.stringify(complaint.receipt)]);
    if (staff) await signInAs(page, rt, staff);
    const found: (AxeViolation & { state: string })[] = [];
    for (const state of states) {
      await page.setViewportSize(PHONE);
      await state.open(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      for (const size of [PHONE, DESKTOP]) {
        await page.setViewportSize(size);
        for (const v of await axe(page)) found.push({ ...v, state: `${state.name} @${size.width}` });
      }
    }
    return found;
  }

  for (const lang of ['zh', 'en'] as const) {
    it(`citizen pages (${lang})`, async () => {
      expect(await sweep(lang, citizenStates)).toEqual([]);
    });

    it(`console pages (${lang})`, async () => {
      expect(await sweep(lang, consoleStates, SUPERVISOR)).toEqual([]);
    });
  }

  it('saw no script errors or CSP refusals on the way', () => {
    expect(session.watches.flatMap((w) => [...w.problems, ...w.dialogs])).toEqual([]);
  });
});
