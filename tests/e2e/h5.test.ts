import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startStage, watchPage, type Stage } from './support.js';

// A member on a phone: signs in with a password, looks at 我的, turns on large text; another
// signs in with an SMS code.

let s: Stage;
beforeAll(async () => {
  s = await startStage();
});
afterAll(() => s?.close());

const tid = (name: string) => `[data-test="${name}"]`;
const phone = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

describe('member H5', () => {
  it('a member signs in on a phone-sized screen and finds their own page', async () => {
    const problems: string[] = [];
    const page = await s.browser.newPage(phone);
    watchPage(page, problems);
    await page.goto(`${s.baseUrl}/h5/`);
    await page.waitForSelector(tid('phone-input'));
    await shot(page, 'h5-01-login');
    await page.fill(`${tid('phone-input')} input`, '13800000001');
    await page.fill(`${tid('password-input')} input`, 'Demo#2026');
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('home-greeting'));
    expect(await page.textContent(tid('home-greeting'))).toContain('周师傅');
    await shot(page, 'h5-02-home');
    await page.click(tid('tab-mine'));
    await expect.poll(() => page.textContent(tid('mine-phone'))).toContain('138****0001');
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.click(tid('large-text-switch'));
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).not.toBe(before);
    await shot(page, 'h5-03-mine-large-text');
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
  });

  it('a worker signs in with an SMS code', async () => {
    const page = await s.browser.newPage(phone);
    await page.goto(`${s.baseUrl}/h5/`);
    await page.click(tid('login-tab-code'));
    await page.fill(`${tid('phone-input')} input`, '13912345678');
    await page.click(tid('send-code'));
    await expect
      .poll(() => s.t.sms.find((m) => m.phone === '13912345678')?.params.code, { timeout: 10_000 })
      .toMatch(/^\d{6}$/);
    const code = s.t.sms.find((m) => m.phone === '13912345678')?.params.code ?? '';
    await page.fill(`${tid('code-input')} input`, code);
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('home-greeting'));
    await shot(page, 'h5-04-code-login');
  });
});
