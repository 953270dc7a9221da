import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../kernel/clock.js';
import { rows } from '../../kernel/db.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeMember, orgIds } from '../voucher/claim.fixtures.js';
import { congressSession } from './congress.schema.js';
import { congressEvaluationRating } from './evaluation.schema.js';
import { seedDemoEvaluations } from '../../seed/demo-congress-evaluations.js';
import { checkIn, makeCongress, type CongressFixture } from './test-fixtures.js';

// 民主评议, follow-ups, 联席会议 and the 厂务公开 page.

let t: TestApp;
let admin: string;
let county: string;
let ids: Record<string, number>;
const day = 86_400_000;
const ITEMS = ['工伤保险缴纳', '安全生产举报奖励', '职业健康检查', '劳动防护用品'];

interface Item {
  id: number;
  title: string;
  counts: Record<string, number> | null;
  shares: Record<string, number> | null;
}
interface Evaluation {
  id: number;
  state: string;
  raters: number;
  items: Item[];
  rated?: boolean;
  present?: boolean;
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  county = await t.login('county');
  ids = await orgIds(t, admin);
});
afterAll(() => t.close());

const hengshen = () => ids['JS-ZJ-DY-001'] ?? 0;

/** A draft evaluation of the safety report at the fixture's session, opened unless asked not to. */
async function evaluation(c: CongressFixture, open = true): Promise<Evaluation> {
  const res = await t.request('POST', `/api/congress/sessions/${c.sessionId}/evaluations`, {
    cookie: admin,
    body: { title: '2026年度安全生产工作报告', items: ITEMS },
  });
  expect(res.statusCode, res.body).toBe(201);
  const e = res.json<Evaluation>();
  expect(e.state).toBe('draft');
  if (!open) return e;
  const o = await t.request('POST', `/api/congress/evaluations/${e.id}/open`, { cookie: admin });
  expect(o.statusCode, o.body).toBe(200);
  return o.json<Evaluation>();
}

function rateAll(e: Evaluation, rating: string, comment?: string) {
  return { ratings: e.items.map((i) => ({ itemId: i.id, rating, ...(comment ? { comment } : {}) })) };
}

async function laterSession(termId: number, number: number, startsAt: Date, state: 'planned' | 'open' | 'closed') {
  const [s] = await t.deps.db
    .insert(congressSession)
    .values({ termId, number, title: `第${number}次会议`, startsAt, state, createdAt: t.clock.now() })
    .returning({ id: congressSession.id });
  if (!s) throw new Error('no session');
  return s.id;
}

