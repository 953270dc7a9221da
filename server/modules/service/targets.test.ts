import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, staffAt, type World } from './test-fixtures.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.t.close());

describe('transfer targets', () => {
  it('finds active orgs across the federation by name or code, outside the handler’s own subtree too', async () => {
    const res = await w.t.request('GET', `/api/cases/transfer-targets?q=${encodeURIComponent('丹阳')}`, {
      cookie: w.center,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Array<{ id: number; name: string; code: string; parentName: string | null }> }>()
      .items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((o) => o.name.includes('丹阳') || o.code.includes('丹阳'))).toBe(true);
    // The center's own scope does not reach 丹阳: the org itself is out of its scope…
    expect((await w.t.request('GET', `/api/orgs/${items[0]?.id}`, { cookie: w.center })).statusCode).toBe(404);
    // …but it can be named as a transfer target, with nothing more than name, code, type and parent.
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['code', 'id', 'name', 'parentName', 'type']);
    const byCode = (await w.t.request('GET', '/api/cases/transfer-targets?q=JS-ZJ-DY', { cookie: w.center })).json<{
      items: unknown[];
    }>().items;
    expect(byCode.length).toBeGreaterThan(0);
  });

  it('needs the case-handling permission; a LIKE wildcard is taken literally', async () => {
    const auditor = await staffAt(w, 'targets.auditor', w.ids['JS-ZJ'] as number, 'auditor');
    expect(
      (await w.t.request('GET', '/api/cases/transfer-targets?q=工会', { cookie: auditor.cookie })).statusCode,
    ).toBe(403);
    expect((await w.t.request('GET', '/api/cases/transfer-targets?q=工会', { cookie: w.member })).statusCode).toBe(403);
    const wild = (await w.t.request('GET', '/api/cases/transfer-targets?q=%25', { cookie: w.center })).json<{
      items: unknown[];
    }>().items;
    expect(wild).toEqual([]);
  });
});
