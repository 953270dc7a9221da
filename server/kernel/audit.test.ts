import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { verifyAudit } from './audit.js';
import { rows } from './db.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
});
afterAll(() => t.close());

const auditCount = async () =>
  (await rows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log`))[0]?.n ?? 0;

describe('audit log', () => {
  it('every write through the API leaves exactly one audit row; a refused write leaves none', async () => {
    const writes: Array<[string, string, unknown?]> = [
      ['POST', '/api/orgs', { parentId: 1, code: 'AU-1', name: '审计测试', type: 'federation' }],
      ['PATCH', '/api/orgs/{org}', { name: '审计测试二' }],
      ['POST', '/api/orgs', { parentId: 1, code: 'AU-2', name: '审计目标', type: 'federation' }],
      ['POST', '/api/orgs/{org}/move', { parentId: '{org2}' }],
      ['PATCH', '/api/orgs/{org}', { status: 'closed' }],
      ['POST', '/api/staff', { username: 'audit.me', displayName: '审计', orgId: 1, password: 'Str0ng&Unique!' }],
      ['PATCH', '/api/staff/{staff}', { displayName: '审计员甲' }],
      ['POST', '/api/staff/{staff}/grants', { roleCode: 'auditor', orgId: 1 }],
      ['DELETE', '/api/staff/{staff}/grants/{grant}'],
      ['POST', '/api/staff/{staff}/unlock'],
      ['POST', '/api/staff/{staff}/password', { newPassword: 'An0ther&Fine!' }],
      ['PATCH', '/api/roles/auditor', { mfaRequired: false }],
      // staff passwords must score 3 of 4 (Demo#2026 scores 2: seeded, not chosen), so two new ones
      ['POST', '/api/auth/password', { currentPassword: 'Demo#2026', newPassword: 'Audit&Trail#2026' }],
      ['POST', '/api/auth/password', { currentPassword: 'Audit&Trail#2026', newPassword: 'Second&Trail#2027' }],
    ];
    const ids: Record<string, string> = {};
    for (const [method, pathTemplate, body] of writes) {
      const url = pathTemplate.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? '');
      const payload = body && JSON.parse(JSON.stringify(body).replace(/"\{(\w+)\}"/g, (_, k: string) => ids[k] ?? '0'));
      const before = await auditCount();
      const res = await t.request(method, url, { cookie: admin, body: payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      expect(await auditCount(), `${method} ${url}`).toBe(before + 1);
      const json = res.body ? res.json<{ id?: number }>() : {};
      if (url === '/api/orgs') ids[ids.org ? 'org2' : 'org'] = String(json.id);
      if (url === '/api/staff') ids.staff = String(json.id);
      if (url.endsWith('/grants')) ids.grant = String(json.id);
    }
    const before = await auditCount();
    const refused = await t.request('POST', '/api/orgs', {
      cookie: admin,
      body: { parentId: 1, code: 'AU-1', name: 'dup', type: 'federation' },
    });
    expect(refused.statusCode).toBe(409);
    expect(await auditCount()).toBe(before);
  });

  it('records sign-in failures and successes with IP and request id', async () => {
    await t.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'not-the-password' } });
    const res = await t.request('GET', '/api/audit?action=auth.login&pageSize=5', { cookie: admin });
    const items = res.json<{ items: Array<{ action: string; ip: string; requestId: string }> }>().items;
    expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.login']));
    expect(items[0]?.ip).toBe('127.0.0.1');
    expect(items[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('filters by actor, action prefix, target and time range', async () => {
    const q = (s: string) =>
      t
        .request('GET', `/api/audit?${s}`, { cookie: admin })
        .then((r) => r.json<{ items: Array<{ action: string; actorUsername: string }>; total: number }>());
    expect((await q('action=org.')).items.every((i) => i.action.startsWith('org.'))).toBe(true);
    expect((await q('actor=admin')).items.every((i) => i.actorUsername === 'admin')).toBe(true);
    const future = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    expect((await q(`from=${encodeURIComponent(future)}`)).total).toBe(0);
    const bad = await t.request('GET', `/api/audit?from=${encodeURIComponent(future)}&to=2020-01-01T00:00:00Z`, {
      cookie: admin,
    });
    expect(bad.statusCode).toBe(400);
    const county = await t.login('county');
    const scoped = await t.request('GET', '/api/audit?pageSize=100', { cookie: county });
    expect(scoped.statusCode).toBe(200);
    const countyOrgs = (await t.request('GET', '/api/orgs', { cookie: county }))
      .json<{ items: Array<{ id: number }> }>()
      .items.map((o) => o.id);
    expect(scoped.json<{ items: Array<{ orgId: number }> }>().items.every((i) => countyOrgs.includes(i.orgId))).toBe(
      true,
    );
  });

  it('the table refuses UPDATE and DELETE', async () => {
    await expect(t.deps.db.execute(sql`update audit_log set action = 'x' where id = 1`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from audit_log where id = 1`)).rejects.toThrow();
  });

  it('POST /api/audit/verify runs a job that confirms an intact chain', async () => {
    const res = await t.request('POST', '/api/audit/verify', { cookie: admin });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    await t.deps.jobs.kick();
    const job = (await t.request('GET', `/api/jobs/${jobId}`, { cookie: admin })).json();
    expect(job).toMatchObject({ state: 'succeeded', result: { ok: true, firstBadId: null } });
    expect(job.result.checked).toBeGreaterThan(10);
    const other = await t.login('county');
    expect((await t.request('GET', `/api/jobs/${jobId}`, { cookie: other })).statusCode).toBe(404);
  });

  it('detects an altered row, a deleted row and a removed tail', async () => {
    const intact = await verifyAudit(t.deps.db, t.deps.crypto);
    expect(intact.ok).toBe(true);
    // Someone with database access switches the guard off and edits history.
    const tamper = async (statement: ReturnType<typeof sql>) => {
      await t.deps.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await t.deps.db.execute(statement);
      await t.deps.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    };
    await tamper(sql`update audit_log set after = '{"name":"forged"}'::jsonb where id = 5`);
    expect(await verifyAudit(t.deps.db, t.deps.crypto)).toMatchObject({ ok: false, firstBadId: 5 });
  });
});

describe('audit chain tampering (fresh log)', () => {
  it('a deleted middle row breaks the chain at the next row', async () => {
    const f = await createTestApp();
    try {
      await f.login('admin');
      await f.login('city');
      await f.deps.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await f.deps.db.execute(sql`delete from audit_log where id = 2`);
      expect(await verifyAudit(f.deps.db, f.deps.crypto)).toMatchObject({ ok: false, firstBadId: 3 });
    } finally {
      await f.close();
    }
  });

  it('a removed last row is caught by the sealed head', async () => {
    const f = await createTestApp();
    try {
      await f.login('admin');
      await f.login('city');
      const [last] = await rows<{ id: number }>(f.deps.db, sql`select max(id)::int as id from audit_log`);
      await f.deps.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await f.deps.db.execute(sql`delete from audit_log where id = ${last?.id ?? 0}`);
      const result = await verifyAudit(f.deps.db, f.deps.crypto);
      expect(result.ok).toBe(false);
      expect(result.problem).toMatch(/removed/);
    } finally {
      await f.close();
    }
  });
});
