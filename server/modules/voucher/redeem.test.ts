import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hashPassword } from '../auth/index.js';
import { voucherQr } from './claim.service.js';
import { listMyVouchers } from './claim.service.js';
import {
  insertCampaign,
  insertMembers,
  insertMerchant,
  insertMerchantAccount,
  insertVoucher,
} from './lottery.fixtures.js';

// Redemption by merchant accounts: once under concurrency, only where valid, never by a
// suspended merchant, never after expiry; today's redemptions; the merchant confirms statements.

let t: TestApp;
const ids: Record<string, number> = {};
let adminId = 0;
let members: number[] = [];
let dining = 0;
let culture = 0;
let diningCookie = '';
let cultureCookie = '';
let suspendedCookie = '';
let faraway = ''; // a merchant of another county
let campaignId = 0;
let n = 0;

const login = (username: string) => t.login(username, DEMO_PASSWORD);

async function aVoucher(c = campaignId) {
  return insertVoucher(t.deps.db, {
    campaignId: c,
    memberId: members[n++] ?? 0,
    accountId: adminId,
    faceValueFen: 3000,
    claimedAt: t.clock.now(),
  });
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  const admin = await t.login('admin');
  for (const o of (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items)
    ids[o.code] = o.id;
  [{ id: adminId } = { id: 0 }] = await rows<{ id: number }>(
    t.deps.db,
    sql`select id from account where username = 'admin'`,
  );
  const city = ids['JS-ZJ'] ?? 0;
  const hash = await hashPassword(DEMO_PASSWORD);
  dining = await insertMerchant(t.deps.db, city, '宴春酒楼', { categories: ['dining'] });
  culture = await insertMerchant(t.deps.db, city, '京口书城', { categories: ['culture'] });
  const suspended = await insertMerchant(t.deps.db, city, '停业健身房', {
    categories: ['dining'],
    status: 'suspended',
  });
  const far = await insertMerchant(t.deps.db, ids['JS-ZJ-DY'] ?? 0, '丹阳眼镜店', { categories: ['dining'] });
  await insertMerchantAccount(t.deps.db, dining, city, 'm-dining', hash);
  await insertMerchantAccount(t.deps.db, culture, city, 'm-culture', hash);
  await insertMerchantAccount(t.deps.db, suspended, city, 'm-suspended', hash);
  await insertMerchantAccount(t.deps.db, far, ids['JS-ZJ-DY'] ?? 0, 'm-far', hash);
  diningCookie = await login('m-dining');
  cultureCookie = await login('m-culture');
  suspendedCookie = await login('m-suspended');
  faraway = await login('m-far');
  // A Jingkou district campaign for dining merchants.
  const c = await insertCampaign(t.deps.db, t.clock.now(), {
    orgId: ids['JS-ZJ-JK'] ?? 0,
    mode: 'first_come',
    name: '京口餐饮券',
    quantity: 100,
    faceValueFen: 3000,
    categories: ['dining'],
    claimStartsAt: new Date(t.clock.now().getTime() - 86_400_000),
  });
  campaignId = c.id;
  members = await insertMembers(t.deps.db, ids['JS-ZJ-JK-002'] ?? 0, 40, 'redeem');
});
afterAll(() => t.close());

