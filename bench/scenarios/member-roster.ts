import type { BenchEnv } from '../env.js';
import { fmt } from '../lib.js';
import { COUNTY_CODE, memberRegistry, registryMarkdown } from '../members/registry.js';
import {
  explainTargets,
  latencyTable,
  loadNote,
  measureTargets,
  openSession,
  plansMarkdown,
  STAFF,
  type Target,
  type Who,
} from '../members/targets.js';
import type { Scenario } from '../scenario.js';

// The first roster page with a filter, in the 1,000,000-member registry: GET /api/members with
// status + jobType, or newEmployment + orgId (a district), pageSize 20, default sort (newest
// joiners first). The answer carries the exact total: for these filters (scope, union subtree,
// status, job type) the app sums member_tally's counts, so each request is a page query and a
// small sum. (Other filters count up to 10,000, then say `totalCapped`.)
// Goal: p95 < 50 ms.

const LIMIT_MS = 50;
const SCOPE_CODES: Record<Who, string> = { grassroots: 'JS-ZJ-JK-XS-001', county: COUNTY_CODE, admin: 'JS' };

interface Item {
  status: string;
  jobType: string;
  joinedAt: string;
  orgId: number;
}
interface Page {
  items: Item[];
  total: number;
}

async function orgByCode(env: BenchEnv, code: string): Promise<{ id: number; path: string }> {
  const [o] = await env.deps.database.query<{ id: number; path: string }>('select id, path from org where code = $1', [
    code,
  ]);
  if (!o) throw new Error(`org ${code} not found`);
  return o;
}

/**
 * The answer has exactly the total counted here directly over the member table (not capped), a
 * full page, only matching rows, newest first.
 */
function pageCheck(total: number, inScope: Set<number>, matches: (i: Item) => boolean) {
  return (body: unknown): string | null => {
    const p = body as Page & { totalCapped?: boolean };
    if (p.total !== total || (p.totalCapped ?? false))
      return `total ${p.total} (capped: ${p.totalCapped}), expected exactly ${total}`;
    if (p.items.length !== 20) return `${p.items.length} items, expected 20`;
    const bad = p.items.find((i) => !matches(i) || !inScope.has(i.orgId));
    if (bad) return `an item that does not match the filter or the scope: ${JSON.stringify(bad)}`;
    if (p.items.some((i, k) => k > 0 && i.joinedAt > (p.items[k - 1] as Item).joinedAt))
      return 'not sorted by join date, newest first';
    return null;
  };
}

async function buildTargets(env: BenchEnv): Promise<Target[]> {
  const db = env.deps.database;
  const district = await orgByCode(env, COUNTY_CODE);
  const out: Target[] = [];
  for (const who of ['grassroots', 'county', 'admin'] as const) {
    const scope = await orgByCode(env, SCOPE_CODES[who]);
    const ids = new Set(
      (await db.query<{ id: number }>(`select id from org where path like $1 || '%'`, [scope.path])).map((o) => o.id),
    );
    const [a] = await db.query<{ n: number }>(
      `select count(*)::int as n from member where org_id in (select id from org where path like $1 || '%') and status = 'active' and job_type = 'courier'`,
      [scope.path],
    );
    out.push({
      name: 'active couriers (status=active&jobType=courier)',
      who,
      paths: ['/api/members?status=active&jobType=courier&page=1&pageSize=20'],
      verify: pageCheck(a?.n ?? -1, ids, (i) => i.status === 'active' && i.jobType === 'courier'),
      limitMs: LIMIT_MS,
    });
    if (who === 'grassroots') continue; // a district is outside a grassroots officer's scope
    const [b] = await db.query<{ n: number }>(
      `select count(*)::int as n from member where org_id in (select id from org where path like $1 || '%') and org_id in (select id from org where path like $2 || '%') and job_type <> 'regular'`,
      [scope.path, district.path],
    );
    out.push({
      name: `新就业形态 in 京口区 (newEmployment=true&orgId=${district.id})`,
      who,
      paths: [`/api/members?newEmployment=true&orgId=${district.id}&page=1&pageSize=20`],
      verify: pageCheck(b?.n ?? -1, ids, (i) => i.jobType !== 'regular'),
      limitMs: LIMIT_MS,
    });
  }
  return out;
}

export const memberRoster: Scenario = {
  name: 'member-roster',
  extraMinutes: 4,
  async run(env) {
    const registry = await memberRegistry(env);
    const session = await openSession(env);
    try {
      const list = await buildTargets(env);
      const results = await measureTargets(session, list);
      const explained = await explainTargets(env, session, list);
      const pass = results.every((r) => r.pass);
      const worst = Math.max(...results.map((r) => r.p95Ms));
      const markdown = [
        registryMarkdown(registry),
        '',
        `**Requests**: the first roster page (\`page=1&pageSize=20\`, default sort \`-joinedAt\`) with a filter, against the real app in a child process on PostgreSQL, as ${STAFF.grassroots.label}, ${STAFF.county.label} and ${STAFF.admin.label}. Every answer carries \`total\`, so each request runs the page query and, for these filters, a sum over \`member_tally\` (counts per org, job type and status kept by triggers; member.service.ts \`listMembers\`). Checked before loading: the total equals a direct count over the member table (exact, never capped), 20 items, each matching the filter and inside the caller's scope, newest joiners first.`,
        '',
        loadNote('The same URL each time (the first page of a filter is the same for everyone in that scope).'),
        '',
        latencyTable(results),
        '',
        `**Goal: p95 < ${LIMIT_MS} ms for every target — ${pass ? 'PASS' : 'FAIL'}** (worst p95 ${fmt.ms(worst)} ms).`,
        '',
        '**Query plans** (captured at pg.Client#query during one request, then `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters, with no other load):',
        '',
        plansMarkdown(explained),
      ].join('\n');
      return {
        title: 'Member registry: first roster page with a filter, 1,000,000 members',
        markdown,
        pass,
        summary: `worst p95 ${fmt.ms(worst)} ms (goal < ${LIMIT_MS} ms), failures ${results.reduce((n, r) => n + r.failures, 0)}`,
      };
    } finally {
      await session.stop();
    }
  },
};
