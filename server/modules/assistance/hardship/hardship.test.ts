import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../kernel/db.js';
import { makeIdNumber } from '../../member/index.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { purgeHardship } from './index.js';
import { hardshipFile } from './hardship.schema.js';

// Hardship files over HTTP: lines and category rules, consent, the lifecycle with a manual
// clock, the viewer log, encryption at rest, withdrawal and purge, scope, bad input.

let t: TestApp;
let ids: Record<string, number> = {};
let admin: string, city: string, county: string, grassroots: string, center: string, memberCookie: string;
let memberId: number; // 周师傅 at 瑞丰科技 (京口 → 象山)
let seq = 700;
const DAY = 86400_000;

async function newMember(orgCode: string, name: string, phone?: string): Promise<number> {
  const res = await t.request('POST', '/api/members', {
    cookie: admin,
    body: {
      name,
      idNumber: makeIdNumber('321102', '1980-05-06', seq++),
      phone: phone ?? `1370000${String(seq).padStart(4, '0')}`,
      orgId: ids[orgCode],
      joinedAt: '2018-01-01',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

async function relogin() {
  admin = await t.login('admin');
  city = await t.login('city');
  county = await t.login('county');
  grassroots = await t.login('grassroots');
  center = await t.login('center');
  memberCookie = await t.loginMember('13800000001');
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000' } });
  admin = await t.login('admin');
  const orgs = (await t.request('GET', '/api/orgs?pageSize=100', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items;
  ids = Object.fromEntries(orgs.map((o) => [o.code, o.id]));
  memberId = await newMember('JS-ZJ-JK-XS-001', '周师傅', '13800000001');
  await relogin();
  // the city sets its lines; 丹阳 (a county) sets its own
  expect(
    (
      await t.request('PUT', `/api/hardship/lines/${ids['JS-ZJ']}`, {
        cookie: city,
        body: { lines: { minimumLiving: 900, lowIncome: 1350 } },
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (
      await t.request('PUT', `/api/hardship/lines/${ids['JS-ZJ-DY']}`, {
        cookie: city,
        body: { lines: { minimumLiving: 800, lowIncome: 1200 } },
      })
    ).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

const consent = (cookie: string, mid: number) =>
  t.request('POST', '/api/hardship/consents', {
    cookie,
    body: { memberId: mid, version: '2025-1', scope: ['collect', 'verify', 'assist'] },
  });
const open = (cookie: string, mid: number) =>
  t.request('POST', '/api/hardship/files', { cookie, body: { memberId: mid } });
const act = (cookie: string, id: number, action: string, body: unknown = {}) =>
  t.request('POST', `/api/hardship/files/${id}/${action}`, { cookie, body });
const patch = (cookie: string, id: number, body: unknown) =>
  t.request('PATCH', `/api/hardship/files/${id}`, { cookie, body });
const household = (incomes: number[]) =>
  incomes.map((monthlyIncome, i) => ({
    name: i === 0 ? '周师傅' : `家属${i}`,
    relation: i === 0 ? 'self' : 'child',
    age: i === 0 ? 45 : 12,
    health: i === 0 ? 'chronic' : 'healthy',
    disability: 'none',
    occupation: '',
    monthlyIncome,
  }));
type File = {
  id: number;
  state: string;
  category: string | null;
  incomeBand: string | null;
  incomePerHead: number | null;
  reviewDue: string | null;
  actions: string[];
  viewers: Array<{ name: string }>;
  timeline: Array<{ kind: string; note: string | null }>;
  line: { minimumLiving: number; fromOrgId: number } | null;
};

/** A member with consent and a filed file of the given category and incomes. */
async function filedFile(
  orgCode: string,
  category: string,
  incomes: number[],
  causes = ['serious_illness'],
): Promise<{ mid: number; id: number }> {
  const mid = await newMember(orgCode, '测试职工');
  expect((await consent(city, mid)).statusCode).toBe(201);
  const o = await open(city, mid);
  expect(o.statusCode, o.body).toBe(201);
  const id = o.json<File>().id;
  expect((await patch(city, id, { category, causes, household: household(incomes) })).statusCode).toBe(200);
  expect((await act(city, id, 'submit')).statusCode).toBe(200);
  expect((await act(city, id, 'visit', { visitedOn: '2020-01-02', notes: '入户核实，情况属实' })).statusCode).toBe(200);
  const f = await act(city, id, 'file');
  expect(f.statusCode, f.body).toBe(200);
  return { mid, id };
}

describe('local lines', () => {
  it("an org without its own row uses the nearest ancestor's; PUT null clears", async () => {
    const xs = (await t.request('GET', `/api/hardship/lines/${ids['JS-ZJ-JK-XS-001']}`, { cookie: city })).json<{
      own: unknown;
      effective: { minimumLiving: number; fromOrgId: number };
    }>();
    expect(xs.own).toBeNull();
    expect(xs.effective).toMatchObject({ minimumLiving: 900, lowIncome: 1350, fromOrgId: ids['JS-ZJ'] });
    const dy = (await t.request('GET', `/api/hardship/lines/${ids['JS-ZJ-DY-001']}`, { cookie: city })).json<{
      effective: { minimumLiving: number; fromOrgId: number };
    }>();
    expect(dy.effective).toMatchObject({ minimumLiving: 800, fromOrgId: ids['JS-ZJ-DY'] });
    const bad = await t.request('PUT', `/api/hardship/lines/${ids['JS-ZJ-JK']}`, {
      cookie: county,
      body: { lines: { minimumLiving: 1000, lowIncome: 900 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: Array<{ path: string; message: string }> } }>().error.details[0]).toMatchObject(
      { path: 'lines.lowIncome', message: '低收入标准不能低于最低生活保障标准' },
    );
    expect(
      (
        await t.request('PUT', `/api/hardship/lines/${ids['JS-ZJ-JK']}`, {
          cookie: county,
          body: { lines: { minimumLiving: 1000, lowIncome: 1500 } },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.request('GET', `/api/hardship/lines/${ids['JS-ZJ-JK-XS-001']}`, { cookie: city })).json<{
        effective: { minimumLiving: number };
      }>().effective.minimumLiving,
    ).toBe(1000);
    expect(
      (await t.request('PUT', `/api/hardship/lines/${ids['JS-ZJ-JK']}`, { cookie: county, body: { lines: null } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.request('GET', `/api/hardship/lines/${ids['JS-ZJ-JK-XS-001']}`, { cookie: city })).json<{
        effective: { minimumLiving: number };
      }>().effective.minimumLiving,
    ).toBe(900);
    // a county manager cannot set the city's lines (above the grant): 404
    expect(
      (
        await t.request('PUT', `/api/hardship/lines/${ids['JS-ZJ']}`, {
          cookie: county,
          body: { lines: { minimumLiving: 1, lowIncome: 2 } },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('consent and opening', () => {
  it("a file needs the member's consent first; one current file per member", async () => {
    const mid = await newMember('JS-ZJ-JK-002', '吴师傅');
    const no = await open(county, mid);
    expect(no.statusCode).toBe(409);
    expect(no.json<{ error: { code: string } }>().error.code).toBe('HARDSHIP_NO_CONSENT');
    expect(
      (
        await t.request('POST', '/api/hardship/consents', {
          cookie: county,
          body: { memberId: mid, version: '1999', scope: ['collect'] },
        })
      ).statusCode,
    ).toBe(400);
    expect((await consent(county, mid)).statusCode).toBe(201);
    expect((await consent(county, mid)).statusCode).toBe(201); // a new record replaces the one before
    expect((await open(county, mid)).statusCode).toBe(201);
    const again = await open(county, mid);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('HARDSHIP_FILE_EXISTS');
  });

  it('the member gives consent on the H5; staff then open the file', async () => {
    const before = (await t.request('GET', '/api/me/hardship', { cookie: memberCookie })).json<{
      consent: unknown;
      file: unknown;
      consentVersion: string;
    }>();
    expect(before).toMatchObject({ consent: null, file: null, consentVersion: '2025-1' });
    const c = await t.request('POST', '/api/me/hardship/consent', {
      cookie: memberCookie,
      body: { version: '2025-1', scope: ['collect', 'verify', 'assist'] },
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json<{ consent: { givenVia: string } }>().consent.givenVia).toBe('member');
    expect((await open(grassroots, memberId)).statusCode).toBe(201);
    expect(
      (await t.request('GET', '/api/me/hardship', { cookie: memberCookie })).json<{ file: { state: string } }>().file
        .state,
    ).toBe('draft');
    // the member narrows what they agree to on the H5: a new record, in force at once
    const narrowed = await t.request('POST', '/api/me/hardship/consent', {
      cookie: memberCookie,
      body: { version: '2025-1', scope: ['collect', 'assist'] },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(201);
    expect(narrowed.json<{ consent: { scope: string[] } }>().consent.scope).toEqual(['collect', 'assist']);
    const c2 = await t.request('POST', '/api/me/hardship/consent', {
      cookie: memberCookie,
      body: { version: '2025-1', scope: ['collect', 'verify', 'assist'] },
    });
    expect(c2.statusCode, c2.body).toBe(201);
  });
});

describe('consent scope', () => {
  it('each use needs its scope in the latest consent record; a new record widens or narrows it', async () => {
    const mid = await newMember('JS-ZJ-JK-XS-001', '蒋师傅');
    const give = async (scope: string[]) =>
      expect(
        (
          await t.request('POST', '/api/hardship/consents', {
            cookie: city,
            body: { memberId: mid, version: '2025-1', scope },
          })
        ).statusCode,
      ).toBe(201);
    const refusedFor = async (res: Awaited<ReturnType<typeof open>>, scope: string) => {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'HARDSHIP_CONSENT_SCOPE',
        details: [{ path: 'consent.scope', message: expect.stringContaining(`(${scope})`) }],
      });
    };
    const en = { 'accept-language': 'en' };
    await give(['verify']);
    await refusedFor(
      await t.request('POST', '/api/hardship/files', { cookie: city, headers: en, body: { memberId: mid } }),
      'collect',
    );
    await give(['collect']); // widening later is a new record, not a 409
    const o = await open(city, mid);
    expect(o.statusCode, o.body).toBe(201);
    const id = o.json<File>().id;
    expect(
      (await patch(city, id, { category: 'deep', causes: ['serious_illness'], household: household([100]) }))
        .statusCode,
    ).toBe(200);
    await refusedFor(
      await t.request('POST', `/api/hardship/files/${id}/submit`, { cookie: city, headers: en, body: {} }),
      'verify',
    );
    await give(['collect', 'verify']);
    expect((await act(city, id, 'submit')).statusCode).toBe(200);
    expect((await act(city, id, 'visit', { visitedOn: '2020-01-02', notes: '入户核实，情况属实' })).statusCode).toBe(
      200,
    );
    expect((await act(city, id, 'file')).statusCode).toBe(200);
    // assistance needs `assist`
    const p = await t.request('POST', '/api/assistance/programmes', {
      cookie: city,
      body: {
        orgId: ids['JS-ZJ'],
        year: new Date().getFullYear(),
        kind: 'winter_warmth',
        name: '送温暖（授权）',
        budgetFen: 100_000,
        rules: {},
      },
    });
    expect(p.statusCode, p.body).toBe(201);
    const propose = () =>
      t.request('POST', '/api/assistance/records', {
        cookie: city,
        headers: en,
        body: { programmeId: p.json<{ id: number }>().id, fileId: id, form: 'cash', amountFen: 50_000 },
      });
    await refusedFor(await propose(), 'assist');
    await give(['collect', 'verify', 'assist']);
    expect((await propose()).statusCode).toBe(201);
    // narrowing: without `verify` the yearly review stops; the detail shows the consent in force
    await give(['collect', 'assist']);
    await refusedFor(
      await t.request('POST', `/api/hardship/files/${id}/review`, {
        cookie: city,
        headers: en,
        body: { outcome: 'keep' },
      }),
      'verify',
    );
    const zh = await act(city, id, 'review', { outcome: 'keep' });
    expect(zh.json().error.message).toContain('授权范围');
    expect(
      (await t.request('GET', `/api/hardship/files/${id}`, { cookie: city })).json<{ consent: { scope: string[] } }>()
        .consent.scope,
    ).toEqual(['collect', 'assist']);
    // every record is kept: the history of what the member agreed to, the latest in force
    const [kept] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from hardship_consent where member_id = ${mid}`,
    );
    expect(kept?.n).toBe(5);
  });
});

describe('category and income rules against the local lines', () => {
  it('income per head below the minimum → deep; between the lines → relative only; sudden needs accident or disaster', async () => {
    const mid = await newMember('JS-ZJ-JK-XS-001', '钱师傅');
    await consent(city, mid);
    const id = (await open(city, mid)).json<File>().id;
    // (1200 + 300 + 0) / 3 = 500 < 900 → below_minimum
    let r = await patch(city, id, {
      category: 'deep',
      causes: ['serious_illness'],
      household: household([1200, 300, 0]),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<File>()).toMatchObject({ incomeBand: 'below_minimum', incomePerHead: 500, category: 'deep' });
    // 3300 / 3 = 1100: between 900 and 1350 → deep refused with a zh-CN field message, relative accepted
    r = await patch(city, id, { household: household([2500, 800, 0]) });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { details: Array<{ path: string; message: string }> } }>().error.details).toContainEqual({
      path: 'category',
      message: '深度困难要求家庭月人均收入低于当地最低生活保障标准',
    });
    r = await patch(city, id, { category: 'relative', household: household([2500, 800, 0]) });
    expect(r.json<File>()).toMatchObject({ incomeBand: 'below_low_income', category: 'relative' });
    // above the low-income line: only sudden, and only with an accident or disaster cause
    r = await patch(city, id, { category: 'sudden', household: household([6000, 0]) });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { details: Array<{ message: string }> } }>().error.details[0]?.message).toContain(
      '意外致困',
    );
    r = await patch(city, id, { category: 'sudden', causes: ['accident'], household: household([6000, 0]) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<File>().incomeBand).toBe('above_low_income');
    // English messages on request
    const en = await t.request('PATCH', `/api/hardship/files/${id}`, {
      cookie: city,
      body: { category: 'deep' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json<{ error: { details: Array<{ message: string }> } }>().error.details[0]?.message).toContain(
      'Deep hardship',
    );
  });

  it('an inherited county line changes the band: the same household is deep in 丹阳 (line 800) only below 800', async () => {
    const mid = await newMember('JS-ZJ-DY-001', '孙师傅');
    await consent(city, mid);
    const id = (await open(city, mid)).json<File>().id;
    const r = await patch(city, id, { category: 'deep', causes: ['unemployment'], household: household([850, 850]) });
    expect(r.statusCode).toBe(400); // 850 ≥ 800 in 丹阳, though it would be below 900 at the city
    const ok = await patch(city, id, {
      category: 'relative',
      causes: ['unemployment'],
      household: household([850, 850]),
    });
    expect(ok.json<File>()).toMatchObject({
      incomeBand: 'below_low_income',
      line: { minimumLiving: 800, fromOrgId: ids['JS-ZJ-DY'] },
    });
  });

  it('submit needs the whole file: category, causes, household', async () => {
    const mid = await newMember('JS-ZJ-JK-XS-001', '郑师傅');
    await consent(city, mid);
    const id = (await open(city, mid)).json<File>().id;
    const r = await act(city, id, 'submit');
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json<{ error: { details: Array<{ path: string }> } }>()
        .error.details.map((d) => d.path)
        .sort(),
    ).toEqual(['category', 'causes', 'household']);
  });
});

describe('lifecycle with a manual clock', () => {
  it('draft → verifying → visit → filed; review due in a year, overdue after; review keeps; exit watches for relapse; re-entry opens a new file', async () => {
    const { id } = await filedFile('JS-ZJ-JK-XS-001', 'deep', [1000, 0]);
    let f = (await t.request('GET', `/api/hardship/files/${id}`, { cookie: city })).json<File>();
    expect(f.state).toBe('filed');
    expect(f.timeline.map((e) => e.kind)).toEqual(['created', 'updated', 'submitted', 'visited', 'filed']);
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(f.reviewDue).toBe(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    // a second "file" loses: 409
    expect((await act(city, id, 'file')).statusCode).toBe(409);
    // not yet due within 30 days
    const due0 = (await t.request('GET', '/api/hardship/reviews/due', { cookie: city })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(due0.items.some((i) => i.id === id)).toBe(false);
    t.clock.advance(340 * DAY);
    await relogin();
    const due1 = (await t.request('GET', '/api/hardship/reviews/due', { cookie: city })).json<{
      items: Array<{ id: number; reviewOverdue: boolean }>;
    }>();
    expect(due1.items.find((i) => i.id === id)?.reviewOverdue).toBe(false);
    t.clock.advance(40 * DAY);
    await relogin();
    const over = (await t.request('GET', '/api/hardship/files?reviewOverdue=true', { cookie: city })).json<{
      items: Array<{ id: number; reviewOverdue: boolean }>;
    }>();
    expect(over.items.find((i) => i.id === id)?.reviewOverdue).toBe(true);
    // the review keeps it: due a year from today, no longer overdue
    f = (await act(city, id, 'review', { outcome: 'keep', note: '家庭情况无明显变化' })).json<File>();
    expect(f.state).toBe('filed');
    expect(f.reviewDue! > new Date(t.clock.now().getTime() + 360 * DAY).toISOString().slice(0, 10)).toBe(true);
    expect(
      (await t.request('GET', '/api/hardship/files?reviewOverdue=true', { cookie: city }))
        .json<{ items: Array<{ id: number }> }>()
        .items.some((i) => i.id === id),
    ).toBe(false);
    // a category change is checked against the lines (1000/2 = 500 < 900: relative allowed)
    expect((await act(city, id, 'review', { outcome: 'change_category', category: 'sudden' })).statusCode).toBe(400);
    expect(
      (await act(city, id, 'review', { outcome: 'change_category', category: 'relative' })).json<File>().category,
    ).toBe('relative');
    // exit: income above the line needs the months
    expect((await act(city, id, 'exit', { reason: 'income_above_line' })).statusCode).toBe(400);
    const ex = await act(city, id, 'exit', { reason: 'income_above_line', monthsAboveLine: 6 });
    expect(ex.statusCode, ex.body).toBe(200);
    const exited = ex.json<File & { watchUntil: string; exitReason: string }>();
    expect(exited).toMatchObject({ state: 'exited', exitReason: 'income_above_line', reviewDue: null });
    expect(exited.watchUntil > today).toBe(true);
    expect((await act(city, id, 'review', { outcome: 'keep' })).statusCode).toBe(409);
    // re-entry: a new draft for the same member, linked by member; the old file records it
    const re = await t.request('POST', `/api/hardship/files/${id}/reopen`, { cookie: city, body: {} });
    expect(re.statusCode, re.body).toBe(201);
    const nf = re.json<File & { files: Array<{ id: number }> }>();
    expect(nf.state).toBe('draft');
    expect(nf.files.map((x) => x.id)).toEqual([nf.id, id]);
    const old = (await t.request('GET', `/api/hardship/files/${id}`, { cookie: city })).json<File>();
    expect(old.timeline.at(-1)?.note).toContain('防止返困');
  });

  it('the visit is required before filing, and its date cannot be in the future', async () => {
    const mid = await newMember('JS-ZJ-JK-XS-001', '冯师傅');
    await consent(city, mid);
    const id = (await open(city, mid)).json<File>().id;
    await patch(city, id, { category: 'deep', causes: ['disability'], household: household([500]) });
    expect((await act(city, id, 'visit', { visitedOn: '2020-01-01', notes: '入户' })).statusCode).toBe(409); // still a draft
    await act(city, id, 'submit');
    expect(
      (await act(city, id, 'file')).json<{ error: { details: Array<{ message: string }> } }>().error.details[0]
        ?.message,
    ).toBe('请先记录入户核实情况');
    expect((await act(city, id, 'visit', { visitedOn: '2999-01-01', notes: '入户核实' })).statusCode).toBe(400);
  });
});

describe('viewer log, encryption, withdrawal and purge', () => {
  it('every detail view writes a view row and an audit row; the member sees the viewers, masked, and only their own', async () => {
    const [{ id }] = (await t.deps.db
      .select({ id: hardshipFile.id })
      .from(hardshipFile)
      .where(eq(hardshipFile.memberId, memberId))) as [{ id: number }];
    expect(
      (await patch(grassroots, id, { category: 'deep', causes: ['serious_illness'], household: household([300, 0]) }))
        .statusCode,
    ).toBe(200);
    const auditBefore = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'hardship.view' and target_id = ${String(id)}`,
    );
    await t.request('GET', `/api/hardship/files/${id}`, { cookie: grassroots });
    await t.request('GET', `/api/hardship/files/${id}`, { cookie: county });
    const auditAfter = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'hardship.view' and target_id = ${String(id)}`,
    );
    expect((auditAfter[0]?.n ?? 0) - (auditBefore[0]?.n ?? 0)).toBe(2);
    type Views = { items: Array<{ name: string; org: string; times: number }>; total: number };
    const v = (await t.request('GET', '/api/me/hardship/viewers', { cookie: memberCookie })).json<Views>();
    expect(v.total).toBeGreaterThanOrEqual(2);
    expect(v.items[0]).toMatchObject({ name: '李**', org: '京口区总工会' });
    expect(v.items[1]).toMatchObject({ name: '张**', org: '镇江瑞丰科技有限公司工会' });
    // the same officer again within the hour: the same line, one more time
    const times = (list: Views) => list.items.find((x) => x.name === '张**')?.times ?? 0;
    await t.request('GET', `/api/hardship/files/${id}`, { cookie: grassroots });
    const again = (await t.request('GET', '/api/me/hardship/viewers', { cookie: memberCookie })).json<Views>();
    expect(again.total).toBe(v.total);
    expect(times(again)).toBe(times(v) + 1);
    // another member sees none of them
    await newMember('JS-ZJ-JK-XS-001', '陈师傅', '13800000009');
    await t.request('POST', '/api/auth/otp', { body: { phone: '13800000009' } });
    await t.deps.outbox.kick();
    const code = t.sms.find((m) => m.phone === '13800000009')?.params.code;
    const login = await t.request('POST', '/api/auth/login', { body: { phone: '13800000009', code } });
    const otherCookie = `uh_sid=${login.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    expect(
      (await t.request('GET', '/api/me/hardship/viewers', { cookie: otherCookie })).json<{ total: number }>().total,
    ).toBe(0);
    // and members cannot reach the staff routes
    expect((await t.request('GET', `/api/hardship/files/${id}`, { cookie: memberCookie })).statusCode).toBe(403);
  });

  it('income, health and visit notes are encrypted at rest: the row holds none of the plain text', async () => {
    const { id } = await filedFile('JS-ZJ-JK-XS-001', 'deep', [777.55, 0]);
    await patch(city, id, {}).catch(() => undefined);
    const [row] = await rows<Record<string, unknown>>(t.deps.db, sql`select * from hardship_file where id = ${id}`);
    const dump = JSON.stringify(row);
    for (const plain of ['777', 'chronic', '入户核实', '家属', 'monthlyIncome']) expect(dump).not.toContain(plain);
    const detail = (await t.request('GET', `/api/hardship/files/${id}`, { cookie: city })).json<{
      household: Array<{ monthlyIncome: number; health: string }>;
      visit: { notes: string };
    }>();
    expect(detail.household[0]).toMatchObject({ monthlyIncome: 777.55, health: 'chronic' });
    expect(detail.visit.notes).toBe('入户核实，情况属实');
    // the list shows a masked name and no figures
    const list = (
      await t.request('GET', `/api/hardship/files?q=${encodeURIComponent('测试')}`, { cookie: city })
    ).json<{ items: Array<Record<string, unknown>> }>();
    expect(list.items[0]?.memberName).toBe('测***');
    expect(JSON.stringify(list.items)).not.toContain('777');
  });

  it('withdrawal closes the file; the sensitive data is deleted when the purge date has come, the ledger keys stay', async () => {
    const w = await t.request('POST', '/api/me/hardship/consent/withdraw', { cookie: memberCookie, body: {} });
    expect(w.statusCode, w.body).toBe(200);
    const mine = w.json<{ consent: unknown; file: { state: string; purgeAt: string } }>();
    expect(mine.consent).toBeNull();
    expect(mine.file.state).toBe('closed');
    expect(
      (await t.request('POST', '/api/me/hardship/consent/withdraw', { cookie: memberCookie, body: {} })).statusCode,
    ).toBe(409);
    const [f] = await t.deps.db.select().from(hardshipFile).where(eq(hardshipFile.memberId, memberId));
    expect(f?.sensitiveEnc).not.toBeNull();
    expect((await purgeHardship(t.deps)).files).toBe(0); // not yet
    t.clock.advance(31 * DAY);
    await relogin();
    expect((await purgeHardship(t.deps)).files).toBeGreaterThanOrEqual(1);
    const [after] = await t.deps.db.select().from(hardshipFile).where(eq(hardshipFile.id, f!.id));
    expect(after).toMatchObject({
      sensitiveEnc: null,
      visitEnc: null,
      householdSize: null,
      incomeBand: null,
      memberId,
      orgId: f!.orgId,
      state: 'closed',
      purgeAt: null,
    });
    const notes = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from hardship_event where file_id = ${f!.id} and note_enc is not null`,
    );
    expect(notes[0]?.n).toBe(0);
    // a new file needs a new consent
    expect(
      (await t.request('POST', `/api/hardship/files/${f!.id}/reopen`, { cookie: city, body: {} })).statusCode,
    ).toBe(409);
  });
});

describe('scope and input', () => {
  it('outside the subtree every route answers 404; a role without hardship permissions sees nothing', async () => {
    const { id, mid } = await filedFile('JS-ZJ-RZ-001', 'deep', [100]); // 润州: outside 京口
    const [viewsBefore] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from hardship_view where file_id = ${id}`,
    );
    const checks: Array<[string, string, unknown?]> = [
      ['GET', `/api/hardship/files/${id}`],
      ['PATCH', `/api/hardship/files/${id}`, {}],
      ['POST', `/api/hardship/files/${id}/submit`, {}],
      ['POST', `/api/hardship/files/${id}/visit`, { visitedOn: '2020-01-01', notes: '越权' }],
      ['POST', `/api/hardship/files/${id}/file`, {}],
      ['POST', `/api/hardship/files/${id}/review`, { outcome: 'keep' }],
      ['POST', `/api/hardship/files/${id}/exit`, { reason: 'death' }],
      ['POST', `/api/hardship/files/${id}/reopen`, {}],
      ['GET', `/api/hardship/lines/${ids['JS-ZJ-RZ-001']}`],
      ['PUT', `/api/hardship/lines/${ids['JS-ZJ-RZ-001']}`, { lines: null }],
      ['POST', '/api/hardship/consents', { memberId: mid, version: '2025-1', scope: ['collect'] }],
      ['POST', '/api/hardship/files', { memberId: mid }],
      ['GET', `/api/hardship/files?orgId=${ids['JS-ZJ-RZ-001']}`],
      ['GET', `/api/hardship/reviews/due?orgId=${ids['JS-ZJ-RZ-001']}`],
    ];
    for (const [m, url, body] of checks) {
      const res = await t.request(m, url, { cookie: county, ...(body !== undefined ? { body } : {}) });
      expect(res.statusCode, `${m} ${url}`).toBe(404);
    }
    const list = (await t.request('GET', '/api/hardship/files?pageSize=100', { cookie: county })).json<{
      items: Array<{ orgId: number; id: number }>;
    }>();
    expect(list.items.some((i) => i.id === id)).toBe(false);
    expect(
      (await t.request('GET', '/api/hardship/files?pageSize=100', { cookie: center })).json<{ total: number }>().total,
    ).toBe(0);
    expect((await t.request('GET', `/api/hardship/files/${id}`, { cookie: center })).statusCode).toBe(404);
    // the view of a refused read is not logged as a view
    const views = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from hardship_view where file_id = ${id}`,
    );
    expect(views[0]?.n).toBe(viewsBefore?.n);
  });

  it('bad input answers 4xx with field messages, never 500', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/hardship/files', { memberId: 'x' }],
      ['POST', '/api/hardship/files', { memberId: 1, extra: true }],
      [
        'PATCH',
        '/api/hardship/files/1',
        { household: [{ name: '', relation: 'cousin', age: -1, monthlyIncome: 1.234 }] },
      ],
      ['PATCH', '/api/hardship/files/1', { causes: ['accident', 'accident'] }],
      ['POST', '/api/hardship/files/1/exit', { reason: 'bored' }],
      ['PUT', '/api/hardship/lines/abc', { lines: null }],
      ['GET', '/api/hardship/files?state=nope', undefined],
      ['GET', '/api/hardship/reviews/due?withinDays=-1', undefined],
      ['POST', '/api/me/hardship/consent', { version: '2025-1', scope: [] }],
    ];
    for (const [m, url, body] of cases) {
      const res = await t.request(m, url, {
        cookie: url.startsWith('/api/me') ? memberCookie : city,
        ...(body !== undefined ? { body } : {}),
      });
      expect(res.statusCode, `${m} ${url} ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${m} ${url}`).toBeLessThan(500);
    }
  });
});

describe('from a 帮扶救助 case, evidence, export', () => {
  it("a member's hardship_help case opens a draft; other categories are refused", async () => {
    const svc = await t.request('POST', '/api/services', {
      cookie: admin,
      body: {
        orgId: ids['JS-ZJ'],
        category: 'hardship_help',
        name: '帮扶救助',
        deadlineDays: 10,
        handlingOrgId: ids['JS-ZJ-FW'],
        form: [],
      },
    });
    expect(svc.statusCode, svc.body).toBe(201);
    const mid = await newMember('JS-ZJ-JK-002', '褚师傅');
    const c = await t.request('POST', '/api/cases', {
      cookie: admin,
      body: { serviceId: svc.json<{ id: number }>().id, channel: 'counter', memberId: mid, fields: {} },
    });
    expect(c.statusCode, c.body).toBe(201);
    const caseId = c.json<{ id: number }>().id;
    expect((await t.request('POST', `/api/hardship/files/from-case/${caseId}`, { cookie: city })).statusCode).toBe(409); // no consent yet
    await consent(city, mid);
    const f = await t.request('POST', `/api/hardship/files/from-case/${caseId}`, { cookie: city });
    expect(f.statusCode, f.body).toBe(201);
    expect(f.json<{ source: string; caseId: number }>()).toMatchObject({ source: 'case', caseId });
  });

  it("a case outside the caller's case scope answers 404 before any other check (no 400/409 oracle)", async () => {
    const svc = await t.request('POST', '/api/services', {
      cookie: admin,
      body: {
        orgId: ids['JS-ZJ'],
        category: 'hardship_help',
        name: '帮扶救助（开放）',
        deadlineDays: 10,
        handlingOrgId: ids['JS-ZJ-FW'],
        form: [],
        eligibility: { membersOnly: false, jobTypes: null },
      },
    });
    expect(svc.statusCode, svc.body).toBe(201);
    const serviceId = svc.json<{ id: number }>().id;
    // handled by the service center: 瑞丰科技's officer cannot read these cases
    const contact = await t.request('POST', '/api/cases', {
      cookie: admin,
      body: { serviceId, channel: 'phone', contact: { name: '李女士' }, fields: {} },
    });
    const mid = await newMember('JS-ZJ-JK-XS-001', '卫师傅');
    const own = await t.request('POST', '/api/cases', {
      cookie: admin,
      body: { serviceId, channel: 'counter', memberId: mid, fields: {} },
    });
    for (const made of [contact, own]) {
      expect(made.statusCode, made.body).toBe(201);
      const res = await t.request('POST', `/api/hardship/files/from-case/${made.json<{ id: number }>().id}`, {
        cookie: grassroots,
      });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await t.request('POST', '/api/hardship/files/from-case/99999999', { cookie: grassroots })).statusCode).toBe(
      404,
    );
    // inside case scope the checks are as before: a case without a member is not a help case
    expect(
      (
        await t.request('POST', `/api/hardship/files/from-case/${contact.json<{ id: number }>().id}`, { cookie: city })
      ).json().error.code,
    ).toBe('HARDSHIP_NOT_HELP_CASE');
  });

  it('evidence is stored encrypted and downloads intact for staff in scope', async () => {
    const { id } = await filedFile('JS-ZJ-JK-XS-001', 'deep', [100]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('住院证明-明文内容'),
    ]);
    const boundary = '----hardship';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="proof.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/hardship/files/${id}/evidence`,
      headers: { cookie: city, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const e = up.json<{ id: number; url: string }>();
    const [stored] = await rows<{ storage_key: string }>(
      t.deps.db,
      sql`select storage_key from hardship_evidence where id = ${e.id}`,
    );
    const fs = await import('node:fs');
    const onDisk = fs.readFileSync(`/tmp/unionhub-test-unused/hardship-files/${stored!.storage_key}`, 'utf8');
    expect(onDisk).not.toContain('住院证明');
    const down = await t.request('GET', e.url, { cookie: city });
    expect(down.statusCode).toBe(200);
    expect(Buffer.compare(down.rawPayload, png)).toBe(0);
    expect(
      fs.readFileSync(`/tmp/unionhub-test-unused/hardship-files/${stored!.storage_key}`).includes(png.subarray(0, 8)),
    ).toBe(false);
    expect((await t.request('GET', e.url, { cookie: center })).statusCode).toBe(404);
    // Evidence as the first release stored it (a crypto.encrypt token of base64) still downloads.
    fs.writeFileSync(
      `/tmp/unionhub-test-unused/hardship-files/${stored!.storage_key}`,
      t.deps.crypto.encrypt(png.toString('base64')),
    );
    expect(Buffer.compare((await t.request('GET', e.url, { cookie: city })).rawPayload, png)).toBe(0);
  });

  it('the export is an .xlsx with masked names, audited', async () => {
    const res = await t.request('GET', '/api/hardship/files/export?state=filed', { cookie: city });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [n] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'hardship.export'`,
    );
    expect(n?.n).toBe(1);
  });
});
