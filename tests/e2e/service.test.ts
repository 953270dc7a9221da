import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, shot, staffPage as openStaffPage, startStage, tid, type Stage, watchPage } from './support.js';

// The service center end to end: a member applies on the H5 and staff handle the case in the
// console until the member rates it; a walk-in is registered at the counter by keyboard; a member
// searches the policy knowledge base in plain words.

let s: Stage;
// Seeding the demo members and the service demo takes a while on a busy machine.
beforeAll(async () => {
  s = await startStage({ members: 60 });
}, 300_000);
afterAll(() => s?.close());

const MEMBER_PHONE = '13800000001';

async function memberPage(problems: string[]): Promise<Page> {
  const page = await s.browser.newPage(PHONE);
  watchPage(page, problems);
  await page.goto(`${s.baseUrl}/h5/login`);
  await page.fill(`${tid('phone-input')} input`, MEMBER_PHONE);
  await page.fill(`${tid('password-input')} input`, 'Demo#2026');
  await page.click(tid('login-submit'));
  await page.waitForSelector(tid('home-greeting'));
  return page;
}

const staffPage = (username: string, problems: string[]) => openStaffPage(s, username, problems, 'menu-service-group');

/** Runs one step on the case page through its dialog and waits for the state it leads to. */
async function step(desk: Page, action: string, state: string, fill?: () => Promise<void>): Promise<void> {
  await desk.click(tid(`case-action-${action}`));
  await desk.waitForSelector(`${tid('case-action-dialog')} ${tid('case-action-submit')}`, { state: 'visible' });
  await fill?.();
  await desk.click(tid('case-action-submit'));
  await desk.waitForSelector(`${tid('case-detail-state')}[data-state="${state}"]`);
}

