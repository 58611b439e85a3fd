/**
 * Shared set-up for the browser tests: build web/dist, launch the Debian Chromium, and take
 * screenshots at phone and desktop sizes into test-artifacts/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalRuntime, type LocalRuntime } from '../integration/harness.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-artifacts/screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** `npm run build:web`, run directly so it uses this project's Node and Vite. */
export function buildWeb(): void {
  const node = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;
  execFileSync(node, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Problems a page reports that no test should ever see: script errors, CSP refusals, dialogs. */
export interface Watch {
  problems: string[];
  dialogs: string[];
}

export async function newContext(browser: Browser, baseURL: string, viewport = PHONE): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  // A browser far from Shanghai: dates must still be Shanghai dates.
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  const watch: Watch = { problems: [], dialogs: [] };
  page.on('pageerror', (e) => watch.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) watch.problems.push(`csp: ${m.text()}`);
  });
  page.on('dialog', async (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  return { context, page, watch };
}

/** Pages that scrolled sideways at 360 px, the narrowest phone the pages are made for. */
export const tooWide: string[] = [];

const frame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));

/** Full-page screenshots at 390×844 and 1280×800, and a check that 360 px needs no sideways scrolling. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const original = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await frame(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 360) tooWide.push(`${name}: ${width}px`);
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await frame(page);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

export interface BrowserSession {
  rt: LocalRuntime;
  /** One per page opened, in order: what each page saw go wrong. */
  watches: Watch[];
  /** A new watched page in its own context (phone size unless told). */
  open(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Every answer a signed-in page got from the API goes to the runtime's identity guard, as the
 * harness's own staff calls do: the console is a staff client like any other.
 */
function recordStaffAnswers(context: BrowserContext, rt: LocalRuntime, pending: Promise<void>[]): void {
  context.on('response', (res) => {
    const request = res.request();
    if (!request.headers().authorization) return;
    pending.push(
      res.text().then(
        (text) => rt.identityGuard.recordStaffAnswer({ method: request.method(), path: new URL(res.url()).pathname, status: res.status(), text }),
        () => undefined,
      ),
    );
  });
}

/** One suite's world: the pages built, a local runtime on the virtual clock, and Chromium. */
export async function startBrowserSession(virtualClock: string): Promise<BrowserSession> {
  buildWeb();
  const [rt, browser] = await Promise.all([startLocalRuntime({ virtualClock }), launch()]);
  const contexts: BrowserContext[] = [];
  const watches: Watch[] = [];
  const pending: Promise<void>[] = [];
  return {
    rt,
    watches,
    async open(viewport) {
      const { context, page, watch } = await newContext(browser, rt.baseUrl, viewport);
      recordStaffAnswers(context, rt, pending);
      contexts.push(context);
      watches.push(watch);
      return page;
    },
    async close() {
      await Promise.all(pending);
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await rt.stop();
    },
  };
}
