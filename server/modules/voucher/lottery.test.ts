import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { DEMO_MEMBER_PHONE } from '../../seed/demo.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeIdNumber } from '../member/index.js';
import { drawKey, pseudoIdOf, rerunDraw } from './lottery.draw.js';
import { insertCampaign, insertMembers, insertRegistrations } from './lottery.fixtures.js';
import { lotteryAllowsClaim } from './lottery.service.js';

// Lottery campaigns: registration window, weights, the published and re-runnable draw, scope.

let t: TestApp;
let admin: string;
let county: string;
let member: string;
let memberId: number;
let adminId: number;
const ids: Record<string, number> = {};
const day = 86_400_000;

interface Registrant {
  id: number;
  memberRef: { name: string; pseudoId: string };
  weight: number;
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  county = await t.login('county');
  for (const o of (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items)
    ids[o.code] = o.id;
  const m = await t.request('POST', '/api/members', {
    cookie: admin,
    body: {
      name: '李快递',
      idNumber: makeIdNumber('321102', '1990-02-03', 113),
      phone: DEMO_MEMBER_PHONE,
      orgId: ids['JS-ZJ-JK-XS-001'],
      joinedAt: '2019-05-01',
      jobType: 'courier',
    },
  });
  expect(m.statusCode, m.body).toBe(201);
  memberId = m.json<{ id: number }>().id;
  member = await t.loginMember(DEMO_MEMBER_PHONE);
  [{ id: adminId } = { id: 0 }] = await rows<{ id: number }>(
    t.deps.db,
    sql`select id from account where username = 'admin'`,
  );
});
afterAll(() => t.close());

