import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/access.js';
import { chinaDate } from '../../kernel/clock.js';
import { rows } from '../../kernel/db.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeMember, orgIds } from '../voucher/claim.fixtures.js';
import { setRules } from './congress.rules.js';
import { addDays, nextState } from './proposal.service.js';
import { proposalsToReview } from './proposal.workbench.js';
import { makeCongress, type CongressFixture } from './test-fixtures.js';

// Proposals (提案) end to end: the co-sign minimum, the committee's review with a reason,
// assignment and return within / after the window, answers, ratings with the second handling,
// the overdue flag and filter, scope (another representative 404, a non-representative 403,
// staff of another org 404), the .xlsx report read back, public tracking, duty records, bad input.

interface Detail {
  id: number;
  number: number | null;
  state: string;
  round: number;
  overdue: boolean;
  proposerName: string;
  cosigners: Array<{ representativeId: number; state: string }>;
  review: { decision: string; reason: string } | null;
  assignments: Array<{
    id: number;
    department: string;
    role: string;
    deadline: string;
    round: number;
    returnedAt: string | null;
  }>;
  answers: Array<{ department: string; round: number }>;
  ratings: Array<{ rating: string; round: number }>;
  events: Array<{ action: string }>;
  myRole?: string;
}
interface ErrorBody {
  error: { code: string; details: Array<{ path: string; message: string }> };
}

const DAY = 86_400_000;
let t: TestApp;
let admin: string;
let ids: Record<string, number> = {};
let c: CongressFixture;
let other: CongressFixture;
const cookies: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  ids = await orgIds(t, admin);
  const hengshen = ids['JS-ZJ-DY-001'] ?? 0;
  c = await makeCongress(t, admin, { orgId: hengshen, reps: 6 });
  other = await makeCongress(t, admin, { orgId: hengshen, reps: 2 });
  for (const r of c.reps) cookies.push(await t.loginMember(r.phone));
}, 300_000);
afterAll(() => t.close());

/** Moves the clock; sessions idle out over days, so everyone signs in again. */
async function advance(ms: number): Promise<void> {
  t.clock.advance(ms);
  admin = await t.login('admin');
  for (const [i, r] of c.reps.entries()) cookies[i] = await t.loginMember(r.phone);
}
const rep = (i: number) => c.reps[i]?.id ?? 0;
const me = (i: number) => cookies[i] ?? '';
const today = () => chinaDate(t.clock.now());

async function propose(i: number, cosigners: number[], title = '关于改善夜班职工食堂供餐的提案') {
  const res = await t.request('POST', '/api/me/congress/proposals', {
    cookie: me(i),
    body: { termId: c.termId, title, body: '夜班职工反映凌晨食堂无热餐，建议增设夜宵窗口。', cosigners },
  });
  return res;
}
async function proposed(i: number, cosigners: number[], title?: string): Promise<Detail> {
  const res = await propose(i, cosigners, title);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}
