import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, shot, startStage, tid, watchPage, type Stage } from './support.js';

// What a first visit costs on the wire: each page opened in a fresh browser context (an empty
// cache), every response's encoded bytes (as sent: compressed, headers included) summed from the
// DevTools protocol's Network.loadingFinished until the page is idle. The goals are issue 16's.

const KB = 1024;
const GOALS = { h5Login: 150 * KB, h5Home: 150 * KB, consoleLogin: 250 * KB, rosterDeepLink: 450 * KB };

let s: Stage;
const problems: string[] = [];
const figures: Record<string, { bytes: number; requests: number; largest: string[] }> = {};
const titles: Record<string, string> = {};

beforeAll(async () => {
  s = await startStage();
});
afterAll(async () => {
  const lines = Object.entries(figures).map(
    ([name, f]) =>
      `  ${name.padEnd(16)} ${(f.bytes / KB).toFixed(1).padStart(6)} KB in ${f.requests} requests; largest: ${f.largest.join(', ')}`,
  );
  console.log(`first loads on a cold cache (encoded bytes):\n${lines.join('\n')}`);
  await s?.close();
});

/** Opens `url` in the context's first page and sums the bytes received until `ready` shows and the network is idle. */
async function measure(
  context: BrowserContext,
  url: string,
  ready: string,
): Promise<{ page: Page; bytes: number; requests: number; largest: string[] }> {
  const page = await context.newPage();
  watchPage(page, problems);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const sizes = new Map<string, number>();
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  // data: URLs (a font inlined in a stylesheet) are not on the wire: their bytes came with the file.
  cdp.on('Network.loadingFinished', (e) => {
    if (urls.get(e.requestId)?.startsWith('http')) sizes.set(e.requestId, e.encodedDataLength);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForSelector(tid(ready));
  await page.waitForLoadState('networkidle');
  const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  const largest = [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.TRANSFER_TOP ?? 6))
    .map(([id, n]) => `${(n / KB).toFixed(1)} KB ${(urls.get(id) ?? '?').replace(s.baseUrl, '')}`);
  return { page, bytes, requests: sizes.size, largest };
}

async function freshContext(browser: Browser, options: typeof DESKTOP | typeof PHONE): Promise<BrowserContext> {
  return browser.newContext(options);
}

describe('first loads within the goals', () => {
  it('the console sign-in page ≤ 250 KB', async () => {
    const context = await freshContext(s.browser, DESKTOP);
    const { page, bytes, requests, largest } = await measure(context, `${s.baseUrl}/admin/`, 'login-username');
    figures.consoleLogin = { bytes, requests, largest };
    titles.consoleLogin = await page.title();
    await shot(page, 'transfer-01-console-login');
    await context.close();
    expect(bytes).toBeLessThanOrEqual(GOALS.consoleLogin);
  });

  it('a cold deep link into the roster, signed in ≤ 450 KB', async () => {
    const context = await freshContext(s.browser, DESKTOP);
    // Signed in through the API (those bytes are not the page's): the cache stays empty.
    const login = await context.request.post(`${s.baseUrl}/api/auth/login`, {
      data: { username: 'admin', password: 'Demo#2026' },
      headers: { origin: s.baseUrl },
    });
    expect(login.status()).toBe(200);
    const { page, bytes, requests, largest } = await measure(context, `${s.baseUrl}/admin/members`, 'member-table');
    figures.rosterDeepLink = { bytes, requests, largest };
    titles.rosterDeepLink = await page.title();
    await shot(page, 'transfer-02-roster-deep-link');
    await context.close();
    expect(bytes).toBeLessThanOrEqual(GOALS.rosterDeepLink);
  });

  it('the member H5, signed out (its sign-in page) ≤ 150 KB', async () => {
    const context = await freshContext(s.browser, PHONE);
    const { page, bytes, requests, largest } = await measure(context, `${s.baseUrl}/h5/`, 'phone-input');
    figures.h5Login = { bytes, requests, largest };
    titles.h5Login = await page.title();
    await shot(page, 'transfer-03-h5-login');
    await context.close();
    expect(bytes).toBeLessThanOrEqual(GOALS.h5Login);
  });

  it('the member H5 home, signed in ≤ 150 KB', async () => {
    const context = await freshContext(s.browser, PHONE);
    const login = await context.request.post(`${s.baseUrl}/api/auth/login`, {
      data: { phone: '13800000001', password: 'Demo#2026' },
      headers: { origin: s.baseUrl },
    });
    expect(login.status()).toBe(200);
    const { page, bytes, requests, largest } = await measure(context, `${s.baseUrl}/h5/`, 'home-greeting');
    figures.h5Home = { bytes, requests, largest };
    titles.h5Home = await page.title();
    await shot(page, 'transfer-04-h5-home');
    await context.close();
    expect(bytes).toBeLessThanOrEqual(GOALS.h5Home);
  });

  it('the landing page (plain files, compressed by the build) ≤ 20 KB, with the three ways in', async () => {
    const context = await freshContext(s.browser, PHONE);
    const { page, bytes, requests, largest } = await measure(context, `${s.baseUrl}/`, 'landing-h5');
    figures.landing = { bytes, requests, largest };
    for (const way of ['landing-h5', 'landing-admin', 'landing-api-docs'])
      expect(await page.isVisible(tid(way))).toBe(true);
    expect(await page.getAttribute(tid('landing-api-docs'), 'href')).toBe('/api/docs');
    await shot(page, 'transfer-05-landing');
    await context.close();
    expect(bytes).toBeLessThanOrEqual(20 * KB);
  });

  it('each page names itself in the browser tab, then the platform', () => {
    expect(titles).toEqual({
      consoleLogin: '账号登录 · 智慧工会',
      rosterDeepLink: '会员花名册 · 智慧工会',
      h5Login: '职工登录 · 智慧工会',
      h5Home: '首页 · 智慧工会',
    });
  });

  it('no page error on the way', () => {
    expect(problems).toEqual([]);
  });
});
