import type { BenchEnv } from '../env.js';
import { fmt, getJson, sleep } from '../lib.js';
import {
  cookieOf,
  explainTargets,
  latencyTable,
  loadNote,
  measureTargets,
  openSession,
  plansMarkdown,
  STAFF,
  type Measured,
  type Person,
  type Session,
  type Target,
} from '../members/targets.js';
import type { Scenario } from '../scenario.js';
import { caseVolume, type CaseVolume } from '../service/cases.js';

// The service center with 1,000,000 cases: a handler's queue (first page with a filter, as the
// console's tabs and filters send it) as a service_staff handler and as a county supervisor —
// p95 < 50 ms; the service-center figures for a grassroots union, a county and the province —
// p95 < 200 ms. Both under 10 connections.

const QUEUE_LIMIT_MS = 50;
const FIGURES_LIMIT_MS = 200;
const OPEN = `('submitted','accepted','in_progress','transferred')`;
/** A request slower than this is a failure to report, not to wait for (the check before loading waits this long). */
const SLOW_MS = 60_000;

const PEOPLE: Record<string, Person> = {
  center: { username: 'center', password: 'Demo#2026', label: 'service_staff handler (镇江市职工服务中心 陈专员)' },
  county: STAFF.county,
  grassroots: STAFF.grassroots,
  admin: STAFF.admin,
};
/** Each person's home org, whose subtree their grants reach. */
const HOME: Record<string, string> = {
  center: 'JS-ZJ-FW',
  county: 'JS-ZJ-JK',
  grassroots: 'JS-ZJ-JK-XS-001',
  admin: 'JS',
};

interface Page {
  items: { id: number; handlingOrgId: number }[];
  total: number;
}
interface Figures {
  total: number;
  open: number;
  overdue: number;
  byChannel: { total: number }[];
  byService: { total: number }[];
}

async function one<T>(env: BenchEnv, text: string, params: unknown[] = []): Promise<T> {
  const [row] = await env.deps.database.query<T>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row;
}

/**
 * What the answer must be, computed here with SQL written apart from the app's: the total and
 * the ids of the first page (newest first), the conditions spelled out from docs/API-SERVICE.md.
 */
async function expectPage(env: BenchEnv, where: string, params: unknown[]): Promise<(body: unknown) => string | null> {
  const { n } = await one<{ n: number }>(env, `select count(*)::int as n from service_case c where ${where}`, params);
  const ids = (
    await env.deps.database.query<{ id: number }>(
      `select id from service_case c where ${where} order by created_at desc, id desc limit 20`,
      params,
    )
  ).map((r) => r.id);
  if (ids.length === 0) throw new Error(`a queue target with no cases: ${where}`);
  // The app counts up to 10,000 and then answers the cap with totalCapped (as the member roster).
  const capped = n > 10_000;
  const expected = capped ? 10_000 : n;
  return (body) => {
    const p = body as Page & { totalCapped?: boolean };
    if (p.total !== expected || (p.totalCapped ?? false) !== capped)
      return `total ${p.total} (capped: ${p.totalCapped}), expected ${expected} (capped: ${capped}; ${n} counted)`;
    const got = p.items.map((i) => i.id).join(',');
    if (got !== ids.join(',')) return `first page ${got.slice(0, 200)}, expected ${ids.join(',').slice(0, 200)}`;
    return null;
  };
}

