import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, staffPage, startStage, tid, type Stage } from './support.js';

// 工惠优享家 in the console: an officer creates a lottery campaign (money typed in 元), publishes
// it, members register on their phones (here through the API), the officer runs the draw with a
// seed once registration has closed, and the published draw re-runs to the same winners.

let s: Stage;
beforeAll(async () => {
  s = await startStage({ members: 60 });
}, 300_000);
afterAll(() => s?.close());

/** A time as the console's date pickers take it typed (the browser's local time). */
function typed(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

describe('benefit network: console', () => {
  it('an officer creates, publishes and draws a lottery campaign; the draw re-runs to the same winners', async () => {
    const problems: string[] = [];
    const desk = await staffPage(s, 'city', problems, 'menu-benefit-group');
    await desk.click(tid('menu-voucher-campaigns'));
    await desk.waitForSelector(tid('voucher-campaigns-table'));
    await desk.click(tid('voucher-create'));
    // an Element Plus text box carries data-test on its <input>, a number box and a date range on their wrapper or inputs
    const field = (name: string) => desk.locator(`input${tid(name)}, ${tid(name)} input`);
    const dialog = desk.locator(tid('voucher-campaign-dialog'));
    await dialog.waitFor();

    // a budget below face value × quantity is refused in the form, in 元
    await field('voucher-name').fill('端午节职工消费券抽签');
    await desk.click(tid('voucher-mode-lottery'));
    await field('voucher-face').fill('50');
    await field('voucher-quantity').fill('10');
    await field('voucher-budget').fill('100');
    await field('voucher-budget').blur();
    const now = Date.now();
    const registrationEnds = new Date(now + 45_000);
    const range = async (test: string, from: Date, to: Date) => {
      const inputs = field(test);
      await inputs.nth(0).fill(typed(from));
      await inputs.nth(1).fill(typed(to));
      await inputs.nth(1).press('Enter');
    };
    await range('voucher-claim-window', new Date(now + 3_600_000), new Date(now + 8 * 86_400_000));
    await range('voucher-validity', new Date(now), new Date(now + 30 * 86_400_000));
    await field('voucher-registration-ends').fill(typed(registrationEnds));
    await field('voucher-registration-ends').press('Enter');
    await desk.click(tid('voucher-campaign-save'));
    expect(await dialog.textContent()).toContain('预算不足');
    await field('voucher-budget').fill('500');
    await shot(desk, 'benefit-admin-01-campaign-form');
    await desk.click(tid('voucher-campaign-save'));

    // the new draft opens on its own page; publishing asks first
    await desk.waitForSelector(`${tid('voucher-campaign-state')}:has-text("草稿")`);
    const id = Number(/campaigns\/(\d+)/.exec(desk.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    const cookie = await s.t.login('city');
    const draft = await s.t.request('GET', `/api/voucher-campaigns/${id}`, { cookie });
    expect(draft.json()).toMatchObject({ mode: 'lottery', faceValueFen: 5000, quantity: 10, budgetFen: 50000 });
    await desk.click(tid('voucher-publish'));
    await desk.click('.el-message-box__btns .el-button--primary');
    await desk.waitForSelector(`${tid('voucher-campaign-state')}:has-text("已发布")`);
    await desk.waitForSelector(tid('voucher-lottery'));

    // members register while registration is open (some demo accounts are applicants, not members)
    let registered = 0;
    for (let i = 1; i <= 30; i++) {
      const member = await s.t.loginMember(`138000000${String(i).padStart(2, '0')}`).catch(() => null);
      if (!member) continue;
      const res = await s.t.request('POST', `/api/voucher-campaigns/${id}/registrations`, { cookie: member });
      if (res.statusCode === 201) registered++;
    }
    expect(registered).toBeGreaterThan(0);

    // once registration has closed the officer draws with a seed of their own
    await new Promise((r) => setTimeout(r, Math.max(0, registrationEnds.getTime() - Date.now() + 1_000)));
    await desk.reload();
    await desk.waitForSelector(`${tid('voucher-registrations')}:has-text("${registered}")`);
    await field('voucher-draw-seed').fill('zhenjiang-2026-dragon-boat');
    await desk.click(tid('voucher-draw'));
    await desk.click('.el-message-box__btns .el-button--primary');
    await desk.waitForSelector(tid('voucher-draw-result'));
    expect(await desk.textContent(tid('voucher-draw-seed-value'))).toBe('zhenjiang-2026-dragon-boat');
    // 复核: the server re-runs the published seed and algorithm over the registrations
    await desk.waitForSelector(tid('voucher-verify-match'));
    const rows = await desk.locator(`${tid('voucher-winners')} .el-table__body tr`).count();
    expect(rows).toBe(Math.min(10, registered));
    await shot(desk, 'benefit-admin-02-draw');

    // the published draw, read again and re-run, names the same winners
    const published = (await s.t.request('GET', `/api/voucher-campaigns/${id}/draw`, { cookie })).json();
    const again = (await s.t.request('GET', `/api/voucher-campaigns/${id}/draw/verify`, { cookie })).json();
    expect(again).toMatchObject({
      seed: 'zhenjiang-2026-dragon-boat',
      matches: true,
      winners: published.winners.length,
    });
    await desk.click(tid('voucher-verify'));
    await desk.waitForSelector(tid('voucher-verify-match'));

    // the live figures show on the published campaign's page
    await desk.waitForSelector(tid('voucher-figure-remaining'));
    expect(await desk.textContent(tid('voucher-figure-remaining'))).toBe('10');
    expect(problems).toEqual([]);
  }, 240_000);
});
