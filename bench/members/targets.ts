import { buildApp } from '../../server/app.js';
import { startServer, type ChildServer } from '../child.js';
import { BENCH_KEY, type BenchEnv } from '../env.js';
import { captureQueries, signIn, type CapturedQuery } from '../http.js';
import { measureLatency, type LatencyFigures } from '../latency.js';
import { fmt, getJson, sleep, table } from '../lib.js';
import { LOAD } from '../scenario.js';

// What the member scenarios share: the app in a child process on the registry database, the
// staff who query it, checked targets measured one after the other, and the plans of the SQL the
// app actually sends for each target.

export const MEMBER_LOAD = {
  /** A modest closed loop: 10 clients, each sending its next request when the answer arrives. The verdicts are on this. */
  connections: 10,
  seconds: LOAD.seconds,
  warmupSeconds: LOAD.warmupSeconds,
  /** Then one client alone (sequential requests): the latency of a request on an otherwise idle server. */
  sequentialSeconds: Math.max(1, Math.round(LOAD.seconds / 2)),
};

export const STAFF = {
  grassroots: { username: 'grassroots', password: 'Demo#2026', label: 'grassroots officer (瑞丰科技工会)' },
  county: { username: 'county', password: 'Demo#2026', label: 'county officer (京口区总工会)' },
  admin: { username: 'admin', password: 'Demo#2026', label: 'province admin (江苏省总工会)' },
} as const;
export type Who = keyof typeof STAFF;
/** Someone who signs in: staff by username, a member by phone. */
export type Person = ({ username: string } | { phone: string }) & { password: string; label: string };

export interface Target {
  name: string;
  /** A key of the people the session signed in (STAFF by default). */
  who: string;
  /** Paths taken in turn under load; the first is the one whose SQL is explained. */
  paths: string[];
  /** How many of the paths to check before loading (all of them is the default). */
  verifyCount?: number;
  /** How long the check before loading waits for each answer (5 s unless a target expects slow answers). */
  verifyTimeoutMs?: number;
  /** Null when the answer is right, else what is wrong with it. */
  verify(body: unknown, path: string): string | null;
  limitMs: number;
}

export interface Measured extends LatencyFigures {
  target: Target;
  sequential: LatencyFigures;
  pass: boolean;
}

export interface Session {
  server: ChildServer;
  cookies: Record<string, string>;
  stop(): Promise<void>;
}

