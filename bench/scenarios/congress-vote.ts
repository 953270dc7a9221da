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

// Congress vote (issue 18, Performance): 1,000 representatives of one term, all checked in, cast
// their secret ballot on one motion at once (every representative presses the button; requests
// beyond the first of a representative answer 409 CONGRESS_ALREADY_VOTED). Measured in the same
// run, on the same server process and the same pool:
//   bare   POST /bench/bare/:n                  one insert per request (the floor: one commit each);
//   vote   POST /api/congress/motions/:id/ballots {choice}  (member session cookie).
// The bare route is the claim storm's bench-only baseline (storm/routes.ts), which the server
// child adds with BENCH_CHILD_ROUTES=claim-storm. Several rounds, each on a fresh motion, bare and
// vote alternating; the ratio is of the means.

const REPS = Number(process.env.BENCH_VOTE_REPS ?? 1_000);
const ROUNDS = Number(process.env.BENCH_VOTE_ROUNDS ?? 3);
const CONNECTIONS = Math.min(REPS, 250);
const MAX_SECONDS = 60; // the issue: every representative votes within one minute
const GOAL = 0.5;
const BALLOT_PATH = '/api/congress/motions/{id}/ballots';
/** Generator rows clear of the registry's (0…) and the claim storm's (2,000,000…). */
const FIRST_ROW = 3_000_000;
const CONGRESS_ORG = 'JS-ZJ-DY-001'; // 江苏恒神股份有限公司工会
const CHOICES = ['for', 'for', 'for', 'for', 'for', 'for', 'against', 'against', 'abstain', 'abstain'] as const;
const choiceOf = (m: number) => CHOICES[m % CHOICES.length] ?? 'abstain';

interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

interface Congress {
  sessionId: number;
  members: SignedInMember[];
  setupS: number;
}

/** The representatives as signed-in members of 恒神, a body, a term, an open session with everyone checked in. */
async function setUp(env: BenchEnv): Promise<Congress> {
  const t = performance.now();
  const db = env.deps.database;
  const [org] = await db.query<{ id: number }>('select id::int as id from org where code = $1', [CONGRESS_ORG]);
  if (!org) throw new Error(`${CONGRESS_ORG} not found; was the demo seed loaded?`);
  const gen = new MemberGenerator(await pickUnions(db), env.deps.clock.now());
  const people = Array.from({ length: REPS }, (_, k) => {
    const m = gen.at(FIRST_ROW + k);
    return { orgId: org.id, name: m.name, idNumber: m.idNumber, phone: m.phone, jobType: m.jobType };
  });
  const members = await addSignedInMembers(db, env.deps.crypto, people);
  const [body] = await db.query<{ id: number }>(
    `insert into congress_body (org_id, name, created_at) values ($1, '压力测试职工代表大会', now()) returning id::int as id`,
    [org.id],
  );
  const [term] = await db.query<{ id: number }>(
    `insert into congress_term (body_id, number, starts_on, ends_on, created_at)
     values ($1, 1, current_date - 30, current_date + 1000, now()) returning id::int as id`,
    [body?.id],
  );
  await db.query(
    `insert into congress_representative (term_id, member_id, delegation, category, started_on, created_at)
     select $1, m, '第' || (1 + (k % 10)) || '代表团', 'frontline', current_date - 30, now()
     from unnest($2::bigint[]) with ordinality as u(m, k)`,
    [term?.id, members.map((m) => m.memberId)],
  );
  const [session] = await db.query<{ id: number }>(
    `insert into congress_session (term_id, number, title, starts_at, state, opened_at, check_in_token, created_at)
     values ($1, 1, '压力测试 第一次职工代表大会', now(), 'open', now(), 'bench', now()) returning id::int as id`,
    [term?.id],
  );
  await db.query(
    `insert into congress_attendance (session_id, representative_id, via, at)
     select $1, id, 'staff', now() from congress_representative where term_id = $2`,
    [session?.id, term?.id],
  );
  await db.query('analyze account, member, session, congress_representative, congress_attendance');
  return { sessionId: session?.id ?? 0, members, setupS: (performance.now() - t) / 1000 };
}