describe('service center journeys', () => {
  it('a member applies for legal aid on the H5, staff accept, start and resolve it, the member rates it', async () => {
    const problems: string[] = [];
    const page = await memberPage(problems);
    await page.click(tid('home-entry-services'));
    const legal = page.locator('[data-test^="service-"]', { hasText: '法律援助' }).first();
    await legal.waitFor();
    await shot(page, 'service-01-h5-services');
    await legal.click();
    await page.waitForSelector(tid('apply-form'));
    // 纠纷类型 is a choice: its options are radios
    await page.click(`${tid('apply-field-kind')} >> text=拖欠工资`);
    await page.fill(`${tid('apply-field-employer')} textarea`, '镇江示范建材有限公司');
    await page.fill(`${tid('apply-field-summary')} textarea`, '三个月加班费一直未结算，多次找公司未果');
    await page.fill(`${tid('apply-field-amount')} input`, '8600');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'service-02-h5-apply');
    await page.click(tid('apply-submit'));
    await page.waitForSelector(`${tid('case-state')}[data-state="submitted"]`);
    const no = ((await page.textContent(tid('case-no'))) ?? '').trim();
    expect(no).toMatch(/^FW\d{8}\d+$/);
    await shot(page, 'service-03-h5-case-submitted');

    // the service center takes it from its queue
    const desk = await staffPage('center', problems);
    await desk.click(tid('menu-cases'));
    await desk.click(tid('case-tab-team'));
    await desk.fill(tid('case-filter-q'), no);
    await desk.click(tid('case-search'));
    const row = desk.locator(`${tid('case-table')} a`, { hasText: no });
    await row.waitFor();
    await shot(desk, 'service-04-admin-queue');
    await row.click();
    await desk.waitForSelector(`${tid('case-detail-state')}[data-state="submitted"]`);
    expect(await desk.textContent(tid('case-fields'))).toContain('三个月加班费一直未结算');
    // the applicant is masked for staff too
    expect(await desk.textContent(tid('case-detail-applicant'))).toContain('*');
    await step(desk, 'accept', 'accepted');
    expect(await desk.textContent(tid('case-detail-assignee'))).toContain('陈专员');
    await step(desk, 'start', 'in_progress', () => desk.fill(tid('case-action-note'), '已联系用人单位人事部门'));
    await step(desk, 'resolve', 'resolved', () =>
      desk.fill(tid('case-action-resolution'), '经工会调解，公司同意在本月 25 日前补发加班费 8600 元。'),
    );
    await desk.waitForSelector(tid('case-timeline-resolved'));
    await shot(desk, 'service-05-admin-case-resolved');

    // the member sees the result and the steps, and rates it
    await page.reload();
    await page.waitForSelector(`${tid('case-state')}[data-state="resolved"]`);
    expect(await page.textContent(tid('case-result'))).toContain('补发加班费');
    await page.waitForSelector(tid('case-step-accepted'));
    // staff names stay inside the union: the member sees the org
    expect(await page.textContent(tid('case-timeline'))).not.toContain('陈专员');
    await page.click(tid('rate-satisfied'));
    await page.fill(`${tid('rate-comment')} textarea`, '办得很快，谢谢工会');
    await shot(page, 'service-06-h5-rate');
    await page.click(tid('rate-submit'));
    await page.waitForSelector(tid('case-rating'));
    expect(await page.textContent(tid('case-rating'))).toContain('满意');
    await page.goto(`${s.baseUrl}/h5/cases`);
    await page.waitForSelector(tid('cases-list'));
    await page.locator('[data-test^="case-item-"]', { hasText: no }).waitFor();
    await shot(page, 'service-07-h5-my-cases');
    await page.goto(`${s.baseUrl}/h5/inbox`);
    await page.locator('[data-test^="inbox-item-"]').first().waitFor();
    await shot(page, 'service-08-h5-inbox');

    // the rating reaches the console
    await desk.reload();
    await expect.poll(() => desk.textContent(tid('case-detail-rating'))).toContain('满意');
    expect(problems).toEqual([]);
  });

  it('counter intake: a walk-in shows the member card, the staff member registers a case by keyboard', async () => {
    const problems: string[] = [];
    const member = await s.t.loginMember(MEMBER_PHONE);
    const card = (await s.t.request('GET', '/api/me/card', { cookie: member })).json<{ token: string }>();
    expect(card.token).toBeTruthy();

    const desk = await staffPage('center', problems);
    await desk.click(tid('menu-counter'));
    await desk.waitForSelector(tid('counter-q'));
    // Alt+3: look up by the card QR; the scanner types the token and presses Enter
    await desk.keyboard.press('Alt+3');
    await expect.poll(() => desk.getAttribute(tid('counter-q'), 'placeholder')).toContain('二维码');
    await desk.focus(tid('counter-q'));
    await desk.keyboard.type(card.token, { delay: 0 });
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(tid('counter-member'));
    expect(await desk.textContent(tid('counter-member-name'))).toContain('*');
    // choose the service by typing in the select, Enter picks it
    await desk.click(tid('counter-service'));
    await desk.keyboard.type('政策');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(tid('counter-field-question'));
    await desk.click(tid('counter-field-topic'));
    await desk.keyboard.type('工伤');
    await desk.keyboard.press('Enter');
    await desk.fill(tid('counter-field-question'), '在外卖配送途中摔伤，怎么申请工伤认定？');
    await desk.fill(tid('counter-note'), '职工到窗口咨询');
    await shot(desk, 'service-09-admin-counter-form');
    await desk.keyboard.press('Control+Enter');
    await desk.waitForSelector(tid('counter-done'));
    const no = ((await desk.textContent(tid('counter-case-no'))) ?? '').trim();
    expect(no).toMatch(/^FW\d+/);
    await shot(desk, 'service-10-admin-counter-done');

    // the case is in the system with its channel, and the member sees it too
    const staff = await s.t.login('center');
    const found = (await s.t.request('GET', `/api/cases?q=${no}`, { cookie: staff })).json<{
      items: Array<{ id: number; channel: string; serviceName: string }>;
    }>();
    expect(found.items[0]?.channel).toBe('counter');
    expect(found.items[0]?.serviceName).toContain('政策咨询');
    const mine = (await s.t.request('GET', '/api/cases?pageSize=50', { cookie: member })).json<{
      items: Array<{ no: string }>;
    }>();
    expect(mine.items.map((c) => c.no)).toContain(no);

    // next person: the form is clear and the lookup has the focus again
    await desk.click(tid('counter-next'));
    await expect.poll(() => desk.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('counter-q');

    // the other service-center screens open without errors
    for (const [menu, ready, name] of [
      ['menu-service-figures', 'figures-cards', 'service-11-admin-figures'],
      ['menu-service-posts', 'posts-table', 'service-12-admin-posts'],
      ['menu-voice', 'voice-table', 'service-13-admin-voice'],
      ['menu-alerts', 'alert-table', 'service-14-admin-alerts'],
      ['menu-knowledge', 'qa-table', 'service-15-admin-knowledge'],
    ] as const) {
      await desk.click(tid(menu));
      await desk.waitForSelector(tid(ready));
      await desk.waitForTimeout(300);
      await shot(desk, name);
    }
    // the queue in English
    await desk.click(tid('lang-switch'));
    await desk.click(tid('lang-en'));
    await desk.click(tid('menu-cases'));
    await desk.click(tid('case-tab-all'));
    await desk.locator('[data-test^="case-row-"]').first().waitFor();
    expect(await desk.textContent(tid('case-tab-all'))).toBe('All in scope');
    await shot(desk, 'service-16-admin-queue-en');
    await desk.click(tid('lang-switch'));
    await desk.click(tid('lang-zh-CN'));
    expect(problems).toEqual([]);
  });

  it('a member searches the policy knowledge base for "工伤 材料" and finds the answer, highlighted', async () => {
    const problems: string[] = [];
    const page = await memberPage(problems);
    await page.click(tid('home-entry-policy'));
    await page.fill(`${tid('policy-q')} input`, '工伤 材料');
    await page.keyboard.press('Enter');
    await page.waitForSelector(tid('policy-results'));
    const first = page.locator('[data-test^="policy-hit-"]').first();
    expect(await first.textContent()).toContain('工伤认定');
    expect(await first.locator('em').count()).toBeGreaterThan(0);
    expect(
      await page
        .locator(`${tid('policy-answer')}`)
        .first()
        .textContent(),
    ).toContain('材料');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'service-17-h5-policy-search');
    // no answer fits: the question goes to the union as a 政策咨询 case
    await page.fill(`${tid('policy-ask-text')} textarea`, '在平台接单被扣了押金不退，工会能帮忙要回来吗？');
    await page.click(tid('policy-ask-submit'));
    await page.click(tid('policy-asked'));
    await page.waitForSelector(`${tid('case-state')}[data-state="submitted"]`);
    expect(await page.textContent(tid('case-service'))).toContain('政策咨询');
    expect(problems).toEqual([]);
  });

  it('a member writes to the union without their name; staff reply and publish it; the keyword raises an alert', async () => {
    const problems: string[] = [];
    const page = await memberPage(problems);
    await page.click(tid('home-entry-voice'));
    await page.click(tid('voice-kind-complaint'));
    await page.fill(`${tid('voice-title')} input`, '车间班组长说下月还要欠薪');
    await page.fill(
      `${tid('voice-content')} textarea`,
      '我们车间已经两个月没发工资了，班组长说下个月可能还要拖欠工资，大家很着急。',
    );
    await page.click(tid('voice-consent'));
    await shot(page, 'service-18-h5-voice-write');
    await page.click(tid('voice-submit'));
    const mine = page.locator('[data-test^="voice-item-"]', { hasText: '车间班组长说下月还要欠薪' });
    await mine.waitFor();

    const desk = await staffPage('city', problems);
    // the alert reached the officer's notices
    await desk.click(tid('notice-bell'));
    await desk
      .locator(`${tid('notice-list')} .item`)
      .first()
      .waitFor();
    await desk.waitForTimeout(300);
    await shot(desk, 'service-19-admin-notices');
    await desk.click(tid('menu-voice'));
    await desk.fill(tid('voice-filter-q'), '车间班组长');
    await desk.click(tid('voice-search'));
    const row = desk.locator('[data-test^="voice-row-"]', { hasText: '车间班组长说下月还要欠薪' });
    await row.waitFor();
    await row.click();
    await desk.waitForSelector(tid('voice-author'));
    // the member did not choose to show their name: staff never see it
    expect(await desk.textContent(tid('voice-drawer'))).not.toContain('周师傅');
    await desk.fill(tid('voice-reply'), '已转市总工会法律援助中心核实，欠薪问题会督促企业限期支付。');
    await desk.click(tid('voice-send-reply'));
    await expect.poll(() => desk.isEnabled(tid('voice-publish'))).toBe(true);
    await desk.click(tid('voice-publish'));
    await expect.poll(() => desk.textContent(tid('voice-publish'))).toContain('取消公开');
    await shot(desk, 'service-20-admin-voice-reply');
    await desk.keyboard.press('Escape');

    // 欠薪 is a sensitive topic: a keyword alert is on the board with the item behind it
    await desk.click(tid('menu-alerts'));
    const alert = desk.locator('[data-test^="alert-row-"]', { hasText: '欠薪' }).first();
    await alert.waitFor();
    await desk
      .locator(`${tid('alert-table')} .el-table__expand-icon`)
      .first()
      .click();
    await desk.locator(tid('alert-table'), { hasText: '车间班组长说下月还要欠薪' }).waitFor();
    await shot(desk, 'service-21-admin-alerts');

    // the member reads the reply
    await page.reload();
    await page.click(tid('voice-tab-mine'));
    await expect.poll(() => mine.locator(tid('voice-reply')).textContent()).toContain('督促企业限期支付');
    await shot(page, 'service-22-h5-voice-reply');
    expect(problems).toEqual([]);
  });

  it('a knowledge-base entry written by one officer is published by another and then found by members', async () => {
    const problems: string[] = [];
    const writer = await staffPage('city', problems);
    await writer.click(tid('menu-knowledge'));
    await writer.click(tid('qa-create'));
    await writer.waitForSelector(`${tid('qa-dialog')} ${tid('qa-form-question')}`, { state: 'visible' });
    await writer.fill(tid('qa-form-question'), '夜班津贴的发放标准由谁确定？');
    await writer.fill(
      tid('qa-form-answer'),
      '夜班津贴属于工资的组成部分，标准由用人单位与工会或职工代表通过集体协商确定，并写入集体合同或规章制度。',
    );
    await writer.fill(tid('qa-form-source'), '《集体合同规定》');
    await writer.click(tid('qa-form-submit'));
    await writer.fill(tid('qa-filter-q'), '夜班津贴');
    await writer.click(tid('qa-search'));
    const status = writer.locator('[data-test^="qa-status-"]').first();
    await expect.poll(() => status.textContent()).toContain('草稿');
    await shot(writer, 'service-23-admin-knowledge-draft');

    const reviewer = await staffPage('admin', problems);
    await reviewer.click(tid('menu-knowledge'));
    await reviewer.fill(tid('qa-filter-q'), '夜班津贴');
    await reviewer.click(tid('qa-search'));
    await reviewer.locator('[data-test^="qa-publish-"]').first().click();
    await reviewer.click('.el-message-box__btns .el-button--primary');
    await expect.poll(() => reviewer.locator('[data-test^="qa-status-"]').first().textContent()).toContain('已发布');

    const page = await memberPage(problems);
    await page.goto(`${s.baseUrl}/h5/policy?q=${encodeURIComponent('夜班津贴 标准')}`);
    await page.waitForSelector(tid('policy-results'));
    expect(await page.locator('[data-test^="policy-hit-"]').first().textContent()).toContain('夜班津贴');
    expect(problems).toEqual([]);
  });

  it('a city officer defines a service with its form; members of the unions below apply with that form', async () => {
    const problems: string[] = [];
    const desk = await staffPage('city', problems);
    await desk.click(tid('menu-service-catalog'));
    // the province's services are inherited, and say so
    await desk.locator(tid('catalog-table'), { hasText: '继承自' }).waitFor();
    await desk.click(tid('catalog-create'));
    await desk.waitForSelector(`${tid('service-dialog')} ${tid('service-form-name')}`, { state: 'visible' });
    await desk.fill(tid('service-form-name'), '职工子女暑期托管');
    await desk.click(tid('form-add-field'));
    await desk.fill(tid('form-field-key-0'), 'child');
    await desk.fill(tid('form-field-label-0'), '孩子姓名');
    await desk.click(`${tid('form-field-required-0')}`);
    await desk.click(tid('form-add-field'));
    await desk.fill(tid('form-field-key-1'), 'session');
    await desk.fill(tid('form-field-label-1'), '班次');
    await desk.click(tid('form-field-type-1'));
    await desk.locator('.el-select-dropdown__item:visible', { hasText: '选项' }).click();
    await desk.click(tid('form-field-options-1'));
    for (const option of ['上午班', '全天班']) {
      await desk.keyboard.type(option);
      await desk.keyboard.press('Enter');
    }
    await shot(desk, 'service-24-admin-catalog-form');
    await desk.click(tid('service-form-submit'));
    await desk.waitForSelector(tid('service-dialog'), { state: 'hidden' });
    await desk.locator(tid('catalog-table'), { hasText: '职工子女暑期托管' }).waitFor();
    await shot(desk, 'service-25-admin-catalog');

    const page = await memberPage(problems);
    await page.goto(`${s.baseUrl}/h5/services`);
    await page.locator('[data-test^="service-"]', { hasText: '职工子女暑期托管' }).click();
    await page.waitForSelector(tid('apply-field-child'));
    expect(await page.textContent(tid('apply-field-session'))).toContain('全天班');
    // the required field is checked before anything is sent
    await page.click(tid('apply-submit'));
    await expect.poll(() => page.textContent(tid('apply-field-child'))).toContain('请填写孩子姓名');
    expect(problems).toEqual([]);
  });
});
