import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCongress } from '../../server/modules/congress/test-fixtures.js';
import { orgIds } from '../../server/modules/voucher/claim.fixtures.js';
import { shot, staffPage, startStage, tid, type Stage } from './support.js';

// 职代会 in the console: the staff who run 恒神's congress open it, look at a term's
// representatives and the composition checks, create a session, open it, check representatives
// in until the quorum is reached (a vote opened before that is refused with the figures), run an
// open vote with the tellers' counts, close it, see the result and the compliance record.

let s: Stage;
let staff = 'hengshen';
let admin = '';
let bodyId = 0;
let termId = 0;
beforeAll(async () => {
  s = await startStage({ members: 40 });
  admin = await s.t.login('admin');
  // the demo account that runs 恒神's congress; the platform administrator where it is not seeded
  staff = (await s.t.login('hengshen').then(
    () => true,
    () => false,
  ))
    ? 'hengshen'
    : 'admin';
  const hengshen = (await orgIds(s.t, admin))['JS-ZJ-DY-001'];
  if (!hengshen) throw new Error('恒神 not found');
  const bodies = await s.t.request('GET', `/api/congress/bodies?orgId=${hengshen}`, { cookie: admin });
  const demo = bodies
    .json<{ items: Array<{ id: number; orgId: number; currentTerm: { id: number } | null }> }>()
    .items.find((b) => b.orgId === hengshen && b.currentTerm);
  if (demo?.currentTerm) {
    bodyId = demo.id;
    termId = demo.currentTerm.id;
  } else {
    // no demo congress in this build: a small one (12 representatives, two of them managers)
    const c = await makeCongress(s.t, admin, { orgId: hengshen, reps: 12, session: 'closed' });
    bodyId = c.bodyId;
    termId = c.termId;
  }
}, 300_000);
afterAll(() => s?.close());

