import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../server/modules/member/index.js';
import { createTestApp, ENGINE, TEST_KEY, type TestApp } from '../server/test/harness.js';
import { ADMIN_URL } from '../server/test/pg.js';
import { addSignedInMembers, type SignedInMember } from '../server/test/signed-in-members.js';

// Voucher claims under a storm, on PostgreSQL (PGlite is one in-process connection: there is no
// second process and no connection to terminate). Two app processes on one database: this one
// (listening on a real port) and `server/main.ts` in a child. Members are written signed in, in
// bulk (server/test/signed-in-members.ts). Checks: the exact stock across both processes; with
// every app connection terminated mid-storm each 201 is present once and both processes recover
// without a restart; a retry after a lost answer returns the same voucher.

// Every claim comes from one address: the per-IP limit is raised, the per-member one is the product's.
const RATE_ENV = { LOGIN_RATE_PER_MINUTE: '10000', CLAIM_RATE_PER_IP_PER_MINUTE: '1000000' };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Answer {
  status: number;
  body: { id?: number; campaignId?: number; error?: { code?: string } };
}

describe.runIf(ENGINE === 'postgres')('voucher claim storm (PostgreSQL, two app processes)', () => {
  let t: TestApp;
  let child: ChildProcess;
  let bases: string[] = [];
  let admin: pg.Client;
  let dbName = '';
  let staff = '';
  let cityId = 0;
  let unionIds: number[] = [];
  let nextPerson = 0;

  /** Signed-in members in the 镇江 unions, each new. */
  async function members(n: number): Promise<SignedInMember[]> {
    const people = Array.from({ length: n }, () => {
      const k = nextPerson++;
      return {
        orgId: unionIds[k % unionIds.length] as number,
        name: `抢券${k}`,
        idNumber: makeIdNumber('320104', `19${70 + (k % 30)}-0${1 + (k % 9)}-1${k % 10}`, k % 1000),
        phone: `1390${String(k).padStart(7, '0')}`,
      };
    });
    return addSignedInMembers(t.deps.database, t.deps.crypto, people);
  }

  /** A published first-come campaign open now. */
  async function campaign(quantity: number): Promise<number> {
    const now = Date.now();
    const created = await t.request('POST', '/api/voucher-campaigns', {
      cookie: staff,
      body: {
        orgId: cityId,
        name: `抢券演练 ${quantity}`,
        kind: 'general',
        mode: 'first_come',
        faceValueFen: 500,
        minSpendFen: 0,
        quantity,
        budgetFen: 500 * quantity,
        perMemberLimit: 1,
        claimStartsAt: new Date(now - 60_000).toISOString(),
        claimEndsAt: new Date(now + 3600_000).toISOString(),
        validFrom: new Date(now - 60_000).toISOString(),
        validUntil: new Date(now + 30 * 86400_000).toISOString(),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const published = await t.request('POST', `/api/voucher-campaigns/${id}/publish`, { cookie: staff });
    expect(published.statusCode, published.body).toBeLessThan(300);
    return id;
  }

  async function claim(base: string, campaignId: number, cookie: string, key: string): Promise<Answer> {
    const res = await fetch(`${base}/api/voucher-campaigns/${campaignId}/claims`, {
      method: 'POST',
      headers: { cookie, 'idempotency-key': key, 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(20_000),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  /** Every member claims once, `width` at a time, alternating between the two processes. */
  async function storm(
    campaignId: number,
    who: SignedInMember[],
    width: number,
    during?: (done: number) => void,
  ): Promise<Array<Answer & { member: SignedInMember; key: string; base: string }>> {
    const out: Array<Answer & { member: SignedInMember; key: string; base: string }> = [];
    let next = 0;
    const lane = async () => {
      while (next < who.length) {
        const k = next++;
        const member = who[k] as SignedInMember;
        const base = bases[k % 2] as string;
        const key = `storm-${campaignId}-${k}`;
        out.push({ ...(await claim(base, campaignId, member.cookie, key)), member, key, base });
        during?.(out.length);
      }
    };
    await Promise.all(Array.from({ length: width }, lane));
    return out;
  }

  const vouchersOf = async (campaignId: number) =>
    (
      await admin.query<{ id: string; member_id: string }>('select id, member_id from voucher where campaign_id = $1', [
        campaignId,
      ])
    ).rows.map((r) => ({ id: Number(r.id), memberId: Number(r.member_id) }));

  /** Terminates every backend of the test database but this one: both processes' pools and LISTEN clients. */
  async function killAll(): Promise<number> {
    const r = await admin.query<{ n: number }>(
      `select count(*)::int as n from (select pg_terminate_backend(pid) as ok from pg_stat_activity
       where datname = $1 and pid <> pg_backend_pid()) k where ok`,
      [dbName],
    );
    return r.rows[0]?.n ?? 0;
  }

  beforeAll(async () => {
    t = await createTestApp({ realClock: true, env: RATE_ENV });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const own = `http://127.0.0.1:${(t.app.server.address() as net.AddressInfo).port}`;
    dbName = new URL(t.deps.database.url ?? '').pathname.slice(1);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    const port = await freePort();
    child = spawn('npx', ['tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        ...RATE_ENV,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: url.toString(),
        UNIONHUB_DATA_KEY: TEST_KEY,
        UNIONHUB_DEMO: 'false',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
      // A process group of its own: npx starts tsx, which starts node; all of them end together.
      detached: true,
    });
    const other = `http://127.0.0.1:${port}`;
    bases = [own, other];
    // The admin connection reads the test database (the voucher table) and terminates its backends.
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    staff = await t.login('admin');
    const orgs = await admin.query<{ id: string; code: string; type: string }>(
      `select id, code, type from org where code = 'JS-ZJ' or (code like 'JS-ZJ-%' and type = 'grassroots') order by id`,
    );
    cityId = Number(orgs.rows.find((o) => o.code === 'JS-ZJ')?.id);
    unionIds = orgs.rows.filter((o) => o.type === 'grassroots').map((o) => Number(o.id));
    expect(unionIds.length).toBeGreaterThan(0);
    for (let i = 0; i < 160; i++) {
      const ok = await fetch(`${other}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('second app process did not start');
  }, 60_000);

  afterAll(async () => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    await admin?.end();
    await t?.close();
  });

  it('a storm across two processes issues exactly the stock, each 201 once', { timeout: 60_000 }, async () => {
    const id = await campaign(120);
    const who = await members(300);
    const answers = await storm(id, who, 40);
    const ok = answers.filter((a) => a.status === 201);
    const other = answers.filter((a) => a.status !== 201 && a.body.error?.code !== 'VOUCHER_SOLD_OUT');
    expect(other.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    expect(ok.length).toBe(120);
    // Both processes sold some: the stock is shared through the database, not per process.
    for (const base of bases) expect(ok.some((a) => a.base === base)).toBe(true);
    const stored = await vouchersOf(id);
    expect(stored.length).toBe(120);
    expect(new Set(ok.map((a) => a.body.id)).size).toBe(120);
    expect(new Set(stored.map((v) => v.id))).toEqual(new Set(ok.map((a) => a.body.id)));
    expect(new Set(stored.map((v) => v.memberId)).size).toBe(120);
  });

  it(
    'connections terminated mid-storm: every 201 is present once, the rest is 409 or 503, and both processes recover',
    { timeout: 60_000 },
    async () => {
      const id = await campaign(150);
      const who = await members(260);
      const killAt = new Set([25, 70, 120, 170]);
      const kills: Array<Promise<number>> = [];
      const answers = await storm(id, who, 30, (done) => {
        if (killAt.has(done)) kills.push(killAll());
      });
      const terminated = await Promise.all(kills);
      expect(terminated.every((n) => n > 0)).toBe(true);
      const ok = answers.filter((a) => a.status === 201);
      const unavailable = answers.filter((a) => a.status === 503);
      const other = answers.filter(
        (a) => a.status !== 201 && a.status !== 503 && a.body.error?.code !== 'VOUCHER_SOLD_OUT',
      );
      console.info(
        `claim storm with terminations: ${answers.length} claims, ${kills.length} terminations (${terminated.join(', ')} backends), ` +
          `${ok.length} × 201, ${unavailable.length} × 503, ${answers.length - ok.length - unavailable.length} × 409`,
      );
      expect(other.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
      for (const a of unavailable) expect(a.body.error?.code).toBe('DATABASE_UNAVAILABLE');

      // Every acknowledged claim is stored, none twice, never beyond the stock or a member's limit.
      let stored = await vouchersOf(id);
      const storedIds = new Set(stored.map((v) => v.id));
      for (const a of ok) expect(storedIds.has(a.body.id as number), `voucher ${a.body.id}`).toBe(true);
      expect(new Set(ok.map((a) => a.body.id)).size).toBe(ok.length);
      expect(stored.length).toBeLessThanOrEqual(150);
      expect(new Set(stored.map((v) => v.memberId)).size).toBe(stored.length);

      // No restart: both processes answer, and the unanswered claims retried with their own keys
      // settle — a claim whose COMMIT went through comes back as the same voucher, never a second one.
      expect(t.deps.database.connectionsInUse()).toBe(0);
      for (const base of bases) expect((await fetch(`${base}/api/health`)).status).toBe(200);
      const settled = new Map(ok.map((a) => [a.member.memberId, a.body.id as number]));
      for (const a of unavailable) {
        let r = await claim(a.base, id, a.member.cookie, a.key);
        for (let i = 0; i < 10 && r.status === 503; i++) {
          await new Promise((res) => setTimeout(res, 200));
          r = await claim(a.base, id, a.member.cookie, a.key);
        }
        expect([201, 409], JSON.stringify(r.body)).toContain(r.status);
        if (r.status === 201) settled.set(a.member.memberId, r.body.id as number);
        else expect(r.body.error?.code).toBe('VOUCHER_SOLD_OUT');
      }
      stored = await vouchersOf(id);
      expect(stored.length).toBeLessThanOrEqual(150);
      // Now every stored voucher has been acknowledged to its member, and only that one.
      expect(new Map(stored.map((v) => [v.memberId, v.id]))).toEqual(settled);

      // New claims in both processes still work on fresh connections.
      const more = await campaign(2);
      const [m1, m2] = await members(2);
      expect((await claim(bases[0] as string, more, m1!.cookie, 'after-1')).status).toBe(201);
      expect((await claim(bases[1] as string, more, m2!.cookie, 'after-2')).status).toBe(201);
    },
  );

  /** Sends a claim and drops the connection as soon as the request is written: the answer is lost. */
  function claimAndHangUp(base: string, campaignId: number, cookie: string, key: string): Promise<void> {
    const u = new URL(`${base}/api/voucher-campaigns/${campaignId}/claims`);
    return new Promise((resolve) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          headers: { cookie, 'idempotency-key': key, 'content-type': 'application/json', 'content-length': 2 },
        },
        () => undefined,
      );
      req.on('error', () => undefined);
      req.end('{}', () => {
        req.destroy();
        resolve();
      });
    });
  }

  it(
    'a retry after a lost answer returns the same voucher, in either process, even once the member is at the limit and the campaign sold out',
    { timeout: 30_000 },
    async () => {
      const id = await campaign(3);
      const who = (await members(4)) as [SignedInMember, SignedInMember, SignedInMember, SignedInMember];
      const lost = [who[0], who[1]];
      for (const [k, member] of lost.entries()) {
        await claimAndHangUp(bases[k] as string, id, member.cookie, `lost-${k}`);
        // The claim went through although nobody read the answer.
        await expect
          .poll(async () => (await vouchersOf(id)).filter((v) => v.memberId === member.memberId).length, {
            timeout: 5_000,
            interval: 50,
          })
          .toBe(1);
      }
      // The last voucher goes to a third member; a fourth then meets "sold out" in both processes,
      // which from then on know it from memory.
      expect((await claim(bases[0] as string, id, who[2].cookie, 'third')).status).toBe(201);
      for (const base of bases) {
        const late = await claim(base, id, who[3].cookie, `fourth-${base}`);
        expect(late.body.error?.code).toBe('VOUCHER_SOLD_OUT');
      }
      const stored = await vouchersOf(id);
      for (const [k, member] of lost.entries()) {
        const mine = stored.find((v) => v.memberId === member.memberId);
        // The retry (same key), in the process that lost the answer and in the other: the same voucher, 201.
        for (const base of bases) {
          const retry = await claim(base, id, member.cookie, `lost-${k}`);
          expect(retry.status, `${base}: ${JSON.stringify(retry.body)}`).toBe(201);
          expect(retry.body.id).toBe(mine?.id);
        }
        // A new key is a new claim: refused.
        const fresh = await claim(bases[k] as string, id, member.cookie, `lost-${k}-new`);
        expect(fresh.status).toBe(409);
        expect(['VOUCHER_LIMIT_REACHED', 'VOUCHER_SOLD_OUT']).toContain(fresh.body.error?.code);
      }
      expect((await vouchersOf(id)).length).toBe(3);
    },
  );
});
