import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rows } from '../../server/kernel/db.js';
import { PHONE, shot, startStage, tid, type Stage, watchPage } from './support.js';

// The member's H5 home (issue 16): the sections and the notice strip, settings only under 我的;
// the inbox newest first with a badge that clears; 政策问答 opening on hot questions and
// categories; one name per case state; and every tap target at least 44 × 44 px.

let s: Stage;
beforeAll(async () => {
  s = await startStage({ members: 60 }); // the demo member's record and cases come with the members
}, 300_000);
afterAll(() => s?.close());

async function memberPage(problems: string[]): Promise<Page> {
  const page = await s.browser.newPage(PHONE);
  watchPage(page, problems);
  await page.goto(`${s.baseUrl}/h5/login`);
  await page.fill(`${tid('phone-input')} input`, '13800000001');
  await page.fill(`${tid('password-input')} input`, 'Demo#2026');
  await page.click(tid('login-submit'));
  await page.waitForSelector(tid('home-greeting'));
  return page;
}

/** The unread count as the server gives it to this page's session. */
const serverUnread = (page: Page) =>
  page.evaluate(async () => ((await (await fetch('/api/me/inbox/unread')).json()) as { unread: number }).unread);
const badgeText = async (page: Page, selector: string) => {
  const badge = page.locator(`${selector} .van-badge:not(.van-badge--dot)`);
  return (await badge.count()) && (await badge.first().isVisible()) ? ((await badge.first().textContent()) ?? '') : '';
};