/** A time as the console's date pickers take it typed (the browser's local time). */
function typed(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

describe('congress: console', () => {
  it('a session from creation to an open vote with its result and compliance record', async () => {
    const problems: string[] = [];
    const desk = await staffPage(s, staff, problems, 'menu-congress-group');
    const confirm = () => desk.click('.el-message-box__btns .el-button--primary');

    // the congress, its term and the representatives with the composition checks
    await desk.click(tid('menu-congress-bodies'));
    await desk.click(tid(`congress-body-${bodyId}`));
    await desk.click(tid(`congress-term-${termId}`));
    await desk.waitForSelector(`${tid('congress-reps-table')} .el-table__row`);
    await desk.waitForSelector(tid('congress-composition-rule-manager_share'));
    expect(await desk.getAttribute(tid('congress-composition-rule-manager_share'), 'data-held')).toBe('true');
    expect(Number(await desk.textContent(tid('congress-composition-count-manager')))).toBeGreaterThan(0);
    await shot(desk, 'congress-admin-01-representatives');

    // a new session, opened
    await desk.click('#tab-sessions');
    await desk.click(tid('congress-session-create'));
    const dialog = desk.locator(tid('congress-session-dialog'));
    await dialog.waitFor();
    await desk.fill(tid('congress-session-title'), '年度职工代表大会（浏览器测试）');
    const starts = desk.locator(`${tid('congress-session-starts')} input`);
    await starts.fill(typed(new Date(Date.now() + 3_600_000)));
    await starts.press('Enter');
    await desk.fill(tid('congress-session-topics'), '审议安全生产工作报告\n审议职工福利方案');
    await desk.click(tid('congress-session-save'));
    await desk.waitForSelector(`${tid('congress-session-state')}:has-text("筹备中")`);
    const sessionId = Number(/sessions\/(\d+)/.exec(desk.url())?.[1]);
    expect(sessionId).toBeGreaterThan(0);
    await desk.click(tid('congress-session-open'));
    await confirm();
    await desk.waitForSelector(`${tid('congress-session-state')}:has-text("进行中")`);

    // all but two short of the quorum check in (on their phones: here through the API) …
    const roll = await s.t.request('GET', `/api/congress/sessions/${sessionId}/attendance`, { cookie: admin });
    const { quorum, total, items } = roll.json<{
      quorum: number;
      total: number;
      items: Array<{ representativeId: number }>;
    }>();
    const reps = items.map((r) => r.representativeId);
    expect(reps.length).toBe(total);
    for (const id of reps.slice(0, quorum - 2)) {
      const res = await s.t.request('POST', `/api/congress/sessions/${sessionId}/attendance`, {
        cookie: admin,
        body: { representativeId: id },
      });
      expect(res.statusCode).toBe(201);
    }
    await desk.waitForSelector(`${tid('congress-presence-present')}:has-text("${quorum - 2}")`);
    expect(await desk.getAttribute(tid('congress-presence'), 'data-quorate')).toBe('false');
    // … and the QR code for the venue is drawn
    await desk.click(tid('congress-qr'));
    await desk.waitForSelector(`${tid('congress-qr-image')}[src^="data:image/png"]`);
    await desk.keyboard.press('Escape');

    const motionsLanded =
      (await s.t.request('GET', `/api/congress/sessions/${sessionId}/motions`, { cookie: admin })).statusCode === 200;
    let motionId = 0;
    if (motionsLanded) {
      // a vote opened without a quorum is refused, with the figures
      await desk.click('#tab-motions');
      await desk.click(tid('congress-motion-create'));
      await desk.fill(tid('congress-motion-title'), '关于职工福利方案的决议');
      await desk.click(tid('congress-motion-method-open'));
      await desk.click(tid('congress-motion-save'));
      await desk.locator(tid('congress-motion-dialog')).waitFor({ state: 'hidden' });
      const motions = await s.t.request('GET', `/api/congress/sessions/${sessionId}/motions`, { cookie: admin });
      motionId = motions.json<{ items: Array<{ id: number }> }>().items[0]?.id ?? 0;
      await desk.waitForSelector(tid(`congress-motion-${motionId}`));
      await desk.click(tid(`congress-motion-open-${motionId}`));
      await confirm();
      await desk.waitForSelector(tid('congress-no-quorum'));
      expect(await desk.textContent(tid('congress-no-quorum'))).toContain(`至少需 ${quorum} 人`);
      await shot(desk, 'congress-admin-02-no-quorum');
      await desk.click('#tab-attendance');
    }

    // the staff check the last two in by hand, and the quorum is reached
    for (const id of reps.slice(quorum - 2, quorum)) {
      await desk.click(tid(`congress-check-in-${id}`));
      await desk.waitForSelector(`${tid(`congress-check-in-${id}`)}`, { state: 'detached' });
    }
    await desk.waitForSelector(`${tid('congress-presence')}[data-quorate="true"]`);
    await shot(desk, 'congress-admin-03-quorum');

    if (motionsLanded) {
      // the vote opens; the tellers' counts must add up; close shows the result (more than half of ALL)
      await desk.click('#tab-motions');
      await desk.click(tid(`congress-motion-open-${motionId}`));
      await confirm();
      await desk.waitForSelector(`${tid(`congress-motion-state-${motionId}`)}:has-text("表决中")`);
      await desk.click(tid(`congress-motion-counts-${motionId}`));
      const count = (k: string) => desk.locator(`${tid(`congress-count-${k}`)} input`);
      const votesFor = Math.floor(total / 2) + 1;
      for (const k of ['issued', 'returned']) {
        await count(k).fill(String(quorum));
        await count(k).blur();
      }
      await count('for').fill(String(votesFor));
      await count('for').blur();
      await desk.waitForSelector(tid('congress-counts-mismatch'));
      await count('against').fill(String(quorum - votesFor));
      await count('against').blur();
      await desk.waitForSelector(tid('congress-counts-mismatch'), { state: 'detached' });
      await desk.click(tid('congress-counts-save'));
      await desk.locator(tid('congress-counts-dialog')).waitFor({ state: 'hidden' });
      await desk.click(tid(`congress-motion-close-${motionId}`));
      await confirm();
      await desk.waitForSelector(`${tid(`congress-motion-result-${motionId}`)}[data-passed="true"]`);
      expect(await desk.textContent(tid(`congress-motion-result-${motionId}`))).toContain('通过');
      await shot(desk, 'congress-admin-04-result');

      // an electronic secret ballot: while open only the count of ballots shows; closed with none cast, it fails
      await desk.click(tid('congress-motion-create'));
      await desk.fill(tid('congress-motion-title'), '关于厂务公开制度的决议');
      await desk.click(tid('congress-motion-method-secret_electronic'));
      await desk.click(tid('congress-motion-save'));
      await desk.locator(tid('congress-motion-dialog')).waitFor({ state: 'hidden' });
      const all = await s.t.request('GET', `/api/congress/sessions/${sessionId}/motions`, { cookie: admin });
      const secretId =
        all
          .json<{ items: Array<{ id: number; title: string }> }>()
          .items.find((m) => m.title === '关于厂务公开制度的决议')?.id ?? 0;
      await desk.click(tid(`congress-motion-open-${secretId}`));
      await confirm();
      await desk.waitForSelector(`${tid(`congress-motion-voted-${secretId}`)}:has-text("0")`);
      await desk.click(tid(`congress-motion-close-${secretId}`));
      await confirm();
      await desk.waitForSelector(`${tid(`congress-motion-result-${secretId}`)}[data-passed="false"]`);
      expect(await desk.textContent(tid(`congress-motion-result-${secretId}`))).toContain('未通过');

      // the big-screen board shows the same result
      // (a page of its own, as on the venue's screen: the same signed-in browser)
      await desk.goto(`${s.baseUrl}/admin/congress/sessions/${sessionId}/board`);
      await desk.waitForSelector(`${tid(`congress-board-result-${motionId}`)}[data-passed="true"]`);
      await desk.waitForSelector(`${tid(`congress-board-result-${secretId}`)}[data-passed="false"]`);
      expect(await desk.textContent(tid('congress-board'))).toContain('已达法定人数');
      await shot(desk, 'congress-admin-05-board');
      await desk.goto(`${s.baseUrl}/admin/congress/sessions/${sessionId}`);
      await desk.waitForSelector(`${tid('congress-session-state')}:has-text("进行中")`);
    }

    // the session closes; its compliance record says the quorum held
    await desk.click(tid('congress-session-close'));
    await confirm();
    await desk.waitForSelector(`${tid('congress-session-state')}:has-text("已闭幕")`);
    await desk.click('#tab-compliance');
    await desk.waitForSelector(`${tid('congress-compliance-quorum')}[data-held="true"]`);
    expect(await desk.getAttribute(tid('congress-compliance-manager_share'), 'data-held')).toBe('true');
    // no documents were sent a week ahead: the notice rule did not hold
    expect(await desk.getAttribute(tid('congress-compliance-notice_days'), 'data-held')).toBe('false');
    await shot(desk, 'congress-admin-06-compliance');
    expect(problems).toEqual([]);
  });
});
