import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';

// The demo hardship data: lines, files in every state at 瑞丰科技, the demo member's own filed file.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ members: 200 });
});
afterAll(() => t.close());

describe('hardship demo data', () => {
  it('files in several states with decryptable households; the demo member sees their file', async () => {
    const officer = await t.login('grassroots');
    const list = (await t.request('GET', '/api/hardship/files?pageSize=100', { cookie: officer })).json<{
      items: Array<{ id: number; state: string; reviewOverdue: boolean }>;
    }>();
    expect(new Set(list.items.map((f) => f.state))).toEqual(new Set(['draft', 'verifying', 'filed', 'exited']));
    expect(list.items.some((f) => f.reviewOverdue)).toBe(true);
    const detail = await t.request('GET', `/api/hardship/files/${list.items[0]!.id}`, { cookie: officer });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json<{ household: unknown[]; line: { minimumLiving: number } }>().line.minimumLiving).toBe(900);
    const me = (await t.request('GET', '/api/me/hardship', { cookie: await t.loginMember('13800000001') })).json<{
      file: { state: string; category: string } | null;
    }>();
    expect(me.file).toMatchObject({ state: 'filed', category: 'deep' });
  });
});
