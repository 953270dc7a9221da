import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../../kernel/db.js';
import { makeIdNumber } from '../../member/index.js';
import { createTestApp, ENGINE, type TestApp } from '../../../test/harness.js';
import { recompute as recomputeDirect } from './compute.js';
import { hardshipConsent, hardshipFile, hardshipLine } from '../hardship/hardship.schema.js';

// Precise identification: each rule fires with its reasons on crafted members, weights rank,
// dismissals hold six months (manual clock) unless new evidence fires, the dry run counts what
// the recompute stores, verify needs consent, the list masks like the member list, scope holds.

const PW = 'Str0ng&Unique!';
let t: TestApp;
let admin: string;
const ids: Record<string, number> = {};
const svc: Record<string, number> = {};
let seq = 900;

type Cand = {
  memberId: number;
  name: string;
  idNumber: string;
  phone: string | null;
  score: number;
  reasons: Array<{ code: string; weight: number; detail: string }>;
  visit: unknown;
};
type Page = { items: Cand[]; total: number };

async function newMember(name: string, org: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await t.request('POST', '/api/members', {
    cookie: admin,
    body: {
      name,
      idNumber: makeIdNumber('321102', '1984-05-06', seq++),
      phone: `1370000${String(seq).padStart(4, '0')}`,
      orgId: ids[org],
      joinedAt: '2018-01-01',
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

async function service(category: string, name: string, form: unknown[]): Promise<number> {
  const s = await t.request('POST', '/api/services', {
    cookie: admin,
    body: { orgId: ids['JS'], category, name, handlingOrgId: ids['JS-ZJ-FW'], deadlineDays: 10, form },
  });
  expect(s.statusCode, s.body).toBe(201);
  return s.json<{ id: number }>().id;
}

async function openCase(serviceId: number, memberId: number, fields: Record<string, unknown>) {
  const res = await t.request('POST', '/api/cases', {
    cookie: admin,
    body: { serviceId, fields, channel: 'counter', memberId },
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function situation(memberId: number, s: Record<string, unknown>) {
  const res = await t.request('PUT', `/api/hardship/situations/${memberId}`, {
    cookie: admin,
    body: { disability: false, dependants: null, incomePerHead: null, singleParent: false, disaster: false, ...s },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function recompute(cookie = admin, orgId = ids['JS']) {
  const res = await t.request('POST', '/api/hardship/candidates/recompute', { cookie, body: { orgId } });
  expect(res.statusCode, res.body).toBe(202);
  await t.deps.jobs.kick();
  const job = await t.request('GET', `/api/jobs/${res.json<{ jobId: string }>().jobId}`, { cookie });
  expect(job.json<{ state: string }>().state, job.body).toBe('succeeded');
  return job.json<{ result: { candidates: number } }>().result;
}

async function list(query = '', cookie = admin): Promise<Page> {
  const res = await t.request('GET', `/api/hardship/candidates?pageSize=100${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}
const find = async (id: number) => (await list()).items.find((c) => c.memberId === id);
const codes = (c: Cand | undefined) => (c?.reasons.map((r) => r.code) ?? []).sort();

async function relogin() {
  admin = await t.login('admin');
}

const m: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000' } });
  // Early in a year (only forward: the manual clock advances), so six months of dismissal stay within it.
  const y = t.clock.now().getUTCFullYear() + 1;
  t.clock.advance(Date.UTC(y, 0, 10, 2) - t.clock.now().getTime());
  admin = await t.login('admin');
  const orgs = (await t.request('GET', '/api/orgs?pageSize=100', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items;
  for (const o of orgs) ids[o.code] = o.id;
  svc.help = await service('hardship_help', '困难帮扶救助', [
    { key: 'cause', label: '致困原因', type: 'choice', required: true, options: ['大病', '单亲', '因灾', '其他'] },
  ]);
  svc.medical = await service('health_check', '医疗救助', [
    { key: 'summary', label: '情况', type: 'text', required: true },
  ]);
  svc.legal = await service('legal_aid', '法律援助', [
    { key: 'kind', label: '纠纷类型', type: 'choice', required: true, options: ['工伤认定', '拖欠工资'] },
    { key: 'summary', label: '情况说明', type: 'text', required: false },
  ]);
  const now = t.clock.now();
  await t.deps.db
    .insert(hardshipLine)
    .values({ orgId: ids['JS']!, minimumLiving: 800, lowIncome: 1200, updatedAt: now });

  const g = 'JS-ZJ-JK-XS-001';
  m.aid = await newMember('甲医疗', g);
  await openCase(svc.help!, m.aid, { cause: '大病' });
  await openCase(svc.medical!, m.aid, { summary: '住院' });
  m.oneCase = await newMember('乙一件', g);
  await openCase(svc.help!, m.oneCase, { cause: '大病' });
  m.job = await newMember('丙骑手', g, { jobType: 'food_delivery' });
  await situation(m.job, { dependants: 3 });
  m.jobRegular = await newMember('丁普工', g);
  await situation(m.jobRegular, { dependants: 3 });
  m.injury = await newMember('戊工伤', g);
  await openCase(svc.legal!, m.injury, { kind: '工伤认定' });
  m.wages = await newMember('己欠薪', g);
  await openCase(svc.legal!, m.wages, { kind: '拖欠工资', summary: '老板跑了' });
  m.disabled = await newMember('庚残疾', g);
  await situation(m.disabled, { disability: true });
  m.single = await newMember('辛单亲', g);
  await openCase(svc.help!, m.single, { cause: '单亲' });
  m.income = await newMember('壬低收', g, { jobType: 'courier' });
  await situation(m.income, { incomePerHead: 700, dependants: 2 });
  m.incomeOk = await newMember('癸收入', g);
  await situation(m.incomeOk, { incomePerHead: 1500 });
  m.filed = await newMember('子在档', g);
  await situation(m.filed, { disability: true });
  const [consent] = await t.deps.db
    .insert(hardshipConsent)
    .values({
      memberId: m.filed,
      version: 'v1',
      scope: ['collect', 'verify', 'assist'],
      givenVia: 'staff',
      givenAt: now,
    })
    .returning();
  await t.deps.db.insert(hardshipFile).values({
    memberId: m.filed,
    orgId: ids[g]!,
    consentId: consent!.id,
    state: 'filed',
    createdAt: now,
    updatedAt: now,
  });
  m.exited = await newMember('丑返困', g);
  const [c2] = await t.deps.db
    .insert(hardshipConsent)
    .values({
      memberId: m.exited,
      version: 'v1',
      scope: ['collect', 'verify', 'assist'],
      givenVia: 'staff',
      givenAt: now,
    })
    .returning();
  await t.deps.db.insert(hardshipFile).values({
    memberId: m.exited,
    orgId: ids[g]!,
    consentId: c2!.id,
    state: 'exited',
    exitedAt: new Date(now.getTime() - 3 * 86400_000),
    watchUntil: `${y + 1}-01-01`,
    createdAt: now,
    updatedAt: now,
  });
  await situation(m.exited, { disability: true });
  m.other = await newMember('寅润州', 'JS-ZJ-RZ-001');
  await situation(m.other, { disability: true });
  await recompute();
});
afterAll(() => t.close());

describe('rules fire with their reasons', () => {
  it('each crafted member gets exactly the reasons that apply', async () => {
    expect(codes(await find(m.aid!))).toEqual(['aid_cases']);
    expect((await find(m.aid!))?.reasons[0]?.detail).toContain('2 件');
    expect(await find(m.oneCase!)).toBeUndefined();
    expect(codes(await find(m.job!))).toEqual(['low_income_job']);
    expect(await find(m.jobRegular!)).toBeUndefined();
    expect(codes(await find(m.injury!))).toEqual(['work_injury']);
    expect(await find(m.wages!)).toBeUndefined();
    expect(codes(await find(m.disabled!))).toEqual(['disability']);
    expect(codes(await find(m.single!))).toEqual(['single_parent_disaster']);
    expect(codes(await find(m.income!))).toEqual(['income_below_line', 'low_income_job']);
    expect((await find(m.income!))?.reasons.find((r) => r.code === 'income_below_line')?.detail).toContain('1200');
    expect(await find(m.incomeOk!)).toBeUndefined();
    expect(await find(m.filed!)).toBeUndefined();
    expect(codes(await find(m.exited!))).toEqual(['disability', 'relapse']);
  });

  it('ranks by score, the sum of the weights that fired', async () => {
    const items = (await list()).items;
    for (const c of items) expect(c.score).toBe(c.reasons.reduce((n, r) => n + r.weight, 0));
    expect(items.map((c) => c.score)).toEqual([...items.map((c) => c.score)].sort((a, b) => b - a));
    expect(items[0]?.memberId).toBe(m.income); // 40 + 20
  });

  it('filters by org, rule and minimum score', async () => {
    expect((await list(`&orgId=${ids['JS-ZJ-RZ']}`)).items.map((c) => c.memberId)).toEqual([m.other]);
    expect((await list('&rule=disability')).items.map((c) => c.memberId).sort()).toEqual(
      [m.disabled, m.exited, m.other].sort(),
    );
    expect((await list('&minScore=50')).items.every((c) => c.score >= 50)).toBe(true);
  });

  it('masks like the member list: name as there, ID number and phone masked', async () => {
    const c = (await find(m.aid!))!;
    const mem = (await t.request('GET', `/api/members?q=${encodeURIComponent('甲医疗')}`, { cookie: admin })).json<{
      items: Array<{ name: string; idNumber: string; phone: string }>;
    }>().items[0]!;
    expect(c.name).toBe(mem.name);
    expect(c.idNumber).toBe(mem.idNumber);
    expect(c.phone).toBe(mem.phone);
    expect(c.idNumber).toContain('*');
    expect(JSON.stringify(await list())).not.toMatch(/\d{17}[\dX]|1370000\d{4}/);
  });
});

describe('rules as data and the dry run', () => {
  it('an org overrides the defaults; codes left out inherit', async () => {
    const res = await t.request('PUT', `/api/hardship/rules/${ids['JS-ZJ-JK']}`, {
      cookie: admin,
      body: {
        rules: [
          { code: 'aid_cases', enabled: true, weight: 30, params: { minCases: 1 } },
          { code: 'disability', enabled: false, weight: 25, params: {} },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rules = res.json<{ rules: Array<{ code: string; own: boolean; enabled: boolean }> }>().rules;
    expect(rules.find((r) => r.code === 'disability')).toMatchObject({ own: true, enabled: false });
    expect(rules.find((r) => r.code === 'work_injury')).toMatchObject({ own: false, enabled: true });
    const child = (
      await t.request('GET', `/api/hardship/rules?orgId=${ids['JS-ZJ-JK-XS-001']}`, { cookie: admin })
    ).json<{ rules: Array<{ code: string; own: boolean; definedAt: { orgId: number } | null }> }>();
    expect(child.rules.find((r) => r.code === 'disability')?.definedAt?.orgId).toBe(ids['JS-ZJ-JK']);
    // back to the defaults for the other tests
    expect(
      (await t.request('PUT', `/api/hardship/rules/${ids['JS-ZJ-JK']}`, { cookie: admin, body: { rules: [] } }))
        .statusCode,
    ).toBe(200);
  });

  it('dry-run counts equal what the recompute stores, for the saved and a changed set', async () => {
    const proposed = [
      { code: 'aid_cases', enabled: true, weight: 30, params: { minCases: 1 } },
      { code: 'disability', enabled: false, weight: 25, params: {} },
    ];
    const dry = await t.request('POST', '/api/hardship/rules/dry-run', {
      cookie: admin,
      body: { orgId: ids['JS'], rules: proposed },
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const { saved, proposed: next } = dry.json<{
      saved: { total: number; byRule: Record<string, number> };
      proposed: { total: number; byRule: Record<string, number> };
    }>();
    const stored = await rows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from identify_candidate`);
    expect(saved.total).toBe(stored[0]!.n);
    expect(next.byRule.aid_cases).toBe(saved.byRule.aid_cases! + 2); // oneCase, single (a hardship-help case each)
    expect(next.byRule.disability ?? 0).toBe(0);
    // save it, recompute: the stored list is what the dry run said
    expect(
      (await t.request('PUT', `/api/hardship/rules/${ids['JS']}`, { cookie: admin, body: { rules: proposed } }))
        .statusCode,
    ).toBe(200);
    const result = await recompute();
    expect(result.candidates).toBe(next.total);
    expect((await list('&rule=aid_cases')).total).toBe(next.byRule.aid_cases);
    expect(
      (await t.request('PUT', `/api/hardship/rules/${ids['JS']}`, { cookie: admin, body: { rules: [] } })).statusCode,
    ).toBe(200);
    await recompute();
  });

  it('an org with rules of its own is not deleted (409), without them it is', async () => {
    const o = await t.request('POST', '/api/orgs', {
      cookie: admin,
      body: { parentId: ids['JS-ZJ-DY'], code: 'JS-ZJ-DY-R1', name: '规则测试工会', type: 'grassroots' },
    });
    expect(o.statusCode, o.body).toBe(201);
    const id = o.json<{ id: number }>().id;
    expect(
      (
        await t.request('PUT', `/api/hardship/rules/${id}`, {
          cookie: admin,
          body: { rules: [{ code: 'disability', enabled: false, weight: 25, params: {} }] },
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.request('DELETE', `/api/orgs/${id}`, { cookie: admin })).statusCode).toBe(409);
    expect(
      (await t.request('PUT', `/api/hardship/rules/${id}`, { cookie: admin, body: { rules: [] } })).statusCode,
    ).toBe(200);
    expect((await t.request('DELETE', `/api/orgs/${id}`, { cookie: admin })).statusCode).toBeLessThan(300);
  });

  it('refuses bad rule input field by field', async () => {
    const bad = await t.request('PUT', `/api/hardship/rules/${ids['JS']}`, {
      cookie: admin,
      body: { rules: [{ code: 'aid_cases', enabled: true, weight: 0, params: { minCases: 'x' } }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: Array<{ path: string }> } }>().error.details.length).toBeGreaterThan(0);
    expect(
      (
        await t.request('PUT', `/api/hardship/rules/${ids['JS']}`, {
          cookie: admin,
          body: { rules: [{ code: 'nope', enabled: true, weight: 1, params: {} }] },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t.request('PUT', `/api/hardship/rules/${ids['JS']}`, {
          cookie: admin,
          body: { rules: [{ code: 'disability', enabled: true, weight: 5, params: { extra: 1 } }] },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('working the list', () => {
  it('dismissal hides for six months; new evidence brings the member back', async () => {
    const d = await t.request('POST', `/api/hardship/candidates/${m.aid}/dismiss`, {
      cookie: admin,
      body: { reason: '已核实，家庭有稳定收入' },
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(await find(m.aid!)).toBeUndefined();
    await recompute();
    expect(await find(m.aid!)).toBeUndefined();
    t.clock.advance(90 * 86400_000);
    await relogin();
    await recompute();
    expect(await find(m.aid!)).toBeUndefined();
    // a third case this year: the count grew — back on the list
    await openCase(svc.medical!, m.aid!, { summary: '复查' });
    await recompute();
    expect((await find(m.aid!))?.reasons[0]?.detail).toContain('3 件');

    const d2 = await t.request('POST', `/api/hardship/candidates/${m.disabled}/dismiss`, {
      cookie: admin,
      body: { reason: '轻度残疾，已就业' },
    });
    expect(d2.statusCode).toBe(200);
    t.clock.advance(100 * 86400_000);
    await relogin();
    await recompute();
    expect(await find(m.disabled!)).toBeUndefined(); // three months on
    t.clock.advance(85 * 86400_000);
    await relogin();
    expect(await find(m.disabled!)).toBeDefined(); // six months passed: shown again
  });

  it('verify without consent is 409; with consent it opens a draft file and the member leaves the list', async () => {
    const no = await t.request('POST', `/api/hardship/candidates/${m.single}/verify`, { cookie: admin, body: {} });
    expect(no.statusCode).toBe(409);
    expect(no.json<{ error: { code: string; message: string } }>().error.code).toBe('HARDSHIP_NO_CONSENT');
    await t.deps.db.insert(hardshipConsent).values({
      memberId: m.single!,
      version: 'v1',
      scope: ['collect', 'verify', 'assist'],
      givenVia: 'staff',
      givenAt: t.clock.now(),
    });
    const yes = await t.request('POST', `/api/hardship/candidates/${m.single}/verify`, { cookie: admin, body: {} });
    expect(yes.statusCode, yes.body).toBe(201);
    const fileId = yes.json<{ fileId: number }>().fileId;
    const [f] = await rows<{ state: string; source: string }>(
      t.deps.db,
      sql`select state, source from hardship_file where id = ${fileId}`,
    );
    expect(f).toEqual({ state: 'draft', source: 'candidate' });
    expect(await find(m.single!)).toBeUndefined();
    await recompute();
    expect(await find(m.single!)).toBeUndefined();
  });

  it('assigns a home visit to staff in scope only', async () => {
    const staff = (await t.request('GET', '/api/staff?pageSize=100', { cookie: admin })).json<{
      items: Array<{ id: number; username: string }>;
    }>().items;
    const grassroots = staff.find((s) => s.username === 'grassroots')!.id;
    const center = staff.find((s) => s.username === 'center')!.id;
    const due = `${t.clock.now().getUTCFullYear() + 1}-01-31`;
    const ok = await t.request('POST', `/api/hardship/candidates/${m.job}/visit`, {
      cookie: admin,
      body: { assigneeId: grassroots, dueDate: due, note: '了解家庭收入' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await find(m.job!))?.visit).toMatchObject({ dueDate: due });
    const bad = await t.request('POST', `/api/hardship/candidates/${m.job}/visit`, {
      cookie: admin,
      body: { assigneeId: center, dueDate: due },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: Array<{ path: string }> } }>().error.details[0]?.path).toBe('assigneeId');
    const past = await t.request('POST', `/api/hardship/candidates/${m.job}/visit`, {
      cookie: admin,
      body: { assigneeId: grassroots, dueDate: '2020-01-01' },
    });
    expect(past.statusCode).toBe(400);
  });
});

describe('concurrency (PostgreSQL: real parallel transactions)', () => {
  it.skipIf(ENGINE !== 'postgres')(
    'overlapping recomputes and a dismissal at the same time: all succeed, the dismissal holds',
    async () => {
      const src = { actorId: null, actorName: 'test', ip: null, requestId: null, at: t.clock.now() };
      const [root] = await rows<{ path: string }>(t.deps.db, sql`select path from org where id = ${ids['JS']}`);
      const [county] = await rows<{ path: string }>(t.deps.db, sql`select path from org where id = ${ids['JS-ZJ-JK']}`);
      const target = (await list()).items.find((c) => c.memberId === m.job)!;
      expect(target).toBeDefined();
      const run = (path: string, orgId: number) =>
        recomputeDirect(t.deps.db, t.deps.crypto, { path, orgId, now: t.clock.now(), source: src });
      const [a, b, d] = await Promise.all([
        run(root!.path, ids['JS']!),
        run(county!.path, ids['JS-ZJ-JK']!),
        run(root!.path, ids['JS']!),
        t.request('POST', `/api/hardship/candidates/${m.job}/dismiss`, {
          cookie: admin,
          body: { reason: '并发排除测试' },
        }),
      ]).then((r) => [r[0], r[1], r[3]] as const);
      expect(a.candidates).toBeGreaterThan(0);
      expect(b.candidates).toBeGreaterThan(0);
      expect(d.statusCode, d.body).toBe(200);
      expect(await find(m.job!)).toBeUndefined();
      await recompute();
      expect(await find(m.job!)).toBeUndefined();
    },
  );
});

describe('scope', () => {
  it('a grassroots officer sees only their union; outside it every route answers 404', async () => {
    const g = await t.login('grassroots');
    const mine = await list('', g);
    // 瑞丰科技工会 holds none of the crafted members
    expect(mine.items.some((c) => c.memberId === m.other)).toBe(false);
    for (const [method, url, body] of [
      ['POST', `/api/hardship/candidates/${m.other}/dismiss`, { reason: '测试越权' }],
      ['POST', `/api/hardship/candidates/${m.other}/verify`, {}],
      ['POST', `/api/hardship/candidates/${m.other}/visit`, { assigneeId: 1, dueDate: '2099-01-01' }],
      ['GET', `/api/hardship/situations/${m.other}`, undefined],
      [
        'PUT',
        `/api/hardship/situations/${m.other}`,
        { disability: true, dependants: null, incomePerHead: null, singleParent: false, disaster: false },
      ],
      ['GET', `/api/hardship/rules?orgId=${ids['JS-ZJ-RZ']}`, undefined],
      ['PUT', `/api/hardship/rules/${ids['JS-ZJ-RZ']}`, { rules: [] }],
      ['POST', '/api/hardship/rules/dry-run', { orgId: ids['JS-ZJ-RZ'], rules: [] }],
      ['POST', '/api/hardship/candidates/recompute', { orgId: ids['JS-ZJ-RZ'] }],
      ['GET', `/api/hardship/candidates?orgId=${ids['JS-ZJ-RZ']}`, undefined],
    ] as const) {
      const res = await t.request(method, url, { cookie: g, ...(body !== undefined ? { body } : {}) });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }
  });

  it('staff without the permission get 403; members get 403', async () => {
    const center = await t.login('center');
    expect((await t.request('GET', '/api/hardship/candidates', { cookie: center })).statusCode).toBe(403);
    const member = await t.loginMember('13800000001');
    expect((await t.request('GET', '/api/hardship/candidates', { cookie: member })).statusCode).toBe(403);
  });

  it('situations are encrypted at rest and their views audited', async () => {
    const [s] = await rows<{ data_enc: string }>(
      t.deps.db,
      sql`select data_enc from member_situation where member_id = ${m.income}`,
    );
    expect(s?.data_enc).not.toContain('700');
    const got = await t.request('GET', `/api/hardship/situations/${m.income}`, { cookie: admin });
    expect(got.json()).toMatchObject({ incomePerHead: 700, dependants: 2 });
    const [a] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'member_situation.view'`,
    );
    expect(a!.n).toBeGreaterThan(0);
  });
});
void PW;
