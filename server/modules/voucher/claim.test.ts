import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { DEMO_MEMBER_PHONE } from '../../seed/demo.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { campaignBody, makeMember, orgIds, publishedCampaign } from './claim.fixtures.js';
import { claimVoucher, verifyVoucherToken } from './claim.service.js';

// The claim engine: never more than the stock, never more than a member's limit, caps across
// campaigns, idempotent retries, eligibility and scope; every 201 is in the database.

let t: TestApp;
let admin: string;
let city: string;
let member: string;
let ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000', CLAIM_RATE_PER_MEMBER_PER_MINUTE: '1000' } });
  admin = await t.login('admin');
  city = await t.login('city');
  ids = await orgIds(t, admin);
  await makeMember(t, admin, ids['JS-ZJ-JK-XS-001'] ?? 0, { phone: DEMO_MEMBER_PHONE });
  member = await t.loginMember(DEMO_MEMBER_PHONE);
});
afterAll(() => t.close());

const claim = (id: number, cookie = member, key?: string) =>
  t.request('POST', `/api/voucher-campaigns/${id}/claims`, {
    cookie,
    headers: key ? { 'idempotency-key': key } : {},
  });
const stored = async (campaignId: number) =>
  (
    await rows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from voucher where campaign_id = ${campaignId}`)
  )[0]?.n;

describe('claims', () => {
  it('a member claims once: 201 with the voucher, stored; a second claim is VOUCHER_LIMIT_REACHED', async () => {
    const id = await publishedCampaign(t, city, campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now()));
    const list = await t.request('GET', '/api/me/voucher-campaigns', { cookie: member });
    expect(
      list.json<{ items: Array<{ id: number; claimedByMe: number }> }>().items.find((c) => c.id === id),
    ).toMatchObject({
      claimedByMe: 0,
    });
    const res = await claim(id);
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<{ id: number; code: string; state: string; faceValueFen: number; campaignName: string }>();
    expect(v).toMatchObject({ state: 'issued', faceValueFen: 5000, campaignName: '测试消费券' });
    expect(v.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(await stored(id)).toBe(1);
    const again = await claim(id);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('VOUCHER_LIMIT_REACHED');
    const mine = await t.request('GET', '/api/me/vouchers', { cookie: member });
    expect(mine.json<{ items: Array<{ id: number }> }>().items.map((x) => x.id)).toContain(v.id);
    const figures = await t.request('GET', `/api/voucher-campaigns/${id}/figures`, { cookie: city });
    expect(figures.json()).toMatchObject({ claimed: 1, remaining: 9, budgetCommittedFen: 5000, redeemed: 0 });
  });

  it('an idempotent retry returns the same voucher with 201', async () => {
    const id = await publishedCampaign(t, city, campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now()));
    const first = await claim(id, member, 'k-1');
    const second = await claim(id, member, 'k-1');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json<{ id: number }>().id).toBe(first.json<{ id: number }>().id);
    expect(await stored(id)).toBe(1);
  });

  it('100 parallel claims for 10 vouchers issue exactly 10; the rest are VOUCHER_SOLD_OUT', async () => {
    const id = await publishedCampaign(t, city, campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now()));
    const accounts = [];
    for (let i = 0; i < 100; i++) accounts.push((await makeMember(t, admin, ids['JS-ZJ-JK-002'] ?? 0)).accountId);
    const results = await Promise.allSettled(accounts.map((a) => claimVoucher(t.deps, a, id, undefined, 'zh')));
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(10);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []));
    expect(new Set(refused)).toEqual(new Set(['VOUCHER_SOLD_OUT']));
    expect(await stored(id)).toBe(10);
    const [s] = await rows<{ remaining: number }>(
      t.deps.db,
      sql`select remaining from voucher_stock where campaign_id = ${id}`,
    );
    expect(s?.remaining).toBe(0);
    // Known sold out: answered from memory.
    const late = await claim(id);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('VOUCHER_SOLD_OUT');
  });

  it('one member sending 20 claims at once gets exactly the per-member limit', async () => {
    const id = await publishedCampaign(
      t,
      city,
      campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now(), { quantity: 100, budgetFen: 500000, perMemberLimit: 3 }),
    );
    const codes = await Promise.all(Array.from({ length: 20 }, () => claim(id).then((r) => r.statusCode)));
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(17);
    expect(await stored(id)).toBe(3);
  });

  it('caps count across campaigns of a kind per year, and name the cap', async () => {
    const body = (n: number) =>
      campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now(), {
        name: `春节慰问${n}`,
        kind: 'spring_festival',
        faceValueFen: 30000,
        minSpendFen: 0,
        budgetFen: 300000,
      });
    const a = await publishedCampaign(t, city, body(1));
    const b = await publishedCampaign(t, city, body(2));
    expect((await claim(a)).statusCode).toBe(201);
    const over = await claim(b);
    expect(over.statusCode).toBe(409);
    const err = over.json<{ error: { code: string; details: Array<{ message: string }> } }>().error;
    expect(err.code).toBe('VOUCHER_CAP_REACHED');
    expect(err.details[0]?.message).toBe('春节慰问每人每年不超过500元');
    // An org raises its cap: the nearest ancestor's setting wins.
    const put = await t.request('PUT', `/api/voucher-caps/${ids['JS-ZJ-JK'] ?? 0}`, {
      cookie: city,
      body: { caps: { spring_festival: 60000 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const got = await t.request('GET', `/api/voucher-caps?orgId=${ids['JS-ZJ-JK-XS-001'] ?? 0}`, { cookie: city });
    expect(got.json()).toMatchObject({ caps: { spring_festival: 60000, festival: 20000, birthday: 30000 } });
    expect((await claim(b)).statusCode).toBe(201);
  });

  it('eligibility: job types, the window, scope', async () => {
    const couriers = await publishedCampaign(
      t,
      city,
      campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now(), { memberTypes: ['courier'] }),
    );
    expect((await claim(couriers)).json<{ error: { code: string } }>().error.code).toBe('VOUCHER_NOT_ELIGIBLE');
    const later = await publishedCampaign(
      t,
      city,
      campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now(), {
        claimStartsAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(),
      }),
    );
    const early = await claim(later);
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('VOUCHER_NOT_OPEN');
    // A campaign of another county is not visible to this member: 404.
    const other = await publishedCampaign(t, admin, campaignBody(ids['JS-ZJ-DY'] ?? 0, t.clock.now()));
    expect((await claim(other)).statusCode).toBe(404);
    // Closed: not open.
    const closing = await publishedCampaign(t, city, campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now()));
    expect((await t.request('POST', `/api/voucher-campaigns/${closing}/close`, { cookie: city })).statusCode).toBe(200);
    t.clock.advance(6000); // past the campaign cache
    expect((await claim(closing)).json<{ error: { code: string } }>().error.code).toBe('VOUCHER_NOT_OPEN');
    // Staff cannot claim; nobody signed out can.
    expect((await claim(closing, city)).statusCode).toBe(403);
    expect((await claim(closing, '')).statusCode).toBe(401);
  });

  it('the QR token is signed, short-lived and names the voucher', async () => {
    const id = await publishedCampaign(t, city, campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now(), { name: '二维码' }));
    const v = (await claim(id)).json<{ id: number }>();
    const qr = await t.request('GET', `/api/me/vouchers/${v.id}/qr`, { cookie: member });
    expect(qr.statusCode, qr.body).toBe(200);
    const { token } = qr.json<{ token: string }>();
    expect(verifyVoucherToken(t.deps.crypto, token, t.clock.now())).toBe(v.id);
    expect(verifyVoucherToken(t.deps.crypto, token.slice(0, -2) + 'xx', t.clock.now())).toBeNull();
    expect(verifyVoucherToken(t.deps.crypto, token, new Date(t.clock.now().getTime() + 120_000))).toBeNull();
    // Another member's voucher: 404.
    const other = await makeMember(t, admin, ids['JS-ZJ-JK-XS-001'] ?? 0);
    const cookie = await t.loginMember(other.phone);
    expect((await t.request('GET', `/api/me/vouchers/${v.id}/qr`, { cookie })).statusCode).toBe(404);
  });
});
