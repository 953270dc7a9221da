import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { orgIds } from '../voucher/claim.fixtures.js';
import { carries, DEFAULT_RULES, quorumOf, rulesAt, setRules } from './congress.rules.js';
import { makeCongress } from './test-fixtures.js';

// The rules at their edges (quorum two thirds of ALL, passing more than half of ALL), the nearest
// ancestor's setting winning, and the fixture the other congress tests build on.

describe('rule arithmetic', () => {
  it('quorum is at least two thirds of all representatives', () => {
    expect(quorumOf(DEFAULT_RULES, 100)).toBe(67);
    expect(quorumOf(DEFAULT_RULES, 99)).toBe(66);
    expect(quorumOf(DEFAULT_RULES, 3)).toBe(2);
  });
  it('a motion passes with more than half of all, not of those present', () => {
    expect(carries(DEFAULT_RULES, 50, 100)).toBe(false);
    expect(carries(DEFAULT_RULES, 51, 100)).toBe(true);
    expect(carries(DEFAULT_RULES, 50, 99)).toBe(true);
    expect(carries(DEFAULT_RULES, 49, 99)).toBe(false);
  });
});

describe('rules in force and the fixture', () => {
  let t: TestApp;
  let admin: string;
  let ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    ids = await orgIds(t, admin);
  }, 180_000);
  afterAll(() => t.close());

  it('takes the nearest ancestor setting, the rest from the defaults', async () => {
    const city = ids['JS-ZJ'];
    const hengshen = ids['JS-ZJ-DY-001'];
    expect(city && hengshen).toBeTruthy();
    const env = {
      crypto: t.deps.crypto,
      source: { actorId: null, actorName: null, ip: null, requestId: null, at: t.clock.now() },
    };
    await setRules(t.deps.db, env as never, city ?? 0, { noticeDays: 10, cosignMin: 3 });
    const [row] = await rows<{ path: string }>(t.deps.db, sql`select path from org where id = ${hengshen}`);
    expect(row).toBeTruthy();
    const rules = await rulesAt(t.deps.db, row?.path ?? '');
    expect(rules.noticeDays).toBe(10);
    expect(rules.cosignMin).toBe(3);
    expect(rules.quorumNumerator).toBe(2);
  });

  it('builds a body with representatives who sign in', async () => {
    const f = await makeCongress(t, admin, { orgId: ids['JS-ZJ-DY-001'] ?? 0, reps: 3, present: 2 });
    expect(f.reps).toHaveLength(3);
    const first = f.reps[0];
    expect(first).toBeTruthy();
    await expect(t.loginMember(first?.phone ?? '')).resolves.toContain('uh_sid=');
  });
});
