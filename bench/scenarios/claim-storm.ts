import { startServer, type ChildServer } from '../child.js';
import { BENCH_KEY, type BenchEnv } from '../env.js';
import { signIn } from '../http.js';
import { fmt, getJson, sleep, table } from '../lib.js';
import { MemberGenerator } from '../members/gen.js';
import { pickUnions } from '../members/registry.js';
import { LOAD, type Scenario } from '../scenario.js';
import { storm, type StormFigures } from '../storm/load.js';
import { STORM_TABLES } from '../storm/routes.js';
import { addSignedInMembers, type SignedInMember } from '../../server/test/signed-in-members.js';

// Claim storm (issue 17, Performance): 25,000 signed-in members, a first-come campaign of 20,000
// vouchers with a limit of one per member, opening while 500 connections already press the claim
// button. Measured in the same run, on the same server process and the same pool:
//   bare   POST /bench/bare/:n   one insert per request (the floor: one commit per request);
//   naive  POST /bench/naive/:n  one stock row updated and one insert, one transaction per request;
//   real   POST /api/voucher-campaigns/:id/claims (member session cookie, Idempotency-Key).
// The two baselines are bench-only routes (storm/routes.ts) the server child adds for this run.
// 25,000 members (≥ 5,000) so that, at one voucher each, the 20,000 vouchers can sell out.

const VOUCHERS = Number(process.env.BENCH_STORM_VOUCHERS ?? 20_000);
const MEMBERS = Math.round(VOUCHERS * 1.25);
const CONNECTIONS = 500;
/** The campaign opens this long after it is published, with the load already running. */
const OPEN_AFTER_MS = 3_000;
/** How long the load goes on after the last voucher (sold-out answers, from memory). */
const TAIL_MS = 1_000;
const MAX_SECONDS = 60;
const GOALS = { realOverBare: 0.5, aimRealOverBare: 1, realOverNaive: 2, p99RealOverBare: 5 };
const CLAIM_PATH = '/api/voucher-campaigns/{id}/claims';
/** Generator rows far above the 1,000,000-member registry's, so none collides with it. */
const FIRST_ROW = 2_000_000;
const CAMPAIGN_ORG = 'JS-ZJ'; // 镇江市总工会: every bench union is in its subtree

interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

async function addMembers(env: BenchEnv): Promise<{ members: SignedInMember[]; seconds: number }> {
  const t = performance.now();
  const gen = new MemberGenerator(await pickUnions(env.deps.database), env.deps.clock.now());
  const people = Array.from({ length: MEMBERS }, (_, k) => {
    const m = gen.at(FIRST_ROW + k);
    return { orgId: m.union.id, name: m.name, idNumber: m.idNumber, phone: m.phone, jobType: m.jobType };
  });
  const members = await addSignedInMembers(env.deps.database, env.deps.crypto, people);
  await env.deps.database.query('analyze account, member, session');
  return { members, seconds: (performance.now() - t) / 1000 };
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: unknown = {},
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/**
 * Waits until the server has worked off what the last run left queued (the load generator's
 * stop drops its connections, not the requests the server already read): /api/health answers
 * within 100 ms. A slow host can hold hundreds of such requests for many seconds.
 */
async function drain(server: ChildServer): Promise<void> {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    const t = performance.now();
    const ok = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(60_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok && performance.now() - t < 100) return;
    await sleep(500);
  }
  throw new Error('the server did not become idle within 180 s after a run');
}

const codeOf = (body: unknown) => (body as { error?: { code?: string } } | null)?.error?.code;

/** The baselines answer as meant before anything is measured; their tables are emptied afterwards. */
async function verifyBaselines(env: BenchEnv, server: ChildServer, member: SignedInMember): Promise<void> {
  const me = await getJson(`${server.base}/api/auth/me`, { cookie: member.cookie }, 60_000);
  if (me.status !== 200 || (me.body as { kind?: string }).kind !== 'member')
    throw new Error(`a bulk-made member session is refused: ${me.status} ${JSON.stringify(me.body).slice(0, 300)}`);
  await env.deps.database.query('insert into bench_stock (id, remaining) values (1, 2)');
  const bare = await post(`${server.base}/bench/bare/0`, {});
  const naive = await post(`${server.base}/bench/naive/0`, {});
  const again = await post(`${server.base}/bench/naive/0`, {});
  if (bare.status !== 201 || naive.status !== 201 || again.status !== 409)
    throw new Error(
      `baselines: bare ${bare.status}, naive ${naive.status}, naive again ${again.status} (want 201, 201, 409)`,
    );
  await env.deps.database.query('truncate bench_bare_claim, bench_naive_claim, bench_stock restart identity');
}

