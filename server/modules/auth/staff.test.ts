import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
});
afterAll(() => t.close());

const PW = 'Str0ng&Unique!';
type Org = { id: number; code: string; path: string };

async function orgId(code: string): Promise<number> {
  const items = (await t.request('GET', `/api/orgs?q=${code}`, { cookie: admin })).json<{ items: Org[] }>().items;
  const o = items.find((x) => x.code === code);
  if (!o) throw new Error(code);
  return o.id;
}

describe('staff and grants', () => {
  it('creates staff with a masked phone and lists them by scope', async () => {
    const jk = await orgId('JS-ZJ-JK');
    const res = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'jk.worker', displayName: '京口 小刘', orgId: jk, password: PW, phone: '13812345678' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'jk.worker', phone: '138****5678', orgId: jk, grants: [] });
    const county = await t.login('county');
    const list = (await t.request('GET', '/api/staff?pageSize=100', { cookie: county })).json<{
      items: Array<{ username: string }>;
    }>();
    expect(list.items.map((s) => s.username).sort()).toEqual(['county', 'grassroots', 'jk.worker']);
    const dup = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'jk.worker', displayName: 'x', orgId: jk, password: PW },
    });
    expect(dup.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('a grant reaches the subtree; the new session shows only that subtree', async () => {
    const dy = await orgId('JS-ZJ-DY');
    const created = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'dy.mgr', displayName: '丹阳 管理', orgId: dy, password: PW },
    });
    const id = created.json<{ id: number }>().id;
    const before = await t.login('dy.mgr', PW);
    expect((await t.request('GET', '/api/orgs', { cookie: before })).json().total).toBe(0);
    const g = await t.request('POST', `/api/staff/${id}/grants`, {
      cookie: admin,
      body: { roleCode: 'federation_manager', orgId: dy },
    });
    expect(g.statusCode).toBe(201);
    // a grant change ends the old sessions
    expect((await t.request('GET', '/api/auth/me', { cookie: before })).statusCode).toBe(401);
    const after = await t.login('dy.mgr', PW);
    const orgs = (await t.request('GET', '/api/orgs', { cookie: after })).json<{ items: Org[]; total: number }>();
    expect(orgs.total).toBe(3);
    const dyPath = orgs.items[0]?.path ?? '';
    expect(orgs.items.every((o) => o.path.startsWith(dyPath))).toBe(true);
    const again = await t.request('POST', `/api/staff/${id}/grants`, {
      cookie: admin,
      body: { roleCode: 'federation_manager', orgId: dy },
    });
    expect(again.json().error.code).toBe('GRANT_EXISTS');
    const revoke = await t.request('DELETE', `/api/staff/${id}/grants/${g.json<{ id: number }>().id}`, {
      cookie: admin,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { cookie: after })).statusCode).toBe(401);
  });

  it('nobody grants more than they hold: a county manager cannot hand out sysadmin', async () => {
    const county = await t.login('county');
    const jk = await orgId('JS-ZJ-JK');
    const mine = (await t.request('GET', '/api/staff?q=jk.worker', { cookie: county })).json<{
      items: Array<{ id: number }>;
    }>().items[0];
    const res = await t.request('POST', `/api/staff/${mine?.id}/grants`, {
      cookie: county,
      body: { roleCode: 'sysadmin', orgId: jk },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ROLE_EXCEEDS_OWN');
    const ok = await t.request('POST', `/api/staff/${mine?.id}/grants`, {
      cookie: county,
      body: { roleCode: 'grassroots_officer', orgId: jk },
    });
    expect(ok.statusCode).toBe(201);
    const outside = await t.request('POST', `/api/staff/${mine?.id}/grants`, {
      cookie: county,
      body: { roleCode: 'grassroots_officer', orgId: await orgId('JS-ZJ-DY') },
    });
    expect(outside.statusCode).toBe(404);
  });

  it('unlock lifts a lockout; password reset ends sessions and enforces the rules', async () => {
    const created = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'forgetful', displayName: 'x', orgId: 1, password: PW },
    });
    const id = created.json<{ id: number }>().id;
    const session = await t.login('forgetful', PW);
    for (let i = 0; i < 5; i++)
      await t.request('POST', '/api/auth/login', { body: { username: 'forgetful', password: 'wrong-wrong' } });
    expect((await t.request('GET', `/api/staff/${id}`, { cookie: admin })).json().lockedUntil).not.toBeNull();
    expect((await t.request('POST', `/api/staff/${id}/unlock`, { cookie: admin })).statusCode).toBe(204);
    expect(
      (await t.request('POST', `/api/staff/${id}/password`, { cookie: admin, body: { newPassword: '12345678' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await t.request('POST', `/api/staff/${id}/password`, { cookie: admin, body: { newPassword: 'N3w&Better!' } }))
        .statusCode,
    ).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { cookie: session })).statusCode).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { username: 'forgetful', password: 'N3w&Better!' } }))
        .statusCode,
    ).toBe(200);
  });

  it('members change their own password; the old one stops working', async () => {
    const cookie = await t.loginMember('13800000001');
    const wrong = await t.request('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: 'nope', newPassword: 'Member#2027' },
    });
    expect(wrong.json().error.details[0]).toMatchObject({ path: 'currentPassword', message: '当前密码不正确' });
    expect(
      (
        await t.request('POST', '/api/auth/password', {
          cookie,
          body: { currentPassword: 'Demo#2026', newPassword: 'Member#2027' },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { phone: '13800000001', password: 'Demo#2026' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { phone: '13800000001', password: 'Member#2027' } }))
        .statusCode,
    ).toBe(200);
  });

  it("changing one's password ends one's other sessions and keeps this one (members and staff)", async () => {
    const phone = '13800000001';
    // the member's password may have been changed above: set a known one through a code sign-in first
    const mine = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'two.sessions', displayName: 'x', orgId: 1, password: PW },
    });
    expect(mine.statusCode).toBe(201);
    const staffA = await t.login('two.sessions', PW);
    const staffB = await t.login('two.sessions', PW);
    expect(
      (
        await t.request('POST', '/api/auth/password', {
          cookie: staffA,
          body: { currentPassword: PW, newPassword: 'Fresh&Start#2026' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { cookie: staffA })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie: staffB })).statusCode).toBe(401);

    const current =
      (await t.request('POST', '/api/auth/login', { body: { phone, password: 'Member#2027' } })).statusCode === 200
        ? 'Member#2027'
        : 'Demo#2026';
    const memberA = await t.loginMember(phone, current);
    const memberB = await t.loginMember(phone, current);
    expect(
      (
        await t.request('POST', '/api/auth/password', {
          cookie: memberA,
          body: { currentPassword: current, newPassword: 'Member#2028' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { cookie: memberA })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie: memberB })).statusCode).toBe(401);
  });

  it('GET /api/roles and /api/permissions describe the built-in roles', async () => {
    const rolesRes = await t.request('GET', '/api/roles', { cookie: admin });
    expect(rolesRes.statusCode, rolesRes.body).toBe(200);
    const roles = rolesRes.json<{ items: Array<{ code: string; permissions: string[] }> }>();
    expect(roles.items.map((r) => r.code)).toEqual(
      expect.arrayContaining(['sysadmin', 'federation_manager', 'grassroots_officer', 'service_staff', 'auditor']),
    );
    const perms = (await t.request('GET', '/api/permissions', { cookie: admin })).json<{
      items: Array<{ code: string; zh: string }>;
    }>();
    expect(perms.items.find((p) => p.code === 'org:org:create')?.zh).toBe('新建下级组织');
  });
});

