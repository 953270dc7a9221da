import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TxEnv } from '../../kernel/context.js';
import type { Actor } from '../../kernel/access.js';
import { auditTargetKind } from '../../kernel/audit-labels.js';
import { rows } from '../../kernel/db.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { insertCampaign, insertMembers, insertMerchant, insertVoucher } from './lottery.fixtures.js';
import { confirmSettlement } from './settlement.service.js';

// Settlement statements: drawn up from redeemed vouchers not settled before, confirmed by the
// merchant, approved by the union, exported to .xlsx (audited); scope; budget used vs left.

let t: TestApp;
let admin: string;
let county: string;
const ids: Record<string, number> = {};
let adminId = 0;
let merchantId = 0;
let otherMerchant = 0;
let campaignId = 0;
let issued = { id: 0, code: '' };
const env = (): TxEnv => ({
  crypto: t.deps.crypto,
  source: { actorId: null, actorName: 'merchant-dining', ip: null, requestId: null, at: t.clock.now() },
});

interface Detail {
  id: number;
  state: string;
  vouchers: number;
  faceValueFen: number;
  subsidyDueFen: number;
  merchantName: string;
  lines: Array<{ code: string; faceValueFen: number }>;
  budgets: Array<{ campaignId: number; budgetFen: number; committedFen: number; spentFen: number; leftFen: number }>;
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  county = await t.login('county');
  for (const o of (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items)
    ids[o.code] = o.id;
  [{ id: adminId } = { id: 0 }] = await rows<{ id: number }>(
    t.deps.db,
    sql`select id from account where username = 'admin'`,
  );
  const city = ids['JS-ZJ'] ?? 0;
  merchantId = await insertMerchant(t.deps.db, city, '镇江宴春酒楼');
  otherMerchant = await insertMerchant(t.deps.db, city, '京口书城', { categories: ['culture'] });
  const now = t.clock.now();
  const c = await insertCampaign(t.deps.db, now, {
    orgId: city,
    mode: 'first_come',
    name: '国庆消费券',
    quantity: 10,
    faceValueFen: 3000,
    claimStartsAt: new Date(now.getTime() - 10 * 86_400_000),
  });
  campaignId = c.id;
  const members = await insertMembers(t.deps.db, ids['JS-ZJ-JK-002'] ?? 0, 6, 'settle');
  // 2026-10-02 and 2026-10-05 China time in the period; 2026-09-30 23:30 China time before it.
  const at = (iso: string) => new Date(iso);
  const redeemed = [
    { m: members[0], at: at('2026-10-02T02:00:00Z'), merchant: merchantId },
    { m: members[1], at: at('2026-10-05T10:00:00Z'), merchant: merchantId },
    { m: members[2], at: at('2026-10-31T15:30:00Z'), merchant: merchantId }, // 2026-10-31 23:30 China time
    { m: members[3], at: at('2026-09-30T15:30:00Z'), merchant: merchantId }, // 2026-09-30 23:30: outside
    { m: members[4], at: at('2026-10-03T03:00:00Z'), merchant: otherMerchant },
  ];
  for (const r of redeemed)
    await insertVoucher(t.deps.db, {
      campaignId,
      memberId: r.m ?? 0,
      accountId: adminId,
      faceValueFen: 3000,
      claimedAt: at('2026-09-20T02:00:00Z'),
      redeemedAt: r.at,
      merchantId: r.merchant,
    });
  issued = await insertVoucher(t.deps.db, {
    campaignId,
    memberId: members[5] ?? 0,
    accountId: adminId,
    faceValueFen: 3000,
    claimedAt: at('2026-09-20T02:00:00Z'),
  });
});
afterAll(() => t.close());

