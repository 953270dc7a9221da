import Fastify from 'fastify';
import pg from 'pg';
import { APP_POOL_SIZE, type BenchEnv } from '../env.js';
import { countQueries, listen, listenApp, login, type Listening } from '../http.js';
import { fmt, getJson, load, median, sleep, table, type LoadFigures } from '../lib.js';
import { LOAD, type Scenario } from '../scenario.js';

// GET /api/orgs/:id as the county officer, against a bare route doing the same primary-key select.

const GOAL = 0.5;
const USER = { username: 'county', password: 'Demo#2026' }; // federation_manager at 京口区总工会
const TARGET_CODE = 'JS-ZJ-JK-XS-001'; // 镇江瑞丰科技有限公司工会, inside 京口区's subtree
const OUTSIDE_CODE = 'JS-ZJ-RZ-001'; // 镇江理工学院工会, under 润州区: must be a 404 for the county

/** The floor: same select, same pool size, Fastify with no plugins, no auth, no schema. */
async function listenBare(url: string): Promise<Listening> {
  const pool = new pg.Pool({ connectionString: url, max: APP_POOL_SIZE });
  // As in openDatabase: pool.end() resolves before its sockets close, and dropping the database
  // then terminates them; unheard, that error would crash the run.
  pool.on('error', () => undefined);
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/bare/orgs/:id', async (req, reply) => {
    const { rows } = await pool.query('select * from org where id = $1', [Number(req.params.id)]);
    return rows[0] ?? reply.code(404).send({ error: 'not found' });
  });
  const l = await listen(app);
  return {
    ...l,
    close: async () => {
      await l.close();
      await pool.end();
    },
  };
}

async function orgId(env: BenchEnv, code: string): Promise<number> {
  const [row] = await env.deps.database.query<{ id: number }>('select id from org where code = $1', [code]);
  if (!row) throw new Error(`org ${code} not found`);
  return row.id;
}

/** Refuses to measure anything but the intended 200 answers (and a working scope check). */
async function verify(
  scopedUrl: string,
  bareUrl: string,
  outsideUrl: string,
  cookie: string,
  id: number,
): Promise<void> {
  const scoped = await getJson(scopedUrl, { cookie });
  const bare = await getJson(bareUrl);
  const outside = await getJson(outsideUrl, { cookie });
  const code = (scoped.body as { code?: string }).code;
  if (scoped.status !== 200 || code !== TARGET_CODE)
    throw new Error(`scoped read: ${scoped.status} ${JSON.stringify(scoped.body)}`);
  if (bare.status !== 200 || (bare.body as { id?: number }).id !== id)
    throw new Error(`bare read: ${bare.status} ${JSON.stringify(bare.body)}`);
  if (outside.status !== 404) throw new Error(`out-of-scope read answered ${outside.status}, expected 404`);
}

/** SQL statements per request, over sequential requests (the session touch is at most once a minute). */
async function queriesPerRequest(url: string, headers: Record<string, string>, n = 200): Promise<number> {
  const count = await countQueries(async () => {
    for (let i = 0; i < n; i++) await getJson(url, headers);
  });
  return count / n;
}

export const orgRead: Scenario = {
  name: 'org-read',
  async run(env) {
    const app = await listenApp(env.deps);
    const bare = await listenBare(env.url);
    try {
      const cookie = await login(app.base, USER.username, USER.password);
      const id = await orgId(env, TARGET_CODE);
      const scopedUrl = `${app.base}/api/orgs/${id}`;
      const bareUrl = `${bare.base}/bare/orgs/${id}`;
      await verify(scopedUrl, bareUrl, `${app.base}/api/orgs/${await orgId(env, OUTSIDE_CODE)}`, cookie, id);
      const targets: { name: string; url: string; headers: Record<string, string> }[] = [
        { name: 'bare', url: bareUrl, headers: {} },
        { name: 'scoped', url: scopedUrl, headers: { cookie } },
      ];
      const queries = {
        bare: await queriesPerRequest(bareUrl, {}),
        scoped: await queriesPerRequest(scopedUrl, { cookie }),
      };

      const runs: (LoadFigures & { target: string; round: number })[] = [];
      for (let round = 1; round <= LOAD.rounds; round++) {
        for (const t of targets) {
          // Warm up before every measured run: JIT, and the pool whose idle clients the other
          // target's run gave time to close (pg.Pool idle timeout is 10 s).
          await load('warm-up', { ...LOAD, url: t.url, headers: t.headers, seconds: LOAD.warmupSeconds });
          await sleep(250);
          const f = await load(`${t.name} #${round}`, { ...LOAD, url: t.url, headers: t.headers });
          console.log(
            `  ${f.label}: ${fmt.int(f.requestsPerSecond)} req/s, p50 ${fmt.ms(f.p50Ms)} ms, p99 ${fmt.ms(f.p99Ms)} ms, failures ${f.failures}`,
          );
          runs.push({ ...f, target: t.name, round });
        }
      }
      return report(env, runs, queries, id);
    } finally {
      await app.close();
      await bare.close();
    }
  },
};

