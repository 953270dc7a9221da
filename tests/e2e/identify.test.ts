import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, shot, startStage, tid, type Stage, watchPage } from './support.js';

// Precise identification in the console: the list explains itself (reason tags), a candidate is
// dismissed with a reason, another is verified (recording the signed consent form on the way) and
// lands on its new draft file, a dry run of the rules shows its counts, and a member's situation
// is shown and edited on the member detail.

let s: Stage;
beforeAll(async () => {
  s = await startStage({ members: 300 });
}, 300_000);
afterAll(() => s?.close());

describe('identification journey', () => {
  it('list with reasons → dismiss → verify → draft file; rules dry run', async () => {
    const problems: string[] = [];
    const desk = await s.browser.newPage(DESKTOP);
    watchPage(desk, problems);
    await desk.goto(`${s.baseUrl}/admin/`);
    await desk.fill(tid('login-username'), 'admin');
    await desk.fill(tid('login-password'), 'Demo#2026');
    await desk.click(tid('login-submit'));
    await desk.waitForSelector(tid('menu-identify-candidates'));
    await desk.click(tid('menu-identify-candidates'));
    const rows = desk.locator(`${tid('identify-table')} .el-table__body-wrapper tbody tr`);
    await rows.first().waitFor();
    await desk.locator('[data-test^="reason-"]').first().waitFor();
    const settled = () => desk.waitForSelector(`${tid('identify-table')} .el-loading-mask`, { state: 'detached' });
    await settled();
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(6);
    await shot(desk, 'identify-01-list');

    // dismiss the first row with a reason: it leaves the list
    const firstName = (await rows.first().locator('a').first().innerText()).trim();
    await rows.first().locator(tid('identify-dismiss')).click();
    await desk.fill(tid('identify-dismiss-reason'), '已入户了解，家庭收入稳定');
    await desk.click(tid('identify-dismiss-confirm'));
    await desk.waitForFunction(
      ([sel, name]) => ![...document.querySelectorAll(sel!)].some((a) => a.textContent?.trim() === name),
      [`${tid('identify-table')} tbody tr a`, firstName] as const,
    );

    await settled();
    // verify one with no consent yet (not a relapse: a member whose file was exited consented
    // then, so verifying opens the draft at once) → record the signed form → the draft file opens
    await rows
      .filter({ hasNot: desk.locator(tid('reason-relapse')) })
      .first()
      .locator(tid('identify-verify'))
      .click();
    await desk.waitForSelector('.el-message-box', { state: 'visible' });
    await shot(desk, 'identify-02-consent');
    await desk.click('.el-message-box__btns .el-button--primary');
    await desk.waitForURL(/\/admin\/hardship\/files\/\d+/);
    await shot(desk, 'identify-03-draft-file');

    // rules: a dry run shows the totals
    await desk.goto(`${s.baseUrl}/admin/hardship/identify-rules`);
    await desk.waitForSelector(`${tid('identify-rules')} tbody tr`);
    await desk.click(tid('identify-dry-run'));
    await desk.waitForSelector(tid('identify-dry-total'));
    await shot(desk, 'identify-04-rules-dry-run');

    // a candidate's situation on the member detail: shown on request (audited), edited
    await desk.click(tid('menu-identify-candidates'));
    await rows.first().waitFor();
    await settled();
    await rows.first().locator('a').first().click();
    await desk.click(tid('situation-show'));
    await desk.click(tid('situation-edit'));
    await desk.fill(`${tid('situation-income')} input`, '650');
    await desk.click(tid('situation-save'));
    await desk.waitForSelector(tid('situation-edit'));
    await shot(desk, 'identify-05-member-situation');
    expect(problems).toEqual([]);
  }, 180_000);
});
