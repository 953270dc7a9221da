import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { workbenchItems } from '../../kernel/workbench.js';

// The workbench on the demo federation: for every demo staff account, each counter equals the
// total of the API list its console path opens (same filter, same scope); a counter appears
// exactly when the caller holds its permission; a member's new case is new work for the center
// and for nobody outside the case's scope.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ members: 200, env: { LOGIN_RATE_PER_MINUTE: '100000' } });
}, 300_000);
afterAll(() => t?.close());

const DEMO_STAFF = ['admin', 'city', 'county', 'grassroots', 'center', 'head'];

// The API list behind each counter's console path. A module that adds a counter adds its list here.
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
  zh: string;
  en: string;
  count: number;
  path: string;
  overlaps: boolean;
}
interface Workbench {
  todo: Todo[];
  total: number;
  today: Array<{ key: string; zh: string; value: number }>;
}

async function workbench(cookie: string): Promise<Workbench> {
  const res = await t.request('GET', '/api/workbench', { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Workbench>();
}

const countOf = (w: { todo: Todo[] }, key: string) => w.todo.find((x) => x.key === key)?.count;

async function listTotal(cookie: string, url: string): Promise<number> {
  const res = await t.request('GET', url, { cookie });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<{ total: number }>().total;
}

describe('GET /api/workbench', () => {
  it('every counter of every module names a list the test knows', () => {
    expect(
      workbenchItems()
        .todo.map((c) => c.key)
        .sort(),
    ).toEqual(Object.keys(LIST_OF).sort());
  });

  it.each(DEMO_STAFF)(
    '%s: each counter equals the total of the list it opens, and only held permissions give counters',
    async (username) => {
      const cookie = await t.login(username);
      const me = (await t.request('GET', '/api/auth/me', { cookie })).json<{ permissions: string[] }>();
      const w = await workbench(cookie);
      const expected = workbenchItems()
        .todo.filter((c) => me.permissions.includes(c.permission))
        .map((c) => c.key);
      expect(w.todo.map((x) => x.key)).toEqual(expected);
      for (const item of w.todo) {
        const url = LIST_OF[item.key];
        expect(url, item.key).toBeDefined();
        expect(item.count, `${username} ${item.key}`).toBe(await listTotal(cookie, url ?? ''));
        expect(item.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(item.en).toMatch(/^[A-Z]/);
      }
      expect(w.total).toBe(w.todo.reduce((n, x) => n + (x.overlaps ? 0 : x.count), 0));
      const pending = (await t.request('GET', '/api/workbench/pending', { cookie })).json<Workbench>();
      expect(pending.todo).toEqual(w.todo);
      expect(pending.total).toBe(w.total);
    },
  );

  it('the demo leaves work waiting for each role that acts', async () => {
    const counts = async (u: string) => (await workbench(await t.login(u))).todo;
    const grassroots = await counts('grassroots');
    for (const key of ['member.joins', 'member.transfersOut', 'member.corrections'])
      expect(countOf({ todo: grassroots }, key), key).toBeGreaterThan(0);
    const center = await counts('center');
    expect(countOf({ todo: center }, 'service.accept')).toBeGreaterThan(0);
    expect(countOf({ todo: center }, 'service.mine')).toBeGreaterThan(0);
    const head = await counts('head');
    expect(head.map((x) => x.key)).toEqual(['assistance.approvals', 'assistance.wishes']);
  });

  it('a role without the permissions gets no counter (an auditor), members and strangers none at all', async () => {
    const admin = await t.login('admin');
    const orgs = (await t.request('GET', '/api/orgs?pageSize=100', { cookie: admin })).json<{
      items: Array<{ id: number; code: string }>;
    }>().items;
    const city = orgs.find((o) => o.code === 'JS-ZJ')?.id ?? 0;
    const created = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'wb.auditor', displayName: '审计 王', orgId: city, password: 'Str0ng&Unique!' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const grant = await t.request('POST', `/api/staff/${id}/grants`, {
      cookie: admin,
      body: { roleCode: 'auditor', orgId: city },
    });
    expect(grant.statusCode, grant.body).toBeLessThan(300);
    const auditor = await t.login('wb.auditor', 'Str0ng&Unique!');
    // the auditor can read the case lists, but acts on nothing: no pending work
    expect(await listTotal(auditor, '/api/cases?view=overdue')).toBeGreaterThan(0);
    const w = await workbench(auditor);
    expect(w.todo).toEqual([]);
    expect(w.total).toBe(0);
    // today's figures are for readers too
    expect(w.today.map((f) => f.key)).toEqual(['service.newToday', 'service.resolvedToday']);

    const member = await t.loginMember('13800000001');
    expect((await t.request('GET', '/api/workbench', { cookie: member })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/workbench/pending')).statusCode).toBe(401);
    const odd = await t.request('GET', '/api/workbench?view=all', { cookie: admin });
    expect(odd.statusCode).toBe(400);
    expect(odd.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });

  it("a member's new case is new work for the center, today's figure counts it, and other scopes do not see it", async () => {
    const admin = await t.login('admin');
    const orgs = (await t.request('GET', '/api/orgs?pageSize=100', { cookie: admin })).json<{
      items: Array<{ id: number; code: string }>;
    }>().items;
    const id = (code: string) => orgs.find((o) => o.code === code)?.id ?? 0;
    const service = await t.request('POST', '/api/services', {
      cookie: admin,
      body: {
        orgId: id('JS-ZJ'),
        category: 'legal_aid',
        name: '工作台测试援助',
        handlingOrgId: id('JS-ZJ-FW'),
        deadlineDays: 5,
        form: [{ key: 'summary', label: '问题描述', type: 'text', required: true }],
      },
    });
    expect(service.statusCode, service.body).toBe(201);

    const before = Object.fromEntries(
      await Promise.all(DEMO_STAFF.map(async (u) => [u, await workbench(await t.login(u))] as const)),
    );
    const member = await t.loginMember('13800000001');
    const created = await t.request('POST', '/api/cases', {
      cookie: member,
      body: { serviceId: service.json<{ id: number }>().id, fields: { summary: '加班费一直未结算' } },
    });
    expect(created.statusCode, created.body).toBe(201);

    for (const u of DEMO_STAFF) {
      const after = await workbench(await t.login(u));
      const rise = (countOf(after, 'service.accept') ?? 0) - (countOf(before[u] ?? after, 'service.accept') ?? 0);
      // the case waits at the city's service center: the center, the city and the province see it
      expect(rise, u).toBe(['admin', 'city', 'center'].includes(u) ? 1 : 0);
      const newToday = (w: Workbench) => w.today.find((f) => f.key === 'service.newToday')?.value ?? 0;
      if (after.today.length) expect(newToday(after) - newToday(before[u] ?? after), u).toBe(rise);
    }
  });
});
