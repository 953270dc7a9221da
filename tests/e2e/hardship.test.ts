import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../server/modules/member/index.js';
import { PHONE, shot, staffPage as openStaffPage, startStage, tid, type Stage, watchPage } from './support.js';

// 困难帮扶 from first signal to the member's phone: a delivery rider with a disability noted is
// flagged by identification; the union's officer verifies (recording the signed consent form),
// fills in the household, records the home visit and files it; proposes 送温暖 assistance, which
// the head of the city union approves; the rider signs in on the H5 and sees the file, the
// assistance and who viewed the file.

let s: Stage;
beforeAll(async () => {
  s = await startStage({ members: 60 });
}, 300_000);
afterAll(() => s?.close());

const RIDER = { name: '吴秀兰', phone: '13912345678' };

const staffPage = (username: string, problems: string[]) => openStaffPage(s, username, problems, 'menu-hardship-group');

describe('hardship help journey', () => {
  it('flagged → verified → filed → assistance approved → seen by the member on the H5', async () => {
    const problems: string[] = [];
    // The rider is on the roster of 瑞丰科技's union, with a disability and two dependants noted.
    const officer = await s.t.login('grassroots');
    const unionId = (await s.t.request('GET', '/api/orgs?pageSize=100', { cookie: officer }))
      .json<{ items: Array<{ id: number; code: string }> }>()
      .items.find((o) => o.code === 'JS-ZJ-JK-XS-001')?.id;
    const added = await s.t.request('POST', '/api/members', {
      cookie: officer,
      body: {
        name: RIDER.name,
        idNumber: makeIdNumber('321102', '1984-06-12', 58),
        phone: RIDER.phone,
        orgId: unionId,
        joinedAt: '2020-05-01',
        jobType: 'food_delivery',
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const memberId = added.json<{ id: number }>().id;
    const situation = await s.t.request('PUT', `/api/hardship/situations/${memberId}`, {
      cookie: officer,
      body: { disability: true, dependants: 2, incomePerHead: null, singleParent: true, disaster: false },
    });
    expect(situation.statusCode, situation.body).toBe(200);

    // Identification: a recompute in the console lists the rider with the reasons that fired.
    const desk = await staffPage('grassroots', problems);
    await desk.click(tid('menu-identify-candidates'));
    await desk.waitForSelector(tid('identify-table'));
    await desk.click(tid('identify-recompute'));
    const row = desk.locator(`${tid('identify-table')} .el-table__body-wrapper tbody tr`, { hasText: RIDER.name });
    await row.waitFor({ timeout: 60_000 });
    await row.locator(tid('reason-disability')).waitFor();
    await shot(desk, 'hardship-01-flagged');

    // Verify: no consent on record yet, so the officer records the signed form; the draft file opens.
    await row.locator(tid('identify-verify')).click();
    await desk.waitForSelector('.el-message-box', { state: 'visible' });
    await desk.click('.el-message-box__btns .el-button--primary');
    await desk.waitForURL(/\/admin\/hardship\/files\/\d+/);
    const fileId = Number(/files\/(\d+)/.exec(desk.url())?.[1]);
    await desk.waitForSelector(tid('hardship-add-member'));

    // The household: the rider (¥500 a month) and a child (no income) — ¥250 per head, under the city's ¥900 line.
    const people = desk.locator(`${tid('hardship-household')} .el-table__body-wrapper tbody tr`);
    const fillRow = async (i: number, name: string, income: string) => {
      await desk.click(tid('hardship-add-member'));
      const r = people.nth(i);
      await r.locator('td').nth(0).locator('input').fill(name);
      await r.locator('td').nth(6).locator('input').fill(income);
      await r.locator('td').nth(6).locator('input').press('Tab');
    };
    await fillRow(0, RIDER.name, '500');
    await fillRow(1, '吴小雨', '0');
    await desk.locator(`${tid('hardship-causes')} .el-checkbox`, { hasText: '单亲' }).click();
    await desk.locator(`${tid('hardship-causes')} .el-checkbox`, { hasText: '残疾' }).click();
    await desk.locator(`${tid('hardship-category')} .el-radio-button`, { hasText: '深度困难' }).click();
    await desk.click(tid('hardship-save'));
    await expect.poll(async () => (await desk.textContent(tid('hardship-per-head')))?.trim()).toContain('250');
    await shot(desk, 'hardship-02-household');

    // Submit for verification, record the home visit, file it.
    await desk.click(tid('hardship-submit'));
    await desk.click(tid('hardship-visit'));
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const date = desk.locator('.el-dialog .el-date-editor input').first();
    await date.fill(today);
    await date.press('Enter');
    await desk.fill('.el-dialog textarea', '入户走访：本人送外卖，独自抚养孩子，肢体残疾，收入低且不稳定。');
    await desk.click(tid('hardship-dialog-ok'));
    await desk.click(tid('hardship-file'));
    await desk.waitForSelector(tid('hardship-propose-aid'));
    await shot(desk, 'hardship-03-filed');

    // Propose ¥ from the city's 送温暖 programme; the head of the city union approves it.
    await desk.click(tid('hardship-propose-aid'));
    await desk.waitForSelector(`${tid('aid-propose-dialog')} ${tid('aid-propose-submit')}`, { state: 'visible' });
    await desk.click(tid('aid-propose-programme'));
    await desk.locator('.el-select-dropdown__item:visible', { hasText: '送温暖' }).first().click();
    await desk.waitForSelector(tid('aid-propose-cap'));
    await desk.click(tid('aid-propose-submit'));
    await desk.waitForSelector(tid('aid-propose-dialog'), { state: 'hidden' });
    const city = await s.t.login('city');
    const proposed = (
      await s.t.request('GET', `/api/assistance/records?fileId=${fileId}&state=proposed`, { cookie: city })
    ).json<{ items: Array<{ id: number; programmeName: string }> }>().items[0];
    expect(proposed).toBeTruthy();

    const head = await staffPage('head', problems);
    await head.click(tid('menu-aid-records'));
    await head.click(tid(`aid-approve-${proposed!.id}`));
    await head.waitForSelector(tid(`aid-approve-${proposed!.id}`), { state: 'detached' });
    await shot(head, 'hardship-04-approved');

    // The rider signs in with an SMS code and sees the filed file, the assistance and who viewed the file.
    const page = await s.browser.newPage(PHONE);
    watchPage(page, problems);
    await page.goto(`${s.baseUrl}/h5/login`);
    await page.click(tid('login-tab-code'));
    await page.fill(`${tid('phone-input')} input`, RIDER.phone);
    await page.click(tid('send-code'));
    const code = () => s.t.sms.filter((m) => m.phone === RIDER.phone).at(-1)?.params.code;
    await expect.poll(code, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    await page.fill(`${tid('code-input')} input`, code() ?? '');
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('home-greeting'));
    await page.goto(`${s.baseUrl}/h5/hardship`);
    await page.waitForSelector(`${tid('hardship-state')}[data-state="filed"]`);
    expect(await page.textContent(tid('hardship-state'))).toContain('深度困难');
    expect(await page.textContent(tid('hardship-assistance'))).toContain('送温暖');
    // the officer opened the file: the member sees a masked viewer with the union's name
    expect(await page.textContent(tid('hardship-viewers'))).toContain('瑞丰');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'hardship-05-h5-my-file');
    expect(problems).toEqual([]);
  }, 240_000);
});
