import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, shot, staffPage, startStage, tid, type Stage, watchPage } from './support.js';

// The console's workbench (issue 16): every demo staff account signs in at /admin/ and lands on
// 工作台 (no detour through 我的账号), with one card per kind of pending work whose count is the
// total of the list it opens; a member's new case reaches the center's bell within one poll and
// is announced; the case queue opens on the tab holding the caller's work.

let s: Stage;
beforeAll(async () => {
  s = await startStage({ members: 60 });
}, 300_000);
afterAll(() => s?.close());

const DEMO_STAFF = ['admin', 'city', 'county', 'grassroots', 'center', 'head'];
// The API list behind each card (server/modules/workbench/workbench.test.ts checks the same pairs).
const LIST_OF: Record<string, string> = {
  'service.accept': '/api/cases?view=team&state=submitted,transferred',
  'service.overdue': '/api/cases?view=overdue',
  'service.mine': '/api/cases?view=mine&state=accepted,in_progress',
  'member.joins': '/api/join-requests?status=pending',
  'member.transfersOut': '/api/transfers?direction=out&status=pending_out',
  'member.transfersIn': '/api/transfers?direction=in&status=pending_in',
  'member.corrections': '/api/corrections?status=pending',
  'voice.open': '/api/voice?status=open',
  'voice.alerts': '/api/alerts?status=open',
  'assistance.verifying': '/api/hardship/files?state=verifying',
  'assistance.reviews': '/api/hardship/reviews/due?withinDays=30',
  'assistance.candidates': '/api/hardship/candidates',
  'assistance.approvals': '/api/assistance/records?view=pending',
  'assistance.wishes': '/api/assistance/wishes?state=submitted',
  'merchant.applications': '/api/merchant-applications?state=applied',
  'voucher.settlements': '/api/voucher-settlements?state=confirmed',
  'congress.proposals': '/api/congress/proposals?state=submitted',
};

interface Todo {
  key: string;
  count: number;
  overlaps: boolean;
}

async function pendingOf(cookie: string): Promise<{ todo: Todo[]; total: number }> {
  return (await s.t.request('GET', '/api/workbench/pending', { cookie })).json();
}

