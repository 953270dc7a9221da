import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEMBER_PHONE } from '../../seed/demo.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { merchantAccepts, merchantOfAccount, withCheckChar } from './index.js';
import { validLicenceNo } from './merchant.service.js';

let t: TestApp;
let city: string;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  city = await t.login('city');
});
afterAll(() => t.close());

interface Listing {
  id: number;
  name: string;
  categories: string[];
  status: string;
  distanceM: number | null;
}
interface Page<T> {
  items: T[];
  total: number;
}
interface Detail {
  path: string;
  message: string;
}

const LICENCE = withCheckChar('91321100MA9YYY001');
const EN = { 'accept-language': 'en' };

async function openCallId(): Promise<number> {
  const res = await t.request('GET', '/api/merchant-calls/open');
  expect(res.statusCode).toBe(200);
  const items = res.json<{ items: Array<{ id: number; categories: string[] }> }>().items;
  expect(items).toHaveLength(1);
  return items[0]?.id ?? 0;
}

const application = (over: Record<string, unknown> = {}) => ({
  name: '镇江润扬健身会所',
  licenceNo: LICENCE,
  categories: ['fitness'],
  discountTerms: '会员年卡 7 折',
  hours: '07:00–22:00',
  contactName: '赵经理',
  contactPhone: '13705110001',
  locations: [{ address: '镇江市润州区润扬大道 9 号', lat: 32.21, lng: 119.38 }],
  settlementAccount: '6222 0211 0400 1234 567',
  ...over,
});