describe('rating', () => {
  it('lets a present representative rate every item once, in parts, and refuses a second rating with 409', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 3, present: 3 });
    const e = await evaluation(c);
    const rep = await t.loginMember(c.reps[0]?.phone ?? '');
    const url = `/api/me/congress/evaluations/${e.id}/ratings`;
    const [first, ...rest] = e.items;
    if (!first) throw new Error('no item');
    const part = await t.request('POST', url, {
      cookie: rep,
      body: { ratings: [{ itemId: first.id, rating: 'satisfied' }] },
    });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json<Evaluation>()).toMatchObject({ rated: false, present: true, raters: 1 });
    const restRes = await t.request('POST', url, {
      cookie: rep,
      body: { ratings: rest.map((i) => ({ itemId: i.id, rating: 'basic', comment: '总体可以' })) },
    });
    expect(restRes.statusCode, restRes.body).toBe(201);
    const mine = restRes.json<Evaluation & { myRatings: unknown[] }>();
    expect(mine.rated).toBe(true);
    expect(mine.myRatings).toHaveLength(ITEMS.length);
    // Counts are hidden from a representative while the evaluation is open.
    expect(mine.items.every((i) => i.counts === null && i.shares === null)).toBe(true);

    const again = await t.request('POST', url, {
      cookie: rep,
      body: { ratings: [{ itemId: first.id, rating: 'unsatisfied' }] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONGRESS_ALREADY_RATED', message: '您已评价过，不能重复评价' });
    const en = await t.request('POST', url, {
      cookie: rep,
      body: rateAll(e, 'unsatisfied'),
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe('You have already given this rating');
    const [stored] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from congress_evaluation_rating where evaluation_id = ${e.id}`,
    );
    expect(stored?.n).toBe(ITEMS.length);
  });

  it('stores exactly one of simultaneous ratings of the same items by one representative', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 2, present: 2 });
    const e = await evaluation(c);
    const rep = await t.loginMember(c.reps[1]?.phone ?? '');
    const url = `/api/me/congress/evaluations/${e.id}/ratings`;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.request('POST', url, { cookie: rep, body: rateAll(e, i % 2 ? 'satisfied' : 'unknown') }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.json().error.code).toBe('CONGRESS_ALREADY_RATED');
    const stored = await t.deps.db
      .select({ itemId: congressEvaluationRating.itemId, rating: congressEvaluationRating.rating })
      .from(congressEvaluationRating)
      .where(
        and(
          eq(congressEvaluationRating.evaluationId, e.id),
          eq(congressEvaluationRating.representativeId, c.reps[1]?.id ?? 0),
        ),
      );
    expect(stored).toHaveLength(ITEMS.length);
    expect(new Set(stored.map((s) => s.rating)).size).toBe(1);
  });

  it('refuses an absent representative, a member who is no representative, staff, and the wrong states', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 3, present: 1 });
    const draft = await evaluation(c, false);
    const absent = await t.loginMember(c.reps[2]?.phone ?? '');
    const present = await t.loginMember(c.reps[0]?.phone ?? '');
    // A draft is not shown to representatives at all.
    const d = await t.request('POST', `/api/me/congress/evaluations/${draft.id}/ratings`, {
      cookie: present,
      body: rateAll(draft, 'satisfied'),
    });
    expect(d.statusCode).toBe(404);
    const e = await evaluation(c);
    const url = `/api/me/congress/evaluations/${e.id}/ratings`;
    const a = await t.request('POST', url, { cookie: absent, body: rateAll(e, 'satisfied') });
    expect(a.statusCode).toBe(403);
    expect(a.json().error.code).toBe('CONGRESS_NOT_PRESENT');
    expect(a.json().error.message).toMatch(/^请先签到/);
    // Checked in later, the same representative may rate.
    await checkIn(t, c.sessionId, [c.reps[2] ?? { id: 0, memberId: 0, accountId: 0, phone: '' }]);
    expect((await t.request('POST', url, { cookie: absent, body: rateAll(e, 'satisfied') })).statusCode).toBe(201);

    const outsider = await makeMember(t, admin, hengshen());
    const o = await t.request('POST', url, { cookie: await t.loginMember(outsider.phone), body: rateAll(e, 'basic') });
    expect(o.statusCode).toBe(403);
    expect(o.json().error.code).toBe('CONGRESS_NOT_REPRESENTATIVE');
    expect((await t.request('POST', url, { cookie: admin, body: rateAll(e, 'basic') })).statusCode).toBe(403);

    // An item of another evaluation is refused, and nothing of the request is stored.
    const other = await evaluation(c);
    const mixed = await t.request('POST', url, {
      cookie: present,
      body: {
        ratings: [
          { itemId: e.items[0]?.id, rating: 'basic' },
          { itemId: other.items[0]?.id, rating: 'basic' },
        ],
      },
    });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().error).toMatchObject({
      code: 'CONGRESS_EVALUATION_ITEM',
      details: [{ path: 'ratings.1.itemId' }],
    });
    const [n] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from congress_evaluation_rating where representative_id = ${c.reps[0]?.id ?? 0}`,
    );
    expect(n?.n).toBe(0);

    expect((await t.request('POST', `/api/congress/evaluations/${e.id}/close`, { cookie: admin })).statusCode).toBe(
      200,
    );
    const late = await t.request('POST', url, { cookie: present, body: rateAll(e, 'basic') });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CONGRESS_EVALUATION_STATE');
    const twice = await t.request('POST', `/api/congress/evaluations/${e.id}/close`, { cookie: admin });
    expect(twice.json().error.code).toBe('CONGRESS_EVALUATION_STATE');
    const reopen = await t.request('POST', `/api/congress/evaluations/${e.id}/open`, { cookie: admin });
    expect(reopen.json().error.code).toBe('CONGRESS_EVALUATION_STATE');
  });

  it('opens an evaluation only while its session is open', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 1, session: 'planned' });
    const e = await evaluation(c, false);
    const o = await t.request('POST', `/api/congress/evaluations/${e.id}/open`, { cookie: admin });
    expect(o.statusCode).toBe(409);
    expect(o.json().error.code).toBe('CONGRESS_SESSION_STATE');
    const closed = await makeCongress(t, admin, { orgId: hengshen(), reps: 1, session: 'closed' });
    const res = await t.request('POST', `/api/congress/sessions/${closed.sessionId}/evaluations`, {
      cookie: admin,
      body: { title: '报告', items: ['一项'] },
    });
    expect(res.json().error.code).toBe('CONGRESS_SESSION_STATE');
  });
});

