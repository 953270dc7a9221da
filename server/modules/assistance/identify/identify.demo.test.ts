import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';

// The demo seed leaves an identification list with varied reasons (seed/demo-identify.ts).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ members: 300 });
});
afterAll(() => t.close());

it('the demo list shows candidates with varied reasons, ranked', async () => {
  const admin = await t.login('admin');
  const page = (await t.request('GET', '/api/hardship/candidates?pageSize=100', { cookie: admin })).json<{
    items: Array<{ score: number; reasons: Array<{ code: string }> }>;
  }>();
  expect(page.items.length).toBeGreaterThanOrEqual(6);
  expect(new Set(page.items.flatMap((c) => c.reasons.map((r) => r.code))).size).toBeGreaterThanOrEqual(5);
  expect(page.items.some((c) => c.reasons.length >= 2)).toBe(true);
  const rules = (await t.request('GET', '/api/hardship/rules?orgId=1', { cookie: admin })).json<{
    rules: Array<{ own: boolean }>;
  }>();
  expect(rules.rules.every((r) => r.own)).toBe(true);
});