describe('settlement statements', () => {
  let id = 0;

  it("draws up a merchant's statement of the period's redeemed vouchers, with budget used and left", async () => {
    const res = await t.request('POST', '/api/voucher-settlements', {
      cookie: admin,
      body: { merchantId, periodStart: '2026-10-01', periodEnd: '2026-10-31' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<Detail>();
    id = s.id;
    expect(s).toMatchObject({
      state: 'draft',
      vouchers: 3,
      faceValueFen: 9000,
      subsidyDueFen: 9000,
      merchantName: '镇江宴春酒楼',
    });
    expect(s.lines).toHaveLength(3);
    expect(s.budgets).toEqual([
      { campaignId, name: '国庆消费券', budgetFen: 30000, committedFen: 18000, spentFen: 15000, leftFen: 15000 },
    ]);
    // Nothing left to settle in that period: the vouchers are on a statement already.
    const again = await t.request('POST', '/api/voucher-settlements', {
      cookie: admin,
      body: { merchantId, periodStart: '2026-09-01', periodEnd: '2026-10-31' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json<Detail>().vouchers).toBe(1); // only the September one
    const none = await t.request('POST', '/api/voucher-settlements', {
      cookie: admin,
      body: { merchantId, periodStart: '2026-09-01', periodEnd: '2026-10-31' },
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('VOUCHER_SETTLEMENT_EMPTY');
  });

  it('refuses a period that ends before it starts, an unknown merchant, and callers out of scope', async () => {
    const bad = await t.request('POST', '/api/voucher-settlements', {
      cookie: admin,
      body: { merchantId, periodStart: '2026-10-31', periodEnd: '2026-10-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain('结算期间');
    const unknown = await t.request('POST', '/api/voucher-settlements', {
      cookie: admin,
      body: { merchantId: 999999, periodStart: '2026-10-01', periodEnd: '2026-10-31' },
    });
    expect(unknown.statusCode).toBe(404);
    expect((await t.request('GET', `/api/voucher-settlements/${id}`, { cookie: county })).statusCode).toBe(404);
    const list = await t.request('GET', '/api/voucher-settlements', { cookie: county });
    expect(list.json()).toMatchObject({ total: 0, items: [] });
    const out = await t.request('POST', '/api/voucher-settlements', {
      cookie: county,
      body: { merchantId: otherMerchant, periodStart: '2026-10-01', periodEnd: '2026-10-31' },
    });
    expect(out.statusCode).toBe(404);
  });

  it('goes draft → confirmed by its merchant → approved by the union, and no other way', async () => {
    const early = await t.request('POST', `/api/voucher-settlements/${id}/approve`, { cookie: admin });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('VOUCHER_SETTLEMENT_STATE');
    await expect(
      t.deps.db.transaction((tx) =>
        confirmSettlement(tx, env(), { merchantId: otherMerchant, accountId: adminId }, id),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const confirmed = await t.deps.db.transaction((tx) =>
      confirmSettlement(tx, env(), { merchantId, accountId: adminId }, id),
    );
    expect(confirmed.state).toBe('confirmed');
    // Now it is work on 工作台 (待审批结算单), counted as the list of confirmed statements counts it.
    const pending = async () =>
      (await t.request('GET', '/api/workbench', { cookie: admin }))
        .json<{ todo: Array<{ key: string; count: number; path: string }> }>()
        .todo.find((x) => x.key === 'voucher.settlements');
    const confirmedList = async () =>
      (await t.request('GET', '/api/voucher-settlements?state=confirmed', { cookie: admin })).json<{ total: number }>()
        .total;
    const before = await pending();
    expect(before).toMatchObject({ path: '/voucher/settlements?state=confirmed', count: await confirmedList() });
    expect(before?.count).toBeGreaterThanOrEqual(1);
    await expect(
      t.deps.db.transaction((tx) => confirmSettlement(tx, env(), { merchantId, accountId: adminId }, id)),
    ).rejects.toMatchObject({ code: 'VOUCHER_SETTLEMENT_STATE' });
    const approved = await t.request('POST', `/api/voucher-settlements/${id}/approve`, { cookie: admin });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved' });
    expect((await pending())?.count).toBe((before?.count ?? 0) - 1);
    expect((await t.request('POST', `/api/voucher-settlements/${id}/approve`, { cookie: admin })).statusCode).toBe(409);
    const list = await t.request('GET', `/api/voucher-settlements?state=approved&merchantId=${merchantId}`, {
      cookie: admin,
    });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id, state: 'approved' }] });
    const actions = await rows<{ action: string }>(
      t.deps.db,
      sql`select action from audit_log where target_type = 'voucher_settlement' and target_id = ${String(id)} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'voucher_settlement.create',
      'voucher_settlement.confirm',
      'voucher_settlement.approve',
    ]);
  });

  it('exports the statement to .xlsx for finance, audited', async () => {
    const res = await t.request('GET', `/api/voucher-settlements/${id}/export`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const text = JSON.stringify(ws?.getSheetValues());
    expect(text).toContain('镇江宴春酒楼');
    expect(text).toContain('90.00');
    expect(text).toContain('国庆消费券');
    const [audit] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'voucher_settlement.export' and target_id = ${String(id)}`,
    );
    expect(audit?.n).toBe(1);
    expect((await t.request('GET', `/api/voucher-settlements/${id}/export`, { cookie: county })).statusCode).toBe(404);
  });
});

describe('the audit log names the voucher records', () => {
  type Page = { total: number; items: Array<{ targetId: string; targetLabel: string; targetLink: string | null }> };
  const audit = async (query: string) => {
    const res = await t.request('GET', `/api/audit?${query}`, { cookie: admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  it('a statement by merchant and period, found by the merchant’s name', async () => {
    const [s] = await rows<{ id: number }>(
      t.deps.db,
      sql`select id from voucher_settlement where merchant_id = ${merchantId} order by id limit 1`,
    );
    const page = await audit(`targetType=voucher_settlement&targetId=${s?.id}&actions=voucher_settlement.create`);
    expect(page.items[0]).toMatchObject({
      targetLabel: '镇江宴春酒楼 2026-10-01–2026-10-31',
      targetLink: '/voucher/settlements',
    });
    const found = await audit(`target=${encodeURIComponent('宴春')}&actions=voucher_settlement.create`);
    expect(found.items.map((i) => i.targetId).sort()).toEqual(
      (
        await rows<{ id: number }>(
          t.deps.db,
          sql`select id from voucher_settlement where merchant_id = ${merchantId} order by id`,
        )
      )
        .map((r) => String(r.id))
        .sort(),
    );
    // a name's % is a literal, not a wildcard
    expect((await audit(`target=${encodeURIComponent('%')}&actions=voucher_settlement.create`)).total).toBe(0);
  });

  it('a campaign by name with its page; a voucher by code and campaign, found by its code', async () => {
    const kind = auditTargetKind('voucher_campaign');
    const reader: Actor = {
      accountId: adminId,
      kind: 'staff',
      username: 'admin',
      displayName: 'admin',
      orgId: null,
      sessionState: 'active',
      grants: [],
    };
    const ctx = { db: t.deps.db, crypto: t.deps.crypto, reader };
    expect((await kind?.describe?.([String(campaignId)], ctx))?.get(String(campaignId))).toEqual({
      label: '国庆消费券',
      link: `/voucher/campaigns/${campaignId}`,
    });
    expect(await kind?.find?.('国庆', ctx, 10)).toContain(String(campaignId));
    const v = auditTargetKind('voucher');
    expect(v?.label.zh).toBe('消费券');
    expect((await v?.describe?.([String(issued.id), 'x'], ctx))?.get(String(issued.id))).toEqual({
      label: `${issued.code} · 国庆消费券`,
      link: `/voucher/campaigns/${campaignId}`,
    });
    expect(await v?.find?.(issued.code.toLowerCase(), ctx, 10)).toEqual([String(issued.id)]);
    expect(await v?.find?.('NOPE', ctx, 10)).toEqual([]);
  });
});
