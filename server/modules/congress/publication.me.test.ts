import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeMember, orgIds } from '../voucher/claim.fixtures.js';
import { makeCongress, type CongressFixture } from './test-fixtures.js';

// GET /api/me/congress/publications: a member finds the congress bodies of their union and its
// ancestors (a worker without a seat included); a member elsewhere finds none; staff are refused.

let t: TestApp;
let admin: string;
let c: CongressFixture;
let ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  ids = await orgIds(t, admin);
  c = await makeCongress(t, admin, { orgId: ids['JS-ZJ-DY-001'] ?? 0, reps: 1 });
}, 180_000);
afterAll(() => t.close());

const mine = (cookie?: string) => t.request('GET', '/api/me/congress/publications', cookie ? { cookie } : {});
type Items = { items: Array<{ bodyId: number; bodyName: string; orgName: string }> };

describe('the bodies whose 厂务公开 a member reads', () => {
  it("shows a seatless member of the enterprise its congress, and the body's record opens for them", async () => {
    const worker = await makeMember(t, admin, ids['JS-ZJ-DY-001'] ?? 0);
    const cookie = await t.loginMember(worker.phone);
    const res = await mine(cookie);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<Items>().items;
    expect(items.map((i) => i.bodyId)).toEqual([c.bodyId]);
    expect(items[0]?.bodyName).toMatch(/测试职代会/);
    expect(items[0]?.orgName).toEqual(expect.any(String));
    const pub = await t.request('GET', `/api/congress/bodies/${c.bodyId}/publication`, { cookie });
    expect(pub.statusCode, pub.body).toBe(200);
  });

  it("includes a body at an ancestor union, the member's own first", async () => {
    const upper = await makeCongress(t, admin, { orgId: ids['JS-ZJ-DY'] ?? 0, reps: 0 });
    const worker = await makeMember(t, admin, ids['JS-ZJ-DY-001'] ?? 0);
    const items = (await mine(await t.loginMember(worker.phone))).json<Items>().items;
    expect(items.map((i) => i.bodyId)).toEqual([c.bodyId, upper.bodyId]);
  });

  it('shows a member of another union nothing', async () => {
    const other = await makeMember(t, admin, ids['JS-ZJ-JK-XS-001'] ?? 0);
    const res = await mine(await t.loginMember(other.phone));
    expect(res.statusCode).toBe(200);
    expect(res.json<Items>().items).toEqual([]);
    const pub = await t.request('GET', `/api/congress/bodies/${c.bodyId}/publication`, {
      cookie: await t.loginMember(other.phone),
    });
    expect(pub.statusCode).toBe(404);
  });

  it('refuses staff (403) and anonymous callers (401)', async () => {
    expect((await mine(admin)).statusCode).toBe(403);
    expect((await mine()).statusCode).toBe(401);
  });
});