/** A published first-come campaign of VOUCHERS, one per member, opening OPEN_AFTER_MS from now; through the API as the province admin. */
async function openCampaign(env: BenchEnv, server: ChildServer): Promise<{ id: number; opensAt: Date }> {
  const admin = await signIn(server.base, { username: 'admin', password: 'Demo#2026' });
  const [org] = await env.deps.database.query<{ id: number }>('select id::int as id from org where code = $1', [
    CAMPAIGN_ORG,
  ]);
  const now = Date.now();
  const opensAt = new Date(now + OPEN_AFTER_MS + 5_000); // + the time to publish, check and start the load (slow hosts)
  const created = await post(
    `${server.base}/api/voucher-campaigns`,
    { cookie: admin },
    {
      orgId: org?.id,
      name: '压力测试 冬季消费券',
      kind: 'general',
      mode: 'first_come',
      faceValueFen: 1000,
      minSpendFen: 0,
      quantity: VOUCHERS,
      budgetFen: 1000 * VOUCHERS,
      perMemberLimit: 1,
      claimStartsAt: opensAt.toISOString(),
      claimEndsAt: new Date(now + 3600_000).toISOString(),
      validFrom: new Date(now).toISOString(),
      validUntil: new Date(now + 30 * 86400_000).toISOString(),
    },
  );
  const id = (created.body as { id?: number } | null)?.id;
  if (created.status !== 201 || typeof id !== 'number')
    throw new Error(`creating the campaign: ${created.status} ${JSON.stringify(created.body).slice(0, 500)}`);
  const published = await post(`${server.base}/api/voucher-campaigns/${id}/publish`, { cookie: admin });
  if (published.status !== 200 && published.status !== 201)
    throw new Error(`publishing the campaign: ${published.status} ${JSON.stringify(published.body).slice(0, 500)}`);
  return { id, opensAt };
}

/** Before opening: the campaign is in the member's list, and a claim is refused as not open yet. */
async function verifyReal(server: ChildServer, campaignId: number, member: SignedInMember): Promise<void> {
  const mine = await getJson(`${server.base}/api/me/voucher-campaigns`, { cookie: member.cookie }, 60_000);
  const listed = (mine.body as { items?: Array<{ id: number }> } | null)?.items?.some((c) => c.id === campaignId);
  if (mine.status !== 200 || !listed)
    throw new Error(
      `the campaign is not in the member's list: ${mine.status} ${JSON.stringify(mine.body).slice(0, 300)}`,
    );
  const early = await post(`${server.base}/api/voucher-campaigns/${campaignId}/claims`, {
    cookie: member.cookie,
    'idempotency-key': 'verify-early',
  });
  if (early.status !== 409 || codeOf(early.body) !== 'VOUCHER_NOT_OPEN')
    throw new Error(`a claim before opening answered ${early.status} ${JSON.stringify(early.body).slice(0, 300)}`);
}

