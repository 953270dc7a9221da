import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../server/modules/member/index.js';
import { createTestApp, ENGINE, TEST_KEY, type TestApp } from '../server/test/harness.js';

// Two app processes on one PostgreSQL: a session ended in one process is refused by the other at
// once (its cache is invalidated through NOTIFY), and so is a scope changed by an org move. The
// workbench's counters keep no state in a process, so new work shows in every process at once.

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe.runIf(ENGINE === 'postgres')('several app processes', () => {
  let t: TestApp;
  let child: ChildProcess;
  let base = '';

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
    const port = await freePort();
    const dbName = (await t.deps.database.query<{ db: string }>('select current_database() as db'))[0]?.db ?? '';
    const adminUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    adminUrl.pathname = `/${dbName}`;
    child = spawn('npx', ['tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: adminUrl.toString(),
        UNIONHUB_DATA_KEY: TEST_KEY,
        UNIONHUB_DEMO: 'false',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
      // A process group of its own: npx starts tsx, which starts node; killing the group ends all
      // of them (killing npx alone left the server running after the suite).
      detached: true,
    });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('second app process did not start');
  }, 60_000);

  afterAll(async () => {
    if (child?.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    await t?.close();
  });

  const get = (path: string, cookie: string) => fetch(`${base}${path}`, { headers: { cookie } }).then((r) => r.status);

  it('logout in one process ends the session in the other', async () => {
    const cookie = await t.login('city');
    expect(await get('/api/auth/me', cookie)).toBe(200); // now cached over there
    expect(await get('/api/auth/me', cookie)).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { cookie })).statusCode).toBe(204);
    await expect.poll(() => get('/api/auth/me', cookie), { timeout: 1000, interval: 20 }).toBe(401);
  });

  it('a grant revoked in one process stops working in the other', async () => {
    const admin = await t.login('admin');
    const staff = (await t.request('GET', '/api/staff?q=county', { cookie: admin })).json<{
      items: Array<{ id: number; grants: Array<{ id: number }> }>;
    }>().items[0];
    const cookie = await t.login('county');
    expect(await get('/api/orgs', cookie)).toBe(200);
    await t.request('DELETE', `/api/staff/${staff?.id}/grants/${staff?.grants[0]?.id}`, { cookie: admin });
    await expect.poll(() => get('/api/orgs', cookie), { timeout: 1000, interval: 20 }).toBe(401);
  });

  it("a join request sent through one process is the officer's pending work in the other at once", async () => {
    const officer = await t.login('grassroots');
    const joins = async () => {
      const res = await fetch(`${base}/api/workbench/pending`, { headers: { cookie: officer } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { todo: Array<{ key: string; count: number }> };
      return body.todo.find((x) => x.key === 'member.joins')?.count;
    };
    const before = (await joins()) ?? -1;
    expect(before).toBeGreaterThanOrEqual(0);
    const worker = await t.loginMember('13800000001');
    const unions = (await t.request('GET', '/api/unions?q=瑞丰', { cookie: worker })).json<{
      items: Array<{ id: number }>;
    }>();
    const sent = await t.request('POST', '/api/me/join', {
      cookie: worker,
      body: {
        orgId: unions.items[0]?.id,
        name: '王新工',
        idNumber: makeIdNumber('321102', '1991-05-06', 771),
        jobType: 'courier',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(await joins()).toBe(before + 1);
  });
});