async function cosign(i: number, id: number, accept: boolean) {
  return t.request('POST', `/api/me/congress/proposals/${id}/cosign`, { cookie: me(i), body: { accept } });
}
async function staff(method: string, url: string, body?: unknown, cookie = admin) {
  return t.request(method, url, { cookie, body });
}
/** A proposal by rep 0 with reps 1 and 2 co-signing, submitted. */
async function submitted(title?: string): Promise<Detail> {
  const p = await proposed(0, [rep(1), rep(2)], title);
  await cosign(1, p.id, true);
  const res = await cosign(2, p.id, true);
  expect(res.json<Detail>().state).toBe('submitted');
  return res.json<Detail>();
}
async function assigned(title?: string, lead = { department: '后勤保障部' }): Promise<Detail> {
  const p = await submitted(title);
  expect(
    (await staff('POST', `/api/congress/proposals/${p.id}/review`, { decision: 'accept', reason: '符合立案条件' }))
      .statusCode,
  ).toBe(200);
  const res = await staff('POST', `/api/congress/proposals/${p.id}/assign`, {
    lead,
    assisting: [{ department: '人力资源部' }],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
}

describe('state machine', () => {
  it('refuses events from the wrong state and maps review decisions', () => {
    expect(nextState('submitted', { kind: 'review', decision: 'convert' })).toBe('converted');
    expect(nextState('answered', { kind: 'rate', proposer: true, rating: 'unsatisfied', round: 1 })).toBe('assigned');
    expect(nextState('answered', { kind: 'rate', proposer: true, rating: 'unsatisfied', round: 2 })).toBe('closed');
    expect(nextState('answered', { kind: 'rate', proposer: false, rating: 'unsatisfied', round: 1 })).toBe('answered');
    expect(() => nextState('cosigning', { kind: 'assign' })).toThrow();
    expect(() => nextState('closed', { kind: 'withdraw' })).toThrow();
  });
});

describe('co-signing', () => {
  it('stays cosigning with one acceptance, a declined co-signer does not count, the second acceptance submits and numbers it', async () => {
    const p = await proposed(0, [rep(1), rep(2), rep(3)]);
    expect(p).toMatchObject({ state: 'cosigning', number: null, myRole: 'proposer' });
    expect((await cosign(1, p.id, true)).json<Detail>().state).toBe('cosigning');
    expect((await cosign(2, p.id, false)).json<Detail>().state).toBe('cosigning');
    const again = await cosign(2, p.id, true);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('CONGRESS_COSIGN_ANSWERED');
    const done = (await cosign(3, p.id, true)).json<Detail>();
    expect(done.state).toBe('submitted');
    expect(done.number).toBeGreaterThanOrEqual(1);
    expect(done.cosigners.map((x) => x.state).sort()).toEqual(['accepted', 'accepted', 'declined']);
  });

  it('refuses the proposer as co-signer, a representative of another term, a name twice, too few (422)', async () => {
    for (const cosigners of [
      [rep(0), rep(1)],
      [rep(1), other.reps[0]?.id ?? 0],
      [rep(1), rep(1)],
    ]) {
      const res = await propose(0, cosigners);
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error.code).toBe('CONGRESS_COSIGNER_INVALID');
    }
    const few = await propose(0, [rep(1)]);
    expect(few.statusCode).toBe(422);
    expect(few.json<ErrorBody>().error.code).toBe('CONGRESS_COSIGNERS_TOO_FEW');
  });

  it('submits at once when the rules want no co-signers; numbers stay unique when two reach submitted together', async () => {
    const o = await makeCongress(t, admin, { orgId: ids['JS-ZJ-DY-002'] ?? 0, reps: 3 });
    await t.deps.db.transaction((tx) =>
      setRules(
        tx,
        {
          crypto: t.deps.crypto,
          source: { actorId: null, actorName: 'test', ip: null, requestId: null, at: t.clock.now() },
        },
        ids['JS-ZJ-DY-002'] ?? 0,
        { cosignMin: 1 },
      ),
    );
    const c0 = await t.loginMember(o.reps[0]?.phone ?? '');
    const c1 = await t.loginMember(o.reps[1]?.phone ?? '');
    const c2 = await t.loginMember(o.reps[2]?.phone ?? '');
    const mk = async () =>
      (
        await t.request('POST', '/api/me/congress/proposals', {
          cookie: c0,
          body: {
            termId: o.termId,
            title: '关于增开通勤班车的提案',
            body: '丹阳城区至厂区班车过少。',
            cosigners: [o.reps[1]?.id, o.reps[2]?.id],
          },
        })
      ).json<Detail>();
    const a = await mk();
    const b = await mk();
    const [ra, rb] = await Promise.all([
      t.request('POST', `/api/me/congress/proposals/${a.id}/cosign`, { cookie: c1, body: { accept: true } }),
      t.request('POST', `/api/me/congress/proposals/${b.id}/cosign`, { cookie: c2, body: { accept: true } }),
    ]);
    const numbers = [ra.json<Detail>().number, rb.json<Detail>().number];
    expect(ra.json<Detail>().state).toBe('submitted');
    expect(new Set(numbers).size).toBe(2);
    expect(numbers.sort()).toEqual([1, 2]);
  });
});

describe('concurrency and the workbench', () => {
  it('two co-signers accepting at once submit the proposal once, with one number and one submit event', async () => {
    const p = await proposed(0, [rep(1), rep(2)]);
    const [a, b] = await Promise.all([cosign(1, p.id, true), cosign(2, p.id, true)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const d = (await staff('GET', `/api/congress/proposals/${p.id}`)).json<Detail>();
    expect(d.state).toBe('submitted');
    expect(d.number).not.toBeNull();
    expect(d.events.filter((e) => e.action === 'submit')).toHaveLength(1);
  });

  it('counts the submitted proposals in the caller’s scope, as the list with state=submitted shows', async () => {
    // A committee officer whose one grant sits at `code` (the counter scopes like the list).
    const actorOf = async (code: string): Promise<Actor> => {
      const [o] = await rows<{ id: number; path: string }>(
        t.deps.db,
        sql`select id, path from org where code = ${code}`,
      );
      const permissions = ['congress:congress:read', 'congress:proposal:handle'];
      return {
        accountId: 1,
        kind: 'staff',
        username: 'officer',
        displayName: '提案委员会',
        orgId: o?.id ?? null,
        sessionState: 'active',
        grants: [{ id: 1, roleCode: 'test', orgId: o?.id ?? 0, path: o?.path ?? '-', permissions }],
      };
    };
    const adminActor = await actorOf('JS');
    const list = (await staff('GET', '/api/congress/proposals?state=submitted')).json<{ total: number }>();
    expect(await proposalsToReview.count(t.deps.db, adminActor, t.clock.now())).toBe(list.total);
    expect(list.total).toBeGreaterThan(0);
    const other = await actorOf('JS-ZJ-JK-XS-001');
    expect(await proposalsToReview.count(t.deps.db, other, t.clock.now())).toBe(0);
  });
});

describe('who may act', () => {
  it('a member who is not a representative → 403; another representative → 404; a co-signer cannot withdraw', async () => {
    const p = await proposed(0, [rep(1), rep(2)]);
    const outsider = await makeMember(t, admin, ids['JS-ZJ-DY-001'] ?? 0);
    const oc = await t.loginMember(outsider.phone);
    const res = await t.request('POST', '/api/me/congress/proposals', {
      cookie: oc,
      body: { termId: c.termId, title: 'x', body: 'y', cosigners: [rep(1), rep(2)] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('CONGRESS_NOT_REPRESENTATIVE');
    expect((await t.request('GET', `/api/me/congress/proposals/${p.id}`, { cookie: oc })).statusCode).toBe(403);
    expect((await t.request('GET', `/api/me/congress/proposals/${p.id}`, { cookie: me(4) })).statusCode).toBe(404);
    expect((await cosign(4, p.id, true)).statusCode).toBe(404);
    expect((await t.request('POST', `/api/me/congress/proposals/${p.id}/withdraw`, { cookie: me(1) })).statusCode).toBe(
      403,
    );
    const mine = (await t.request('GET', '/api/me/congress/proposals', { cookie: me(1) })).json<{ items: Detail[] }>();
    expect(mine.items.find((x) => x.id === p.id)?.myRole).toBe('cosigner');
    const w = await t.request('POST', `/api/me/congress/proposals/${p.id}/withdraw`, { cookie: me(0) });
    expect(w.json<Detail>().state).toBe('withdrawn');
    expect((await cosign(1, p.id, true)).statusCode).toBe(409);
  });

  it('staff of another grassroots union get 404 (audited), and their list leaves the proposal out', async () => {
    const p = await submitted();
    const grassroots = await t.login('grassroots');
    expect((await staff('GET', `/api/congress/proposals/${p.id}`, undefined, grassroots)).statusCode).toBe(404);
    const r = await staff(
      'POST',
      `/api/congress/proposals/${p.id}/review`,
      { decision: 'accept', reason: '同意' },
      grassroots,
    );
    expect(r.statusCode).toBe(404);
    const list = (await staff('GET', `/api/congress/proposals?termId=${c.termId}`, undefined, grassroots)).json<{
      total: number;
    }>();
    expect(list.total).toBe(0);
    expect(
      (await staff('GET', `/api/congress/bodies/${c.bodyId}/proposals/public`, undefined, grassroots)).statusCode,
    ).toBe(404);
    expect(
      (await staff('GET', `/api/congress/terms/${c.termId}/proposal-report`, undefined, grassroots)).statusCode,
    ).toBe(404);
  });
});

describe('committee', () => {
  it('requires a written reason for every decision; bad input → 400 with field messages', async () => {
    const p = await submitted();
    for (const body of [
      { decision: 'accept' },
      { decision: 'reject', reason: '   ' },
      { decision: 'maybe', reason: '理由' },
    ]) {
      const res = await staff('POST', `/api/congress/proposals/${p.id}/review`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.details.length).toBeGreaterThan(0);
    }
    const blank = await staff('POST', `/api/congress/proposals/${p.id}/review`, { decision: 'reject', reason: '' });
    expect(blank.json<ErrorBody>().error.details[0]).toMatchObject({
      path: 'reason',
      message: '请填写理由（1至2000字）',
    });
    const bad = await t.request('POST', '/api/me/congress/proposals', {
      cookie: me(0),
      body: { termId: 'x', title: '', body: 'y', cosigners: 'no' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ErrorBody>()
        .error.details.map((d) => d.path)
        .sort(),
    ).toEqual(['cosigners', 'termId', 'title']);
    const r = await staff('POST', `/api/congress/proposals/${p.id}/review`, {
      decision: 'convert',
      reason: '属日常管理事项，转意见建议办理',
    });
    expect(r.json<Detail>()).toMatchObject({ state: 'converted', review: { decision: 'convert' } });
    const again = await staff('POST', `/api/congress/proposals/${p.id}/review`, {
      decision: 'accept',
      reason: '改为立案',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('CONGRESS_PROPOSAL_STATE');
    const audit = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'congress_proposal.review' and target_id = ${String(p.id)}`,
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('assigns with the default deadline; an assisting department returns within the window, the lead after it gets 409', async () => {
    const p = await assigned('关于倒班职工休息室空调维修的提案');
    const lead = p.assignments.find((a) => a.role === 'lead');
    const assisting = p.assignments.find((a) => a.role === 'assisting');
    expect(p.state).toBe('assigned');
    expect(lead?.deadline).toBe(addDays(today(), 30));
    const dup = await staff('POST', `/api/congress/proposals/${p.id}/assign`, {
      lead: { department: '安全环保部' },
      assisting: [{ department: '安全环保部' }],
    });
    expect(dup.statusCode).toBe(400);
    const r1 = await staff('POST', `/api/congress/proposals/${p.id}/return`, {
      assignmentId: assisting?.id,
      reason: '不属本部门职责',
    });
    expect(r1.json<Detail>().state).toBe('assigned');
    await advance(3 * DAY + 60_000);
    const r2 = await staff('POST', `/api/congress/proposals/${p.id}/return`, {
      assignmentId: lead?.id,
      reason: '交办有误',
    });
    expect(r2.statusCode).toBe(409);
    expect(r2.json<ErrorBody>().error.code).toBe('CONGRESS_RETURN_WINDOW');
  });

  it('the lead’s return within the window sends it back to accepted for reassignment', async () => {
    const p = await assigned('关于更换纺丝车间劳动防护口罩的提案', { department: '生产部' });
    const lead = p.assignments.find((a) => a.role === 'lead');
    await advance(2 * DAY);
    const r = await staff('POST', `/api/congress/proposals/${p.id}/return`, {
      assignmentId: lead?.id,
      reason: '应由安全环保部主办',
    });
    expect(r.json<Detail>().state).toBe('accepted');
    const again = await staff('POST', `/api/congress/proposals/${p.id}/assign`, {
      lead: { department: '安全环保部' },
      assisting: [],
    });
    const d = again.json<Detail>();
    expect(d.state).toBe('assigned');
    expect(d.assignments.filter((a) => a.returnedAt === null).map((a) => a.department)).toEqual(['安全环保部']);
  });
});

describe('answers, ratings and the second handling', () => {
  it('answer → 不满意 → round 2 with the same departments → answer → 满意 closes', async () => {
    const p = await assigned('关于提高高温补贴标准的提案');
    const unknown = await staff('POST', `/api/congress/proposals/${p.id}/answers`, { department: '财务部', body: '…' });
    expect(unknown.statusCode).toBe(422);
    const early = await t.request('POST', `/api/me/congress/proposals/${p.id}/rating`, {
      cookie: me(0),
      body: { rating: 'satisfied' },
    });
    expect(early.statusCode).toBe(409);
    let d = (
      await staff('POST', `/api/congress/proposals/${p.id}/answers`, { department: '人力资源部', body: '配合测算。' })
    ).json<Detail>();
    expect(d.state).toBe('assigned');
    d = (
      await staff('POST', `/api/congress/proposals/${p.id}/answers`, {
        department: '后勤保障部',
        body: '拟自7月起按每月300元发放。',
      })
    ).json<Detail>();
    expect(d.state).toBe('answered');
    const twice = await staff('POST', `/api/congress/proposals/${p.id}/answers`, {
      department: '后勤保障部',
      body: '再答',
    });
    expect(twice.json<ErrorBody>().error.code).toBe('CONGRESS_ALREADY_ANSWERED');
    const co = await t.request('POST', `/api/me/congress/proposals/${p.id}/rating`, {
      cookie: me(1),
      body: { rating: 'basic' },
    });
    expect(co.json<Detail>().state).toBe('answered');
    const co2 = await t.request('POST', `/api/me/congress/proposals/${p.id}/rating`, {
      cookie: me(1),
      body: { rating: 'satisfied' },
    });
    expect(co2.statusCode).toBe(409);
    expect(co2.json<ErrorBody>().error.code).toBe('CONGRESS_ALREADY_RATED');
    const outsider = await t.request('POST', `/api/me/congress/proposals/${p.id}/rating`, {
      cookie: me(5),
      body: { rating: 'satisfied' },
    });
    expect(outsider.statusCode).toBe(404);
    const un = await t.request('POST', `/api/me/congress/proposals/${p.id}/rating`, {
      cookie: me(0),
      body: { rating: 'unsatisfied', comment: '标准仍低于周边企业' },
    });
    d = un.json<Detail>();
    expect(d).toMatchObject({ state: 'assigned', round: 2 });
    const round2 = d.assignments.filter((a) => a.round === 2);
    expect(round2.map((a) => a.department).sort()).toEqual(['人力资源部', '后勤保障部']);
    expect(round2.every((a) => a.deadline === addDays(today(), 30))).toBe(true);
    d = (
      await staff('POST', `/api/congress/proposals/${p.id}/answers`, {
        department: '后勤保障部',
        body: '调整为每月400元。',
      })
    ).json<Detail>();
    expect(d).toMatchObject({ state: 'answered', round: 2 });
    d = (
      await t.request('POST', `/api/me/congress/proposals/${p.id}/rating`, {
        cookie: me(0),
        body: { rating: 'satisfied' },
      })
    ).json<Detail>();
    expect(d.state).toBe('closed');
    expect(d.ratings.map((r) => `${r.round}:${r.rating}`).sort()).toEqual(['1:basic', '1:unsatisfied', '2:satisfied']);
    const pub = (await t.request('GET', `/api/congress/bodies/${c.bodyId}/proposals/public`, { cookie: me(5) })).json<{
      items: Array<Record<string, unknown>>;
    }>();
    const row = pub.items.find((x) => x.title === '关于提高高温补贴标准的提案');
    expect(row).toMatchObject({ state: 'closed', rating: 'satisfied', departments: ['后勤保障部', '人力资源部'] });
    expect(Object.keys(row ?? {}).sort()).toEqual([
      'answeredAt',
      'departments',
      'number',
      'proposerName',
      'rating',
      'state',
      'title',
    ]);
    expect(pub.items.some((x) => x.state === 'cosigning' || x.state === 'withdrawn')).toBe(false);
    const stranger = await makeMember(t, admin, ids['JS-ZJ-JK-002'] ?? 0);
    const sc = await t.loginMember(stranger.phone);
    expect(
      (await t.request('GET', `/api/congress/bodies/${c.bodyId}/proposals/public`, { cookie: sc })).statusCode,
    ).toBe(404);
  });
});

describe('duty records', () => {
  it('a representative records duties; a proposal may name its own record, not another’s; staff list the term’s', async () => {
    const res = await t.request('POST', '/api/me/congress/duty-records', {
      cookie: me(0),
      body: { termId: c.termId, kind: 'visit', on: today(), summary: '走访碳纤维车间夜班班组，收集通勤班车意见' },
    });
    expect(res.statusCode).toBe(201);
    const rec = res.json<{ id: number; kind: string }>();
    const bad = await t.request('POST', '/api/me/congress/duty-records', {
      cookie: me(0),
      body: { termId: c.termId, kind: 'party', on: '2026-13-40', summary: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ErrorBody>()
        .error.details.map((d) => d.path)
        .sort(),
    ).toEqual(['kind', 'on', 'summary']);
    const notMine = await t.request('POST', '/api/me/congress/proposals', {
      cookie: me(1),
      body: { termId: c.termId, title: '班车', body: '班车', cosigners: [rep(2), rep(3)], dutyRecordId: rec.id },
    });
    expect(notMine.json<ErrorBody>().error.code).toBe('CONGRESS_DUTY_RECORD_INVALID');
    const ok = await t.request('POST', '/api/me/congress/proposals', {
      cookie: me(0),
      body: {
        termId: c.termId,
        title: '关于增开夜班通勤班车的提案',
        body: '见走访记录',
        cosigners: [rep(2), rep(3)],
        dutyRecordId: rec.id,
      },
    });
    expect(ok.statusCode).toBe(201);
    const mine = (await t.request('GET', '/api/me/congress/duty-records', { cookie: me(0) })).json<{
      items: unknown[];
    }>();
    expect(mine.items).toHaveLength(1);
    const list = (await staff('GET', `/api/congress/terms/${c.termId}/duty-records`)).json<{ total: number }>();
    expect(list.total).toBe(1);
  });
});

describe('overdue and the report', () => {
  it('flags an assigned proposal past the lead’s deadline; the overdue filter finds it', async () => {
    const p = await assigned('关于食堂增加清真窗口的提案');
    const soon = await submitted('关于更新劳动防护用品发放标准的提案');
    await staff('POST', `/api/congress/proposals/${soon.id}/review`, { decision: 'accept', reason: '立案' });
    await staff('POST', `/api/congress/proposals/${soon.id}/assign`, {
      lead: { department: '安全环保部', deadline: addDays(today(), 60) },
      assisting: [],
    });
    await advance(31 * DAY);
    const d = (await staff('GET', `/api/congress/proposals/${p.id}`)).json<Detail>();
    expect(d.overdue).toBe(true);
    const overdue = (await staff('GET', `/api/congress/proposals?termId=${c.termId}&overdue=true`)).json<{
      items: Detail[];
    }>();
    expect(overdue.items.map((x) => x.id)).toContain(p.id);
    expect(overdue.items.map((x) => x.id)).not.toContain(soon.id);
    expect(overdue.items.every((x) => x.overdue && x.state === 'assigned')).toBe(true);
    const notOverdue = (
      await staff('GET', `/api/congress/proposals?termId=${c.termId}&overdue=false&pageSize=100`)
    ).json<{ items: Detail[] }>();
    expect(notOverdue.items.map((x) => x.id)).toContain(soon.id);
    expect((await staff('GET', '/api/congress/proposals?overdue=yes')).statusCode).toBe(400);
    await staff('POST', `/api/congress/proposals/${p.id}/answers`, { department: '后勤保障部', body: '已开设。' });
    expect((await staff('GET', `/api/congress/proposals/${p.id}`)).json<Detail>().overdue).toBe(false);
  });

  it('the 提案办理情况报告 is a real xlsx with totals by state and a row per proposal; docx → 400', async () => {
    const res = await staff('GET', `/api/congress/terms/${c.termId}/proposal-report?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(res.rawPayload).buffer);
    const sum = wb.getWorksheet('汇总');
    const list = wb.getWorksheet('提案明细');
    expect(sum && list).toBeTruthy();
    const [counts] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from congress_proposal where term_id = ${c.termId}`,
    );
    const totalRow = sum?.getRows(1, sum.rowCount)?.find((r) => r.getCell(1).value === '合计');
    expect(totalRow?.getCell(2).value).toBe(counts?.n);
    expect((list?.rowCount ?? 0) - 1).toBe(counts?.n);
    const closed = list
      ?.getRows(2, (list.rowCount ?? 1) - 1)
      ?.find((r) => r.getCell(2).value === '关于提高高温补贴标准的提案');
    expect(closed?.getCell(5).value).toBe('已办结');
    expect(String(closed?.getCell(8).value)).toContain('第2轮 满意');
    expect(closed?.getCell(9).value).toBe(2);
    const docx = await staff('GET', `/api/congress/terms/${c.termId}/proposal-report?format=docx`);
    expect(docx.statusCode).toBe(400);
    expect(docx.json<ErrorBody>().error.details[0]?.message).toBe('报告格式目前仅支持 xlsx');
  });
});
