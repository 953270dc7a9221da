import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../kernel/kernel.schema.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { DEMO_MEMBER_PHONE, DEMO_PASSWORD } from '../../seed/demo.js';
import { account, staffGrant } from './auth.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
});
afterAll(() => t.close());

const MIN = 60_000;

async function newStaff(username: string, password = 'Str0ng&Unique!') {
  const admin = await t.login('admin');
  const res = await t.request('POST', '/api/staff', {
    cookie: admin,
    body: { username, displayName: username, orgId: 1, password },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: number }>().id;
}

describe('staff sign-in', () => {
  it('POST /api/auth/login sets an httpOnly, SameSite=Lax session cookie (Secure behind TLS)', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { username: 'admin', password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ next: 'done', me: { username: 'admin', kind: 'staff' } });
    const c = res.cookies.find((x) => x.name === 'uh_sid');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c?.secure).toBeFalsy();
    const tls = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    // without TRUST_PROXY the forwarded header is ignored
    expect(tls.cookies.find((x) => x.name === 'uh_sid')?.secure).toBeFalsy();
    const proxied = await createTestApp({ demo: true, env: { TRUST_PROXY: '1' } });
    try {
      const r = await proxied.request('POST', '/api/auth/login', {
        body: { username: 'admin', password: DEMO_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(r.cookies.find((x) => x.name === 'uh_sid')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('wrong password → 401 INVALID_CREDENTIALS, same answer as an unknown user', async () => {
    const a = await t.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'nope-nope-nope' } });
    const b = await t.request('POST', '/api/auth/login', {
      body: { username: 'nobody-here', password: 'nope-nope-nope' },
    });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(b.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(a.json().error.message).toBe('账号或密码错误');
  });

  it('locks after 5 consecutive failures for 15 minutes, audited, then opens again', async () => {
    await newStaff('locky');
    for (let i = 0; i < 5; i++) {
      const r = await t.request('POST', '/api/auth/login', { body: { username: 'locky', password: 'wrong-password' } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.request('POST', '/api/auth/login', {
      body: { username: 'locky', password: 'Str0ng&Unique!' },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    const audit = await t.request('GET', '/api/audit?action=auth.lockout', { cookie: await t.login('admin') });
    expect(audit.json().items.some((e: { after: { failures: number } }) => e.after.failures === 5)).toBe(true);
    t.clock.advance(14 * MIN);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { username: 'locky', password: 'Str0ng&Unique!' } }))
        .statusCode,
    ).toBe(423);
    t.clock.advance(1 * MIN + 1000);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { username: 'locky', password: 'Str0ng&Unique!' } }))
        .statusCode,
    ).toBe(200);
  });

  it('a success resets the failure count', async () => {
    await newStaff('resetty');
    for (let i = 0; i < 4; i++)
      await t.request('POST', '/api/auth/login', { body: { username: 'resetty', password: 'bad-password' } });
    expect(
      (await t.request('POST', '/api/auth/login', { body: { username: 'resetty', password: 'Str0ng&Unique!' } }))
        .statusCode,
    ).toBe(200);
    for (let i = 0; i < 4; i++)
      await t.request('POST', '/api/auth/login', { body: { username: 'resetty', password: 'bad-password' } });
    expect(
      (await t.request('POST', '/api/auth/login', { body: { username: 'resetty', password: 'Str0ng&Unique!' } }))
        .statusCode,
    ).toBe(200);
  });

  it('rotates the session at sign-in: the old cookie stops working', async () => {
    const first = await t.login('city');
    expect((await t.request('GET', '/api/auth/me', { cookie: first })).statusCode).toBe(200);
    const res = await t.request('POST', '/api/auth/login', {
      cookie: first,
      body: { username: 'city', password: DEMO_PASSWORD },
    });
    const second = `uh_sid=${res.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    expect(second).not.toBe(first);
    expect((await t.request('GET', '/api/auth/me', { cookie: first })).statusCode).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { cookie: second })).statusCode).toBe(200);
  });

  it('ends a staff session after 30 idle minutes', async () => {
    const cookie = await t.login('county');
    t.clock.advance(29 * MIN);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    t.clock.advance(29 * MIN); // activity above renewed it
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    t.clock.advance(30 * MIN);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
  });

  it('ends a session after 12 hours however active it is', async () => {
    const cookie = await t.login('county');
    for (let h = 0; h < 11; h++) {
      t.clock.advance(20 * MIN);
      expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
      t.clock.advance(20 * MIN);
      expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
      t.clock.advance(20 * MIN);
      expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    }
    t.clock.advance(61 * MIN);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const cookie = await t.login('center');
    const out = await t.request('POST', '/api/auth/logout', { cookie });
    expect(out.statusCode).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    expect((await t.request('GET', '/api/orgs', { cookie })).statusCode).toBe(401);
  });

  it('refuses state-changing requests from a foreign Origin with 403, allows the same origin', async () => {
    const cookie = await t.login('admin');
    const body = { parentId: 1, code: 'ORIGIN-T', name: '来源测试', type: 'grassroots' };
    const foreign = await t.request('POST', '/api/orgs', { cookie, body, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('FORBIDDEN_ORIGIN');
    const crossSite = await t.request('POST', '/api/auth/logout', {
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    const same = await t.request('POST', '/api/orgs', {
      cookie,
      body,
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(same.statusCode).toBe(201);
  });

  it('disabling a staff member ends their sessions', async () => {
    const id = await newStaff('leaver');
    const cookie = await t.login('leaver', 'Str0ng&Unique!');
    const admin = await t.login('admin');
    expect(
      (await t.request('PATCH', `/api/staff/${id}`, { cookie: admin, body: { status: 'disabled' } })).statusCode,
    ).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    const again = await t.request('POST', '/api/auth/login', {
      body: { username: 'leaver', password: 'Str0ng&Unique!' },
    });
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('password rules', () => {
  it('refuses short, common, and self-containing passwords with field messages', async () => {
    const admin = await t.login('admin');
    const tryPw = (username: string, password: string, phone = '13911112222') =>
      t.request('POST', '/api/staff', {
        cookie: admin,
        body: { username, displayName: 'x', orgId: 1, password, phone },
      });
    const short = await tryPw('pw-short', 'Ab1!');
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      code: 'WEAK_PASSWORD',
      details: [{ path: 'password', message: '密码至少 8 位' }],
    });
    expect((await tryPw('pw-common', 'password123')).json().error.details[0].message).toBe('密码过于常见，容易被猜到');
    expect((await tryPw('zhangsan', 'Zhangsan#2026')).json().error.details[0].message).toBe('密码不能包含用户名');
    expect((await tryPw('pw-phone', 'x13911112222x')).json().error.details[0].message).toBe('密码不能包含手机号');
    const en = await t.request('POST', '/api/staff', {
      cookie: admin,
      headers: { 'accept-language': 'en' },
      body: { username: 'pw-en', displayName: 'x', orgId: 1, password: 'short' },
    });
    expect(en.json().error.details[0].message).toBe('At least 8 characters');
  });

  it('refuses what a strength estimate finds guessable: 8 spaces, qwertyuiop, Passw0rd!, for staff and members alike', async () => {
    const admin = await t.login('admin');
    const member = await t.loginMember(DEMO_MEMBER_PHONE);
    for (const password of ['        ', '                    ', 'qwertyuiop', 'Passw0rd!', 'Woaini1314!']) {
      const staff = await t.request('POST', '/api/staff', {
        cookie: admin,
        body: { username: 'pw-weak', displayName: 'x', orgId: 1, password },
      });
      expect(staff.statusCode, JSON.stringify(password)).toBe(400);
      expect(staff.json().error.code).toBe('WEAK_PASSWORD');
      const own = await t.request('POST', '/api/auth/password', {
        cookie: member,
        body: { currentPassword: DEMO_PASSWORD, newPassword: password },
      });
      expect(own.statusCode, JSON.stringify(password)).toBe(400);
      expect(own.json().error.details[0].path).toBe('newPassword');
    }
    const weak = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'pw-weak', displayName: 'x', orgId: 1, password: 'Passw0rd!' },
    });
    expect(weak.json().error.details).toEqual([
      { path: 'password', message: '密码强度不足，容易被猜到：请加长，避免常见词、键盘顺序、重复字符和日期' },
    ]);
    // the user's own name counts as guessable too
    const named = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'pw-named', displayName: 'Wangxiaoming', orgId: 1, password: 'Wangxiaoming#1' },
    });
    expect(named.json().error?.code).toBe('WEAK_PASSWORD');
  });

  it('staff passwords hold three of the four character classes (等保); members need not', async () => {
    const admin = await t.login('admin');
    const lowerDigits = 'violet mountain 42 river';
    const res = await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'pw-classes', displayName: 'x', orgId: 1, password: 'violetmountain42river' },
    });
    expect(res.json().error.details).toEqual([
      { path: 'password', message: '工作人员密码至少包含大写字母、小写字母、数字、符号中的三类' },
    ]);
    const en = await t.request('POST', '/api/staff', {
      cookie: admin,
      headers: { 'accept-language': 'en' },
      body: { username: 'pw-classes', displayName: 'x', orgId: 1, password: 'violetmountain42river' },
    });
    expect(en.json().error.details[0].message).toBe(
      'Staff passwords need three of: upper-case letters, lower-case letters, digits, symbols',
    );
    expect(
      (
        await t.request('POST', '/api/staff', {
          cookie: admin,
          body: { username: 'pw-classes', displayName: 'x', orgId: 1, password: lowerDigits },
        })
      ).statusCode,
    ).toBe(201);
    const member = await t.loginMember(DEMO_MEMBER_PHONE);
    expect(
      (
        await t.request('POST', '/api/auth/password', {
          cookie: member,
          body: { currentPassword: DEMO_PASSWORD, newPassword: 'violetmountain42river' },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await t.request('POST', '/api/auth/password', {
          cookie: member,
          body: { currentPassword: 'violetmountain42river', newPassword: DEMO_PASSWORD },
        })
      ).statusCode,
    ).toBe(204);
  });

  it('the demo password stays usable: seeded accounts sign in with it', async () => {
    for (const username of ['admin', 'city', 'county', 'grassroots', 'center', 'head']) {
      expect(
        (await t.request('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } })).statusCode,
        username,
      ).toBe(200);
    }
    expect(
      (await t.request('POST', '/api/auth/login', { body: { phone: DEMO_MEMBER_PHONE, password: DEMO_PASSWORD } }))
        .statusCode,
    ).toBe(200);
  });

  it('stores argon2id hashes, never the password', async () => {
    const [row] = await t.deps.db.select().from(account).where(eq(account.username, 'admin'));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('member sign-in by one-time code', () => {
  const codeFor = async (phone: string) => {
    await t.deps.outbox.kick();
    const msg = [...t.sms].reverse().find((m) => m.phone === phone);
    if (!msg?.params.code) throw new Error('no code sent');
    return msg.params.code;
  };

  it('sends a code through the outbox (phone encrypted) and signs in once with it', async () => {
    const phone = '13700000011';
    const res = await t.request('POST', '/api/auth/otp', { body: { phone } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sent: true, expiresInSeconds: 300 });
    const rows = await t.deps.db.select().from(outbox);
    expect(rows.some((r) => r.recipientEnc.includes(phone))).toBe(false);
    const code = await codeFor(phone);
    const ok = await t.request('POST', '/api/auth/login', { body: { phone, code } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().me).toMatchObject({ kind: 'member', phone: '137****0011', hasPassword: false });
    const reuse = await t.request('POST', '/api/auth/login', { body: { phone, code } });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('INVALID_CODE');
  });

  it('a code expires after 5 minutes', async () => {
    const phone = '13700000012';
    await t.request('POST', '/api/auth/otp', { body: { phone } });
    const code = await codeFor(phone);
    t.clock.advance(5 * MIN + 1000);
    expect((await t.request('POST', '/api/auth/login', { body: { phone, code } })).statusCode).toBe(401);
  });

  it('a code dies after 5 wrong tries', async () => {
    const phone = '13700000013';
    await t.request('POST', '/api/auth/otp', { body: { phone } });
    const code = await codeFor(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect((await t.request('POST', '/api/auth/login', { body: { phone, code: wrong } })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/auth/login', { body: { phone, code } })).statusCode).toBe(401);
  });

  it('limits codes per phone: one a minute, five an hour', async () => {
    const phone = '13700000014';
    expect((await t.request('POST', '/api/auth/otp', { body: { phone } })).statusCode).toBe(200);
    const again = await t.request('POST', '/api/auth/otp', { body: { phone } });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('OTP_TOO_FREQUENT');
    for (let i = 0; i < 4; i++) {
      t.clock.advance(61_000);
      expect((await t.request('POST', '/api/auth/otp', { body: { phone } })).statusCode).toBe(200);
    }
    t.clock.advance(61_000);
    expect((await t.request('POST', '/api/auth/otp', { body: { phone } })).statusCode).toBe(429);
  });

  it('limits codes per IP across phones', async () => {
    const other = await createTestApp({ demo: false });
    try {
      let last = 0;
      for (let i = 0; i < 31; i++) {
        last = (
          await other.request('POST', '/api/auth/otp', { body: { phone: `1360000${String(i).padStart(4, '0')}` } })
        ).statusCode;
        if (last !== 200) break;
      }
      expect(last).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('members sign in with phone + password and see no staff data', async () => {
    const cookie = await t.loginMember(DEMO_MEMBER_PHONE);
    const me = await t.request('GET', '/api/auth/me', { cookie });
    expect(me.json()).toMatchObject({ kind: 'member', permissions: [], grants: [] });
    expect((await t.request('GET', '/api/orgs', { cookie })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/staff', { cookie })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/audit', { cookie })).statusCode).toBe(403);
  });
});

describe('TOTP second factor', () => {
  const totpNow = (secret: string) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });

  it('enrols with a QR, then asks for a code at sign-in, and refuses a replayed code', async () => {
    await newStaff('totpuser');
    const cookie = await t.login('totpuser', 'Str0ng&Unique!');
    const setup = await t.request('POST', '/api/auth/totp/setup', { cookie });
    expect(setup.statusCode).toBe(200);
    const { secret, qrDataUrl } = setup.json<{ secret: string; qrDataUrl: string }>();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await t.request('POST', '/api/auth/totp/enable', { cookie, body: { code: '000000' } })).statusCode).toBe(
      401,
    );
    expect(
      (await t.request('POST', '/api/auth/totp/enable', { cookie, body: { code: await totpNow(secret) } })).statusCode,
    ).toBe(200);

    t.clock.advance(31_000);
    const first = await t.request('POST', '/api/auth/login', {
      body: { username: 'totpuser', password: 'Str0ng&Unique!' },
    });
    expect(first.json().next).toBe('totp');
    const pending = `uh_sid=${first.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    expect((await t.request('GET', '/api/orgs', { cookie: pending })).json().error.code).toBe('MFA_REQUIRED');
    const code = await totpNow(secret);
    const done = await t.request('POST', '/api/auth/totp/verify', { cookie: pending, body: { code } });
    expect(done.statusCode).toBe(200);
    expect(done.json().next).toBe('done');
    const full = `uh_sid=${done.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    expect(full).not.toBe(pending);
    expect((await t.request('GET', '/api/orgs', { cookie: full })).statusCode).toBe(200);

    // the same code again, in a new sign-in within its window
    const second = await t.request('POST', '/api/auth/login', {
      body: { username: 'totpuser', password: 'Str0ng&Unique!' },
    });
    const pending2 = `uh_sid=${second.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    expect((await t.request('POST', '/api/auth/totp/verify', { cookie: pending2, body: { code } })).statusCode).toBe(
      401,
    );
  });

  it('in production every role that can reveal or export personal data must enrol; others and demo mode need not', async () => {
    const prod = await createTestApp({
      demo: true,
      env: { NODE_ENV: 'production', SMS_DRIVER: 'outbox', LOGIN_RATE_PER_MINUTE: '10000' },
    });
    try {
      const next = async (app: TestApp, username: string) =>
        (await app.request('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } })).json<{
          next: string;
        }>().next;
      // admin (everything), federation managers and grassroots officers (reveal, export), the head (ledger export)
      for (const username of ['admin', 'city', 'county', 'grassroots', 'head'])
        expect(await next(prod, username), username).toBe('enroll_totp');
      // service-center staff see members masked and export nothing
      expect(await next(prod, 'center')).toBe('done');
      // not by name: a grant of a role that can export makes 'center' enrol as well
      const center = (
        await prod.request('POST', '/api/auth/login', { body: { username: 'center', password: DEMO_PASSWORD } })
      ).json<{ me: { id: number } }>().me.id;
      await prod.deps.db.insert(staffGrant).values({ accountId: center, roleCode: 'org_head', orgId: 1 });
      expect(await next(prod, 'center')).toBe('enroll_totp');
      // development and demo mode: as before, password only
      for (const username of ['admin', 'city', 'county', 'grassroots', 'head', 'center'])
        expect(await next(t, username), username).toBe('done');
    } finally {
      await prod.close();
    }
  });

  it('a role can make TOTP mandatory: sign-in then only allows enrolment', async () => {
    const admin = await t.login('admin');
    const id = await newStaff('mustenrol');
    expect(
      (await t.request('POST', `/api/staff/${id}/grants`, { cookie: admin, body: { roleCode: 'auditor', orgId: 1 } }))
        .statusCode,
    ).toBe(201);
    expect(
      (await t.request('PATCH', '/api/roles/auditor', { cookie: admin, body: { mfaRequired: true } })).statusCode,
    ).toBe(200);
    const res = await t.request('POST', '/api/auth/login', {
      body: { username: 'mustenrol', password: 'Str0ng&Unique!' },
    });
    expect(res.json().next).toBe('enroll_totp');
    const cookie = `uh_sid=${res.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    expect((await t.request('GET', '/api/audit', { cookie })).statusCode).toBe(403);
    const { secret } = (await t.request('POST', '/api/auth/totp/setup', { cookie })).json<{ secret: string }>();
    const enabled = await t.request('POST', '/api/auth/totp/enable', { cookie, body: { code: await totpNow(secret) } });
    expect(enabled.json().next).toBe('done');
    const full = `uh_sid=${enabled.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    expect((await t.request('GET', '/api/audit', { cookie: full })).statusCode).toBe(200);
    expect(
      (await t.request('POST', '/api/auth/totp/disable', { cookie: full, body: { password: 'Str0ng&Unique!' } })).json()
        .error.code,
    ).toBe('TOTP_REQUIRED');
    await t.request('PATCH', '/api/roles/auditor', { cookie: admin, body: { mfaRequired: false } });
  });
});
