import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { makeIdNumber } from '../modules/member/id-number.js';
import { csvOf, HEADERS, multipartBody } from '../modules/member/import/fixtures.js';
import { importHooks, importLimits } from '../modules/member/import/limits.js';
import { createTestApp, ENGINE, type TestApp } from '../test/harness.js';
import { ADMIN_URL } from '../test/pg.js';
import { verifyAudit } from './audit.js';
import { openDatabase, rows } from './db.js';
import { isDatabaseUnavailable } from './errors.js';
import { INVALIDATION_CHANNEL, onInvalidation } from './invalidation.js';

// Database faults: PostgreSQL terminates the app's connections (a failover, a restart, an
// administrator's pg_terminate_backend) while requests, jobs and the LISTEN connection use them.
// The process must live, requests in flight answer 503, later ones succeed on fresh connections,
// and nothing is half-written. PGlite is one in-process connection: there is nothing to kill.

let t: TestApp;
let admin: pg.Client;
let cookie: string;
let dbName: string;
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => void uncaught.push(err);
const savedLimits = { ...importLimits };

/** Terminates every backend of the test database (the app's pool, its LISTEN client, the import worker's pool). */
async function killAll(): Promise<number> {
  const r = await admin.query<{ n: number }>(
    `select count(*)::int as n from (select pg_terminate_backend(pid) as ok from pg_stat_activity
     where datname = $1 and pid <> pg_backend_pid()) k where ok`,
    [dbName],
  );
  return r.rows[0]?.n ?? 0;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isErrorShape = (body: unknown) => {
  const e = (body as { error?: Record<string, unknown> }).error;
  return (
    !!e &&
    typeof e.code === 'string' &&
    typeof e.message === 'string' &&
    Array.isArray(e.details) &&
    typeof e.requestId === 'string'
  );
};

describe.runIf(ENGINE === 'postgres')(
  'database faults (PostgreSQL only: PGlite has no connections to terminate)',
  () => {
    beforeAll(async () => {
      process.on('uncaughtException', onUncaught);
      t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
      cookie = await t.login('admin');
      dbName = new URL(t.deps.database.url ?? '').pathname.slice(1);
      admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
    });
    afterAll(async () => {
      process.off('uncaughtException', onUncaught);
      await admin?.end();
      await t?.close();
    });
    afterEach(() => {
      Object.assign(importLimits, savedLimits);
      importHooks.afterBatch = () => undefined;
      expect(uncaught).toEqual([]);
    });

    it(
      'a write storm survives terminated connections: 2xx or 503, then success, nothing half-written',
      { timeout: 120_000 },
      async () => {
        const orgs = (await t.request('GET', '/api/orgs?pageSize=100', { cookie })).json<{
          items: Array<{ id: number; type: string }>;
        }>().items;
        const parentId = orgs.find((o) => o.type === 'federation')?.id;
        const WRITES = 240;
        const WIDTH = 20;
        const killAt = new Set([30, 80, 130, 180]);
        const answers: Array<{ code: string; status: number; body: unknown; retryAfter: unknown }> = [];
        const kills: Array<Promise<number>> = [];
        let next = 0;
        let done = 0;
        const lane = async () => {
          while (next < WRITES) {
            const code = `FAULT-${next++}`;
            const res = await t.request('POST', '/api/orgs', {
              cookie,
              body: { parentId, code, name: `故障演练 ${code}`, type: 'grassroots' },
            });
            answers.push({ code, status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] });
            if (killAt.has(++done)) kills.push(killAll());
          }
        };
        await Promise.all(Array.from({ length: WIDTH }, lane));
        const terminated = await Promise.all(kills);

        const ok = answers.filter((a) => a.status === 201);
        const unavailable = answers.filter((a) => a.status === 503);
        const other = answers.filter((a) => a.status !== 201 && a.status !== 503);
        console.info(
          `write storm: ${WRITES} writes, ${WIDTH} at a time, ${kills.length} terminations (${terminated.join(', ')} backends), ` +
            `${ok.length} × 201, ${unavailable.length} × 503, ${other.length} other`,
        );
        expect(other.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
        expect(terminated.every((n) => n > 0)).toBe(true);
        expect(unavailable.length).toBeGreaterThan(0); // the terminations did land on requests in flight
        for (const a of unavailable) {
          expect(isErrorShape(a.body)).toBe(true);
          expect((a.body as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
          expect(Number(a.retryAfter)).toBeGreaterThan(0);
        }

        // No connection stays checked out by a request that failed (the pool would run dry).
        expect(t.deps.database.connectionsInUse()).toBe(0);
        // Afterwards, requests succeed on fresh connections.
        for (let i = 0; i < 10; i++) {
          const res = await t.request('POST', '/api/orgs', {
            cookie,
            body: { parentId, code: `AFTER-${i}`, name: `故障之后 ${i}`, type: 'grassroots' },
          });
          expect(res.statusCode, res.body).toBe(201);
        }
        expect((await t.request('GET', '/api/health')).statusCode).toBe(200);

        // Nothing half-written: each org and its audit row exist together or not at all. Every 201's
        // org exists; a 503's org may exist (the COMMIT went through, its answer was lost) — then with
        // its audit row; a retry of such a write meets 409 ORG_CODE_TAKEN, not a duplicate.
        const stored = await rows<{ code: string; audits: number }>(
          t.deps.db,
          sql`
      select o.code, (select count(*)::int from audit_log a where a.action = 'org.create' and a.target_type = 'org' and a.target_id = o.id::text) as audits
      from org o where o.code like 'FAULT-%'`,
        );
        const byCode = new Map(stored.map((s) => [s.code, s.audits]));
        for (const a of ok) expect(byCode.get(a.code), a.code).toBe(1);
        for (const s of stored) expect(s.audits, s.code).toBe(1);
        console.info(
          `write storm: of the ${unavailable.length} answered 503, ${unavailable.filter((a) => byCode.has(a.code)).length} committed (org and audit row), the rest left nothing`,
        );
        expect(stored.length).toBeGreaterThanOrEqual(ok.length);
        expect(stored.length).toBeLessThanOrEqual(ok.length + unavailable.length);
        const orphans = await rows<{ n: number }>(
          t.deps.db,
          sql`
      select count(*)::int as n from audit_log a where a.action = 'org.create' and not exists (select 1 from org o where o.id::text = a.target_id)`,
        );
        expect(orphans[0]?.n).toBe(0);
        expect((await verifyAudit(t.deps.db, t.deps.crypto)).ok).toBe(true);
      },
    );

    it('connections terminated while idle in the pool fail only the requests that meet them, and none stays checked out', async () => {
      const parentId = (await t.request('GET', '/api/orgs?pageSize=1', { cookie })).json<{
        items: Array<{ id: number }>;
      }>().items[0]?.id;
      const statuses: number[] = [];
      for (let round = 0; round < 8; round++) {
        // Ten idle connections in the pool, then terminated while the next requests take them.
        await Promise.all(
          Array.from({ length: 10 }, () => t.deps.db.transaction((tx) => tx.execute(sql`select pg_sleep(0.02)`))),
        );
        const kill = killAll();
        const res = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            t.request('POST', '/api/orgs', {
              cookie,
              body: { parentId, code: `IDLE-${round}-${i}`, name: `空闲连接 ${round}-${i}`, type: 'grassroots' },
            }),
          ),
        );
        await kill;
        statuses.push(...res.map((r) => r.statusCode));
      }
      console.info(
        `idle terminations: 8 rounds × 10 writes, ${statuses.filter((s) => s === 201).length} × 201, ${statuses.filter((s) => s === 503).length} × 503`,
      );
      expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
      expect(t.deps.database.connectionsInUse()).toBe(0);
      const after = await t.request('POST', '/api/orgs', {
        cookie,
        body: { parentId, code: 'IDLE-AFTER', name: '空闲之后', type: 'grassroots' },
      });
      expect(after.statusCode, after.body).toBe(201);
    });

    it('the counters every console polls meet terminated connections with 503, never 500, and leak none', async () => {
      const statuses: number[] = [];
      for (let round = 0; round < 4; round++) {
        await Promise.all(
          Array.from({ length: 10 }, () => t.deps.db.transaction((tx) => tx.execute(sql`select pg_sleep(0.02)`))),
        );
        const kill = killAll();
        const res = await Promise.all(
          Array.from({ length: 10 }, () => t.request('GET', '/api/workbench/pending', { cookie })),
        );
        await kill;
        statuses.push(...res.map((r) => r.statusCode));
      }
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect(t.deps.database.connectionsInUse()).toBe(0);
      expect((await t.request('GET', '/api/workbench/pending', { cookie })).statusCode).toBe(200);
    });

    it('a job whose connection is terminated is retried on a fresh one and succeeds', async () => {
      let runs = 0;
      t.deps.jobs.register('test.fault', async (ctx) => {
        runs++;
        // A transaction held open on a checked-out client while its backend is terminated.
        return ctx.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          if (runs === 1) {
            await killAll();
            await sleep(200);
          }
          const [r] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from org`);
          return { orgs: r?.n };
        });
      });
      const id = await t.deps.jobs.enqueue(t.deps.db, { kind: 'test.fault', accountId: null, orgId: null });
      for (let i = 0; i < 20 && runs < 2; i++) await t.deps.jobs.kick();
      const [job] = await rows<{ state: string; attempts: number; error: string | null }>(
        t.deps.db,
        sql`select state, attempts, error from job where id = ${id}`,
      );
      expect(job).toMatchObject({ state: 'succeeded', attempts: 2, error: null });
    });

    it(
      'a member import whose connections are terminated mid-COPY ends in a defined state with no half-imported rows',
      { timeout: 60_000 },
      async () => {
        const techco = 'JS-ZJ-JK-XS-001'; // a grassroots union of the demo tree
        const ids = Array.from({ length: 300 }, (_, i) => makeIdNumber('321102', '1991-02-03', 500 + i));
        const cells = ids.map((id, i) =>
          HEADERS.map(
            (h) =>
              (
                ({
                  姓名: '王建国',
                  身份证号: id,
                  手机号码: `136${String(i).padStart(8, '0')}`,
                  所属工会: techco,
                  入会时间: '2020-01-01',
                  就业形态: '普通职工',
                  户籍类型: '城镇',
                }) as Record<string, string>
              )[h] ?? null,
          ),
        );
        importLimits.batchSize = 50;
        let kills = 0;
        importHooks.afterBatch = async (info) => {
          if (info.batch === 2 && kills === 0) {
            kills++;
            await killAll();
            await sleep(200); // the COPY connection sits idle in its transaction, terminated
          }
        };
        const { payload, headers } = multipartBody('faults.csv', Buffer.from(csvOf(cells)));
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/members/import',
          payload,
          headers: { ...headers, cookie },
        });
        expect(res.statusCode, res.body).toBe(202);
        const jobId = res.json<{ jobId: string }>().jobId;
        let job: { state: string; error: string | null; result: { imported: number } | null } | undefined;
        for (let i = 0; i < 50; i++) {
          await t.deps.jobs.kick();
          job = (await t.request('GET', `/api/jobs/${jobId}`, { cookie })).json();
          if (job?.state === 'succeeded' || job?.state === 'failed') break;
          await sleep(100);
        }
        expect(kills).toBe(1);
        const hashes = ids.map((id) => t.deps.crypto.blindIndex('idNumber', id));
        const [stored] = await rows<{ n: number }>(
          t.deps.db,
          sql`select count(*)::int as n from member where id_number_hash = any(${sql.param(hashes)}::text[])`,
        );
        // Retried to success (all 300, once each) — or failed with a message and none of them in.
        if (job?.state === 'succeeded') {
          expect(job.result?.imported).toBe(300);
          expect(stored?.n).toBe(300);
        } else {
          expect(job?.state).toBe('failed');
          expect(job?.error).toBeTruthy();
          expect(stored?.n).toBe(0);
        }
        expect(job?.state).toBe('succeeded');
      },
    );

    it(
      'a member import that loses its connection on every attempt fails with a clear message and leaves nothing',
      { timeout: 60_000 },
      async () => {
        const ids = Array.from({ length: 120 }, (_, i) => makeIdNumber('321102', '1992-03-04', 900 + i));
        const cells = ids.map((id, i) =>
          HEADERS.map(
            (h) =>
              (
                ({
                  姓名: '李秀英',
                  身份证号: id,
                  手机号码: `135${String(i).padStart(8, '0')}`,
                  所属工会: 'JS-ZJ-JK-XS-001',
                  入会时间: '2020-01-01',
                  就业形态: '普通职工',
                  户籍类型: '城镇',
                }) as Record<string, string>
              )[h] ?? null,
          ),
        );
        importLimits.batchSize = 50;
        let kills = 0;
        importHooks.afterBatch = async (info) => {
          if (info.batch !== 1) return;
          kills++;
          await killAll();
          await sleep(100);
        };
        const { payload, headers } = multipartBody('faults-2.csv', Buffer.from(csvOf(cells)));
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/members/import',
          payload,
          headers: { ...headers, cookie, 'accept-language': 'en' },
        });
        expect(res.statusCode, res.body).toBe(202);
        const jobId = res.json<{ jobId: string }>().jobId;
        let job: { state: string; error: string | null } | undefined;
        for (let i = 0; i < 80; i++) {
          await t.deps.jobs.kick();
          job = (await t.request('GET', `/api/jobs/${jobId}`, { cookie })).json();
          if (job?.state === 'succeeded' || job?.state === 'failed') break;
          await sleep(100);
        }
        expect(kills).toBe(3); // three attempts, each on fresh connections
        expect(job).toMatchObject({
          state: 'failed',
          error: 'The database is temporarily unavailable; please try again shortly',
        });
        const hashes = ids.map((id) => t.deps.crypto.blindIndex('idNumber', id));
        const [stored] = await rows<{ n: number }>(
          t.deps.db,
          sql`select count(*)::int as n from member where id_number_hash = any(${sql.param(hashes)}::text[])`,
        );
        expect(stored?.n).toBe(0);
      },
    );

    it('the LISTEN connection comes back after it is terminated, and a NOTIFY after that is delivered', async () => {
      const seen: string[] = [];
      onInvalidation((p) => seen.push(p));
      await killAll();
      for (let i = 0; i < 50 && !seen.includes('*'); i++) await sleep(50);
      expect(seen).toContain('*'); // the loss itself: caches drop everything
      const other = new pg.Client({ connectionString: t.deps.database.url ?? '' });
      await other.connect();
      try {
        for (let i = 0; i < 100 && !seen.includes('after-kill'); i++) {
          await other.query(`select pg_notify($1, 'after-kill')`, [INVALIDATION_CHANNEL]);
          await sleep(100);
        }
      } finally {
        await other.end();
      }
      expect(seen).toContain('after-kill');
      const listening = await admin.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = $1 and query ilike 'LISTEN%'`,
        [dbName],
      );
      expect(listening.rows[0]?.n).toBe(1); // one listener again, not one per 'error' event
    });
  },
);

// On both engines: what counts as a lost database, and what a request answers then.
describe('database unavailable', () => {
  it('is recognised through the cause chain: SQLSTATE 08/57P0x, socket errors, node-postgres and pg-pool words', () => {
    const wrap = (cause: unknown) => Object.assign(new Error('Failed query: insert …'), { cause });
    const pgError = (code: string) => Object.assign(new Error('…'), { code });
    for (const err of [
      wrap(pgError('57P01')),
      wrap(pgError('57P02')),
      pgError('57P03'),
      wrap(pgError('08006')),
      pgError('08001'),
      wrap(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
      pgError('ECONNRESET'),
      wrap(new Error('Connection terminated unexpectedly')),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      wrap(wrap(pgError('57P01'))),
    ]) {
      expect(isDatabaseUnavailable(err), String((err as { cause?: unknown }).cause ?? err)).toBe(true);
    }
    for (const err of [
      wrap(pgError('23505')),
      pgError('40001'),
      pgError('57014'),
      new Error('boom'),
      null,
      'Connection terminated',
    ]) {
      expect(isDatabaseUnavailable(err)).toBe(false);
    }
  });

  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp({ demo: false });
  });
  afterAll(() => h.close());

  it('health answers 503 with the error shape while the database is down', async () => {
    const down = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/unreachable' });
    const app = await buildApp({ ...h.deps, database: down, db: down.db });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode, res.body).toBe(503);
      expect(isErrorShape(res.json())).toBe(true);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('DATABASE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBeDefined();
      const doc = (await h.request('GET', '/api/openapi.json')).json<{
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      }>();
      expect(Object.keys(doc.paths['/api/orgs']?.post?.responses ?? {})).toContain('503');
    } finally {
      await app.close();
      await down.close();
    }
  });
});