describe('workbench journeys', () => {
  it.each(DEMO_STAFF)(
    '%s signs in at /admin/ and lands on the workbench with the counts of its lists',
    async (user) => {
      const problems: string[] = [];
      const desk = await staffPage(s, user, problems, 'workbench-todo');
      expect(new URL(desk.url()).pathname).toBe('/admin/workbench');
      expect(new URL(desk.url()).search).toBe('');
      // the workbench is the first menu entry
      expect(await desk.locator('[data-test^="menu-"]').first().getAttribute('data-test')).toBe('menu-workbench');

      const cookie = await s.t.login(user);
      const { todo, total } = await pendingOf(cookie);
      expect(todo.length, `${user} has counters`).toBeGreaterThan(0);
      for (const item of todo) {
        const list = (await s.t.request('GET', LIST_OF[item.key] ?? '', { cookie })).json<{ total: number }>();
        expect(item.count, `${user} ${item.key}`).toBe(list.total);
        await expect
          .poll(() => desk.textContent(tid(`todo-count-${item.key}`)), { timeout: 10_000 })
          .toBe(String(list.total));
      }
      // no card the caller's permissions do not give
      expect(await desk.locator('[data-test^="todo-count-"]').count()).toBe(todo.length);
      expect(await desk.getAttribute(tid('notice-bell'), 'data-total')).toBe(String(total));
      await desk.waitForTimeout(300);
      await shot(desk, `workbench-01-${user}`);

      // each card opens the list that holds exactly its items
      for (const item of todo.filter((x) => x.count > 0)) {
        await desk.click(tid('menu-workbench'));
        await desk.click(tid(`todo-${item.key}`));
        await desk.waitForURL((u) => u.pathname !== '/admin/workbench');
        const pager = desk.locator('.uh-pager .el-pagination__total').first();
        await expect
          .poll(async () => (await pager.textContent())?.replace(/\D/g, ''), { timeout: 10_000, message: item.key })
          .toBe(String(item.count));
      }
      expect(problems).toEqual([]);
      await desk.close();
    },
  );

  it('sign-in goes to the page asked for when there was one', async () => {
    const problems: string[] = [];
    const desk = await s.browser.newPage(DESKTOP);
    watchPage(desk, problems);
    await desk.goto(`${s.baseUrl}/admin/members/join-requests`);
    await desk.waitForSelector(tid('login-username'));
    expect(new URL(desk.url()).searchParams.get('redirect')).toBe('/members/join-requests');
    await desk.fill(tid('login-username'), 'grassroots');
    await desk.fill(tid('login-password'), 'Demo#2026');
    await desk.click(tid('login-submit'));
    await desk.waitForSelector(tid('join-tab-pending'));
    expect(new URL(desk.url()).pathname).toBe('/admin/members/join-requests');
    expect(problems).toEqual([]);
    await desk.close();
  });

  it("a member's new case reaches the center's bell within one poll, is announced, and the queue opens on it", async () => {
    const problems: string[] = [];
    const desk = await staffPage(s, 'center', problems, 'workbench-todo');
    const center = await s.t.login('center');
    const before = await pendingOf(center);
    const accept = (p: { todo: Todo[] }) => p.todo.find((x) => x.key === 'service.accept')?.count ?? 0;
    await expect.poll(() => desk.getAttribute(tid('notice-bell'), 'data-total')).toBe(String(before.total));
    // 服务工单 carries the center's pending cases as its badge: to accept and under way, each once
    const cases = before.todo
      .filter((x) => x.key.startsWith('service.') && !x.overlaps)
      .reduce((n, x) => n + x.count, 0);
    expect(await desk.textContent(tid('menu-badge-cases'))).toBe(String(cases));

    // the member applies on the H5's API for a service the center handles
    const member = await s.t.loginMember('13800000001');
    const services = (await s.t.request('GET', '/api/services', { cookie: member })).json<{
      items: Array<{
        id: number;
        name: string;
        form: Array<{ key: string; type: string; required: boolean; options?: string[] }>;
      }>;
    }>().items;
    const legal = services.find((x) => x.name === '法律援助');
    expect(legal).toBeDefined();
    const fields: Record<string, unknown> = {};
    for (const f of legal?.form ?? []) {
      if (!f.required) continue;
      fields[f.key] = f.type === 'choice' ? f.options?.[0] : f.type === 'number' ? 100 : '单位拖欠加班费三个月';
    }
    const created = await s.t.request('POST', '/api/cases', {
      cookie: member,
      body: { serviceId: legal?.id, fields },
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await pendingOf(center);
    expect(accept(after)).toBe(accept(before) + 1);

    // within one poll (20 s) the bell's total rises and a notification says what came in
    const started = Date.now();
    await expect
      .poll(() => desk.getAttribute(tid('notice-bell'), 'data-total'), { timeout: 30_000, interval: 500 })
      .toBe(String(before.total + 1));
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(25);
    const note = desk.locator('.uh-new-work');
    await note.waitFor();
    expect(await note.textContent()).toContain('待受理工单 新增 1 件');
    expect(await desk.textContent(tid('menu-badge-cases'))).toBe(String(cases + 1));
    await expect.poll(() => desk.textContent(tid('todo-count-service.accept'))).toBe(String(accept(before) + 1));
    await shot(desk, 'workbench-02-center-new-case');

    // the bell lists the counters; its line opens the queue filtered to the cases to accept
    await desk.click(tid('notice-bell'));
    await desk.waitForSelector(tid('bell-todo-service.accept'), { state: 'visible' });
    expect(await desk.textContent(tid('bell-todo-service.accept'))).toContain(String(accept(before) + 1));
    await desk.waitForTimeout(400); // the popover's fade-in
    await shot(desk, 'workbench-03-center-bell');
    await desk.click(tid('bell-todo-service.accept'));
    await desk.waitForURL(/\/admin\/service\/cases\?view=team&state=submitted,transferred/);
    await desk.waitForSelector(tid('bell-todo'), { state: 'hidden' }); // the dropdown closed
    const no = created.json<{ no: string }>().no;
    await desk.locator(`${tid('case-table')} a`, { hasText: no }).waitFor();
    await shot(desk, 'workbench-04-center-queue-to-accept');

    // opened from the menu, the queue starts on a tab that holds the center's work, never an empty one
    await desk.click(tid('menu-workbench'));
    await desk.waitForSelector(tid('workbench-todo'));
    await desk.click(tid('menu-cases'));
    await desk.waitForSelector(`${tid('case-table')} a`);
    expect(new URL(desk.url()).searchParams.get('view')).toBeNull();
    expect(problems).toEqual([]);
    await desk.close();
  });
});
