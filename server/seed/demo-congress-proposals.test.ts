import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../kernel/db.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { seedDemoProposals } from './demo-congress-proposals.js';

// The demo proposals on the demo 恒神 congress: every state of the closed loop, one overdue, one in
// its second handling, duty records; the committee's list, the public page and the report read them.
// (Until the lead wires seedDemoProposals into the congress seed, the test calls it itself.)
let t: TestApp;
let termId = 0;
let bodyId = 0;
beforeAll(async () => {
  t = await createTestApp({ members: 60, env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  const [c] = await rows<{ orgId: number; bodyId: number; termId: number; staffId: number }>(
    t.deps.db,
    sql`select b.org_id as "orgId", b.id as "bodyId", t.id as "termId", (select id from account where username = 'hengshen') as "staffId"
        from congress_body b join congress_term t on t.body_id = b.id order by t.number desc limit 1`,
  );
  if (!c) throw new Error('no demo congress');
  termId = c.termId;
  bodyId = c.bodyId;
  const reps = await rows<{ id: number; memberId: number }>(
    t.deps.db,
    sql`select id, member_id as "memberId" from congress_representative where term_id = ${c.termId} and state = 'active' order by id`,
  );
  const already = await rows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from congress_proposal`);
  if ((already[0]?.n ?? 0) === 0)
    await t.deps.db.transaction((tx) =>
      seedDemoProposals(tx, t.deps, {
        orgId: c.orgId,
        bodyId: c.bodyId,
        termId: c.termId,
        reps,
        sessions: { first: 0, second: 0, third: 0, upcoming: 0 },
        staffAccountId: c.staffId,
      }),
    );
}, 300_000);
afterAll(() => t.close());

describe('demo proposals', () => {
  it('has proposals in every state, one overdue, one in its second handling, and duty records', async () => {
    const staff = await t.login('hengshen');
    const list = (
      await t.request('GET', `/api/congress/proposals?termId=${termId}&pageSize=100`, { cookie: staff })
    ).json<{ items: Array<{ id: number; state: string; round: number; overdue: boolean }> }>();
    expect(new Set(list.items.map((p) => p.state))).toEqual(
      new Set([
        'cosigning',
        'submitted',
        'accepted',
        'converted',
        'rejected',
        'assigned',
        'answered',
        'closed',
        'withdrawn',
      ]),
    );
    expect(list.items.filter((p) => p.overdue)).toHaveLength(1);
    expect(list.items.some((p) => p.state === 'assigned' && p.round === 2 && !p.overdue)).toBe(true);
    const overdue = (
      await t.request('GET', `/api/congress/proposals?termId=${termId}&overdue=true`, { cookie: staff })
    ).json<{ total: number }>();
    expect(overdue.total).toBe(1);
    const duty = (await t.request('GET', `/api/congress/terms/${termId}/duty-records`, { cookie: staff })).json<{
      total: number;
    }>();
    expect(duty.total).toBeGreaterThanOrEqual(5);
    const report = await t.request('GET', `/api/congress/terms/${termId}/proposal-report`, { cookie: staff });
    expect(report.statusCode).toBe(200);
    const member = await t.loginMember('13800000002');
    const pub = await t.request('GET', `/api/congress/bodies/${bodyId}/proposals/public`, { cookie: member });
    expect(pub.statusCode).toBe(200);
    expect(pub.json<{ items: unknown[] }>().items.length).toBe(9);
    const mine = (await t.request('GET', '/api/me/congress/proposals', { cookie: member })).json<{
      items: unknown[];
    }>();
    expect(mine.items.length).toBeGreaterThan(0);
  });
});
