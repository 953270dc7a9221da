import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeMember, orgIds } from '../voucher/claim.fixtures.js';
import { congressRepresentative, congressRules } from './congress.schema.js';
import { makeCongress, type CongressFixture } from './test-fixtures.js';

// GET /api/me/congress/terms/:id/representatives: a representative picking co-signers sees the
// term's serving representatives (name and delegation, nothing more) and the co-sign minimum;
// anyone else — another term's representative, a plain member, staff — is refused.

let t: TestApp;
let admin: string;
let c: CongressFixture;
let other: CongressFixture;
let ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  ids = await orgIds(t, admin);
  c = await makeCongress(t, admin, { orgId: ids['JS-ZJ-DY-001'] ?? 0, reps: 4 });
  other = await makeCongress(t, admin, { orgId: ids['JS-ZJ-DY-001'] ?? 0, reps: 1 });
}, 180_000);
afterAll(() => t.close());

const peers = (termId: number, cookie: string) =>
  t.request('GET', `/api/me/congress/terms/${termId}/representatives`, { cookie });

describe('fellow representatives of a term', () => {
  it('lists the serving representatives with name and delegation, and the co-sign minimum', async () => {
    const [first, second] = c.reps;
    if (!first || !second) throw new Error('no reps');
    await t.deps.db
      .update(congressRepresentative)
      .set({ state: 'left', endedOn: '2026-01-02', endReason: '调离' })
      .where(eq(congressRepresentative.id, second.id));
    const res = await peers(c.termId, await t.loginMember(first.phone));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: Array<Record<string, unknown>>; cosignMin: number }>();
    expect(body.cosignMin).toBe(2);
    expect(body.items.map((p) => p.id).sort()).toEqual(
      c.reps
        .filter((r) => r !== second)
        .map((r) => r.id)
        .sort(),
    );
    for (const p of body.items) {
      expect(Object.keys(p).sort()).toEqual(['delegation', 'id', 'name']);
      expect(p.name).toEqual(expect.any(String));
      expect(p.delegation).toMatch(/代表团/);
    }
    // the one who left may no longer ask
    const gone = await peers(c.termId, await t.loginMember(second.phone));
    expect(gone.statusCode).toBe(403);
    expect(gone.json<{ error: { code: string } }>().error.code).toBe('CONGRESS_NOT_REPRESENTATIVE');
  });

  it("follows the org's co-sign minimum", async () => {
    await t.deps.db
      .insert(congressRules)
      .values({ orgId: c.orgId, rules: { cosignMin: 3 }, updatedAt: t.clock.now() })
      .onConflictDoUpdate({ target: congressRules.orgId, set: { rules: { cosignMin: 3 } } });
    const [first] = c.reps;
    if (!first) throw new Error('no reps');
    const res = await peers(c.termId, await t.loginMember(first.phone));
    expect(res.json<{ cosignMin: number }>().cosignMin).toBe(3);
  });

  it("refuses another term's representative, a plain member and staff; an unknown term is refused too", async () => {
    const [outsider] = other.reps;
    if (!outsider) throw new Error('no reps');
    const asOutsider = await peers(c.termId, await t.loginMember(outsider.phone));
    expect(asOutsider.statusCode).toBe(403);
    const plain = await makeMember(t, admin, ids['JS-ZJ-DY-001'] ?? 0);
    expect((await peers(c.termId, await t.loginMember(plain.phone))).statusCode).toBe(403);
    expect((await peers(c.termId, admin)).statusCode).toBe(403);
    expect((await peers(999_999, await t.loginMember(outsider.phone))).statusCode).toBe(403);
    expect((await peers(0, await t.loginMember(outsider.phone))).statusCode).toBe(400);
  });
});
