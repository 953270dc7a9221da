import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../kernel/db.js';
import { idNumberProblem, makeIdNumber } from '../modules/member/index.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { DEMO_PEOPLE, FRONTLINE, MANAGER } from '../modules/member/demo-accounts.js';

// The demo member accounts 13800000001 … 13800000030 on a demo-seeded app: who they are, where,
// and the join requests, transfers and corrections waiting so each screen has something to try.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ members: 60, env: { LOGIN_RATE_PER_MINUTE: '1000' } });
});
afterAll(() => t.close());

const PHONES = Array.from({ length: 30 }, (_, i) => `138${String(i + 1).padStart(8, '0')}`);
interface Me {
  name: string;
  orgName: string;
  gender: string;
  jobType: string;
  post: string | null;
  status: string;
  history: Array<{ kind: string }>;
}

describe('demo member accounts', () => {
  it('13800000001 … 13800000030 sign in with Demo#2026: members of several unions, and three applicants', async () => {
    const members: Me[] = [];
    const applicants: Array<{ orgName: string; status: string }> = [];
    for (const phone of PHONES) {
      const cookie = await t.loginMember(phone); // throws unless the sign-in succeeds
      const me = await t.request('GET', '/api/me/member', { cookie });
      if (me.statusCode === 200) members.push(me.json<Me>());
      else applicants.push((await t.request('GET', '/api/me/join', { cookie })).json());
    }
    expect(members).toHaveLength(27);
    expect(members[0]).toMatchObject({ name: '周师傅', orgName: '镇江瑞丰科技有限公司工会', post: '车间班组长' }); // as before
    const unions = new Map<string, Me[]>();
    for (const m of members) unions.set(m.orgName, [...(unions.get(m.orgName) ?? []), m]);
    expect([...unions.keys()].sort()).toEqual(
      [
        '丹阳眼镜城联合工会',
        '京口快递物流园联合工会',
        '江苏恒神股份有限公司工会',
        '润州区货车司机联合工会',
        '镇江理工学院工会',
        '镇江瑞丰科技有限公司工会',
      ].sort(),
    );
    expect(unions.get('江苏恒神股份有限公司工会')?.length).toBe(8);
    // the logistics park: riders, couriers and drivers of every new-employment kind
    const park = unions.get('京口快递物流园联合工会') ?? [];
    expect(new Set(park.map((m) => m.jobType))).toEqual(
      new Set(['food_delivery', 'courier', 'truck_driver', 'ride_hailing', 'other_new', 'regular']),
    );
    expect(members.filter((m) => m.gender === 'female').length).toBeGreaterThanOrEqual(12);
    expect(members.filter((m) => m.post?.endsWith(MANAGER)).length).toBeGreaterThanOrEqual(6);
    expect(members.filter((m) => m.post?.endsWith(FRONTLINE)).length).toBeGreaterThanOrEqual(15);
    // made through the member service: a history entry each
    expect(members.slice(1).every((m) => m.history.some((h) => h.kind === 'created'))).toBe(true);
    expect(applicants).toEqual([
      expect.objectContaining({ orgName: '江苏恒神股份有限公司工会', status: 'pending' }),
      expect.objectContaining({ orgName: '京口快递物流园联合工会', status: 'pending' }),
      expect.objectContaining({ orgName: '镇江瑞丰科技有限公司工会', status: 'pending' }),
    ]);
  });

  it('hold valid, distinct 身份证号 and their own phones', async () => {
    const numbers = [makeIdNumber('321102', '1983-04-16', 317), ...DEMO_PEOPLE.map((p) => makeIdNumber(...p.id))];
    expect(numbers.map((n) => idNumberProblem(n))).toEqual(Array(30).fill(null));
    expect(new Set(numbers).size).toBe(30);
    expect(DEMO_PEOPLE.map((p) => p.phone)).toEqual(PHONES.slice(1));
    const hashes = PHONES.map((p) => t.deps.crypto.blindIndex('phone', p));
    const [r] = await rows<{ accounts: number; members: number }>(
      t.deps.db,
      sql`select
      (select count(*)::int from account where phone_hash = any(${sql.param(hashes)}::text[])) as accounts,
      (select count(*)::int from member where phone_hash = any(${sql.param(hashes)}::text[])) as members`,
    );
    expect(r).toEqual({ accounts: 30, members: 27 });
  });

  it('join requests, transfers (both steps) and corrections wait, with their audit rows', async () => {
    const officer = await t.login('grassroots'); // 瑞丰科技: one of each to decide
    const list = async (url: string, cookie = officer) =>
      (await t.request('GET', url, { cookie })).json<{ items: Array<Record<string, unknown>>; total: number }>();
    expect((await list('/api/join-requests?status=pending')).items).toEqual([
      expect.objectContaining({ name: '廖云' }),
    ]);
    expect((await list('/api/transfers?direction=out&status=pending_out')).items).toEqual([
      expect.objectContaining({ memberName: '彭晨', toOrgName: '江苏恒神股份有限公司工会' }),
    ]);
    expect((await list('/api/transfers?direction=in&status=pending_in')).items).toEqual([
      expect.objectContaining({ memberName: '石红梅', fromOrgName: '润州区货车司机联合工会' }),
    ]);
    expect((await list('/api/corrections?status=pending')).items).toEqual([
      expect.objectContaining({ memberName: '曹宇' }),
    ]);
    const city = await t.login('city');
    expect((await list('/api/join-requests?status=pending', city)).total).toBe(3);
    expect((await list('/api/transfers?status=pending_out', city)).total).toBe(2);
    expect((await list('/api/corrections?status=pending', city)).total).toBe(3);
    // the county (京口) decides the releases of the logistics park and of 瑞丰科技
    const county = (await list('/api/transfers?status=pending_out', await t.login('county'))).items;
    expect(county.map((x) => `${String(x.memberName)} → ${String(x.toOrgName)}`).sort()).toEqual([
      '彭晨 → 江苏恒神股份有限公司工会',
      '马超 → 润州区货车司机联合工会',
    ]);
    const audit = await rows<{ action: string; n: number }>(
      t.deps.db,
      sql`select action, count(*)::int as n from audit_log
      where action in ('member.create', 'join.submit', 'transfer.request', 'transfer.approve_out', 'correction.submit') group by action order by action`,
    );
    expect(audit).toEqual([
      { action: 'correction.submit', n: 3 },
      { action: 'join.submit', n: 3 },
      { action: 'member.create', n: 26 },
      { action: 'transfer.approve_out', n: 1 },
      { action: 'transfer.request', n: 3 },
    ]);
  });

  it('an officer can decide the waiting requests', async () => {
    const officer = await t.login('grassroots');
    const join = (await t.request('GET', '/api/join-requests?status=pending', { cookie: officer })).json<{
      items: Array<{ id: number }>;
    }>().items[0];
    const approved = await t.request('POST', `/api/join-requests/${join?.id}/approve`, { cookie: officer });
    expect(approved.statusCode, approved.body).toBe(200);
    const me = await t.request('GET', '/api/me/member', { cookie: await t.loginMember('13800000030') });
    expect(me.json()).toMatchObject({ name: '廖云', orgName: '镇江瑞丰科技有限公司工会', gender: 'female' });
    const incoming = (
      await t.request('GET', '/api/transfers?direction=in&status=pending_in', { cookie: officer })
    ).json<{ items: Array<{ id: number }> }>().items[0];
    expect((await t.request('POST', `/api/transfers/${incoming?.id}/approve`, { cookie: officer })).statusCode).toBe(
      200,
    );
    const moved = await t.request('GET', '/api/me/member', { cookie: await t.loginMember('13800000027') });
    expect(moved.json()).toMatchObject({ orgName: '镇江瑞丰科技有限公司工会', status: 'active' });
  });
});