async function queueTargets(env: BenchEnv, v: CaseVolume): Promise<Target[]> {
  const path = async (code: string) =>
    (await one<{ path: string }>(env, 'select path from org where code = $1', [code])).path;
  const inTree = `c.handling_org_id in (select id from org where path like $1 || '%')`;
  const handledBefore = `exists (select 1 from case_org_access a join org o on o.id = a.org_id where a.case_id = c.id and not a.current and o.path like $1 || '%')`;
  const { id: centerId } = await one<{ id: number }>(env, `select id from account where username = 'center'`);
  const legal = await one<{ id: number }>(
    env,
    `select s.id from service s join org o on o.id = s.org_id where o.code = 'JS-ZJ' and s.category = 'legal_aid'`,
  );
  const jkHardship = await one<{ id: number }>(
    env,
    `select s.id from service s join org o on o.id = s.org_id where o.code = 'JS-ZJ-JK' and s.category = 'hardship_help'`,
  );
  if (!v.world.units.some((u) => u.services.some((s) => s.id === legal.id)))
    throw new Error('the legal aid service handles no bench cases');
  const out: Target[] = [];
  const add = async (name: string, who: string, query: string, where: string, params: unknown[]) => {
    const verify = await expectPage(env, where, params);
    out.push({
      name,
      who,
      paths: [`/api/cases?${query}&page=1&pageSize=20`],
      verify,
      limitMs: QUEUE_LIMIT_MS,
      verifyTimeoutMs: SLOW_MS,
    });
  };
  const centerPath = await path(HOME.center as string);
  const countyPath = await path(HOME.county as string);
  await add('mine (view=mine)', 'center', 'view=mine', `${inTree} and c.assignee_id = $2 and c.state in ${OPEN}`, [
    centerPath,
    centerId,
  ]);
  await add("my team's open cases (view=team)", 'center', 'view=team', `${inTree} and c.state in ${OPEN}`, [
    centerPath,
  ]);
  await add('overdue (view=overdue)', 'center', 'view=overdue', `${inTree} and c.overdue and c.state in ${OPEN}`, [
    centerPath,
  ]);
  await add(
    `in progress, 法律援助 (view=team&state=in_progress&serviceId=${legal.id})`,
    'center',
    `view=team&state=in_progress&serviceId=${legal.id}`,
    `${inTree} and c.state = 'in_progress' and c.service_id = $2`,
    [centerPath, legal.id],
  );
  await add(
    `resolved, 法律援助, all in scope (view=all&state=resolved&serviceId=${legal.id})`,
    'center',
    `view=all&state=resolved&serviceId=${legal.id}`,
    `(${inTree} or ${handledBefore}) and c.state = 'resolved' and c.service_id = $2`,
    [centerPath, legal.id],
  );
  await add("my team's open cases (view=team)", 'county', 'view=team', `${inTree} and c.state in ${OPEN}`, [
    countyPath,
  ]);
  await add('overdue (view=overdue)', 'county', 'view=overdue', `${inTree} and c.overdue and c.state in ${OPEN}`, [
    countyPath,
  ]);
  await add(
    `submitted or accepted, 帮扶 (view=team&state=submitted,accepted&serviceId=${jkHardship.id})`,
    'county',
    `view=team&state=submitted,accepted&serviceId=${jkHardship.id}`,
    `${inTree} and c.state in ('submitted','accepted') and c.service_id = $2`,
    [countyPath, jkHardship.id],
  );
  await add(
    `resolved, 帮扶, all in scope (view=all&state=resolved&serviceId=${jkHardship.id})`,
    'county',
    `view=all&state=resolved&serviceId=${jkHardship.id}`,
    `(${inTree} or ${handledBefore}) and c.state = 'resolved' and c.service_id = $2`,
    [countyPath, jkHardship.id],
  );
  return out;
}

async function figureTargets(env: BenchEnv): Promise<Target[]> {
  const out: Target[] = [];
  for (const [who, label] of [
    ['grassroots', 'a grassroots union (瑞丰科技)'],
    ['county', 'a county (京口区)'],
    ['admin', 'the province'],
  ] as const) {
    const scope = `c.handling_org_id in (select id from org where path like (select path from org where code = $1) || '%')`;
    const e = await one<{ total: number; open: number; overdue: number }>(
      env,
      `select count(*)::int as total, (count(*) filter (where state in ${OPEN}))::int as open, (count(*) filter (where state in ${OPEN} and overdue))::int as overdue
         from service_case c where ${scope}`,
      [HOME[who]],
    );
    if (e.total === 0) throw new Error(`no cases in the scope of ${who}`);
    out.push({
      name: `figures for ${label}`,
      who,
      paths: ['/api/cases/figures'],
      limitMs: FIGURES_LIMIT_MS,
      verifyTimeoutMs: SLOW_MS,
      verify: (body) => {
        const f = body as Figures;
        if (f.total !== e.total || f.open !== e.open || f.overdue !== e.overdue)
          return `total/open/overdue ${f.total}/${f.open}/${f.overdue}, expected ${e.total}/${e.open}/${e.overdue}`;
        const byChannel = f.byChannel.reduce((n, c) => n + c.total, 0);
        const byService = f.byService.reduce((n, s) => n + s.total, 0);
        if (byChannel !== e.total || byService !== e.total)
          return `by channel ${byChannel}, by service ${byService}, expected ${e.total} each`;
        return null;
      },
    });
  }
  return out;
}

/**
 * Before each run: statements still running for requests the load generator gave up on (its
 * 10 s timeout) would weigh on the next run, so they get 5 s to finish and are then cancelled.
 * Returns how many were cancelled, for the report.
 */
function settler(env: BenchEnv): { settle: () => Promise<void>; cancelled: () => number } {
  let cancelled = 0;
  const active = `select pid from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`;
  return {
    cancelled: () => cancelled,
    async settle() {
      for (let i = 0; i < 20; i++) {
        if ((await env.deps.database.query(active)).length === 0) return;
        await sleep(250);
      }
      const [r] = await env.deps.database.query<{ n: number }>(
        `select count(*) filter (where pg_cancel_backend(pid))::int as n from (${active}) a`,
      );
      cancelled += r?.n ?? 0;
      await sleep(500);
    },
  };
}