async function post(url: string, headers: Record<string, string>, body: unknown = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

const codeOf = (body: unknown) => (body as { error?: { code?: string } } | null)?.error?.code;

/** A fresh motion of the session, opened (roll frozen: every representative). */
async function openMotion(server: ChildServer, staff: string, sessionId: number, title: string): Promise<number> {
  const created = await post(
    `${server.base}/api/congress/sessions/${sessionId}/motions`,
    { cookie: staff },
    { title, method: 'secret_electronic' },
  );
  const id = created.body?.id;
  if (created.status !== 201 || typeof id !== 'number')
    throw new Error(`creating a motion: ${created.status} ${JSON.stringify(created.body).slice(0, 300)}`);
  const opened = await post(`${server.base}/api/congress/motions/${id}/open`, { cookie: staff });
  if (opened.status !== 200 || opened.body?.total !== REPS)
    throw new Error(`opening the motion: ${opened.status} ${JSON.stringify(opened.body).slice(0, 300)}`);
  return id;
}

/** Before any load: one ballot is taken and a second refused, results hidden, the close counts it. */
async function verify(server: ChildServer, staff: string, c: Congress): Promise<void> {
  const id = await openMotion(server, staff, c.sessionId, '压力测试 核对');
  const voter = c.members[0];
  if (!voter) throw new Error('no members');
  const first = await post(
    `${server.base}/api/congress/motions/${id}/ballots`,
    { cookie: voter.cookie },
    { choice: 'for' },
  );
  const again = await post(
    `${server.base}/api/congress/motions/${id}/ballots`,
    { cookie: voter.cookie },
    { choice: 'for' },
  );
  const hidden = await getJson(`${server.base}/api/congress/motions/${id}/receipts`, { cookie: staff }, 60_000);
  if (
    first.status !== 201 ||
    typeof first.body?.receipt !== 'string' ||
    again.status !== 409 ||
    codeOf(again.body) !== 'CONGRESS_ALREADY_VOTED' ||
    hidden.status !== 409
  )
    throw new Error(
      `verify: ballot ${first.status} ${JSON.stringify(first.body)}, again ${again.status}, receipts ${hidden.status}`,
    );
  const closed = await post(`${server.base}/api/congress/motions/${id}/close`, { cookie: staff });
  if (closed.status !== 200 || closed.body?.for !== 1)
    throw new Error(`verify: close ${closed.status} ${JSON.stringify(closed.body)}`);
}

async function ballotRouteExists(server: ChildServer): Promise<boolean> {
  const spec = await getJson(`${server.base}/api/openapi.json`, {}, 60_000);
  const paths = (spec.body as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  return Boolean(paths[BALLOT_PATH]?.post);
}

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

const count = async (env: BenchEnv, text: string, params: unknown[] = []) =>
  (await env.deps.database.query<{ n: number }>(text, params))[0]?.n ?? Number.NaN;

/** After a round: every ballot counted once, every 201's receipt published, the tally recomputed. */
async function checkRound(
  env: BenchEnv,
  server: ChildServer,
  staff: string,
  motionId: number,
  f: StormFigures,
  receipts: string[],
): Promise<Check[]> {
  const closed = await post(`${server.base}/api/congress/motions/${motionId}/close`, { cookie: staff });
  const ballots = await count(env, 'select count(*)::int as n from congress_ballot where motion_id = $1', [motionId]);
  const voted = await count(env, 'select count(*)::int as n from congress_motion_roll where motion_id = $1 and voted', [
    motionId,
  ]);
  const pub = await getJson(`${server.base}/api/congress/motions/${motionId}/receipts`, { cookie: staff }, 60_000);
  const items = (pub.body as { items?: Array<{ receipt: string; choice: string }> } | null)?.items ?? [];
  const published = new Set(items.map((x) => x.receipt));
  const recount = { for: 0, against: 0, abstain: 0 };
  for (const x of items)
    if (x.choice === 'for' || x.choice === 'against' || x.choice === 'abstain') recount[x.choice]++;
  const want = { for: 0, against: 0, abstain: 0 };
  for (let m = 0; m < REPS; m++) want[choiceOf(m)]++;
  const r = closed.body ?? {};
  const label = f.label;
  return [
    {
      what: `${label}: every representative's ballot counted once`,
      ok: ballots === REPS && voted === REPS && f.ok === REPS,
      detail: `${fmt.int(ballots)} ballots, ${fmt.int(voted)} on the roll as voted, ${fmt.int(f.ok)} × 201`,
    },
    {
      what: `${label}: every 201's receipt published once`,
      ok: receipts.length === REPS && new Set(receipts).size === REPS && receipts.every((x) => published.has(x)),
      detail: `${fmt.int(receipts.filter((x) => published.has(x)).length)} of ${fmt.int(receipts.length)} in ${fmt.int(items.length)} published`,
    },
    {
      what: `${label}: the close and the recount equal the ballots cast`,
      ok:
        closed.status === 200 &&
        r.for === want.for &&
        r.against === want.against &&
        r.abstain === want.abstain &&
        recount.for === want.for &&
        recount.against === want.against &&
        recount.abstain === want.abstain,
      detail: `close ${closed.status} for ${String(r.for)} against ${String(r.against)} abstain ${String(r.abstain)} passed ${String(r.passed)}; recount ${recount.for}/${recount.against}/${recount.abstain}`,
    },
    {
      what: `${label}: within one minute, no answer but 201 and 409 CONGRESS_ALREADY_VOTED`,
      ok: f.unexpected === 0 && f.windowS <= 60,
      detail: `${f.windowS.toFixed(2)} s; ${f.unexpected} other (connection errors and timeouts ${f.errors})`,
    },
  ];
}

export const congressVote: Scenario = {
  name: 'congress-vote',
  extraMinutes: 3,
  async run(env) {
    await env.deps.database.query(STORM_TABLES);
    const c = await setUp(env);
    console.log(`  ${fmt.int(REPS)} signed-in representatives, checked in, written in ${c.setupS.toFixed(1)} s`);
    const server = await startServer({
      DATABASE_URL: env.url,
      UNIONHUB_DATA_KEY: BENCH_KEY,
      DATA_DIR: '/tmp/unionhub-bench',
      BENCH_CHILD_ROUTES: 'claim-storm', // the bare insert route
    });
    try {
      const staff = await signIn(server.base, { username: 'admin', password: 'Demo#2026' });
      const base = { base: server.base, connections: CONNECTIONS, members: REPS, serverPid: server.pid };
      const runBare = (label: string) =>
        storm(
          { ...base, label, path: (m) => `/bench/bare/${m}`, stopAfterOk: REPS, tailMs: 0, maxSeconds: MAX_SECONDS },
          () => false,
        );
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
      const checks: Check[] = [];
      const bares: StormFigures[] = [];
      const votes: StormFigures[] = [];
      const runs: StormFigures[] = [];
      const exists = await ballotRouteExists(server);
      if (exists) await verify(server, staff, c);
      else
        checks.push({
          what: 'the ballot route exists',
          ok: false,
          detail: `${BALLOT_PATH} is not in /api/openapi.json`,
        });
      for (let round = 1; round <= ROUNDS; round++) {
        await env.deps.database.query('truncate bench_bare_claim restart identity');
        const bare = await runBare(`bare #${round}`);
        bares.push(bare);
        runs.push(bare);
        log(bare);
        await drain(server);
        if (!exists) continue;
        const motionId = await openMotion(server, staff, c.sessionId, `压力测试 第${round}项决议`);
        const receipts: string[] = [];
        const vote = await storm(
          {
            ...base,
            label: `vote #${round}`,
            path: () => `/api/congress/motions/${motionId}/ballots`,
            cookie: (m) => c.members[m]?.cookie ?? '',
            body: (m) => JSON.stringify({ choice: choiceOf(m) }),
            onOk: (body) => {
              const r = (JSON.parse(body) as { receipt?: unknown }).receipt;
              if (typeof r === 'string') receipts.push(r);
            },
            stopAfterOk: REPS,
            tailMs: 0,
            maxSeconds: MAX_SECONDS,
          },
          (status, code) => status === 409 && code === 'CONGRESS_ALREADY_VOTED',
        );
        votes.push(vote);
        runs.push(vote);
        log(vote);
        await drain(server);
        checks.push(...(await checkRound(env, server, staff, motionId, vote, receipts)));
      }
      return report({ bares, votes, runs, checks, setupS: c.setupS });
    } finally {
      await server.stop();
      await env.deps.database.query('drop table if exists bench_bare_claim, bench_naive_claim, bench_stock');
    }
  },
};

function log(f: StormFigures) {
  console.log(
    `  ${f.label}: ${fmt.int(f.claimsPerSecond)} req/s over ${f.windowS.toFixed(2)} s, p50 ${fmt.ms(f.p50Ms)} ms, p99 ${fmt.ms(f.p99Ms)} ms; ${f.answers}`,
  );
}

function report(r: {
  bares: StormFigures[];
  votes: StormFigures[];
  runs: StormFigures[];
  checks: Check[];
  setupS: number;
}) {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const bareRate = mean(r.bares.map((b) => b.claimsPerSecond));
  const voteRate = r.votes.length ? mean(r.votes.map((v) => v.claimsPerSecond)) : Number.NaN;
  const ratio = voteRate / bareRate;
  const ok = Number.isFinite(ratio) && ratio >= GOAL;
  const pass = ok && r.checks.every((c) => c.ok);
  const cpu = (f: StormFigures, k: 'server' | 'postgres') => (f.cpuUsPerClaim ? fmt.int(f.cpuUsPerClaim[k]) : 'n/a');
  const markdown = [
    `${fmt.int(REPS)} representatives of one term at ${CONGRESS_ORG} (江苏恒神股份有限公司工会), each a member with a member account and a live session (written in bulk with the body, the term, an open session and everyone's check-in in ${r.setupS.toFixed(1)} s: \`server/test/signed-in-members.ts\` and SQL). Each round: a secret_electronic motion created and opened through the API as the province admin (the roll: all ${fmt.int(REPS)}), then every representative votes.`,
    '',
    `Load: autocannon in the bench process, ${CONNECTIONS} connections in a closed loop, each request a \`POST\` as the next representative in turn (their own session cookie, choice 60% for, 20% against, 20% abstain); a representative's second request (the loop wraps) is refused 409 CONGRESS_ALREADY_VOTED. A run stops at the ${fmt.int(REPS)}th 201. The app runs in a child process (\`server-child.ts\`); the baseline is the bench-only \`POST /bench/bare/:n\` (one \`insert … returning id\`, autocommit) on the same Fastify instance and pool (max 10), run for the same number of 201s before each vote. ${ROUNDS} rounds; ratio of the means.`,
    '',
    'req/s: 201 answers between the first and the last 201, over that window. CPU per 201 over the same window: the server child process and every postgres process, from /proc.',
    '',
    table(
      [
        'run',
        'req/s (201)',
        'window s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'requests',
        'answers',
        'server CPU µs/201',
        'PostgreSQL CPU µs/201',
      ],
      r.runs.map((f) => [
        f.label,
        fmt.int(f.claimsPerSecond),
        f.windowS.toFixed(2),
        fmt.ms(f.p50Ms),
        fmt.ms(f.p99Ms),
        fmt.ms(f.maxMs),
        fmt.int(f.requests),
        f.answers,
        cpu(f, 'server'),
        cpu(f, 'postgres'),
      ]),
    ),
    '',
    table(
      ['figure', 'value', 'goal', 'verdict'],
      [['ballots/s vote / bare (means)', fmt.ratio(ratio), `≥ ${GOAL}`, ok ? 'PASS' : 'FAIL']],
    ),
    '',
    '**Checks** (SQL and the API after each round):',
    '',
    table(
      ['check', 'result', 'verdict'],
      r.checks.map((c) => [c.what, c.detail, c.ok ? 'PASS' : 'FAIL']),
    ),
  ].join('\n');
  return {
    title: 'Congress vote: POST /api/congress/motions/:id/ballots vs bare insert',
    markdown,
    pass,
    summary: `vote ${fmt.int(voteRate)} ballots/s: ×${ratio.toFixed(2)} bare (${fmt.int(bareRate)}); checks ${r.checks.filter((c) => c.ok).length}/${r.checks.length}`,
  };
}
