import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('database connections', () => {
  it.runIf(ENGINE === 'postgres')("run the app's queries with JIT off", async () => {
    expect(await t.deps.database.query<{ jit: string }>('show jit')).toEqual([{ jit: 'off' }]);
    const conn = await t.deps.database.connect?.();
    expect(await conn?.db.execute('show jit').then((r) => (r as unknown as { rows: unknown[] }).rows)).toEqual([
      { jit: 'off' },
    ]);
    conn?.release();
  });

  it('give a connection of its own only on PostgreSQL (PGlite has one in all)', () => {
    expect(t.deps.database.connect === null).toBe(ENGINE === 'pglite');
    expect(t.deps.database.url === null).toBe(ENGINE === 'pglite');
  });
});