function report(
  env: BenchEnv,
  runs: (LoadFigures & { target: string })[],
  queries: Record<'bare' | 'scoped', number>,
  id: number,
) {
  const of = (t: string) => runs.filter((r) => r.target === t);
  const med = (t: string, k: 'requestsPerSecond' | 'p50Ms' | 'p99Ms') => median(of(t).map((r) => r[k]));
  const failures = runs.reduce((n, r) => n + r.failures, 0);
  const ratio = med('scoped', 'requestsPerSecond') / med('bare', 'requestsPerSecond');
  const pass = failures === 0 && ratio >= GOAL;
  const cpu = (r: LoadFigures, k: 'server' | 'postgres') => (r.cpuUsPerRequest ? fmt.int(r.cpuUsPerRequest[k]) : 'n/a');
  const medCpu = (t: string, k: 'server' | 'postgres') => {
    const v = of(t).flatMap((r) => (r.cpuUsPerRequest ? [r.cpuUsPerRequest[k]] : []));
    return v.length ? fmt.int(median(v)) : 'n/a';
  };
  const rows = runs.map((r) => [
    r.label,
    fmt.int(r.requestsPerSecond),
    fmt.ms(r.p50Ms),
    fmt.ms(r.p99Ms),
    fmt.int(r.requests),
    r.failures,
    r.statusCounts,
    cpu(r, 'server'),
    cpu(r, 'postgres'),
  ]);
  for (const t of ['bare', 'scoped']) {
    rows.push([
      `**${t} median**`,
      `**${fmt.int(med(t, 'requestsPerSecond'))}**`,
      fmt.ms(med(t, 'p50Ms')),
      fmt.ms(med(t, 'p99Ms')),
      '',
      '',
      '',
      medCpu(t, 'server'),
      medCpu(t, 'postgres'),
    ]);
  }
  const markdown = [
    `Target: org ${id} (${TARGET_CODE}, 镇江瑞丰科技有限公司工会), read by \`${USER.username}\` (federation_manager at 京口区总工会, whose subtree holds ${fmt.int(env.volume.countySubtree)} orgs).`,
    '',
    `- **scoped**: \`GET /api/orgs/${id}\` on the real app (\`buildApp(deps)\`), session cookie from \`POST /api/auth/login\`.`,
    `- **bare**: \`GET /bare/orgs/${id}\` on a plugin-free Fastify, \`select * from org where id = $1\` through its own \`pg.Pool\` (max ${APP_POOL_SIZE}, as the app's), no auth.`,
    `- Checked before loading: scoped and bare answer 200 with the target; an org under 润州区 answers 404 to the county officer.`,
    `- SQL statements per request (counted at pg.Client#query over 200 sequential requests): bare ${queries.bare.toFixed(2)}, scoped ${queries.scoped.toFixed(2)}.`,
    '',
    table(
      [
        'run',
        'req/s',
        'p50 ms',
        'p99 ms',
        'requests',
        'errors + non-2xx',
        'status codes',
        'server CPU µs/req',
        'PostgreSQL CPU µs/req',
      ],
      rows,
    ),
    '',
    'CPU per request: the Node main thread running both servers (the load generator has its own thread), and all `postgres` processes on the machine, from /proc over each measured run.',
    '',
    `**Ratio scoped / bare (median req/s): ${fmt.ratio(ratio)}** — goal ≥ ${GOAL}: **${pass ? 'PASS' : 'FAIL'}**${failures ? ` (${failures} failed requests)` : ''}.`,
  ].join('\n');
  const summary = `scoped/bare = ${fmt.ratio(ratio)} (goal ≥ ${GOAL}), failures ${failures}`;
  return { title: 'Org-scoped read: GET /api/orgs/:id vs bare primary-key select', markdown, pass, summary };
}
