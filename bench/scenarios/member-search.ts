import { maskIdNumber, maskPhone } from '../../server/kernel/crypto.js';
import { memberRegistry, registryMarkdown, type Sample } from '../members/registry.js';
import {
  cookieOf,
  explainTargets,
  latencyTable,
  loadNote,
  measureTargets,
  openSession,
  plansMarkdown,
  STAFF,
  type Target,
} from '../members/targets.js';
import { fmt } from '../lib.js';
import type { Scenario } from '../scenario.js';

// Exact search by 身份证号 or phone in the 1,000,000-member registry: GET /api/members?q=<full
// number>, which the server turns into a blind-index lookup. Goal: p95 < 20 ms.

const LIMIT_MS = 20;
/** Different people searched in turn, so no answer is served from a warm row alone. */
const PEOPLE = 400;

interface Page {
  items: { idNumber: string; phone: string | null; orgId: number }[];
  total: number;
}

function exactlyOne(expect: (s: Sample) => (item: Page['items'][number]) => boolean, byPath: Map<string, Sample>) {
  return (body: unknown, path: string): string | null => {
    const page = body as Page;
    const s = byPath.get(path);
    if (!s) return 'unknown path';
    if (page.total !== 1 || page.items.length !== 1)
      return `expected exactly one member, got total ${page.total}, ${page.items.length} items`;
    const item = page.items[0] as Page['items'][number];
    if (!expect(s)(item)) return `found someone else: ${JSON.stringify(item)}`;
    if (item.orgId !== s.union.id) return `found in org ${item.orgId}, expected ${s.union.id}`;
    return null;
  };
}

function targets(inCounty: Sample[], all: Sample[]): Target[] {
  const out: Target[] = [];
  const kinds = [
    {
      kind: '身份证号',
      q: (s: Sample) => s.idNumber,
      expect: (s: Sample) => (i: Page['items'][number]) => i.idNumber === maskIdNumber(s.idNumber),
    },
    {
      kind: 'phone',
      q: (s: Sample) => s.phone,
      expect: (s: Sample) => (i: Page['items'][number]) => i.phone === maskPhone(s.phone),
    },
  ];
  for (const k of kinds) {
    for (const [who, people] of [
      ['county', inCounty],
      ['admin', all],
    ] as const) {
      const chosen = people.slice(0, PEOPLE);
      const byPath = new Map(chosen.map((s) => [`/api/members?q=${k.q(s)}`, s]));
      out.push({
        name: `exact search by ${k.kind}`,
        who,
        paths: [...byPath.keys()],
        verifyCount: 25,
        verify: exactlyOne(k.expect, byPath),
        limitMs: LIMIT_MS,
      });
    }
  }
  return out;
}

export const memberSearch: Scenario = {
  name: 'member-search',
  extraMinutes: 4,
  async run(env) {
    const registry = await memberRegistry(env);
    const session = await openSession(env);
    try {
      const all = [...registry.inCounty, ...registry.outsideCounty].sort((a, b) => a.index - b.index);
      const list = targets(registry.inCounty, all);
      // Scope still holds at this volume: the county officer does not find people outside 京口区.
      const outsider = registry.outsideCounty[0] as Sample;
      const check = await fetch(`${session.server.base}/api/members?q=${outsider.idNumber}`, {
        headers: { cookie: cookieOf(session, 'county') },
      });
      const outside = (await check.json()) as Page;
      if (check.status !== 200 || outside.total !== 0)
        throw new Error(`county officer searching outside 京口区: ${check.status} total ${outside.total}`);

      const results = await measureTargets(session, list);
      const explained = await explainTargets(
        env,
        session,
        list.filter((t) => t.who === 'admin'),
      );
      const pass = results.every((r) => r.pass);
      const worst = Math.max(...results.map((r) => r.p95Ms));
      const markdown = [
        registryMarkdown(registry),
        '',
        `**Requests**: \`GET /api/members?q=<full 身份证号 or phone>\` against the real app (\`buildApp\` + job runner, as main.ts runs it) in a child process on PostgreSQL, session cookie from \`POST /api/auth/login\` as ${STAFF.county.label} and as ${STAFF.admin.label}. Each target takes ${PEOPLE} different people in turn (the county officer's from 京口区's subtree). Checked before loading: 25 of them answer exactly that person (masked number and org match); the county officer searching an ID number outside 京口区 gets total 0.`,
        '',
        loadNote(`Each target takes ${PEOPLE} different people in turn.`),
        '',
        latencyTable(results),
        '',
        `**Goal: p95 < ${LIMIT_MS} ms for every target — ${pass ? 'PASS' : 'FAIL'}** (worst p95 ${fmt.ms(worst)} ms).`,
        '',
        '**Query plans** (admin; captured at pg.Client#query during one request, then `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters, after the load):',
        '',
        plansMarkdown(explained),
      ].join('\n');
      return {
        title: 'Member registry: exact search by 身份证号 / phone, 1,000,000 members',
        markdown,
        pass,
        summary: `worst p95 ${fmt.ms(worst)} ms (goal < ${LIMIT_MS} ms), failures ${results.reduce((n, r) => n + r.failures, 0)}`,
      };
    } finally {
      await session.stop();
    }
  },
};
