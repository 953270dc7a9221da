import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, shot, startStage, tid, watchPage, type Stage } from './support.js';

// 工惠优享家 on phones (issue 17): the public merchant directory and its map without signing in; a
// member claims a voucher of the demo open campaign and shows its QR code; a partner merchant in
// merchant mode types the voucher's short code and redeems it; the member's screen turns to 已核销
// by itself; a second redemption is refused as already redeemed.

let s: Stage;
const problems: string[] = [];
beforeAll(async () => {
  s = await startStage({ members: 60 }); // the demo member's record comes with the members
});
afterAll(() => s?.close());

async function phonePage(): Promise<Page> {
  const context = await s.browser.newContext(PHONE);
  const page = await context.newPage();
  watchPage(page, problems);
  return page;
}

describe('benefit network on the H5', () => {
  it('anyone finds the partner merchants on a list and a map, and the open call, without signing in', async () => {
    const page = await phonePage();
    await page.goto(`${s.baseUrl}/h5/merchants`);
    await page.waitForSelector(`${tid('merchants-list')} [data-test^="merchant-item-"]`);
    await shot(page, 'benefit-h5-01-directory');
    // a category narrows the list
    await page.click(tid('merchants-cat-fitness'));
    await page.waitForSelector(`${tid('merchants-list')} [data-test^="merchant-item-"]`);
    // the map (its own chunk) draws the merchants on a plain background: no tile server is needed
    await page.click(tid('merchants-view'));
    await page.waitForSelector(`${tid('merchant-map')} .leaflet-interactive`);
    await shot(page, 'benefit-h5-02-map');
    await page.click(`${tid('merchants-list')} [data-test^="merchant-item-"]`);
    await page.waitForSelector(tid('merchant-name'));
    expect(await page.textContent(tid('merchant-discount'))).toBeTruthy();
    // not signed in: no complaint button
    expect(await page.locator(tid('merchant-complain')).count()).toBe(0);
    await page.goto(`${s.baseUrl}/h5/merchant-calls`);
    await page.waitForSelector(`[data-test^="call-apply-"], ${tid('calls-empty')}`);
    await shot(page, 'benefit-h5-03-open-call');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  it('a member claims a voucher and shows its QR; a merchant redeems the typed code once; the member sees 已核销', async () => {
    // The member claims from the 普惠 section of the home.
    const member = await phonePage();
    await member.goto(`${s.baseUrl}/h5/`);
    await member.fill(`${tid('phone-input')} input`, '13800000001');
    await member.fill(`${tid('password-input')} input`, 'Demo#2026');
    await member.click(tid('login-submit'));
    await member.waitForSelector(`${tid('home-section-benefits')} ${tid('home-entry-campaigns')}`);
    await member.click(tid('home-entry-campaigns'));
    await member.waitForSelector(`[data-test^="campaign-"], ${tid('campaigns-empty')}, ${tid('page-error')}`);
    await shot(member, 'benefit-h5-04-campaigns');
    const claim = member.locator('[data-test^="campaign-claim-"]').first();
    await claim.waitFor();
    await claim.click();
    await member.click('.van-dialog__confirm'); // 去使用
    await member.waitForSelector(tid('voucher-qr'));
    const code = ((await member.textContent(tid('voucher-code'))) ?? '').trim();
    expect(code).toMatch(/^\S{4,}$/);
    // the QR is drawn (dark modules on the canvas)
    await expect
      .poll(() =>
        member.evaluate(() => {
          const c = document.querySelector<HTMLCanvasElement>('[data-test="voucher-qr"]');
          const data = c?.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
          let dark = 0;
          for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 64) dark += 1;
          return dark;
        }),
      )
      .toBeGreaterThan(1000);
    await shot(member, 'benefit-h5-05-voucher-qr');

    // The merchant signs in on the 商户登录 tab and lands in merchant mode.
    const merchant = await phonePage();
    await merchant.goto(`${s.baseUrl}/h5/`);
    await merchant.click(tid('login-tab-merchant'));
    await merchant.fill(`${tid('username-input')} input`, 'merchant-shopping');
    await merchant.fill(`${tid('password-input')} input`, 'Demo#2026');
    await merchant.click(tid('login-submit'));
    await merchant.waitForSelector(tid('merchant-mode-name'));
    await shot(merchant, 'benefit-h5-06-merchant-home');
    await merchant.click(tid('merchant-mode-redeem'));
    await merchant.fill(`${tid('redeem-code')} input`, code);
    await merchant.click(tid('redeem-submit'));
    await merchant.waitForSelector(`${tid('redeem-result')}[data-result="success"]`);
    expect(await merchant.textContent(tid('redeem-title'))).toContain('核销成功');
    await shot(merchant, 'benefit-h5-07-redeemed');

    // The member's screen turns by itself (it polls while the QR shows).
    await member.waitForSelector(tid('voucher-redeemed'), { timeout: 15_000 });
    expect(await member.textContent(tid('voucher-redeemed'))).toContain('已核销');
    expect(await member.locator(tid('voucher-qr')).count()).toBe(0);
    await shot(member, 'benefit-h5-08-member-sees-redeemed');

    // A second redemption of the same code is refused, and says why.
    await merchant.click(tid('redeem-again'));
    await merchant.fill(`${tid('redeem-code')} input`, code);
    await merchant.click(tid('redeem-submit'));
    await merchant.waitForSelector(`${tid('redeem-result')}[data-result="failure"]`);
    expect(await merchant.getAttribute(tid('redeem-result'), 'data-code')).toBe('VOUCHER_ALREADY_REDEEMED');
    expect(await merchant.textContent(tid('redeem-title'))).toContain('已核销');
    await shot(merchant, 'benefit-h5-09-already-redeemed');

    // Today's redemptions count it.
    await merchant.goto(`${s.baseUrl}/h5/merchant/redemptions`);
    await merchant.waitForSelector(tid('redemptions-summary'));
    expect(await merchant.textContent(tid('redemptions-summary'))).toMatch(/共 [1-9]\d* 张/);

    // A merchant account stays in merchant mode; a member never reaches it.
    await merchant.goto(`${s.baseUrl}/h5/mine`);
    await merchant.waitForSelector(tid('merchant-mode-name'));
    await member.goto(`${s.baseUrl}/h5/merchant/redeem`);
    await member.waitForSelector(tid('home-greeting'));
    await member.context().close();
    await merchant.context().close();
  });

  it('no page error on the way', () => {
    expect(problems).toEqual([]);
  });
});