describe('registration', () => {
  it('registers an eligible member with the published weight, once, and lets them withdraw while open', async () => {
    const c = await insertCampaign(t.deps.db, t.clock.now(), { orgId: ids['JS-ZJ'] ?? 0 });
    const url = `/api/voucher-campaigns/${c.id}/registrations`;
    const first = await t.request('POST', url, { cookie: member });
    expect(first.statusCode, first.body).toBe(201);
    // base 1 + courier (new employment) 1 + never received a voucher 1
    expect(first.json()).toMatchObject({ weight: 3, won: null, pseudoId: pseudoIdOf(c.id, memberId) });
    const again = await t.request('POST', url, { cookie: member });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect((await t.request('DELETE', url, { cookie: member })).statusCode).toBe(204);
    expect((await t.request('DELETE', url, { cookie: member })).statusCode).toBe(404);
    expect((await t.request('POST', url, { cookie: member })).statusCode).toBe(201);
    const [audit] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action like 'voucher_registration.%' and target_id = ${String(c.id)}`,
    );
    expect(audit?.n).toBe(3);
  });

  it('refuses a member outside the eligible job types, a first-come campaign, a draft, and a closed window', async () => {
    const now = t.clock.now();
    const drivers = await insertCampaign(t.deps.db, now, { orgId: ids['JS-ZJ'] ?? 0, memberTypes: ['truck_driver'] });
    const r1 = await t.request('POST', `/api/voucher-campaigns/${drivers.id}/registrations`, { cookie: member });
    expect(r1.statusCode).toBe(403);
    expect(r1.json().error.code).toBe('VOUCHER_REGISTRATION_NOT_ELIGIBLE');
    const elsewhere = await insertCampaign(t.deps.db, now, { orgId: ids['JS-ZJ-DY'] ?? 0 });
    const r2 = await t.request('POST', `/api/voucher-campaigns/${elsewhere.id}/registrations`, { cookie: member });
    expect(r2.json().error.code).toBe('VOUCHER_REGISTRATION_NOT_ELIGIBLE');
    const rush = await insertCampaign(t.deps.db, now, { orgId: ids['JS-ZJ'] ?? 0, mode: 'first_come' });
    const r3 = await t.request('POST', `/api/voucher-campaigns/${rush.id}/registrations`, { cookie: member });
    expect(r3.statusCode).toBe(409);
    expect(r3.json().error.code).toBe('VOUCHER_NOT_LOTTERY');
    const draft = await insertCampaign(t.deps.db, now, { orgId: ids['JS-ZJ'] ?? 0, state: 'draft' });
    expect(
      (await t.request('POST', `/api/voucher-campaigns/${draft.id}/registrations`, { cookie: member })).statusCode,
    ).toBe(404);
    const over = await insertCampaign(t.deps.db, now, {
      orgId: ids['JS-ZJ'] ?? 0,
      claimStartsAt: new Date(now.getTime() - 1000),
    });
    const r4 = await t.request('POST', `/api/voucher-campaigns/${over.id}/registrations`, { cookie: member });
    expect(r4.statusCode).toBe(409);
    expect(r4.json().error.code).toBe('VOUCHER_REGISTRATION_CLOSED');
    expect(
      (await t.request('POST', `/api/voucher-campaigns/${over.id}/registrations`, { cookie: admin })).statusCode,
    ).toBe(403);
  });
});

describe('draw', () => {
  it('draws the published way: reproducible from the seed and the registration list, weighted, once', async () => {
    const now = t.clock.now();
    const c = await insertCampaign(t.deps.db, now, { orgId: ids['JS-ZJ'] ?? 0, quantity: 200, perMemberLimit: 2 });
    const reg = await t.request('POST', `/api/voucher-campaigns/${c.id}/registrations`, { cookie: member });
    expect(reg.statusCode).toBe(201);
    const others = await insertMembers(t.deps.db, ids['JS-ZJ-JK-002'] ?? 0, 1500, `draw${c.id}`);
    await insertRegistrations(t.deps.db, c.id, adminId, others, now);

    const early = await t.request('POST', `/api/voucher-campaigns/${c.id}/draw`, { cookie: admin, body: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('VOUCHER_DRAW_TOO_EARLY');
    expect((await t.request('GET', `/api/voucher-campaigns/${c.id}/draw`, { cookie: admin })).json().error.code).toBe(
      'VOUCHER_NOT_DRAWN',
    );

    t.clock.advance(day + 1000);
    admin = await t.login('admin');
    member = await t.loginMember(DEMO_MEMBER_PHONE);
    county = await t.login('county');
    const late = await t.request('POST', `/api/voucher-campaigns/${c.id}/registrations`, { cookie: member });
    expect(late.json().error.code).toBe('VOUCHER_REGISTRATION_CLOSED');
    // Out of scope (no voucher permission at all): the draw does not exist for the caller.
    expect(
      (await t.request('POST', `/api/voucher-campaigns/${c.id}/draw`, { cookie: county, body: {} })).statusCode,
    ).toBe(404);

    const seed = 'zhenjiang-2027-spring';
    const drawn = await t.request('POST', `/api/voucher-campaigns/${c.id}/draw`, { cookie: admin, body: { seed } });
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json()).toMatchObject({ seed, algorithm: 'wrs-sha256-v1', winners: 100, registrations: 1501 });
    const twice = await t.request('POST', `/api/voucher-campaigns/${c.id}/draw`, { cookie: admin, body: {} });
    expect(twice.json().error.code).toBe('VOUCHER_ALREADY_DRAWN');

    // The published list of registrations, page by page, is all anyone needs to re-run it.
    const registrants: Registrant[] = [];
    for (let page = 1; ; page++) {
      const res = await t.request('GET', `/api/voucher-campaigns/${c.id}/registrations?page=${page}&pageSize=100`, {
        cookie: admin,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: Registrant[]; total: number }>();
      registrants.push(...body.items);
      if (registrants.length >= body.total) break;
    }
    expect(registrants).toHaveLength(1501);
    expect(registrants.every((r) => r.memberRef.name.includes('*'))).toBe(true);

    const published = await t.request('GET', `/api/voucher-campaigns/${c.id}/draw`, { cookie: admin });
    expect(published.statusCode).toBe(200);
    const body = published.json<{
      seed: string;
      algorithmText: { zh: string; en: string };
      weights: { zh: string };
      winners: Array<{ rank: number; memberRef: { pseudoId: string; name: string }; weight: number }>;
    }>();
    expect(body.seed).toBe(seed);
    expect(body.algorithmText.zh).toContain('SHA-256');
    expect(body.weights.zh).toContain('困难职工档案');
    expect(body.winners.map((w) => w.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const expected = rerunDraw(
      seed,
      registrants.map((r) => ({ pseudoId: r.memberRef.pseudoId, weight: r.weight })),
      100,
    );
    expect(body.winners.map((w) => w.memberRef.pseudoId)).toEqual(expected);
    const [k1] = await rows<{ k: number }>(
      t.deps.db,
      sql`select draw_key as k from voucher_draw_winner where campaign_id = ${c.id} and rank = 1`,
    );
    const first = body.winners[0];
    expect(first && k1 && Math.abs(drawKey(seed, first.memberRef.pseudoId, first.weight) - k1.k)).toBeLessThan(1e-12);

    // Heavier weights win more often: winners' mean weight is well above the registrants' (3.0).
    const mean = body.winners.reduce((n, w) => n + w.weight, 0) / body.winners.length;
    expect(mean).toBeGreaterThan(3.5);

    const verify = await t.request('GET', `/api/voucher-campaigns/${c.id}/draw/verify`, { cookie: admin });
    expect(verify.json()).toMatchObject({ seed, matches: true, winners: 100 });

    // Another seed gives another list: the seed matters.
    expect(
      rerunDraw(
        'another',
        registrants.map((r) => ({ pseudoId: r.memberRef.pseudoId, weight: r.weight })),
        100,
      ),
    ).not.toEqual(expected);

    // The member sees the draw and their own outcome; only winners may claim a lottery voucher.
    const mine = await t.request('GET', `/api/voucher-campaigns/${c.id}/draw`, { cookie: member });
    expect(mine.statusCode).toBe(200);
    const won = mine.json<{ myRegistration: { won: boolean; rank: number | null } }>().myRegistration;
    expect(won.won).toBe(expected.includes(pseudoIdOf(c.id, memberId)));
    // The member's campaign list carries the same outcome.
    const list = await t.request('GET', '/api/me/voucher-campaigns', { cookie: member });
    const listed = list.json<{ items: Array<{ id: number; myRegistration: { won: boolean | null } | null }> }>().items;
    expect(listed.find((x) => x.id === c.id)?.myRegistration?.won).toBe(won.won);
    expect(await lotteryAllowsClaim(t.deps.db, c, memberId)).toBe(won.won);
    const [winner] = await rows<{ memberId: number }>(
      t.deps.db,
      sql`select member_id as "memberId" from voucher_draw_winner where campaign_id = ${c.id} and rank = 1`,
    );
    expect(await lotteryAllowsClaim(t.deps.db, c, Number(winner?.memberId))).toBe(true);
    const loser = others.find((id) => !expected.includes(pseudoIdOf(c.id, id)));
    expect(await lotteryAllowsClaim(t.deps.db, c, loser ?? 0)).toBe(false);
    expect(await lotteryAllowsClaim(t.deps.db, { ...c, mode: 'first_come' }, loser ?? 0)).toBe(true);

    const [audit] = await rows<{ after: { seed: string } }>(
      t.deps.db,
      sql`select after from audit_log where action = 'voucher_draw.create' and target_id = ${String(c.id)}`,
    );
    expect(audit?.after.seed).toBe(seed);
  });

  it('draws with a random seed when none is given, and stores fewer winners than slots when few registered', async () => {
    const now = t.clock.now();
    const c = await insertCampaign(t.deps.db, now, { orgId: ids['JS-ZJ'] ?? 0, quantity: 50 });
    const few = await insertMembers(t.deps.db, ids['JS-ZJ-JK-002'] ?? 0, 7, `few${c.id}`);
    await insertRegistrations(t.deps.db, c.id, adminId, few, now);
    t.clock.advance(day + 1000);
    admin = await t.login('admin');
    const drawn = await t.request('POST', `/api/voucher-campaigns/${c.id}/draw`, { cookie: admin, body: {} });
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json()).toMatchObject({ winners: 7, registrations: 7 });
    expect(drawn.json<{ seed: string }>().seed).toMatch(/^[0-9a-f]{32}$/);
  });
});