/**
 * Every visible interactive element smaller than 44 × 44 px, as "what WxH". An element inside a
 * larger target (a switch in a clickable row, an icon in a button) counts by that target: the tap
 * lands on it either way.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const INTERACTIVE = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'textarea',
      '[role="button"]',
      '[role="tab"]',
      '[role="switch"]',
      '[role="checkbox"]',
      '.van-cell--clickable',
      '.van-grid-item__content--clickable',
      '.van-tabbar-item',
      '.van-nav-bar__left',
      '.van-nav-bar__right',
    ].join(', ');
    const TARGET =
      'button, a[href], .van-cell--clickable, .van-grid-item__content--clickable, .van-tabbar-item, .van-search__content, .van-field';
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(INTERACTIVE))) {
      const own = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (own.width === 0 || own.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
      if (el.matches('.van-nav-bar__right') && !el.textContent?.trim() && !el.querySelector('.van-icon')) continue;
      const target = el.closest<HTMLElement>(TARGET) ?? el;
      const r = target.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) {
        const what = `${target.tagName.toLowerCase()}.${[...target.classList].join('.')} "${(target.textContent ?? '').trim().slice(0, 12)}"`;
        out.push(`${what} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  });
}

describe('member H5 home', () => {
  it('shows the union and greeting, a notice strip, the 服务 / 普惠 / 活动 sections; settings live under 我的', async () => {
    const problems: string[] = [];
    const page = await memberPage(problems);
    expect(await page.textContent(tid('home-greeting'))).toContain('周师傅');
    expect(await page.textContent(tid('home-membership'))).toContain('工会');
    for (const section of ['services', 'benefits', 'activities'])
      await page.waitForSelector(tid(`home-section-${section}`));
    // Services grouped in one section, member entries included once the membership is known.
    for (const entry of ['services', 'cases', 'policy', 'voice', 'inbox', 'wishes', 'hardship', 'card', 'transfer'])
      await page.waitForSelector(`${tid('home-section-services')} ${tid(`home-entry-${entry}`)}`);
    // 普惠 holds the benefit network (merchant directory, vouchers); 活动 waits for its module with a
    // tidy empty state, not fake content.
    for (const entry of ['merchants', 'campaigns', 'vouchers'])
      await page.waitForSelector(`${tid('home-section-benefits')} ${tid(`home-entry-${entry}`)}`);
    expect(await page.textContent(tid('home-empty-activities'))).toContain('活动');
    // Settings are not services: no password, language or large-text tile; no English on the Chinese home.
    for (const gone of ['password', 'language', 'large-text', 'mine'])
      expect(await page.locator(tid(`home-entry-${gone}`)).count()).toBe(0);
    expect(await page.textContent('#app')).not.toMatch(/English|[A-Za-z]{4,}/);
    // The strip carries the latest unread messages; the bell counts them.
    const unread = await serverUnread(page);
    expect(unread).toBeGreaterThan(0);
    await page.waitForSelector(tid('home-notices'));
    await expect.poll(() => badgeText(page, tid('home-bell'))).toBe(String(unread));
    await expect.poll(() => badgeText(page, tid('tab-inbox'))).toBe(String(unread));
    await shot(page, 'h5-home-01-home');

    await page.click(tid('tab-mine'));
    await page.waitForSelector(tid('mine-password'));
    await page.waitForSelector(tid('language-switch'));
    await page.waitForSelector(tid('large-text-cell'));
    expect(await page.textContent(tid('mine-inbox-unread'))).toContain(String(unread));
    await shot(page, 'h5-home-02-mine-settings');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
  });

  it('the inbox is newest first; opening a message and 全部已读 clear the badges', async () => {
    const problems: string[] = [];
    const page = await memberPage(problems);
    const unread = await serverUnread(page);
    expect(unread).toBeGreaterThan(1);
    await page.click(tid('tab-inbox'));
    await page.locator('[data-test^="inbox-item-"]').first().waitFor();
    const times = await page.$$eval('[data-test="inbox-time"]', (els) =>
      els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')),
    );
    expect(times.length).toBeGreaterThan(1);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await shot(page, 'h5-home-03-inbox');

    // Opening an unread message reads it (and leads to its case, named as staff name it).
    const first = page.locator('[data-test^="inbox-item-"][data-read="false"]').first();
    const id = (await first.getAttribute('data-test'))?.replace('inbox-item-', '');
    await first.click();
    await page.waitForSelector(tid('case-state'));
    const state = await page.getAttribute(tid('case-state'), 'data-state');
    if (state === 'submitted') expect(await page.textContent(tid('case-state'))).toContain('待受理');
    expect(await page.textContent(tid('case-state'))).not.toContain('已提交');
    await expect.poll(() => serverUnread(page)).toBe(unread - 1);
    await page.goto(`${s.baseUrl}/h5/inbox`);
    await page.waitForSelector(`${tid(`inbox-item-${id}`)}[data-read="true"]`);
    await expect.poll(() => badgeText(page, tid('tab-inbox'))).toBe(String(unread - 1));

    await page.click(tid('inbox-read-all'));
    await expect.poll(() => badgeText(page, tid('tab-inbox'))).toBe('');
    expect(await serverUnread(page)).toBe(0);
    expect(await page.locator('[data-test^="inbox-item-"][data-read="false"]').count()).toBe(0);
    await page.click(tid('tab-home'));
    await page.waitForSelector(tid('home-greeting'));
    expect(await badgeText(page, tid('home-bell'))).toBe('');
    expect(await page.locator(tid('home-notices')).count()).toBe(0);
    await shot(page, 'h5-home-04-inbox-read');
    expect(problems).toEqual([]);
  });

  it('政策问答 opens on hot questions and categories; an opened answer counts a view', async () => {
    const problems: string[] = [];
    const page = await memberPage(problems);
    await page.click(tid('home-entry-policy'));
    await page.locator('[data-test^="policy-hot-"]').first().waitFor();
    expect(await page.locator('[data-test^="policy-category-"]').count()).toBeGreaterThan(3);
    await shot(page, 'h5-home-05-policy-hot');
    const first = page.locator('[data-test^="policy-hot-"]').first();
    const entryId = Number((await first.getAttribute('data-test'))?.replace('policy-hot-', ''));
    await first.locator('.van-collapse-item__title').click();
    await first.locator(tid('policy-hot-answer')).waitFor();
    const views = async () =>
      (await rows<{ n: number }>(s.t.deps.db, sql`select view_count as n from qa_entry where id = ${entryId}`))[0]?.n;
    await expect.poll(views).toBe(1);

    await page.click(tid('policy-category-work_injury'));
    await expect.poll(() => page.textContent(tid('policy-browse-title'))).toContain('工伤');
    await page.locator('[data-test^="policy-hot-"]').first().waitFor();
    expect(await page.textContent(tid('policy-hot'))).toContain('工伤');
    await shot(page, 'h5-home-06-policy-category');
    // Search is as it was.
    await page.fill(`${tid('policy-q')} input`, '工伤 材料');
    await page.click(tid('policy-search'));
    await page.waitForSelector(tid('policy-results'));
    expect(problems).toEqual([]);
  });

  it('every tap target on the home, inbox, policy, mine, services and case pages is at least 44 × 44 px', async () => {
    const problems: string[] = [];
    const page = await memberPage(problems);
    const found: Record<string, string[]> = {};
    await page.locator('[data-test^="home-entry-"]').first().waitFor();
    await page.waitForSelector(tid('home-entry-card'));
    found.home = await smallTargets(page);
    await page.click(tid('tab-inbox'));
    await page.locator('[data-test^="inbox-item-"]').first().waitFor();
    found.inbox = await smallTargets(page);
    await page.goto(`${s.baseUrl}/h5/policy`);
    await page.locator('[data-test^="policy-hot-"]').first().waitFor();
    found.policy = await smallTargets(page);
    await page.goto(`${s.baseUrl}/h5/mine`);
    await page.waitForSelector(tid('large-text-cell'));
    found.mine = await smallTargets(page);
    await page.goto(`${s.baseUrl}/h5/services`);
    await page.locator('[data-test^="service-"]').first().waitFor();
    found.services = await smallTargets(page);
    await page.goto(`${s.baseUrl}/h5/cases`);
    await page.locator('[data-test^="case-item-"]').first().waitFor();
    found.cases = await smallTargets(page);
    await page.locator('[data-test^="case-item-"]').first().click();
    await page.waitForSelector(tid('case-state'));
    found.case = await smallTargets(page);
    expect(found).toEqual({ home: [], inbox: [], policy: [], mine: [], services: [], cases: [], case: [] });
    expect(problems).toEqual([]);
  });
});
