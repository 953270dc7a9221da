import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../server/test/harness.js';

// The real app (built web apps included) listening on a loopback port, on an embedded database
// with the demo federation, and Debian's Chromium to drive it.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.resolve('test-results/screenshots');

export interface Stage {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** `members`: how many demo members to seed (the demo member's own record and the service demo come with them). */
export async function startStage(opts: { members?: number } = {}): Promise<Stage> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  if (!fs.existsSync('dist/web/admin/index.html') || !fs.existsSync('dist/web/h5/index.html')) {
    throw new Error('web apps are not built: run `npm run build` first (npm test does)');
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const t = await createTestApp({ realClock: true, members: opts.members, env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Fails the test on any uncaught page error or failed same-origin request. */
export function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/401|Unauthorized|status of 4\d\d/.test(msg.text()))
      problems.push(`console: ${msg.text()}`);
  });
}

/** The selector of an element by its `data-test` attribute. */
export const tid = (name: string) => `[data-test="${name}"]`;
/** A phone (the H5) and a desktop (the console), in Chinese. */
export const PHONE = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};
export const DESKTOP = { viewport: { width: 1366, height: 860 }, locale: 'zh-CN' };

/** A console page signed in as a demo staff account, once the element `ready` (a data-test name) shows. */
export async function staffPage(s: Stage, username: string, problems: string[], ready: string): Promise<Page> {
  const desk = await s.browser.newPage(DESKTOP);
  watchPage(desk, problems);
  await desk.goto(`${s.baseUrl}/admin/`);
  await desk.fill(tid('login-username'), username);
  await desk.fill(tid('login-password'), 'Demo#2026');
  await desk.click(tid('login-submit'));
  await desk.waitForSelector(tid(ready));
  return desk;
}
