import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, shot, startStage, tid, watchPage, type Stage } from './support.js';

// 厂务公开 (issue 18, between sessions): a worker of 恒神 opens the enterprise congress's published
// record from the H5 home and reads the resolutions of the demo congress (seeded with the demo
// members). Every demo member of 恒神 holds a seat in the demo congress, so one of them stands in
// for the workforce; the entry and the page ask for no seat (the server test covers a seatless one).

let s: Stage;
const problems: string[] = [];

beforeAll(async () => {
  s = await startStage({ members: 60 });
}, 180_000);
afterAll(() => s?.close());

describe('厂务公开 on a worker’s phone', () => {
  it('opens the congress’s published record from the home and reads its resolutions', async () => {
    const context = await s.browser.newContext(PHONE);
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(`${s.baseUrl}/h5/`);
    await page.fill(`${tid('phone-input')} input`, '13800000003');
    await page.fill(`${tid('password-input')} input`, 'Demo#2026');
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('home-greeting'));

    // One congress above this worker's union: the entry opens its page directly.
    await page.click(tid('home-entry-congress-publication'));
    await page.waitForSelector(tid('publication-body'));
    expect(await page.textContent(tid('publication-body'))).toContain('职工代表大会');
    await page.waitForSelector(tid('publication-resolution'));
    const resolutions = await page.locator(tid('publication-resolution')).allTextContents();
    expect(resolutions.join('\n')).toContain('安全生产工作报告');
    expect(resolutions.join('\n')).toMatch(/通过/);
    await shot(page, 'congress-publication-01');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // 我的职代会 links the same page from the seat.
    await page.goto(`${s.baseUrl}/h5/congress`);
    await page.click(`[data-test^="congress-publication-"]`);
    await page.waitForSelector(tid('publication-body'));
    await context.close();
  });

  it('no page error on the way', () => {
    expect(problems).toEqual([]);
  });
});
