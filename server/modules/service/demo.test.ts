import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

// The demo data: a catalog with overrides and cases in every state, the demo member with some.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ members: 200 });
});
afterAll(() => t.close());

describe('service demo data', () => {
  it("catalog, cases across states and channels, the demo member's own cases", async () => {
    const member = await t.loginMember('13800000001');
    const catalog = (await t.request('GET', '/api/services', { cookie: member })).json<{
      items: Array<{ category: string; name: string }>;
    }>().items;
    expect(catalog.length).toBeGreaterThanOrEqual(7);
    expect(catalog.find((s) => s.category === 'health_check')?.name).toBe('新就业形态劳动者免费体检'); // 京口's override
    const own = (await t.request('GET', '/api/cases', { cookie: member })).json<{ total: number }>();
    expect(own.total).toBeGreaterThanOrEqual(2);
    const city = await t.login('city');
    const all = (await t.request('GET', '/api/cases?pageSize=100', { cookie: city })).json<{
      items: Array<{ state: string; channel: string }>;
      total: number;
    }>();
    expect(all.total).toBeGreaterThanOrEqual(25);
    expect(new Set(all.items.map((c) => c.state))).toEqual(
      new Set(['submitted', 'accepted', 'in_progress', 'resolved', 'rejected', 'withdrawn', 'transferred']),
    );
    expect(new Set(all.items.map((c) => c.channel))).toEqual(new Set(['online', 'counter', 'phone']));
    const f = (await t.request('GET', '/api/cases/figures', { cookie: city })).json<{
      open: number;
      overdue: number;
      satisfactionRate: number;
    }>();
    expect(f.open).toBeGreaterThan(0);
    expect(f.overdue).toBeGreaterThan(0);
    expect(f.satisfactionRate).toBeGreaterThan(0);
    const center = await t.login('center');
    expect(
      (await t.request('GET', '/api/cases?view=mine', { cookie: center })).json<{ total: number }>().total,
    ).toBeGreaterThan(0);
  });
});