async function claimRouteExists(server: ChildServer): Promise<boolean> {
  const spec = await getJson(`${server.base}/api/openapi.json`, {}, 60_000);
  const paths = (spec.body as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  return Boolean(paths[CLAIM_PATH]?.post);
}

const count = async (env: BenchEnv, text: string, params: unknown[] = []) =>
  (await env.deps.database.query<{ n: number }>(text, params))[0]?.n ?? Number.NaN;

async function checkBare(env: BenchEnv, f: StormFigures): Promise<Check[]> {
  const present = await count(env, 'select count(*)::int as n from bench_bare_claim where id = any($1::bigint[])', [
    f.ids,
  ]);
  return [
    {
      what: `${f.label}: every 201's row present`,
      ok: present === f.ok && f.ids.length === f.ok,
      detail: `${fmt.int(present)} of ${fmt.int(f.ok)}`,
    },
  ];
}

async function checkNaive(env: BenchEnv, f: StormFigures): Promise<Check[]> {
  const rows = await count(env, 'select count(*)::int as n from bench_naive_claim');
  const left = await count(env, 'select remaining as n from bench_stock where id = 1');
  const present = await count(env, 'select count(*)::int as n from bench_naive_claim where id = any($1::bigint[])', [
    f.ids,
  ]);
  return [
    {
      // The baseline's rate is what counts; on a slow host it may not sell out within the run (and
      // requests in flight when the load stopped may commit unanswered).
      what: 'naive: never beyond the stock',
      ok: rows >= f.ok && rows + left === VOUCHERS,
      detail: `${fmt.int(rows)} rows, ${fmt.int(f.ok)} × 201, ${left} left`,
    },
    { what: "naive: every 201's row present", ok: present === f.ok, detail: `${fmt.int(present)} of ${fmt.int(f.ok)}` },
  ];
}

async function checkReal(env: BenchEnv, campaignId: number, f: StormFigures): Promise<Check[]> {
  const issued = await count(env, 'select count(*)::int as n from voucher where campaign_id = $1', [campaignId]);
  const overLimit = await count(
    env,
    'select count(*)::int as n from (select member_id from voucher where campaign_id = $1 group by member_id having count(*) > 1) x',
    [campaignId],
  );
  const present = await count(
    env,
    'select count(distinct id)::int as n from voucher where campaign_id = $1 and id = any($2::bigint[])',
    [campaignId, f.ids],
  );
  return [
    {
      what: `exactly ${fmt.int(VOUCHERS)} vouchers issued`,
      ok: issued === VOUCHERS && f.ok === VOUCHERS,
      detail: `${fmt.int(issued)} in the table, ${fmt.int(f.ok)} answered 201`,
    },
    { what: "none beyond a member's limit (1)", ok: overLimit === 0, detail: `${overLimit} members over` },
    {
      what: "every 201's voucher present afterwards",
      ok: present === f.ok && f.ids.length === f.ok,
      detail: `${fmt.int(present)} of ${fmt.int(f.ok)} ids (${fmt.int(f.ids.length)} bodies with an id)`,
    },
    {
      what: 'no answer but 201 and the expected 409s',
      ok: f.unexpected === 0,
      detail: `${f.unexpected} other (connection errors and timeouts ${f.errors})`,
    },
  ];
}

export const claimStorm: Scenario = {
  name: 'claim-storm',
  extraMinutes: 5,
  async run(env) {
    await env.deps.database.query(STORM_TABLES);
    const { members, seconds: setupS } = await addMembers(env);
    console.log(`  ${fmt.int(members.length)} signed-in members written in ${setupS.toFixed(1)} s`);
    const server = await startServer({
      DATABASE_URL: env.url,
      UNIONHUB_DATA_KEY: BENCH_KEY,
      DATA_DIR: '/tmp/unionhub-bench',
      BENCH_CHILD_ROUTES: 'claim-storm',
      // A storm from one address: the per-IP limit is for the internet, not for this loopback test.
      // The per-member limit stays the product's default.
      CLAIM_RATE_PER_IP_PER_MINUTE: '10000000',
    });
    try {
      const first = members[0] as SignedInMember;
      await verifyBaselines(env, server, first);
      const cookie = (m: number) => (members[m] as SignedInMember).cookie;
      const base = { base: server.base, connections: CONNECTIONS, members: MEMBERS, serverPid: server.pid };
      const runBare = (label: string) =>
        storm(
          {
            ...base,
            label,
            path: (m) => `/bench/bare/${m}`,
            stopAfterOk: VOUCHERS,
            tailMs: 0,
            maxSeconds: MAX_SECONDS,
          },
          () => false,
        );
      // Warm-up (JIT, a full pool), then emptied.
      await storm(
        {
          ...base,
          label: 'warm-up',
          path: (m) => `/bench/bare/${m}`,
          stopAfterOk: 1e9,
          tailMs: 0,
          maxSeconds: LOAD.warmupSeconds,
        },
        () => false,
      );
      await drain(server);
      await env.deps.database.query('truncate bench_bare_claim restart identity');
      const runs: StormFigures[] = [];
      const checks: Check[] = [];
      const bare1 = await runBare('bare #1');
      runs.push(bare1);
      checks.push(...(await checkBare(env, bare1)));
      log(bare1);

      await env.deps.database.query(`insert into bench_stock (id, remaining) values (1, ${VOUCHERS})`);
      await drain(server);
      const naive = await storm(
        {
          ...base,
          label: 'naive',
          path: (m) => `/bench/naive/${m}`,
          stopAfterOk: VOUCHERS,
          tailMs: TAIL_MS,
          maxSeconds: MAX_SECONDS * 2,
        },
        (status, code) => status === 409 && code === 'VOUCHER_SOLD_OUT',
      );
      runs.push(naive);
      checks.push(...(await checkNaive(env, naive)));
      log(naive);

      let real: StormFigures | null = null;
      let campaign: { id: number; opensAt: Date } | null = null;
      let openedAtMs = Number.NaN;
      if (await claimRouteExists(server)) {
        campaign = await openCampaign(env, server);
        await verifyReal(server, campaign.id, first);
        await drain(server);
        const startedAt = Date.now();
        const c = campaign;
        real = await storm(
          {
            ...base,
            label: 'real',
            path: () => `/api/voucher-campaigns/${c.id}/claims`,
            cookie,
            stopAfterOk: VOUCHERS,
            tailMs: TAIL_MS,
            maxSeconds: MAX_SECONDS * 2,
          },
          (status, code) =>
            status === 409 && ['VOUCHER_NOT_OPEN', 'VOUCHER_SOLD_OUT', 'VOUCHER_LIMIT_REACHED'].includes(code),
        );
        openedAtMs = c.opensAt.getTime() - startedAt;
        runs.push(real);
        checks.push(...(await checkReal(env, c.id, real)));
        log(real);
      } else {
        checks.push({ what: 'the claim route exists', ok: false, detail: `${CLAIM_PATH} is not in /api/openapi.json` });
      }

      await drain(server);
      await env.deps.database.query('truncate bench_bare_claim restart identity');
      const bare2 = await runBare('bare #2');
      runs.push(bare2);
      checks.push(...(await checkBare(env, bare2)));
      log(bare2);
      return report({
        bare: [bare1, bare2],
        naive,
        real,
        campaignId: campaign?.id ?? null,
        openedAtMs,
        runs,
        checks,
        setupS,
      });
    } finally {
      await server.stop();
      await env.deps.database.query('drop table if exists bench_bare_claim, bench_naive_claim, bench_stock');
    }
  },
};

function log(f: StormFigures) {
  console.log(
    `  ${f.label}: ${fmt.int(f.claimsPerSecond)} claims/s over ${f.windowS.toFixed(2)} s, p50 ${fmt.ms(f.p50Ms)} ms, p99 ${fmt.ms(f.p99Ms)} ms; ${f.answers}`,
  );
}

function report(r: {
  bare: StormFigures[];
  naive: StormFigures;
  real: StormFigures | null;
  campaignId: number | null;
  openedAtMs: number;
  runs: StormFigures[];
  checks: Check[];
  setupS: number;
}) {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const bareRate = mean(r.bare.map((b) => b.claimsPerSecond));
  const bareP99 = mean(r.bare.map((b) => b.p99Ms));
  const real = r.real;
  const ratios = real
    ? {
        realOverBare: real.claimsPerSecond / bareRate,
        realOverNaive: real.claimsPerSecond / r.naive.claimsPerSecond,
        p99RealOverBare: real.p99Ms / bareP99,
      }
    : null;
  const verdicts = ratios
    ? [
        {
          what: 'claims/s real / bare',
          value: ratios.realOverBare,
          goal: `≥ ${GOALS.realOverBare} (aim > ${GOALS.aimRealOverBare})`,
          ok: ratios.realOverBare >= GOALS.realOverBare,
        },
        {
          what: 'claims/s real / naive',
          value: ratios.realOverNaive,
          goal: `≥ ${GOALS.realOverNaive}`,
          ok: ratios.realOverNaive >= GOALS.realOverNaive,
        },
        {
          what: 'p99 real / bare',
          value: ratios.p99RealOverBare,
          goal: `≤ ${GOALS.p99RealOverBare}`,
          ok: ratios.p99RealOverBare <= GOALS.p99RealOverBare,
        },
      ]
    : [];
  const pass = real !== null && verdicts.every((v) => v.ok) && r.checks.every((c) => c.ok);
  const cpu = (f: StormFigures, k: 'server' | 'postgres') => (f.cpuUsPerClaim ? fmt.int(f.cpuUsPerClaim[k]) : 'n/a');
  const markdown = [
    `${fmt.int(MEMBERS)} members signed in (member, member account and a live session each, written in bulk in ${r.setupS.toFixed(1)} s: \`server/test/signed-in-members.ts\`; the session table holds the cookie's SHA-256), spread over the 镇江 unions; a first-come campaign of ${fmt.int(VOUCHERS)} vouchers at ${CAMPAIGN_ORG} (镇江市总工会), one per member, created and published through the API by the province admin${r.campaignId ? ` (campaign ${r.campaignId})` : ''}.`,
    '',
    `Load: autocannon in the bench process, ${CONNECTIONS} connections in a closed loop, each request a \`POST\` as the next member in turn (its own session cookie, or its index in the path for the baselines) with a fresh \`Idempotency-Key\`. The app runs in a child process (\`server-child.ts\`, as main.ts runs it); the two baselines are bench-only routes that child adds (\`bench/storm/routes.ts\`, never in the product) on the same Fastify instance and the same pool (max 10):`,
    '',
    `- **bare**: \`POST /bench/bare/:n\`: one \`insert … returning id\` per request, autocommit: one commit per request. Run until ${fmt.int(VOUCHERS)} × 201, before and after the real run (the mean of both is the baseline).`,
    '- **naive**: `POST /bench/naive/:n`: one transaction per request: `update bench_stock set remaining = remaining - 1 where id = 1 and remaining > 0`, then the insert (unique per member). Run until the stock is gone, then 1 s of sold-out answers.',
    `- **real**: \`POST /api/voucher-campaigns/:id/claims\`. The load starts before the campaign opens (${Number.isFinite(r.openedAtMs) ? `it opened ${(r.openedAtMs / 1000).toFixed(1)} s into the run` : 'not run'}): the early answers are 409 VOUCHER_NOT_OPEN; the run ends 1 s after the last voucher.`,
    '',
    'claims/s: 201 answers between the first and the last 201, over that window. Latency: the 201 answers (autocannon, per response). CPU per claim over the same window: the server child process (all its threads) and every postgres process, from /proc.',
    '',
    table(
      [
        'run',
        'claims/s',
        'window s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'p99 ms (all answers)',
        'requests',
        'answers',
        'server CPU µs/claim',
        'PostgreSQL CPU µs/claim',
      ],
      r.runs.map((f) => [
        f.label,
        fmt.int(f.claimsPerSecond),
        f.windowS.toFixed(2),
        fmt.ms(f.p50Ms),
        fmt.ms(f.p99Ms),
        fmt.ms(f.maxMs),
        fmt.ms(f.allP99Ms),
        fmt.int(f.requests),
        f.answers,
        cpu(f, 'server'),
        cpu(f, 'postgres'),
      ]),
    ),
    '',
    ratios
      ? table(
          ['figure', 'value', 'goal', 'verdict'],
          verdicts.map((v) => [v.what, fmt.ratio(v.value), v.goal, v.ok ? 'PASS' : 'FAIL']),
        )
      : `**The claim route is not available** (\`${CLAIM_PATH}\` is not in /api/openapi.json): no real figures, FAIL.`,
    '',
    '**Checks** (SQL after the runs):',
    '',
    table(
      ['check', 'result', 'verdict'],
      r.checks.map((c) => [c.what, c.detail, c.ok ? 'PASS' : 'FAIL']),
    ),
  ].join('\n');
  const summary = ratios
    ? `real ${fmt.int(real?.claimsPerSecond ?? 0)} claims/s: ×${ratios.realOverBare.toFixed(2)} bare, ×${ratios.realOverNaive.toFixed(2)} naive; p99 ×${ratios.p99RealOverBare.toFixed(2)} bare; checks ${r.checks.filter((c) => c.ok).length}/${r.checks.length}`
    : `claim route not available (bare ${fmt.int(bareRate)}, naive ${fmt.int(r.naive.claimsPerSecond)} claims/s)`;
  return {
    title: 'Claim storm: POST /api/voucher-campaigns/:id/claims vs bare insert and naive stock row',
    markdown,
    pass,
    summary,
  };
}
