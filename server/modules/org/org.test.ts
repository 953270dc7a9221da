import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

type Org = {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  code: string;
  status: string;
  childCount: number;
};

async function orgByCode(code: string): Promise<Org> {
  const res = await t.request('GET', `/api/orgs?q=${encodeURIComponent(code)}`, { cookie: admin });
  const found = res.json<{ items: Org[] }>().items.find((o) => o.code === code);
  if (!found) throw new Error(`no org ${code}`);
  return found;
}

async function create(parentId: number, code: string, type = 'grassroots'): Promise<Org> {
  const res = await t.request('POST', '/api/orgs', {
    cookie: admin,
    body: { parentId, code, name: `组织${code}`, type },
  });
  expect(res.statusCode).toBe(201);
  return res.json<Org>();
}

describe('org tree', () => {
  it('GET /api/orgs lists the caller’s visible tree in tree order', async () => {
    const all = (await t.request('GET', '/api/orgs', { cookie: admin })).json<{ items: Org[]; total: number }>();
    expect(all.total).toBe(16);
    const paths = all.items.map((o) => o.path);
    expect(paths).toEqual([...paths].sort());
    const county = await t.login('county');
    const mine = (await t.request('GET', '/api/orgs', { cookie: county })).json<{ items: Org[] }>();
    const jk = await orgByCode('JS-ZJ-JK');
    expect(mine.items.length).toBe(4);
    expect(mine.items.every((o) => o.path.startsWith(jk.path))).toBe(true);
  });

  it('POST /api/orgs builds the path under the parent and counts children', async () => {
    const city = await orgByCode('JS-ZJ');
    const created = await create(city.id, 'T-NEW-1', 'federation');
    expect(created).toMatchObject({
      parentId: city.id,
      path: `${city.path}${created.id}/`,
      depth: city.depth + 1,
      childCount: 0,
    });
    expect((await orgByCode('JS-ZJ')).childCount).toBe(city.childCount + 1);
  });

  it('refuses a duplicate code with 409 ORG_CODE_TAKEN and a field message', async () => {
    const res = await t.request('POST', '/api/orgs', {
      cookie: admin,
      body: { parentId: 1, code: 'JS-ZJ', name: '重复', type: 'grassroots' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ORG_CODE_TAKEN',
      details: [{ path: 'code', message: '组织代码已被使用' }],
    });
  });

  it('moves a subtree: every path below follows, depth too', async () => {
    const a = await create(1, 'MV-A', 'federation');
    const b = await create(a.id, 'MV-B', 'federation');
    const c = await create(b.id, 'MV-C');
    const dest = await orgByCode('JS-ZJ-DY');
    const moved = await t.request('POST', `/api/orgs/${b.id}/move`, { cookie: admin, body: { parentId: dest.id } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: dest.id, path: `${dest.path}${b.id}/`, depth: dest.depth + 1 });
    const cAfter = (await t.request('GET', `/api/orgs/${c.id}`, { cookie: admin })).json<Org>();
    expect(cAfter.path).toBe(`${dest.path}${b.id}/${c.id}/`);
    expect(cAfter.depth).toBe(dest.depth + 2);
  });

  it("a grant follows its org when the org moves (no stale scope from the session's cache)", async () => {
    const top = await create(1, 'GF-TOP', 'federation');
    const mid = await create(top.id, 'GF-MID', 'federation');
    const leaf = await create(mid.id, 'GF-LEAF');
    await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'gf.mgr', displayName: 'x', orgId: mid.id, password: 'Str0ng&Unique!' },
    });
    const staff = (await t.request('GET', '/api/staff?q=gf.mgr', { cookie: admin })).json<{
      items: Array<{ id: number }>;
    }>().items[0];
    await t.request('POST', `/api/staff/${staff?.id}/grants`, {
      cookie: admin,
      body: { roleCode: 'federation_manager', orgId: mid.id },
    });
    const mgr = await t.login('gf.mgr', 'Str0ng&Unique!');
    expect((await t.request('GET', `/api/orgs/${leaf.id}`, { cookie: mgr })).statusCode).toBe(200);
    const dest = await orgByCode('JS-ZJ-RZ');
    expect(
      (await t.request('POST', `/api/orgs/${mid.id}/move`, { cookie: admin, body: { parentId: dest.id } })).statusCode,
    ).toBe(200);
    expect((await t.request('GET', `/api/orgs/${leaf.id}`, { cookie: mgr })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/orgs', { cookie: mgr })).json().items.map((o: Org) => o.id)).toEqual([
      mid.id,
      leaf.id,
    ]);
  });

  it('refuses a move under its own subtree (409 ORG_CYCLE) and moving the root', async () => {
    const a = await create(1, 'CY-A', 'federation');
    const b = await create(a.id, 'CY-B', 'federation');
    const res = await t.request('POST', `/api/orgs/${a.id}/move`, { cookie: admin, body: { parentId: b.id } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORG_CYCLE');
    expect(
      (await t.request('POST', `/api/orgs/${a.id}/move`, { cookie: admin, body: { parentId: a.id } })).json().error
        .code,
    ).toBe('ORG_CYCLE');
    expect(
      (await t.request('POST', '/api/orgs/1/move', { cookie: admin, body: { parentId: a.id } })).json().error.code,
    ).toBe('ORG_ROOT');
  });

  it('a non-empty org cannot be deleted, only closed; an empty one can be deleted', async () => {
    const parent = await create(1, 'DEL-P', 'federation');
    const child = await create(parent.id, 'DEL-C');
    const refused = await t.request('DELETE', `/api/orgs/${parent.id}`, { cookie: admin });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ORG_NOT_EMPTY');
    // staff at an org also keep it from being deleted
    await t.request('POST', '/api/staff', {
      cookie: admin,
      body: { username: 'del-staff', displayName: 'x', orgId: child.id, password: 'Str0ng&Unique!' },
    });
    expect((await t.request('DELETE', `/api/orgs/${child.id}`, { cookie: admin })).statusCode).toBe(409);
    const closed = await t.request('PATCH', `/api/orgs/${parent.id}`, { cookie: admin, body: { status: 'closed' } });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().closedAt).not.toBeNull();
    const empty = await create(1, 'DEL-E');
    expect((await t.request('DELETE', `/api/orgs/${empty.id}`, { cookie: admin })).statusCode).toBe(204);
    expect((await t.request('GET', `/api/orgs/${empty.id}`, { cookie: admin })).statusCode).toBe(404);
  });

  it('a closed org takes no new children; reopening allows them again', async () => {
    const p = await create(1, 'CL-P', 'federation');
    await t.request('PATCH', `/api/orgs/${p.id}`, { cookie: admin, body: { status: 'closed' } });
    const refused = await t.request('POST', '/api/orgs', {
      cookie: admin,
      body: { parentId: p.id, code: 'CL-C', name: 'x', type: 'grassroots' },
    });
    expect(refused.json().error.code).toBe('ORG_CLOSED');
    await t.request('PATCH', `/api/orgs/${p.id}`, { cookie: admin, body: { status: 'active' } });
    expect(
      (
        await t.request('POST', '/api/orgs', {
          cookie: admin,
          body: { parentId: p.id, code: 'CL-C', name: 'x', type: 'grassroots' },
        })
      ).statusCode,
    ).toBe(201);
  });

  it('the root can be neither closed nor deleted', async () => {
    expect(
      (await t.request('PATCH', '/api/orgs/1', { cookie: admin, body: { status: 'closed' } })).json().error.code,
    ).toBe('ORG_ROOT');
    expect((await t.request('DELETE', '/api/orgs/1', { cookie: admin })).statusCode).toBe(409);
  });

  it('a grassroots officer may edit its own union but not create, move or reach a sibling', async () => {
    const officer = await t.login('grassroots');
    const own = await orgByCode('JS-ZJ-JK-XS-001');
    const sibling = await orgByCode('JS-ZJ-JK-002');
    const edit = await t.request('PATCH', `/api/orgs/${own.id}`, {
      cookie: officer,
      body: { contactPerson: '张主席' },
    });
    expect(edit.statusCode).toBe(200);
    expect(
      (
        await t.request('POST', '/api/orgs', {
          cookie: officer,
          body: { parentId: own.id, code: 'GR-X', name: 'x', type: 'grassroots' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request('GET', `/api/orgs/${sibling.id}`, { cookie: officer })).statusCode).toBe(404);
    expect(
      (await t.request('PATCH', `/api/orgs/${sibling.id}`, { cookie: officer, body: { name: 'x' } })).statusCode,
    ).toBe(404);
  });

  it('an out-of-scope read answers 404 like a missing record, and is audited', async () => {
    const county = await t.login('county');
    const dy = await orgByCode('JS-ZJ-DY');
    const res = await t.request('GET', `/api/orgs/${dy.id}`, { cookie: county });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const missing = await t.request('GET', '/api/orgs/999999', { cookie: county });
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const audit = await t.request('GET', `/api/audit?action=access.denied&targetId=${dy.id}`, { cookie: admin });
    expect(audit.json().items[0]).toMatchObject({
      actorName: '京口区总工会 李部长',
      actorUsername: 'county',
      targetType: 'org',
      targetId: String(dy.id),
    });
  });
});
