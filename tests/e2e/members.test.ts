import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../server/modules/member/index.js';
import { shot, startStage, watchPage, type Stage } from './support.js';

// Joining on the H5: a worker signs in with an SMS code, opens the union's invite link, fills in
// the real-name form; the union's officer approves; the worker then has an electronic card.

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

describe('member registry journeys', () => {
  it('a worker applies to join on the H5, the officer approves, the worker shows a member card', async () => {
    const problems: string[] = [];
    const page = await s.browser.newPage(phone);
    watchPage(page, problems);
    const mobile = '13612345678';
    await page.goto(`${s.baseUrl}/h5/login`);
    await page.click(tid('login-tab-code'));
    await page.fill(`${tid('phone-input')} input`, mobile);
    await page.click(tid('send-code'));
    await expect
      .poll(() => s.t.sms.find((m) => m.phone === mobile)?.params.code, { timeout: 10_000 })
      .toMatch(/^\d{6}$/);
    await page.fill(`${tid('code-input')} input`, s.t.sms.find((m) => m.phone === mobile)?.params.code ?? '');
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('home-greeting'));

    // the union's invite link
    await page.goto(`${s.baseUrl}/h5/join?union=JS-ZJ-JK-XS-001`);
    await page.waitForSelector(tid('join-union-chosen'));
    expect(await page.textContent(tid('join-union-chosen'))).toContain('镇江瑞丰科技有限公司工会');
    const idNumber = makeIdNumber('321102', '1994-09-18', 555);
    await page.fill(`${tid('join-name')} input`, '吴新工');
    await page.fill(`${tid('join-id-number')} input`, idNumber);
    await page.waitForSelector(tid('join-gender'));
    expect(await page.inputValue(`${tid('join-gender')} input`)).toBe('男');
    await page.click(tid('join-job-type'));
    await page.click(tid('join-job-type-option-courier'));
    await page.fill(`${tid('join-employer')} input`, '顺丰速运');
    await page.fill(`${tid('join-post')} input`, '快递员');
    await shot(page, 'members-01-h5-join-form');
    await page.click(tid('join-submit'));
    await page.waitForSelector(`${tid('join-status')}[data-status="pending"]`);
    await shot(page, 'members-02-h5-join-pending');

    // the union's officer approves in the console
    const desk = await s.browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    watchPage(desk, problems);
    await desk.goto(`${s.baseUrl}/admin/`);
    await desk.fill(tid('login-username'), 'grassroots');
    await desk.fill(tid('login-password'), 'Demo#2026');
    await desk.click(tid('login-submit'));
    await desk.waitForSelector(tid('menu-members'));
    // the union's invite QR (what the worker scanned) is on its org page
    await desk.goto(`${s.baseUrl}/admin/orgs`);
    await desk.locator('[data-test^="org-node-"]').first().click();
    await desk.click(tid('org-invite'));
    await expect.poll(() => desk.inputValue(tid('org-invite-url'))).toContain('/h5/join?union=JS-ZJ-JK-XS-001');
    await desk.locator(tid('org-invite-qr')).waitFor();
    await desk.waitForTimeout(400); // the dialog's opening animation
    await shot(desk, 'members-03-admin-invite-qr');
    await desk.keyboard.press('Escape');
    await desk.goto(`${s.baseUrl}/admin/members/join-requests`);
    await desk.locator(tid('join-table'), { hasText: '吴新工' }).waitFor();
    const officer = await s.t.login('grassroots');
    const pending = (await s.t.request('GET', '/api/join-requests?status=pending', { cookie: officer })).json<{
      items: Array<{ id: number; name: string }>;
    }>();
    const request = pending.items.find((r) => r.name === '吴新工');
    expect(request).toBeDefined();
    await shot(desk, 'members-04-admin-join-requests');
    await desk.click(tid(`join-approve-${request?.id}`));
    await desk.click('.el-message-box__btns .el-button--primary');
    await expect
      .poll(async () =>
        (await s.t.request('GET', '/api/join-requests?status=approved', { cookie: officer }))
          .json<{ items: Array<{ name: string }> }>()
          .items.some((r) => r.name === '吴新工'),
      )
      .toBe(true);

    // the new member is on the roster; the officer reveals the full ID number with a reason
    await desk.goto(`${s.baseUrl}/admin/members`);
    await desk.fill(tid('member-filter-q'), idNumber);
    await desk.click(tid('member-search'));
    await desk.locator(tid('member-table'), { hasText: '吴新工' }).waitFor();
    expect(await desk.textContent(tid('member-table'))).not.toContain(idNumber);
    await shot(desk, 'members-05-admin-roster');
    const created = (await s.t.request('GET', `/api/members?q=${idNumber}`, { cookie: officer })).json<{
      items: Array<{ id: number }>;
    }>().items[0];
    await desk.goto(`${s.baseUrl}/admin/members/${created?.id}`);
    await desk.waitForSelector(tid('member-detail'));
    await desk.click(tid('member-reveal'));
    await desk.fill(
      `${tid('reveal-reason')} textarea, textarea${tid('reveal-reason')}, ${tid('reveal-reason')} input`,
      '办理入会材料核对',
    );
    await desk.click(tid('reveal-submit'));
    await expect.poll(() => desk.textContent(tid('reveal-id-number'))).toBe(idNumber);
    await shot(desk, 'members-06-admin-reveal');

    await page.reload();
    await page.waitForSelector(`${tid('join-status')}[data-status="approved"]`);
    await page.goto(`${s.baseUrl}/h5/card`);
    await page.waitForSelector(`${tid('card-qr')} img, img${tid('card-qr')}`);
    expect(await page.textContent(tid('card-name'))).toContain('吴新工');
    expect(await page.textContent(tid('card-no'))).toMatch(/UH\d{9}/);
    await shot(page, 'members-07-h5-card');
    const src = await page.getAttribute(`${tid('card-qr')} img, img${tid('card-qr')}`, 'src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    await page.goto(`${s.baseUrl}/h5/member`);
    await page.waitForSelector(tid('info-id-number'));
    const shown = (await page.textContent(tid('info-id-number'))) ?? '';
    expect(shown).not.toContain(idNumber);
    expect(shown).toContain(idNumber.slice(-4));
    await shot(page, 'members-08-h5-info');
    expect(problems).toEqual([]);
  });
});
