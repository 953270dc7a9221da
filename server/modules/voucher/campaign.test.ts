import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { campaignBody, orgIds, publishedCampaign } from './claim.fixtures.js';

// Campaigns: a draft is edited, publishing freezes the terms and opens the stock, closing ends
// claims; field messages for terms that do not hold together; scope; audit rows; caps.

let t: TestApp;
let admin: string;
let city: string;
let county: string;
let officer: string;
let ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  city = await t.login('city');
  county = await t.login('county');
  officer = await t.login('grassroots');
  ids = await orgIds(t, admin);
}, 180_000);
afterAll(() => t.close());

type ErrorBody = { error: { code: string; details: Array<{ path: string; message: string }> } };
const codeOf = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;

describe('campaigns', () => {
  it('create (draft), edit, publish (stock opens), then the terms are frozen (409), close', async () => {
    const c = await t.request('POST', '/api/voucher-campaigns', {
      cookie: city,
      body: campaignBody(ids['JS-ZJ'] ?? 0, t.clock.now(), { categories: ['dining'] }),
    });
    expect(c.statusCode, c.body).toBe(201);
    const created = c.json<{ id: number; state: string; orgName: string; categories: string[] }>();
    expect(created).toMatchObject({ state: 'draft', orgName: '镇江市总工会', categories: ['dining'] });
    const edit = await t.request('PATCH', `/api/voucher-campaigns/${created.id}`, {
      cookie: city,
      body: { name: '冬季暖心券', quantity: 20, budgetFen: 100000 },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ name: '冬季暖心券', quantity: 20 });
    const pub = await t.request('POST', `/api/voucher-campaigns/${created.id}/publish`, { cookie: city });
    expect(pub.json()).toMatchObject({ state: 'published' });
    const [stock] = await rows<{ remaining: number }>(
      t.deps.db,
      sql`select remaining from voucher_stock where campaign_id = ${created.id}`,
    );
    expect(stock?.remaining).toBe(20);
    const frozen = await t.request('PATCH', `/api/voucher-campaigns/${created.id}`, {
      cookie: city,
      body: { quantity: 30 },
    });
    expect(frozen.statusCode).toBe(409);
    expect(codeOf(frozen)).toBe('VOUCHER_CAMPAIGN_PUBLISHED');
    const again = await t.request('POST', `/api/voucher-campaigns/${created.id}/publish`, { cookie: city });
    expect(codeOf(again)).toBe('VOUCHER_CAMPAIGN_STATE');
    const closed = await t.request('POST', `/api/voucher-campaigns/${created.id}/close`, { cookie: city });
    expect(closed.json()).toMatchObject({ state: 'closed' });
    expect(codeOf(await t.request('POST', `/api/voucher-campaigns/${created.id}/close`, { cookie: city }))).toBe(
      'VOUCHER_CAMPAIGN_STATE',
    );
    const audit = await rows<{ action: string }>(
      t.deps.db,
      sql`select action from audit_log where target_type = 'voucher_campaign' and target_id = ${String(created.id)} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'voucher_campaign.create',
      'voucher_campaign.update',
      'voucher_campaign.publish',
      'voucher_campaign.close',
    ]);
  });

  it('terms that do not hold together: a message on each field', async () => {
    const now = t.clock.now();
    const bad = await t.request('POST', '/api/voucher-campaigns', {
      cookie: city,
      body: campaignBody(ids['JS-ZJ'] ?? 0, now, {
        budgetFen: 100,
        claimEndsAt: new Date(now.getTime() - 7200_000).toISOString(),
        minSpendFen: 100,
        perMemberLimit: 50,
        mode: 'lottery',
      }),
    });
    expect(bad.statusCode).toBe(400);
    const details = bad.json<ErrorBody>().error.details;
    expect(Object.fromEntries(details.map((d) => [d.path, d.message]))).toMatchObject({
      budgetFen: '预算不能少于面值乘以数量',
      claimEndsAt: '领取结束时间须晚于开始时间',
      minSpendFen: '使用门槛须不低于面值或为0',
      perMemberLimit: '每人限领数量不能超过总数量',
      registrationEndsAt: '抽签活动须设置报名截止时间，且早于领取开始',
    });
    const floats = await t.request('POST', '/api/voucher-campaigns', {
      cookie: city,
      body: campaignBody(ids['JS-ZJ'] ?? 0, now, { faceValueFen: 50.5 }),
      headers: { 'accept-language': 'en' },
    });
    expect(floats.statusCode).toBe(400);
    expect(floats.json<ErrorBody>().error.details[0]).toMatchObject({
      path: 'faceValueFen',
      message: 'Amounts are in fen, whole numbers',
    });
  });

  it('scope: a county officer sees its own campaigns only; out of scope is 404; a grassroots officer cannot manage', async () => {
    const dy = await publishedCampaign(t, admin, campaignBody(ids['JS-ZJ-DY'] ?? 0, t.clock.now(), { name: '丹阳券' }));
    const jk = await publishedCampaign(
      t,
      county,
      campaignBody(ids['JS-ZJ-JK'] ?? 0, t.clock.now(), { name: '京口券' }),
    );
    const list = await t.request('GET', '/api/voucher-campaigns?pageSize=100', { cookie: county });
    const names = list.json<{ items: Array<{ id: number }> }>().items.map((c) => c.id);
    expect(names).toContain(jk);
    expect(names).not.toContain(dy);
    expect((await t.request('GET', `/api/voucher-campaigns/${dy}`, { cookie: county })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/voucher-campaigns/${dy}/figures`, { cookie: county })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/voucher-campaigns/${dy}/close`, { cookie: county })).statusCode).toBe(404);
    const denied = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and target_type = 'voucher_campaign'`,
    );
    expect(denied[0]?.n).toBeGreaterThan(0);
    // The city sees both, filtered by org subtree and state.
    const byOrg = await t.request('GET', `/api/voucher-campaigns?orgId=${ids['JS-ZJ-DY'] ?? 0}&state=published`, {
      cookie: city,
    });
    expect(byOrg.json<{ items: Array<{ id: number }> }>().items.map((c) => c.id)).toEqual([dy]);
    // No voucher permission at all: nothing listed, nothing created.
    expect(
      (
        await t.request('POST', '/api/voucher-campaigns', {
          cookie: officer,
          body: campaignBody(ids['JS-ZJ-JK-XS-001'] ?? 0, t.clock.now()),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('caps: defaults from the ACFTU rules, inherited from the nearest ancestor, audited', async () => {
    const at = await t.request('GET', `/api/voucher-caps?orgId=${ids['JS-ZJ-RZ'] ?? 0}`, { cookie: city });
    expect(at.json()).toMatchObject({
      caps: { spring_festival: 50000, festival: 20000, birthday: 30000, general: null },
    });
    expect(
      (
        await t.request('PUT', `/api/voucher-caps/${ids['JS-ZJ'] ?? 0}`, {
          cookie: city,
          body: { caps: { birthday: 20000 } },
        })
      ).statusCode,
    ).toBe(200);
    const below = await t.request('GET', `/api/voucher-caps?orgId=${ids['JS-ZJ-RZ-001'] ?? 0}`, { cookie: city });
    expect(below.json()).toMatchObject({ caps: { birthday: 20000, spring_festival: 50000 } });
    expect(
      (await t.request('PUT', `/api/voucher-caps/${ids['JS'] ?? 0}`, { cookie: city, body: { caps: { birthday: 1 } } }))
        .statusCode,
    ).toBe(404);
    const audit = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'voucher_cap.update'`,
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('merchants: only partners taking vouchers, of the org above or below', async () => {
    const listed = (await t.request('GET', '/api/merchants?pageSize=5')).json<{ items: Array<{ id: number }> }>().items;
    const merchantId = listed[0]?.id ?? 0;
    expect(merchantId).toBeGreaterThan(0);
    const ok = await t.request('POST', '/api/voucher-campaigns', {
      cookie: county,
      body: campaignBody(ids['JS-ZJ-JK'] ?? 0, t.clock.now(), { merchantIds: [merchantId] }),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ merchantIds: [merchantId] });
    const unknown = await t.request('POST', '/api/voucher-campaigns', {
      cookie: county,
      body: campaignBody(ids['JS-ZJ-JK'] ?? 0, t.clock.now(), { merchantIds: [merchantId, 99_999_999] }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.details).toEqual([
      { path: 'merchantIds', message: '所选商户不存在或不在本组织范围内' },
    ]);
  });

  it('the demo campaigns: one open, one closed', async () => {
    const list = await t.request('GET', '/api/voucher-campaigns?pageSize=100', { cookie: admin });
    const items = list.json<{ items: Array<{ name: string; state: string }> }>().items;
    expect(items.find((c) => c.name.includes('2026 冬季暖心消费券'))?.state).toBe('published');
    expect(items.find((c) => c.name.includes('春节慰问消费券'))?.state).toBe('closed');
  });
});