async function apply(over: Record<string, unknown> = {}): Promise<number> {
  const res = await t.request('POST', `/api/merchant-calls/${await openCallId()}/applications`, {
    body: application(over),
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json()).toMatchObject({ status: 'applied' });
  return res.json<{ id: number }>().id;
}

const post = (cookie: string, url: string, body: unknown) => t.request('POST', url, { cookie, body });
const record = async (id: number, cookie = city) => await t.request('GET', `/api/merchants/${id}/record`, { cookie });
const approve = (id: number) =>
  post(city, `/api/merchant-applications/${id}/review`, {
    scores: [
      { item: '资质与信誉', score: 18, max: 20 },
      { item: '优惠力度', score: 27, max: 30 },
    ],
    decision: 'approve',
    reason: '',
  });
const sign = (id: number, over: Record<string, unknown> = {}) =>
  post(city, `/api/merchants/${id}/agreement`, {
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    discountTerms: '会员年卡 7 折',
    categories: ['fitness'],
    settlementAccount: '6222021104001234567',
    ...over,
  });

describe('licence numbers', () => {
  it('checks the 统一社会信用代码 check character', () => {
    expect(validLicenceNo('91320000134755474F')).toBe(false);
    expect(validLicenceNo(withCheckChar('91320000134755474'))).toBe(true);
    expect(validLicenceNo('9132000013475547')).toBe(false);
    expect(validLicenceNo(LICENCE)).toBe(true);
  });
});

describe('the demo network', () => {
  it('lists 17 merchants in 镇江 (one warned), nearest first, by category and search', async () => {
    const all = await t.request('GET', '/api/merchants?pageSize=100');
    expect(all.statusCode).toBe(200);
    const page = all.json<Page<Listing>>();
    expect(page.total).toBe(17);
    expect(page.items.filter((m) => m.status === 'warned')).toHaveLength(1);
    expect(page.items.every((m) => m.distanceM === null)).toBe(true);

    // At 大市口: the two shops on 中山东路 come first, each farther than the one before.
    const near = (await t.request('GET', '/api/merchants?lat=32.2043&lng=119.4500&pageSize=100')).json<Page<Listing>>();
    const distances = near.items.map((m) => m.distanceM ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(near.items[0]?.name).toBe('新华书店（大市口店）');
    expect(distances[0]).toBeLessThan(200);
    expect(distances.at(-1)).toBeGreaterThan(5000);

    const culture = (await t.request('GET', '/api/merchants?category=culture')).json<Page<Listing>>();
    expect(culture.total).toBe(3);
    expect(culture.items.every((m) => m.categories.includes('culture'))).toBe(true);
    const found = (await t.request('GET', `/api/merchants?q=${encodeURIComponent('金山')}`)).json<Page<Listing>>();
    expect(found.items.map((m) => m.name).sort()).toEqual(['金山寺景区', '金山职业技能培训学校']);

    const half = await t.request('GET', '/api/merchants?lat=32.2', { headers: EN });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details).toContainEqual({ path: 'lng', message: 'Give both latitude and longitude' });
  });

  it('a listed merchant opens with its locations; an application does not', async () => {
    const [first] = (await t.request('GET', '/api/merchants?category=travel')).json<Page<Listing>>().items;
    const one = await t.request('GET', `/api/merchants/${first?.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().locations).toHaveLength(1);
    const pending = (await t.request('GET', '/api/merchant-applications?state=applied', { cookie: city })).json<
      Page<Listing>
    >();
    expect(pending.total).toBe(2);
    expect((await t.request('GET', `/api/merchants/${pending.items[0]?.id}`)).statusCode).toBe(404);
  });
});

describe('merchant accounts', () => {
  it('sign in by username; me names the merchant; no staff routes; staff cannot act as a merchant', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { username: 'merchant-dining', password: 'Demo#2026' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().me).toMatchObject({ kind: 'merchant', merchant: { name: '宴春酒楼' }, permissions: [] });
    const cookie = await t.login('merchant-dining');
    const me = await t.request('GET', '/api/merchant/me', { cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: '宴春酒楼', status: 'listed', accepting: true });
    expect(me.json()).not.toHaveProperty('contactPhone');

    expect((await t.request('GET', '/api/merchants/manage', { cookie })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/merchant-applications', { cookie })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/members', { cookie })).statusCode).toBe(403);
    expect(
      (await post(cookie, '/api/me/merchant-complaints', { merchantId: 1, content: '商户自己投诉自己' })).statusCode,
    ).toBe(403);
    expect((await t.request('GET', '/api/merchant/me', { cookie: city })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/merchant/me')).statusCode).toBe(401);

    const own = await merchantOfAccount(t.deps.db, me.json<{ id: number }>().id);
    expect(own).toBeUndefined(); // a merchant id is not an account id
    const staffMe = (await t.request('GET', '/api/auth/me', { cookie: city })).json();
    expect(staffMe).toMatchObject({ kind: 'staff', merchant: null });
  });

  it('every category has its demo account', async () => {
    for (const c of ['shopping', 'dining', 'culture', 'fitness', 'health', 'education', 'travel']) {
      const cookie = await t.login(`merchant-${c}`);
      const me = (await t.request('GET', '/api/merchant/me', { cookie })).json<{ categories: string[] }>();
      expect(me.categories).toContain(c);
    }
  });
});

describe('open call → application → review → agreement → listed', () => {
  it('refuses bad applications with field messages', async () => {
    const callId = await openCallId();
    const bad = await t.request('POST', `/api/merchant-calls/${callId}/applications`, {
      body: application({ licenceNo: '91320000134755474F', contactPhone: '12345', categories: [], locations: [] }),
    });
    expect(bad.statusCode).toBe(400);
    const details = bad.json<{ error: { code: string; details: Detail[] } }>().error;
    expect(details.code).toBe('VALIDATION_FAILED');
    expect(details.details).toEqual(
      expect.arrayContaining([
        { path: 'licenceNo', message: '请输入有效的统一社会信用代码（18 位，末位为校验码）' },
        { path: 'contactPhone', message: '请输入正确的手机号码' },
        { path: 'categories', message: '请至少选择一个类别' },
        { path: 'locations', message: '请至少填写一个经营地址' },
      ]),
    );
    const outside = await t.request('POST', `/api/merchant-calls/${callId}/applications`, {
      body: application({ categories: ['dining'] }),
      headers: EN,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([
      { path: 'categories.0', message: 'This category is not part of the open call' },
    ]);
    const account = await t.request('POST', `/api/merchant-calls/${callId}/applications`, {
      body: application({ settlementAccount: '12ab' }),
    });
    expect(account.json().error.details).toEqual([
      { path: 'settlementAccount', message: '请输入有效的结算账号（6–32 位数字）' },
    ]);
    expect(
      (await t.request('POST', '/api/merchant-calls/999999/applications', { body: application() })).statusCode,
    ).toBe(404);
  });

  it('runs the whole way, each step in the history; the licence applies once per union', async () => {
    const id = await apply();
    const dup = await t.request('POST', `/api/merchant-calls/${await openCallId()}/applications`, {
      body: application({ name: '同一执照再申请' }),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('MERCHANT_LICENCE_EXISTS');

    const listed = await record(id);
    expect(listed.json()).toMatchObject({
      status: 'applied',
      contactPhone: '137****0001',
      settlementAccount: '************4567',
      callTitle: '“工惠优享家”第二批合作商户征集公告',
    });
    expect(listed.body).not.toContain('13705110001');

    // the workbench counter equals the list
    const wb = (await t.request('GET', '/api/workbench', { cookie: city })).json<{
      todo: Array<{ key: string; count: number }>;
    }>();
    const list = (await t.request('GET', '/api/merchant-applications?state=applied', { cookie: city })).json<
      Page<Listing>
    >();
    expect(wb.todo.find((c) => c.key === 'merchant.applications')?.count).toBe(list.total);
    expect(list.total).toBe(3);

    const over = await post(city, `/api/merchant-applications/${id}/review`, {
      scores: [{ item: '优惠力度', score: 31, max: 30 }],
      decision: 'approve',
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details).toEqual([{ path: 'scores.0.score', message: '得分不能超过该项满分' }]);
    const noReason = await post(city, `/api/merchant-applications/${id}/review`, {
      scores: [{ item: '优惠力度', score: 10, max: 30 }],
      decision: 'reject',
    });
    expect(noReason.json().error.details).toEqual([{ path: 'reason', message: '请填写原因' }]);
    expect((await sign(id)).json().error.code).toBe('MERCHANT_STATE'); // not approved yet

    const approved = await approve(id);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      reviews: [{ total: 45, max: 50, decision: 'approve' }],
    });
    const again = await approve(id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MERCHANT_STATE');

    const backwards = await sign(id, { startsOn: '2027-01-01', endsOn: '2026-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([{ path: 'endsOn', message: '结束日期不能早于开始日期' }]);
    const signed = await sign(id, {
      locations: [
        { address: '镇江市润州区润扬大道 9 号', lat: 32.21, lng: 119.38 },
        { address: '镇江市京口区学府路 88 号', lat: 32.197, lng: 119.49 },
      ],
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'listed',
      agreement: { startsOn: '2026-01-01', endsOn: '2027-12-31' },
      locations: [{ address: '镇江市润州区润扬大道 9 号' }, { address: '镇江市京口区学府路 88 号' }],
    });
    expect((await t.request('GET', `/api/merchants/${id}`)).json().locations).toHaveLength(2);
    expect(await merchantAccepts(t.deps.db, id)).toBe(true);

    const history = (await t.request('GET', `/api/merchants/${id}/history`, { cookie: city })).json<
      Array<{ action: string; actorName: string | null }>
    >();
    expect(history.map((h) => h.action)).toEqual(['apply', 'review', 'agreement']);
    expect(history[0]?.actorName).toBe('赵经理');
    expect(history[1]?.actorName).toBe('镇江市总工会 王主任');
  });

  it('a rejected application stays out of the directory', async () => {
    const id = await apply({ licenceNo: withCheckChar('91321100MA9YYY002'), name: '被拒商户' });
    const res = await post(city, `/api/merchant-applications/${id}/review`, {
      scores: [{ item: '优惠力度', score: 5, max: 30 }],
      decision: 'reject',
      reason: '优惠力度不足',
    });
    expect(res.json()).toMatchObject({ status: 'rejected' });
    const rejected = (await t.request('GET', '/api/merchant-applications?state=rejected', { cookie: city })).json<
      Page<Listing>
    >();
    expect(rejected.items.map((m) => m.id)).toContain(id);
    expect((await t.request('GET', `/api/merchants/${id}`)).statusCode).toBe(404);
  });

  it('the application form is rate limited per IP', async () => {
    const callId = await openCallId();
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/merchant-calls/${callId}/applications`,
        payload: application({ contactPhone: 'x' }),
        remoteAddress: '10.9.9.9',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 400)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});

describe('open calls', () => {
  it('create, edit, close; closed calls take no applications', async () => {
    const orgId = (await t.request('GET', '/api/auth/me', { cookie: city })).json<{ org: { id: number } }>().org.id;
    const body = {
      orgId,
      title: '健身类商户专项征集',
      body: '面向全市健身场馆征集合作商户。',
      categories: ['fitness'],
      opensAt: new Date(t.clock.now().getTime() - 1000).toISOString(),
      closesAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    };
    const wrong = await post(city, '/api/merchant-calls', { ...body, closesAt: body.opensAt });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ path: 'closesAt', message: '截止时间须晚于开始时间' }]);
    const made = await post(city, '/api/merchant-calls', body);
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ id: number }>().id;
    expect((await t.request('GET', '/api/merchant-calls/open')).json().items).toHaveLength(2);
    const edited = await t.request('PATCH', `/api/merchant-calls/${id}`, {
      cookie: city,
      body: { title: '健身类商户专项征集（延期）' },
    });
    expect(edited.json()).toMatchObject({ title: '健身类商户专项征集（延期）', state: 'open' });
    const closed = await post(city, `/api/merchant-calls/${id}/close`, {});
    expect(closed.json()).toMatchObject({ state: 'closed' });
    const twice = await post(city, `/api/merchant-calls/${id}/close`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('MERCHANT_CALL_CLOSED');
    const late = await t.request('POST', `/api/merchant-calls/${id}/applications`, {
      body: application({ licenceNo: withCheckChar('91321100MA9YYY003') }),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('MERCHANT_CALL_CLOSED');
    const calls = (await t.request('GET', '/api/merchant-calls?state=closed', { cookie: city })).json<
      Page<{ id: number }>
    >();
    expect(calls.items.map((c) => c.id)).toContain(id);
  });
});

describe('supervision', () => {
  let id = 0;
  beforeAll(async () => {
    id = await apply({ licenceNo: withCheckChar('91321100MA9YYY004'), name: '被检查商户' });
    await approve(id);
    await sign(id);
  });

  it('inspections, a yearly assessment once, warn, suspend (hidden), reinstate, exit', async () => {
    const over = await post(city, `/api/merchants/${id}/inspections`, {
      inspectedOn: '2026-11-30',
      items: [{ item: '卫生', score: 40, max: 30 }],
    });
    expect(over.json().error.details).toEqual([{ path: 'items.0.score', message: '得分不能超过该项满分' }]);
    const insp = await post(city, `/api/merchants/${id}/inspections`, {
      inspectedOn: '2026-11-30',
      items: [
        { item: '优惠标识公示', score: 25, max: 30 },
        { item: '环境卫生', score: 20, max: 30, note: '更衣室地面湿滑' },
      ],
      photos: ['现场照片-1.jpg'],
      note: '限期整改',
    });
    expect(insp.statusCode, insp.body).toBe(201);
    const a = await post(city, `/api/merchants/${id}/assessments`, { year: 2026, score: 81, grade: '良好' });
    expect(a.statusCode).toBe(201);
    const a2 = await post(city, `/api/merchants/${id}/assessments`, { year: 2026, score: 60, grade: '合格' });
    expect(a2.statusCode).toBe(409);
    expect(a2.json().error.code).toBe('MERCHANT_ASSESSMENT_EXISTS');

    expect((await post(city, `/api/merchants/${id}/warn`, { reason: '' })).json().error.details).toEqual([
      { path: 'reason', message: '请填写原因' },
    ]);
    expect((await post(city, `/api/merchants/${id}/reinstate`, { reason: '无需恢复' })).json().error.code).toBe(
      'MERCHANT_STATE',
    );
    expect((await post(city, `/api/merchants/${id}/warn`, { reason: '卫生不达标' })).json().status).toBe('warned');
    expect((await t.request('GET', `/api/merchants/${id}`)).statusCode).toBe(200);
    const suspended = await post(city, `/api/merchants/${id}/suspend`, { reason: '逾期未整改' });
    expect(suspended.json().status).toBe('suspended');
    expect((await t.request('GET', `/api/merchants/${id}`)).statusCode).toBe(404);
    const dir = (await t.request('GET', '/api/merchants?pageSize=100')).json<Page<Listing>>();
    expect(dir.items.map((m) => m.id)).not.toContain(id);
    expect(await merchantAccepts(t.deps.db, id)).toBe(false);
    expect((await post(city, `/api/merchants/${id}/reinstate`, { reason: '整改到位' })).json().status).toBe('listed');
    expect(await merchantAccepts(t.deps.db, id)).toBe(true);
    expect((await post(city, `/api/merchants/${id}/exit`, { reason: '协议到期不再续签' })).json().status).toBe(
      'exited',
    );
    expect((await post(city, `/api/merchants/${id}/warn`, { reason: '已退出' })).json().error.code).toBe(
      'MERCHANT_STATE',
    );

    const rec = (await record(id)).json<{
      inspections: Array<{ score: number; max: number; photos: string[] }>;
      assessments: Array<{ year: number }>;
      history: Array<{ action: string }>;
    }>();
    expect(rec.inspections).toEqual([expect.objectContaining({ score: 45, max: 60, photos: ['现场照片-1.jpg'] })]);
    expect(rec.assessments).toEqual([expect.objectContaining({ year: 2026 })]);
    expect(rec.history.map((h) => h.action)).toEqual([
      'apply',
      'review',
      'agreement',
      'inspection',
      'assessment',
      'warn',
      'suspend',
      'reinstate',
      'exit',
    ]);
    const staffList = (await t.request('GET', '/api/merchants/manage?status=exited', { cookie: city })).json<
      Page<Listing>
    >();
    expect(staffList.items.map((m) => m.id)).toEqual([id]);
  });

  it('a member complaint becomes a service case, linked on the merchant', async () => {
    // The 政策咨询 service of the service center (the demo catalog comes only with demo members).
    const admin = await t.login('admin');
    const orgs = (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
      items: Array<{ id: number; code: string }>;
    }>().items;
    const orgOf = (code: string) => orgs.find((o) => o.code === code)?.id ?? 0;
    const svc = await post(admin, '/api/services', {
      orgId: orgOf('JS-ZJ'),
      category: 'policy',
      name: '政策咨询',
      deadlineDays: 3,
      handlingOrgId: orgOf('JS-ZJ-FW'),
      eligibility: { membersOnly: false, jobTypes: null },
      form: [
        { key: 'question', label: '问题', type: 'text', required: true },
        { key: 'topic', label: '类别', type: 'text', required: false },
      ],
    });
    expect(svc.statusCode, svc.body).toBe(201);
    const [m] = (await t.request('GET', '/api/merchants?category=dining')).json<Page<Listing>>().items;
    const member = await t.loginMember(DEMO_MEMBER_PHONE);
    const short = await post(member, '/api/me/merchant-complaints', { merchantId: m?.id, content: '差' });
    expect(short.statusCode).toBe(400);
    const res = await post(member, '/api/me/merchant-complaints', {
      merchantId: m?.id,
      content: '出示会员卡后店员拒绝给予优惠',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { caseId } = res.json<{ caseId: number }>();
    const c = await t.request('GET', `/api/cases/${caseId}`, { cookie: member });
    expect(c.statusCode).toBe(200);
    expect(JSON.stringify(c.json())).toContain('出示会员卡后店员拒绝给予优惠');
    const rec = (await record(m?.id ?? 0)).json<{
      complaints: Array<{ caseId: number }>;
      history: Array<{ action: string }>;
    }>();
    expect(rec.complaints.map((x) => x.caseId)).toEqual([caseId]);
    expect(rec.history.at(-1)?.action).toBe('complaint');
    expect(
      (await post(member, '/api/me/merchant-complaints', { merchantId: id, content: '已退出的商户不能投诉' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await post(city, '/api/me/merchant-complaints', { merchantId: m?.id, content: '工作人员不能投诉' })).statusCode,
    ).toBe(403);
  });

  it('staff create merchant accounts that sign in', async () => {
    const [m] = (await t.request('GET', '/api/merchants?category=health')).json<Page<Listing>>().items;
    const weak = await post(city, `/api/merchants/${m?.id}/accounts`, {
      username: 'yf-cashier',
      displayName: '收银台',
      password: '123456',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const taken = await post(city, `/api/merchants/${m?.id}/accounts`, {
      username: 'merchant-dining',
      displayName: '收银台',
      password: 'Quiet-River-2026!',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USERNAME_TAKEN');
    const made = await post(city, `/api/merchants/${m?.id}/accounts`, {
      username: 'yf-cashier',
      displayName: '益丰收银台',
      password: 'Quiet-River-2026!',
    });
    expect(made.statusCode, made.body).toBe(201);
    const cookie = await t.login('yf-cashier', 'Quiet-River-2026!');
    expect((await t.request('GET', '/api/merchant/me', { cookie })).json()).toMatchObject({ id: m?.id });
    const own = await merchantOfAccount(t.deps.db, made.json<{ accountId: number }>().accountId);
    expect(own).toMatchObject({ id: m?.id, status: 'listed', categories: ['health'] });
    expect(
      (
        await post(city, `/api/merchants/${id}/accounts`, {
          username: 'gone-1',
          displayName: 'x',
          password: 'Quiet-River-2026!',
        })
      ).json().error.code,
    ).toBe('MERCHANT_STATE');
  });
});

describe('scope', () => {
  it('outside the subtree a merchant is 404 (audited); a reader cannot act (403)', async () => {
    const [m] = (await t.request('GET', '/api/merchants?category=shopping')).json<Page<Listing>>().items;
    const county = await t.login('county'); // 京口区: below the city that runs the network
    const out = await record(m?.id ?? 0, county);
    expect(out.statusCode).toBe(404);
    expect((await post(county, `/api/merchants/${m?.id}/warn`, { reason: '越权' })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/merchants/manage', { cookie: county })).json<Page<Listing>>().total).toBe(0);
    const admin = await t.login('admin');
    const audit = (
      await t.request('GET', `/api/audit?targetType=merchant&targetId=${m?.id}&actions=access.denied`, {
        cookie: admin,
      })
    ).json<{ items: unknown[] }>();
    expect(audit.items.length).toBeGreaterThanOrEqual(2);

    // 张主席 (grassroots officer) may read merchants in his subtree only, and act on none.
    const grassroots = await t.login('grassroots');
    expect((await record(m?.id ?? 0, grassroots)).statusCode).toBe(404);
    const head = await t.login('head');
    const headRead = await record(m?.id ?? 0, head);
    expect([200, 404]).toContain(headRead.statusCode);
    const calls = await t.request('GET', '/api/merchant-calls', { cookie: county });
    expect(calls.json<Page<unknown>>().total).toBe(0);
    const callId = await openCallId();
    expect((await t.request('GET', `/api/merchant-calls/${callId}`, { cookie: county })).statusCode).toBe(404);
  });
});