/** The app as main.ts runs it, in its own process, on the bench database, with the bench key; `people` signed in. */
export async function openSession(env: BenchEnv, people: Record<string, Person> = STAFF): Promise<Session> {
  const server = await startServer({
    DATABASE_URL: env.url,
    UNIONHUB_DATA_KEY: BENCH_KEY,
    DATA_DIR: '/tmp/unionhub-bench',
  });
  try {
    const cookies: Record<string, string> = {};
    for (const [who, p] of Object.entries(people)) {
      cookies[who] = await signIn(
        server.base,
        'username' in p ? { username: p.username, password: p.password } : { phone: p.phone, password: p.password },
      );
    }
    return { server, cookies, stop: () => server.stop() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** The session cookie of someone the session signed in. */
export function cookieOf(s: Session, who: string): string {
  const cookie = s.cookies[who];
  if (!cookie) throw new Error(`nobody signed in as ${who}`);
  return cookie;
}

/** Refuses to measure anything but the intended answers. */
async function verifyTarget(s: Session, t: Target): Promise<void> {
  for (const path of t.paths.slice(0, t.verifyCount ?? t.paths.length)) {
    const res = await getJson(`${s.server.base}${path}`, { cookie: cookieOf(s, t.who) }, t.verifyTimeoutMs);
    if (res.status !== 200)
      throw new Error(`${t.name} (${t.who}): ${path} answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    const problem = t.verify(res.body, path);
    if (problem) throw new Error(`${t.name} (${t.who}): ${path}: ${problem}`);
  }
}

/**
 * Each target: checked, warmed up, then measured; one after the other. `settle` (default: a
 * 250 ms pause) runs before each run, e.g. to let requests the load generator gave up on finish
 * in the database so they do not weigh on the next run.
 */
export async function measureTargets(
  s: Session,
  targets: Target[],
  settle: () => Promise<void> = () => sleep(250),
): Promise<Measured[]> {
  for (const t of targets) await verifyTarget(s, t);
  const out: Measured[] = [];
  for (const t of targets) {
    const base = {
      base: s.server.base,
      paths: t.paths,
      headers: { cookie: cookieOf(s, t.who) },
      connections: MEMBER_LOAD.connections,
      serverPid: s.server.pid,
    };
    await measureLatency({ ...base, seconds: MEMBER_LOAD.warmupSeconds });
    await settle();
    const f = await measureLatency({ ...base, seconds: MEMBER_LOAD.seconds });
    await settle();
    const sequential = await measureLatency({ ...base, connections: 1, seconds: MEMBER_LOAD.sequentialSeconds });
    const pass = f.failures === 0 && sequential.failures === 0 && f.p95Ms < t.limitMs;
    console.log(
      `  ${t.name} as ${t.who}: p50 ${fmt.ms(f.p50Ms)} ms, p95 ${fmt.ms(f.p95Ms)} ms, p99 ${fmt.ms(f.p99Ms)} ms, ${fmt.int(f.requestsPerSecond)} req/s, failures ${f.failures} → ${pass ? 'PASS' : 'FAIL'}; one client: p50 ${fmt.ms(sequential.p50Ms)} ms, p95 ${fmt.ms(sequential.p95Ms)} ms`,
    );
    out.push({ ...f, target: t, sequential, pass });
  }
  return out;
}

export function latencyTable(results: Measured[]): string {
  const cpu = (r: Measured, k: 'server' | 'postgres') => (r.cpuUsPerRequest ? fmt.int(r.cpuUsPerRequest[k]) : 'n/a');
  const c = MEMBER_LOAD.connections;
  return table(
    [
      'request',
      'as',
      `${c} conn p50 ms`,
      `${c} conn **p95** ms`,
      `${c} conn p99 ms`,
      `${c} conn max ms`,
      `${c} conn req/s`,
      'errors + non-2xx',
      'server CPU µs/req',
      'PostgreSQL CPU µs/req',
      '1 conn p50 ms',
      '1 conn p95 ms',
      '1 conn p99 ms',
      '1 conn req/s',
      'limit (p95, 10 conn)',
      'verdict',
    ],
    results.map((r) => [
      r.target.name,
      r.target.who,
      fmt.ms(r.p50Ms),
      `**${fmt.ms(r.p95Ms)}**`,
      fmt.ms(r.p99Ms),
      fmt.ms(r.maxMs),
      fmt.int(r.requestsPerSecond),
      r.failures + r.sequential.failures,
      cpu(r, 'server'),
      cpu(r, 'postgres'),
      fmt.ms(r.sequential.p50Ms),
      fmt.ms(r.sequential.p95Ms),
      fmt.ms(r.sequential.p99Ms),
      fmt.int(r.sequential.requestsPerSecond),
      `< ${r.target.limitMs} ms`,
      r.pass ? 'PASS' : '**FAIL**',
    ]),
  );
}

/** How the figures were taken, for the scenario's section. */
export function loadNote(extra: string): string {
  return `**Load**: autocannon in the bench process (main thread; the server is another process), ${MEMBER_LOAD.connections} connections in a closed loop (pipelining 1) for ${MEMBER_LOAD.seconds} s after ${MEMBER_LOAD.warmupSeconds} s of warm-up — **the verdicts are on these** — then one connection (sequential requests) for ${MEMBER_LOAD.sequentialSeconds} s. p50/p95/p99 are nearest-rank percentiles over every response's own latency (autocannon's summary has no p95). ${extra} CPU per request (10-connection run): the server process and all \`postgres\` processes on the machine, from /proc. With 10 clients in a closed loop on 2 cores the latency is ≈ 10 / throughput, so these figures measure CPU per request as much as query speed.`;
}

export interface Explained {
  target: Target;
  path: string;
  statements: { sql: string; params: unknown[]; plan: string[]; executionMs: number; scans: string[] }[];
}

const IDENT = /^\s*(?:->\s*)?/;
const ON_MEMBER = { statement: /\bfrom "member"/, scan: /\bmember\b|member_/ };

/**
 * The member statements the app sends for one request of each target (captured at pg.Client#query
 * in an in-process app on the same database), then EXPLAIN (ANALYZE, BUFFERS) of each with its
 * own parameters. `on` picks another table's statements (which statements, and which scans to list).
 */
export async function explainTargets(
  env: BenchEnv,
  s: Session,
  targets: Target[],
  on: { statement: RegExp; scan: RegExp } = ON_MEMBER,
): Promise<Explained[]> {
  const app = await buildApp(env.deps);
  try {
    const out: Explained[] = [];
    for (const t of targets) {
      const path = t.paths[0] as string;
      const inject = () => app.inject({ method: 'GET', url: path, headers: { cookie: cookieOf(s, t.who) } });
      await inject(); // the session and grants are cached after the first request, as under load
      let captured: CapturedQuery[] = [];
      captured = await captureQueries(async () => {
        const res = await inject();
        if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
      });
      const statements: Explained['statements'] = [];
      for (const q of captured.filter((c) => on.statement.test(c.text))) {
        const rows = await env.deps.database.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers) ${q.text}`,
          q.values,
        );
        const plan = rows.map((r) => r['QUERY PLAN']);
        const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? Number.NaN);
        const scans = [
          ...new Set(
            plan
              .filter((l) => / Scan /.test(` ${l}`) && on.scan.test(l))
              .map((l) =>
                l
                  .replace(IDENT, '')
                  .replace(/\s+\(cost.*$/, '')
                  .trim(),
              ),
          ),
        ];
        statements.push({ sql: q.text, params: q.values, plan, executionMs, scans });
      }
      out.push({ target: t, path, statements });
    }
    return out;
  } finally {
    await app.close();
  }
}

const shortSql = (sql: string) => (/select count\(/i.test(sql) ? 'count' : /limit/i.test(sql) ? 'page' : 'other');

/** Key lines per statement, and the full plans folded away. */
export function plansMarkdown(explained: Explained[], tableName = 'member'): string {
  const rows = explained.flatMap((e) =>
    e.statements.map((st) => [
      e.target.name,
      e.target.who,
      shortSql(st.sql),
      `${fmt.ms(st.executionMs)} ms`,
      st.scans.map((x) => `\`${x}\``).join('<br>') || '—',
    ]),
  );
  const details = explained.flatMap((e) =>
    e.statements.map((st) =>
      [
        `<details><summary>${e.target.name} as ${e.target.who} — ${shortSql(st.sql)} (${fmt.ms(st.executionMs)} ms)</summary>`,
        '',
        '```sql',
        st.sql.trim(),
        `-- params: ${JSON.stringify(st.params)}`,
        '```',
        '',
        '```',
        ...st.plan,
        '```',
        '</details>',
        '',
      ].join('\n'),
    ),
  );
  return [
    table(['request', 'as', 'statement', 'EXPLAIN ANALYZE execution', `scans on ${tableName}`], rows),
    '',
    ...details,
  ].join('\n');
}