describe('results', () => {
  it('counts each item with shares of its raters; staff see them any time, representatives after close', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 4, present: 4 });
    const e = await evaluation(c);
    const cookies = await Promise.all(c.reps.map((r) => t.loginMember(r.phone)));
    const url = `/api/me/congress/evaluations/${e.id}/ratings`;
    const [item1, item2] = e.items;
    if (!item1 || !item2) throw new Error('items');
    // Item 1: 2 satisfied, 1 unsatisfied (the fourth representative skips it); item 2: one 不了解.
    const plan: Array<Array<{ itemId: number; rating: string; comment?: string }>> = [
      [{ itemId: item1.id, rating: 'satisfied' }],
      [{ itemId: item1.id, rating: 'satisfied' }],
      [{ itemId: item1.id, rating: 'unsatisfied', comment: '工伤保险缴纳不及时，部分外包岗位未覆盖' }],
      [{ itemId: item2.id, rating: 'unknown' }],
    ];
    for (const [i, ratings] of plan.entries()) {
      const res = await t.request('POST', url, { cookie: cookies[i] ?? '', body: { ratings } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const staffView = await t.request('GET', `/api/congress/evaluations/${e.id}`, { cookie: admin });
    expect(staffView.statusCode).toBe(200);
    const detail = staffView.json<
      Evaluation & { comments: Array<{ itemId: number; rating: string; comment: string }> }
    >();
    expect(detail.raters).toBe(4);
    const one = detail.items.find((i) => i.id === item1.id);
    expect(one?.counts).toEqual({ satisfied: 2, basic: 0, unsatisfied: 1, unknown: 0 });
    expect(((one?.shares?.satisfied ?? 0) * 100).toFixed(1)).toBe('66.7');
    expect(((one?.shares?.unsatisfied ?? 0) * 100).toFixed(1)).toBe('33.3');
    expect(detail.items.find((i) => i.id === item2.id)?.shares).toEqual({
      satisfied: 0,
      basic: 0,
      unsatisfied: 0,
      unknown: 1,
    });
    expect(detail.items[2]?.counts).toEqual({ satisfied: 0, basic: 0, unsatisfied: 0, unknown: 0 });
    expect(detail.comments).toEqual([
      expect.objectContaining({
        itemId: item1.id,
        rating: 'unsatisfied',
        comment: '工伤保险缴纳不及时，部分外包岗位未覆盖',
      }),
    ]);
    expect(JSON.stringify(detail.comments)).not.toContain('representative');
    const list = await t.request('GET', `/api/congress/sessions/${c.sessionId}/evaluations`, { cookie: admin });
    expect(list.json<{ items: Evaluation[] }>().items[0]?.items[0]?.counts?.satisfied).toBe(2);

    const before = await t.request('GET', `/api/me/congress/evaluations?sessionId=${c.sessionId}`, {
      cookie: cookies[0] ?? '',
    });
    expect(before.statusCode).toBe(200);
    const mineBefore = before.json<{ items: Evaluation[] }>().items;
    expect(mineBefore).toHaveLength(1);
    expect(mineBefore[0]?.items.every((i) => i.counts === null)).toBe(true);
    expect(mineBefore[0]).toMatchObject({ rated: false, present: true });

    expect((await t.request('POST', `/api/congress/evaluations/${e.id}/close`, { cookie: admin })).statusCode).toBe(
      200,
    );
    const after = await t.request('GET', '/api/me/congress/evaluations', { cookie: cookies[3] ?? '' });
    const mineAfter = after.json<{ items: Evaluation[] }>().items.find((x) => x.id === e.id);
    expect(mineAfter?.items.find((i) => i.id === item1.id)?.counts).toEqual({
      satisfied: 2,
      basic: 0,
      unsatisfied: 1,
      unknown: 0,
    });
    // Someone else's session: not a representative there.
    const other = await makeCongress(t, admin, { orgId: hengshen(), reps: 1 });
    const foreign = await t.request('GET', `/api/me/congress/evaluations?sessionId=${other.sessionId}`, {
      cookie: cookies[0] ?? '',
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CONGRESS_NOT_REPRESENTATIVE');
  });
});

describe('follow-ups', () => {
  it('turns a 不满意 comment into a follow-up with owner and deadline, listed for the term with overdue flagged', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 2, present: 2 });
    const e = await evaluation(c);
    const item = e.items[2];
    if (!item) throw new Error('item');
    const rep = await t.loginMember(c.reps[0]?.phone ?? '');
    await t.request('POST', `/api/me/congress/evaluations/${e.id}/ratings`, {
      cookie: rep,
      body: {
        ratings: [{ itemId: item.id, rating: 'unsatisfied', comment: '职业健康检查项目偏少，噪声岗位未做听力检查' }],
      },
    });
    await t.request('POST', `/api/congress/evaluations/${e.id}/close`, { cookie: admin });
    const detail = await t.request('GET', `/api/congress/evaluations/${e.id}`, { cookie: admin });
    const ratingId = detail.json<{ comments: Array<{ ratingId: number }> }>().comments[0]?.ratingId;
    const next = await laterSession(c.termId, 2, new Date(t.clock.now().getTime() + 90 * day), 'planned');

    const deadline = chinaDate(t.clock.now().getTime() + 30 * day);
    const made = await t.request('POST', `/api/congress/evaluation-items/${item.id}/followups`, {
      cookie: admin,
      body: { owner: '安全环保部', deadline, note: '噪声岗位增加纯音听阈检查', ratingId },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      itemTitle: '职业健康检查',
      comment: '职业健康检查项目偏少，噪声岗位未做听力检查',
      owner: '安全环保部',
      deadline,
      state: 'open',
      overdue: false,
      reportTo: { sessionId: next, number: 2 },
    });
    // A rating of another item is no source for this one.
    const wrong = await t.request('POST', `/api/congress/evaluation-items/${e.items[0]?.id ?? 0}/followups`, {
      cookie: admin,
      body: { owner: '人力资源部', deadline, note: '核对', ratingId },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('CONGRESS_FOLLOWUP_SOURCE');

    t.clock.advance(31 * day);
    // A month on, the sessions have expired: sign in again.
    admin = await t.login('admin');
    county = await t.login('county');
    const late = await t.request('GET', `/api/congress/terms/${c.termId}/followups`, { cookie: admin });
    expect(late.statusCode).toBe(200);
    const items = late.json<{ items: Array<{ id: number; overdue: boolean; state: string }> }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ overdue: true, state: 'open' });

    const done = await t.request('PATCH', `/api/congress/followups/${items[0]?.id ?? 0}`, {
      cookie: admin,
      body: { state: 'done', result: '已为42名噪声岗位职工补做听力检查' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', overdue: false, result: '已为42名噪声岗位职工补做听力检查' });
    expect(done.json().doneAt).not.toBeNull();
    const [audits] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action like 'congress_followup.%' and target_id = ${String(e.id)}`,
    );
    expect(audits?.n).toBe(2);
    // Staff of another org do not see the term's list nor change its follow-ups.
    expect((await t.request('GET', `/api/congress/terms/${c.termId}/followups`, { cookie: county })).statusCode).toBe(
      404,
    );
    expect(
      (
        await t.request('PATCH', `/api/congress/followups/${items[0]?.id ?? 0}`, {
          cookie: county,
          body: { state: 'open' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('joint meetings', () => {
  it('are confirmed by a later session of the term, not an earlier one nor another term’s, once', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 1 });
    const now = t.clock.now().getTime();
    const heldOn = chinaDate(now + 10 * day);
    const made = await t.request('POST', `/api/congress/terms/${c.termId}/joint-meetings`, {
      cookie: admin,
      body: { heldOn, topic: '高温津贴发放标准调整', decisions: '自7月起高温津贴按每人每月300元发放。' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ id: number }>().id;
    const url = `/api/congress/joint-meetings/${id}/confirm`;

    const earlier = await t.request('POST', url, { cookie: admin, body: { sessionId: c.sessionId } });
    expect(earlier.statusCode).toBe(422);
    expect(earlier.json().error).toMatchObject({ code: 'CONGRESS_JOINT_SESSION', details: [{ path: 'sessionId' }] });
    const elsewhere = await makeCongress(t, admin, { orgId: hengshen(), reps: 1 });
    const otherTerm = await laterSession(elsewhere.termId, 2, new Date(now + 60 * day), 'open');
    expect((await t.request('POST', url, { cookie: admin, body: { sessionId: otherTerm } })).json().error.code).toBe(
      'CONGRESS_JOINT_SESSION',
    );
    const later = await laterSession(c.termId, 2, new Date(now + 60 * day), 'open');
    expect((await t.request('POST', url, { cookie: county, body: { sessionId: later } })).statusCode).toBe(404);
    const ok = await t.request('POST', url, { cookie: admin, body: { sessionId: later } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ confirmedSessionId: later, confirmedSession: { id: later, number: 2 } });
    const again = await t.request('POST', url, { cookie: admin, body: { sessionId: later } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONGRESS_JOINT_CONFIRMED');
    const list = await t.request('GET', `/api/congress/terms/${c.termId}/joint-meetings`, { cookie: admin });
    expect(list.json<{ items: Array<{ id: number; confirmedAt: string | null }> }>().items).toEqual([
      expect.objectContaining({ id, confirmedAt: expect.any(String) }),
    ]);
    const outside = await t.request('POST', `/api/congress/terms/${c.termId}/joint-meetings`, {
      cookie: admin,
      body: { heldOn: '2001-01-01', topic: '议题', decisions: '决定' },
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('CONGRESS_JOINT_DATE');
  });
});

describe('publication', () => {
  it('shows only published sessions with their closed evaluations, to the workforce of the org subtree', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 2, present: 2 });
    const e = await evaluation(c);
    const rep = await t.loginMember(c.reps[0]?.phone ?? '');
    await t.request('POST', `/api/me/congress/evaluations/${e.id}/ratings`, {
      cookie: rep,
      body: rateAll(e, 'satisfied'),
    });
    await t.request('POST', `/api/congress/evaluations/${e.id}/close`, { cookie: admin });
    const url = `/api/congress/bodies/${c.bodyId}/publication`;

    const unpublished = await t.request('GET', url, { cookie: rep });
    expect(unpublished.statusCode, unpublished.body).toBe(200);
    expect(unpublished.json()).toMatchObject({ sessions: [], evaluations: [], followups: [], proposals: [] });

    await t.deps.db
      .update(congressSession)
      .set({ state: 'closed', closedAt: t.clock.now(), publishedAt: t.clock.now() })
      .where(eq(congressSession.id, c.sessionId));
    await laterSession(c.termId, 2, new Date(t.clock.now().getTime() + 30 * day), 'planned');
    const worker = await makeMember(t, admin, hengshen());
    const page = await t.request('GET', url, { cookie: await t.loginMember(worker.phone) });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<{
      body: { name: string; orgName: string };
      sessions: Array<{ id: number; resolutions: unknown[] }>;
      evaluations: Evaluation[];
    }>();
    expect(body.body.orgName).toBe('江苏恒神股份有限公司工会');
    expect(body.sessions.map((s) => s.id)).toEqual([c.sessionId]);
    expect(body.sessions[0]?.resolutions).toEqual([]);
    expect(body.evaluations.map((x) => x.id)).toEqual([e.id]);
    expect(body.evaluations[0]?.items[0]?.counts?.satisfied).toBe(1);
    expect((await t.request('GET', url, { cookie: admin })).statusCode).toBe(200);

    // Outside the body's org subtree: a member elsewhere and staff of another org see nothing (404).
    const stranger = await makeMember(t, admin, ids['JS-ZJ-JK-XS-001'] ?? 0);
    expect((await t.request('GET', url, { cookie: await t.loginMember(stranger.phone) })).statusCode).toBe(404);
    expect((await t.request('GET', url, { cookie: county })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/congress/bodies/999999/publication', { cookie: admin })).statusCode).toBe(404);
    expect((await t.request('GET', url)).statusCode).toBe(401);
  });
});

describe('scope and input', () => {
  it('answers 404 to staff of another org and 400 with field messages to bad input', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 1, present: 1 });
    const e = await evaluation(c);
    expect((await t.request('GET', `/api/congress/evaluations/${e.id}`, { cookie: county })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/congress/evaluations/${e.id}/close`, { cookie: county })).statusCode).toBe(
      404,
    );
    const create = await t.request('POST', `/api/congress/sessions/${c.sessionId}/evaluations`, {
      cookie: county,
      body: { title: '报告', items: ['一项'] },
    });
    expect(create.statusCode).toBe(404);
    expect(
      (await t.request('GET', `/api/congress/sessions/${c.sessionId}/evaluations`, { cookie: county })).statusCode,
    ).toBe(404);
    const [audited] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log
          where action = 'access.denied' and after->>'route' = '/api/congress/evaluations/:id'`,
    );
    expect(audited?.n).toBeGreaterThanOrEqual(1);

    const bad = await t.request('POST', `/api/congress/sessions/${c.sessionId}/evaluations`, {
      cookie: admin,
      body: { title: ' ', items: ['一项', '一项'] },
    });
    expect(bad.statusCode).toBe(400);
    const details = bad.json<{ error: { details: Array<{ path: string; message: string }> } }>().error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'title', message: '请填写标题（1至200字）' },
        { path: 'items', message: '请填写1至50个评议项，每项1至200字，不得重复' },
      ]),
    );
    const rep = await t.loginMember(c.reps[0]?.phone ?? '');
    const badRating = await t.request('POST', `/api/me/congress/evaluations/${e.id}/ratings`, {
      cookie: rep,
      body: { ratings: [{ itemId: e.items[0]?.id, rating: 'great' }] },
    });
    expect(badRating.statusCode).toBe(400);
    expect(badRating.json().error.details).toEqual([
      { path: 'ratings.0.rating', message: '评价须为满意、基本满意、不满意或不了解' },
    ]);
    const dup = await t.request('POST', `/api/me/congress/evaluations/${e.id}/ratings`, {
      cookie: rep,
      body: {
        ratings: [
          { itemId: e.items[0]?.id, rating: 'basic' },
          { itemId: e.items[0]?.id, rating: 'satisfied' },
        ],
      },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].message).toBe('请对1至50个评议项各评价一次');
    const badFollowup = await t.request('POST', `/api/congress/evaluation-items/${e.items[0]?.id ?? 0}/followups`, {
      cookie: admin,
      body: { owner: '', deadline: '2026-02-30', note: '' },
    });
    expect(badFollowup.statusCode).toBe(400);
    expect(
      badFollowup
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['deadline', 'note', 'owner']);
    const badJoint = await t.request('POST', `/api/congress/terms/${c.termId}/joint-meetings`, {
      cookie: admin,
      body: { heldOn: 'tomorrow', topic: '', decisions: '', extra: 1 },
    });
    expect(badJoint.statusCode).toBe(400);
    expect(
      (await t.request('POST', `/api/congress/joint-meetings/abc/confirm`, { cookie: admin, body: {} })).statusCode,
    ).toBe(400);
  });
});

describe('demo data', () => {
  it('seeds a closed safety-report evaluation at the second session, follow-ups and a confirmed joint meeting', async () => {
    const c = await makeCongress(t, admin, { orgId: hengshen(), reps: 14, session: 'closed' });
    const now = t.clock.now().getTime();
    const at = (days: number) => new Date(now + days * day);
    const second = await laterSession(c.termId, 2, at(-150), 'closed');
    const third = await laterSession(c.termId, 3, at(-60), 'closed');
    const upcoming = await laterSession(c.termId, 4, at(20), 'planned');
    await checkIn(t, second, c.reps.slice(0, 13));
    await t.deps.db
      .update(congressSession)
      .set({ publishedAt: at(-140) })
      .where(eq(congressSession.id, second));
    await t.deps.db.transaction((tx) =>
      seedDemoEvaluations(tx, t.deps, {
        orgId: c.orgId,
        bodyId: c.bodyId,
        termId: c.termId,
        reps: c.reps.map((r) => ({ id: r.id, memberId: r.memberId })),
        sessions: { first: c.sessionId, second, third, upcoming },
        staffAccountId: 1,
      }),
    );
    const list = await t.request('GET', `/api/congress/sessions/${second}/evaluations`, { cookie: admin });
    const [e] = list.json<{ items: Evaluation[] }>().items;
    expect(e).toMatchObject({ state: 'closed', raters: 12 });
    expect(e?.items.map((i) => i.title).slice(0, 4)).toEqual(ITEMS);
    const counts = e?.items.map((i) => i.counts) ?? [];
    const total = (k: string) => counts.reduce((n, x) => n + (x?.[k] ?? 0), 0);
    expect(total('satisfied')).toBeGreaterThan(total('basic'));
    expect(total('unsatisfied')).toBeGreaterThanOrEqual(2);
    const followups = await t.request('GET', `/api/congress/terms/${c.termId}/followups`, { cookie: admin });
    expect(
      followups.json<{ items: Array<{ state: string; comment: string | null; reportTo: { sessionId: number } }> }>()
        .items,
    ).toEqual([
      expect.objectContaining({ state: 'done', reportTo: expect.objectContaining({ sessionId: third }) }),
      expect.objectContaining({ state: 'open', reportTo: expect.objectContaining({ sessionId: upcoming }) }),
    ]);
    const joint = await t.request('GET', `/api/congress/terms/${c.termId}/joint-meetings`, { cookie: admin });
    const meetings = joint.json<{ items: Array<{ confirmedSessionId: number | null }> }>().items;
    expect(meetings[0]?.confirmedSessionId).toBe(third);
    const page = await t.request('GET', `/api/congress/bodies/${c.bodyId}/publication`, { cookie: admin });
    expect(page.json<{ evaluations: Evaluation[]; followups: unknown[] }>()).toMatchObject({
      evaluations: [expect.objectContaining({ id: e?.id })],
      followups: [expect.anything(), expect.anything()],
    });
  });
});