// Issue 14 item 3: staff management went by the target's home org only, so an officer at 京口区
// could reset the password of a 京口区 account holding federation_manager at 镇江市 and sign in as it.
describe('staff management never reaches beyond the officer', () => {
  async function staffWith(username: string, home: string, grants: Array<[string, string]>): Promise<number> {
    const res = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username, displayName: username, orgId: await orgId(home), password: PW },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: number }>().id;
    for (const [roleCode, at] of grants) {
      expect(
        (
          await t.request('POST', `/api/staff/${id}/grants`, {
            cookie: admin,
            body: { roleCode, orgId: await orgId(at) },
          })
        ).statusCode,
      ).toBe(201);
    }
    return id;
  }

  it('an account at 京口区 holding federation_manager at 镇江市 cannot be reset, disabled, unlocked or re-granted by 京口区', async () => {
    const id = await staffWith('jk.above', 'JS-ZJ-JK', [['federation_manager', 'JS-ZJ']]);
    const grantId = (await t.request('GET', `/api/staff/${id}`, { cookie: admin })).json<{
      grants: Array<{ id: number }>;
    }>().grants[0]?.id;
    const county = await t.login('county');
    // still seen: the list and the record show it
    expect((await t.request('GET', `/api/staff/${id}`, { cookie: county })).statusCode).toBe(200);
    const listed = (await t.request('GET', '/api/staff?q=jk.above', { cookie: county })).json<{
      items: Array<{ id: number }>;
    }>().items;
    expect(listed.map((s) => s.id)).toEqual([id]);
    const attempts: Array<[string, string, unknown]> = [
      ['POST', `/api/staff/${id}/password`, { newPassword: 'Taken&Over#2026' }],
      ['PATCH', `/api/staff/${id}`, { status: 'disabled' }],
      ['PATCH', `/api/staff/${id}`, { displayName: '改名' }],
      ['POST', `/api/staff/${id}/unlock`, undefined],
      ['POST', `/api/staff/${id}/grants`, { roleCode: 'service_staff', orgId: await orgId('JS-ZJ-JK') }],
      ['DELETE', `/api/staff/${id}/grants/${grantId}`, undefined],
    ];
    for (const [method, url, body] of attempts) {
      const res = await t.request(method, url, { cookie: county, body });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'STAFF_OUTRANKS', message: '该账号的授权超出您的管理范围' });
    }
    // the console learns as much from the record, and hides the actions
    expect((await t.request('GET', `/api/staff/${id}`, { cookie: county })).json()).toMatchObject({
      manageable: false,
      grantsManageable: false,
    });
    const worker = (await t.request('GET', '/api/staff?q=jk.worker', { cookie: county })).json<{ items: unknown[] }>()
      .items[0];
    expect(worker).toMatchObject({ manageable: true, grantsManageable: true });
    // the account is untouched: its own password still signs it in, with its grant
    const own = await t.request('POST', '/api/auth/login', { body: { username: 'jk.above', password: PW } });
    expect(own.statusCode).toBe(200);
    expect(own.json().me.grants).toHaveLength(1);
    // the city manager, who holds that much at 镇江市, may
    expect((await t.request('POST', `/api/staff/${id}/unlock`, { cookie: await t.login('city') })).statusCode).toBe(
      204,
    );
  });

  it('a role with a permission the officer lacks at its org outranks the officer, even inside the scope', async () => {
    const id = await staffWith('jk.sysadmin', 'JS-ZJ-JK', [['sysadmin', 'JS-ZJ-JK']]);
    const county = await t.login('county');
    const res = await t.request('POST', `/api/staff/${id}/password`, {
      cookie: county,
      headers: { 'accept-language': 'en' },
      body: { newPassword: 'Taken&Over#2026' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('STAFF_OUTRANKS');
    // a peer with the same role at an org inside the scope is managed as before
    const peer = await staffWith('jk.peer', 'JS-ZJ-JK', [
      ['federation_manager', 'JS-ZJ-JK'],
      ['grassroots_officer', 'JS-ZJ-JK-XS-001'],
    ]);
    expect(
      (
        await t.request('POST', `/api/staff/${peer}/password`, {
          cookie: county,
          body: { newPassword: 'Peer&Reset#2026' },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await t.request('PATCH', `/api/staff/${peer}`, { cookie: county, body: { status: 'disabled' } })).statusCode,
    ).toBe(200);
  });

  it('outside the read scope the account does not exist (404), whatever its grants', async () => {
    const id = await staffWith('rz.plain', 'JS-ZJ-RZ', []);
    const res = await t.request('POST', `/api/staff/${id}/password`, {
      cookie: await t.login('county'),
      body: { newPassword: 'Taken&Over#2026' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('nobody acts on their own account through staff management', async () => {
    const county = await t.login('county');
    const me = (await t.request('GET', '/api/auth/me', { cookie: county })).json<{
      id: number;
      grants: Array<{ id: number }>;
    }>();
    const attempts: Array<[string, string, unknown]> = [
      ['POST', `/api/staff/${me.id}/password`, { newPassword: 'Without&Current#1' }],
      ['DELETE', `/api/staff/${me.id}/grants/${me.grants[0]?.id}`, undefined],
      ['POST', `/api/staff/${me.id}/grants`, { roleCode: 'grassroots_officer', orgId: await orgId('JS-ZJ-JK') }],
      ['PATCH', `/api/staff/${me.id}`, { status: 'disabled' }],
      ['POST', `/api/staff/${me.id}/unlock`, undefined],
    ];
    for (const [method, url, body] of attempts) {
      const res = await t.request(method, url, { cookie: county, body });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'STAFF_SELF',
        message: '不能通过人员管理修改自己的账号，请到"我的账号"操作',
      });
    }
    const admin2 = await t.request(
      'POST',
      `/api/staff/${(await t.request('GET', '/api/auth/me', { cookie: admin })).json().id}/password`,
      { cookie: admin, body: { newPassword: 'Without&Current#1' } },
    );
    expect(admin2.json().error.code).toBe('STAFF_SELF');
    expect((await t.request('GET', '/api/auth/me', { cookie: county })).json().grants).toHaveLength(1);
    expect((await t.request('GET', `/api/staff/${me.id}`, { cookie: county })).json()).toMatchObject({
      manageable: false,
      grantsManageable: false,
    });
  });
});
