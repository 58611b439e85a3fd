/**
 * Helpers for tests that visit many page states: a staff session and a language set before the
 * page's own script runs (as a reload would find them), and axe-core run inside the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { LocalRuntime } from '../integration/harness.ts';

export interface Staff {
  sub: string;
  name: string;
  groups: string[];
  unit: string;
}

export const HANDLER: Staff = { sub: 'dev-handler-office', name: '王芳', groups: ['handler'], unit: 'office' };
export const SUPERVISOR: Staff = { sub: 'dev-supervisor', name: '赵敏', groups: ['supervisor'], unit: 'office' };

/** Signs `page` in as `who` (the console's own sessionStorage entry, token from /__local/login). */
export async function signInAs(page: Page, rt: LocalRuntime, who: Staff): Promise<void> {
  const token = await rt.login(who);
  await page.addInitScript(
    ([value]) => {
      sessionStorage.setItem('di.staff', value!);
    },
    [JSON.stringify({ token, user: who, mode: 'local' })],
  );
}

/** The page's language, as the switch stores it, for every page this context opens from now on. */
export async function useLanguage(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await page.addInitScript(([l]) => localStorage.setItem('di.lang', l!), [lang]);
}

export const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.x A/AA rules (and best practices) on the page as it stands. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, not added as a <script>: the page's CSP (script-src
  // 'self') rightly refuses inline scripts, and the test must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
