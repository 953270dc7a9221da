import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, shot, staffPage as openStaffPage, startStage, tid, type Stage, watchPage } from './support.js';

// 困难帮扶 end to end: a member posts a 微心愿 on the H5 (anonymous), staff publish it in the
// console, another worker claims it on the H5 board (the poster cannot); an officer proposes
// assistance for a filed household from its file and the head of the union approves it.

let s: Stage;
beforeAll(async () => {
  s = await startStage({ members: 60 });
}, 300_000);
afterAll(() => s?.close());

const staffPage = (username: string, problems: string[]) => openStaffPage(s, username, problems, 'menu-hardship-group');

describe('assistance journeys', () => {
  it('微心愿: a member posts a wish, staff publish it, another worker claims it', async () => {
    const problems: string[] = [];
    const page = await s.browser.newPage(PHONE);
    watchPage(page, problems);
    await page.goto(`${s.baseUrl}/h5/login`);
    await page.fill(`${tid('phone-input')} input`, '13800000001');
    await page.fill(`${tid('password-input')} input`, 'Demo#2026');
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('home-greeting'));
    await page.click(tid('home-entry-wishes'));
    await page.waitForSelector(tid('wish-board'));
    await shot(page, 'aid-01-h5-wish-board');
    await page.click(tid('wish-tab-post'));
    // the form says plainly that the wish is anonymous
    expect(await page.textContent(tid('wish-anonymous'))).toContain('匿名');
    await page.fill(`${tid('wish-title')} input`, '给孩子买一台护眼台灯');
    await page.fill(`${tid('wish-story')} textarea`, '孩子上三年级，晚上写作业的灯太暗，想要一台护眼台灯。');
    await page.fill(`${tid('wish-estimated')} input`, '180');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'aid-02-h5-wish-post');
    await page.click(tid('wish-submit'));
    const mine = page.locator('[data-test^="wish-mine-"][data-state="submitted"]', { hasText: '护眼台灯' });
    await mine.waitFor();
    const id = Number(((await mine.getAttribute('data-test')) ?? '').replace('wish-mine-', ''));
    expect(id).toBeGreaterThan(0);
    await shot(page, 'aid-03-h5-my-wishes');

    // the union reviews and publishes it
    const desk = await staffPage('city', problems);
    await desk.click(tid('menu-aid-wishes'));
    await desk.waitForSelector(tid(`wish-publish-${id}`));
    // staff see the poster masked
    expect(await desk.locator(`${tid('aid-wishes')} tr`, { hasText: '护眼台灯' }).textContent()).toContain('*');
    await shot(desk, 'aid-04-admin-wishes');
    await desk.click(tid(`wish-publish-${id}`));
    await desk.waitForSelector(tid(`wish-publish-${id}`), { state: 'detached' });

    // on the board, the poster cannot claim their own wish
    await page.click(tid('wish-tab-board'));
    await page.reload();
    await page.waitForSelector(`${tid(`wish-board-${id}`)}[data-state="published"]`);
    expect(await page.locator(tid(`wish-claim-${id}`)).count()).toBe(0);

    // another worker signs in with an SMS code and claims it
    const other = await s.browser.newPage(PHONE);
    watchPage(other, problems);
    await other.goto(`${s.baseUrl}/h5/login`);
    await other.click(tid('login-tab-code'));
    await other.fill(`${tid('phone-input')} input`, '13912340001');
    await other.click(tid('send-code'));
    await expect
      .poll(() => s.t.sms.find((m) => m.phone === '13912340001')?.params.code, { timeout: 10_000 })
      .toMatch(/^\d{6}$/);
    await other.fill(`${tid('code-input')} input`, s.t.sms.find((m) => m.phone === '13912340001')?.params.code ?? '');
    await other.click(tid('login-submit'));
    await other.waitForSelector(tid('home-greeting'));
    await other.goto(`${s.baseUrl}/h5/wishes`);
    const card = other.locator(tid(`wish-board-${id}`));
    await card.waitFor();
    // anonymous: the area shows, the poster's name and union do not
    expect(await card.textContent()).not.toContain('瑞丰');
    await shot(other, 'aid-05-h5-board-other');
    await other.click(tid(`wish-claim-${id}`));
    await other.click('.van-dialog__confirm');
    await other.locator(tid(`wish-board-${id}`)).waitFor({ state: 'detached' });
    await other.click(tid('wish-filter-claimed'));
    await other.waitForSelector(`${tid(`wish-board-${id}`)}[data-state="claimed"]`);
    await shot(other, 'aid-06-h5-claimed');

    // the poster sees who claimed it
    await page.goto(`${s.baseUrl}/h5/wishes?tab=mine`);
    await page.waitForSelector(`${tid(`wish-mine-${id}`)}[data-state="claimed"]`);
    expect(await page.textContent(tid(`wish-mine-${id}`))).toContain('爱心会员');
    // 我的帮扶: the household's assistance (or an empty page saying there is none)
    await page.goto(`${s.baseUrl}/h5/assistance`);
    await page.waitForSelector(`${tid('assistance-list')}, ${tid('assistance-empty')}`);
    await shot(page, 'aid-07-h5-assistance-received');
    expect(problems).toEqual([]);
  }, 180_000);

  it("an officer proposes assistance from a household's file; the head approves it", async () => {
    const problems: string[] = [];
    const city = await s.t.login('city');
    // a techco household that has had one 中秋 (festival) gift: the programme allows two, up to ¥600
    const records = (await s.t.request('GET', '/api/assistance/records?pageSize=100', { cookie: city })).json<{
      items: Array<{ fileId: number; kind: string }>;
    }>().items;
    const festival = records.filter((r) => r.kind === 'festival');
    const once = festival.find((r) => festival.filter((x) => x.fileId === r.fileId).length === 1);
    const file = once ? { id: once.fileId } : undefined;
    expect(file).toBeTruthy();

    const desk = await staffPage('grassroots', problems);
    await desk.goto(`${s.baseUrl}/admin/hardship/files/${file!.id}`);
    await desk.click(tid('hardship-propose-aid'));
    await desk.waitForSelector(`${tid('aid-propose-dialog')} ${tid('aid-propose-submit')}`, { state: 'visible' });
    await desk.click(tid('aid-propose-programme'));
    await desk.locator('.el-select-dropdown__item:visible', { hasText: '中秋' }).first().click();
    await desk.waitForSelector(tid('aid-propose-cap'));
    expect(await desk.textContent(tid('aid-propose-facts'))).toContain('余额');
    await shot(desk, 'aid-08-admin-propose-programme');
    await desk.click(tid('aid-propose-goods-radio'));
    await desk.fill(tid('aid-propose-goods'), '月饼一盒');
    await shot(desk, 'aid-09-admin-propose');
    await desk.click(tid('aid-propose-submit'));
    await desk.waitForSelector(tid('aid-propose-dialog'), { state: 'hidden' });

    const proposed = (
      await s.t.request('GET', `/api/assistance/records?fileId=${file!.id}&state=proposed`, { cookie: city })
    )
      .json<{ items: Array<{ id: number; goods: string | null }> }>()
      .items.find((r) => r.goods === '月饼一盒');
    expect(proposed).toBeTruthy();

    const head = await staffPage('head', problems);
    await head.click(tid('menu-aid-records'));
    await head.waitForSelector(tid(`aid-approve-${proposed!.id}`));
    await shot(head, 'aid-10-admin-pending');
    await head.click(tid(`aid-approve-${proposed!.id}`));
    await head.waitForSelector(tid(`aid-approve-${proposed!.id}`), { state: 'detached' });
    const after = (await s.t.request('GET', `/api/assistance/records/${proposed!.id}`, { cookie: city })).json<{
      state: string;
    }>();
    expect(after.state).toBe('approved');
    expect(problems).toEqual([]);
  }, 180_000);
});