describe('redemption', () => {
  it('redeems a short code once: two at once give one 200 and one 409, and the holder sees it redeemed', async () => {
    const v = await aVoucher();
    const [a, b] = await Promise.all([
      t.request('POST', '/api/vouchers/redeem', { cookie: diningCookie, body: { code: v.code } }),
      t.request('POST', '/api/vouchers/redeem', { cookie: diningCookie, body: { code: v.code.toLowerCase() } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('VOUCHER_ALREADY_REDEEMED');
    const winner = a.statusCode === 200 ? a : b;
    expect(winner.json()).toMatchObject({ voucher: { id: v.id, state: 'redeemed', campaignName: '京口餐饮券' } });
    const [row] = await rows<{ state: string; merchant: number }>(
      t.deps.db,
      sql`select state, redeemed_merchant_id as merchant from voucher where id = ${v.id}`,
    );
    expect(row).toMatchObject({ state: 'redeemed', merchant: dining });
    // The holder's list says when and where.
    const held = (await listMyVouchers(t.deps.db, adminId, 'redeemed', t.clock.now())).items.find((x) => x.id === v.id);
    expect(held).toMatchObject({ state: 'redeemed', redeemedMerchantName: '宴春酒楼' });
    expect(held?.redeemedAt).toEqual(expect.any(String));
    const [audit] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'voucher.redeem' and target_id = ${String(v.id)}`,
    );
    expect(audit?.n).toBe(1);
  });

  it("redeems the member's signed QR token; a forged or stale token is unknown", async () => {
    const v = await aVoucher();
    const qr = await voucherQr(t.deps.db, t.deps.crypto, adminId, v.id, t.clock.now());
    const ok = await t.request('POST', '/api/vouchers/redeem', { cookie: diningCookie, body: { code: qr.token } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ voucher: { id: v.id, state: 'redeemed' } });
    const w = await aVoucher();
    const old = await voucherQr(t.deps.db, t.deps.crypto, adminId, w.id, new Date(t.clock.now().getTime() - 120_000));
    const stale = await t.request('POST', '/api/vouchers/redeem', { cookie: diningCookie, body: { code: old.token } });
    expect(stale.statusCode).toBe(404);
  });

  it('redeems once when many scans race (ten at once)', async () => {
    const v = await aVoucher();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.request('POST', '/api/vouchers/redeem', { cookie: diningCookie, body: { code: v.code } }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 409)).toHaveLength(9);
  });

  it('refuses a merchant where the campaign is not valid, a suspended merchant, unknown codes, and non-merchants', async () => {
    const v = await aVoucher();
    const wrongCategory = await t.request('POST', '/api/vouchers/redeem', {
      cookie: cultureCookie,
      body: { code: v.code },
    });
    expect(wrongCategory.statusCode).toBe(403);
    expect(wrongCategory.json().error.code).toBe('VOUCHER_NOT_VALID_HERE');
    const otherCounty = await t.request('POST', '/api/vouchers/redeem', { cookie: faraway, body: { code: v.code } });
    expect(otherCounty.json().error.code).toBe('VOUCHER_NOT_VALID_HERE');
    const suspended = await t.request('POST', '/api/vouchers/redeem', {
      cookie: suspendedCookie,
      body: { code: v.code },
    });
    expect(suspended.statusCode).toBe(403);
    expect(suspended.json().error.code).toBe('MERCHANT_SUSPENDED');
    const unknown = await t.request('POST', '/api/vouchers/redeem', {
      cookie: diningCookie,
      body: { code: 'NOPE0000' },
    });
    expect(unknown.statusCode).toBe(404);
    const forged = await t.request('POST', '/api/vouchers/redeem', {
      cookie: diningCookie,
      body: { code: `UHV1.${v.id}.9999999999.forged` },
    });
    expect(forged.statusCode).toBe(404);
    const staff = await t.login('admin');
    expect(
      (await t.request('POST', '/api/vouchers/redeem', { cookie: staff, body: { code: v.code } })).statusCode,
    ).toBe(403);
    const [row] = await rows<{ state: string }>(t.deps.db, sql`select state from voucher where id = ${v.id}`);
    expect(row?.state).toBe('issued');
  });

  it('honours a campaign that names its merchants', async () => {
    const named = await insertCampaign(t.deps.db, t.clock.now(), {
      orgId: ids['JS-ZJ'] ?? 0,
      mode: 'first_come',
      name: '书城专享券',
      merchantIds: [culture],
      claimStartsAt: new Date(t.clock.now().getTime() - 86_400_000),
    });
    const v = await aVoucher(named.id);
    expect(
      (await t.request('POST', '/api/vouchers/redeem', { cookie: diningCookie, body: { code: v.code } })).json().error
        .code,
    ).toBe('VOUCHER_NOT_VALID_HERE');
    expect(
      (await t.request('POST', '/api/vouchers/redeem', { cookie: cultureCookie, body: { code: v.code } })).statusCode,
    ).toBe(200);
  });

  it('refuses an expired voucher', async () => {
    const v = await aVoucher();
    t.clock.advance(31 * 86_400_000);
    diningCookie = await login('m-dining');
    cultureCookie = await login('m-culture');
    const late = await t.request('POST', '/api/vouchers/redeem', { cookie: diningCookie, body: { code: v.code } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('VOUCHER_EXPIRED');
  });

  it("lists the merchant's redemptions of a day and lets it confirm its statement", async () => {
    const day = new Date(t.clock.now().getTime() - 31 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const list = await t.request('GET', `/api/merchant/redemptions?date=${day}`, { cookie: diningCookie });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ date: day, count: 3, faceValueFen: 9000 });
    const today = await t.request('GET', '/api/merchant/redemptions', { cookie: diningCookie });
    expect(today.json()).toMatchObject({ count: 0 });

    const admin = await t.login('admin');
    const made = await t.request('POST', '/api/voucher-settlements', {
      cookie: admin,
      body: { merchantId: dining, periodStart: day, periodEnd: day },
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ id: number }>().id;
    const mine = await t.request('GET', '/api/merchant/settlements', { cookie: diningCookie });
    expect(mine.json()).toMatchObject({ items: [{ id, state: 'draft', vouchers: 3, subsidyDueFen: 9000 }] });
    expect((await t.request('GET', '/api/merchant/settlements', { cookie: cultureCookie })).json()).toEqual({
      items: [],
    });
    expect(
      (await t.request('POST', `/api/merchant/settlements/${id}/confirm`, { cookie: cultureCookie })).statusCode,
    ).toBe(404);
    const ok = await t.request('POST', `/api/merchant/settlements/${id}/confirm`, { cookie: diningCookie });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id, state: 'confirmed' });
  });
});