/** Scope holds at this volume: out of scope answers 404, never someone else's cases. */
async function scopeChecks(env: BenchEnv, s: Session): Promise<string> {
  const { id: runzhou } = await one<{ id: number }>(env, `select id from org where code = 'JS-ZJ-RZ'`);
  const checks: [string, string, number][] = [
    ['center', `/api/cases?orgId=${runzhou}`, 404],
    ['county', `/api/cases?orgId=${runzhou}`, 404],
    ['county', `/api/cases/figures?orgId=${runzhou}`, 404],
  ];
  for (const [who, path, status] of checks) {
    const res = await getJson(`${s.server.base}${path}`, { cookie: cookieOf(s, who) });
    if (res.status !== status) throw new Error(`${who} ${path}: ${res.status}, expected ${status}`);
  }
  return checks.map(([who, path, status]) => `${who} \`${path}\` → ${status}`).join('; ');
}

function section(
  v: CaseVolume,
  queue: Measured[],
  figures: Measured[],
  scope: string,
  cancelled: number,
  plans: string,
): { markdown: string; pass: boolean; summary: string } {
  const worst = (rs: Measured[]) => Math.max(...rs.map((r) => r.p95Ms));
  const qPass = queue.every((r) => r.pass);
  const fPass = figures.every((r) => r.pass);
  const markdown = [
    v.markdown,
    '',
    `**Requests**: against the real app (\`buildApp\` + job runner, as main.ts runs it) in a child process on PostgreSQL, session cookies from \`POST /api/auth/login\` as ${PEOPLE.center?.label}, ${STAFF.county.label} (federation_manager: handle and supervise over 京口区's subtree), ${STAFF.grassroots.label} and ${STAFF.admin.label}. Queue: \`GET /api/cases?view=…&page=1&pageSize=20\` with the filters of the console's tabs (mine / team / overdue / all) and filter bar (state, service); each answer carries \`total\`, counted up to 10,000 (then \`totalCapped\`), counted in the page's own statement (a scalar subquery; case.query.ts \`pageOfCases\`). Figures: \`GET /api/cases/figures\` (figures.ts: one aggregate with GROUPING SETS over the cases in scope). Checked before loading: every queue answer has exactly the total (or the cap with \`totalCapped\` above 10,000) and the 20 ids (newest first) that SQL written here from docs/API-SERVICE.md gives; every figures answer has the total, open and overdue counts of a direct count, and its by-channel and by-service rows add up to the total; scope: ${scope}.`,
    '',
    loadNote(
      `The same URL each time (the first page of a filter is the same for everyone in that scope). Before each run, statements still running in PostgreSQL for requests autocannon gave up on (its 10 s timeout; they count as errors) get 5 s to finish and are then cancelled, so one slow target does not slow the next: ${cancelled} cancelled in this run. A run in which nothing completed shows NaN.`,
    ),
    '',
    '### Queue: first page with a filter',
    '',
    latencyTable(queue),
    '',
    `**Goal: p95 < ${QUEUE_LIMIT_MS} ms for every queue target — ${qPass ? 'PASS' : 'FAIL'}** (worst p95 ${fmt.ms(worst(queue))} ms).`,
    '',
    '### Service-center figures',
    '',
    latencyTable(figures),
    '',
    `**Goal: p95 < ${FIGURES_LIMIT_MS} ms for every figures target — ${fPass ? 'PASS' : 'FAIL'}** (worst p95 ${fmt.ms(worst(figures))} ms).`,
    '',
    '**Query plans** (captured at pg.Client#query during one request, then `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters, with no other load):',
    '',
    plans,
  ].join('\n');
  return {
    markdown,
    pass: qPass && fPass,
    summary: `queue worst p95 ${fmt.ms(worst(queue))} ms (goal < ${QUEUE_LIMIT_MS} ms), figures worst p95 ${fmt.ms(worst(figures))} ms (goal < ${FIGURES_LIMIT_MS} ms), failures ${[...queue, ...figures].reduce((n, r) => n + r.failures, 0)}`,
  };
}

export const serviceQueue: Scenario = {
  name: 'service-queue',
  extraMinutes: 35,
  async run(env) {
    const volume = await caseVolume(env);
    const session = await openSession(env, PEOPLE);
    try {
      const queue = await queueTargets(env, volume);
      const figures = await figureTargets(env);
      const scope = await scopeChecks(env, session);
      const settle = settler(env);
      const measured = await measureTargets(session, [...queue, ...figures], settle.settle);
      const measuredQueue = measured.slice(0, queue.length);
      const measuredFigures = measured.slice(queue.length);
      const explained = await explainTargets(env, session, [...queue, ...figures], {
        statement: /\bfrom "?service_case"?\s/,
        scan: /service_case|case_org_access/,
      });
      const r = section(
        volume,
        measuredQueue,
        measuredFigures,
        scope,
        settle.cancelled(),
        plansMarkdown(explained, 'service_case'),
      );
      return { title: `Service center: case queue and figures, ${fmt.int(volume.counts.cases)} cases`, ...r };
    } finally {
      await session.stop();
    }
  },
};
