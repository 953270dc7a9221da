import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/test/harness.js';

// Input the database cannot hold is refused at the edge (kernel/input.ts), with a field-level
// detail; an export's audit row commits before its first byte; the OpenAPI document declares
// what the edge answers.

let t: TestApp;
let admin: string;
let unionId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const orgs = (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items;
  unionId = orgs.find((o) => o.code === 'JS-ZJ-JK-XS-001')?.id ?? 0;
});
afterAll(() => t.close());

const json = (body: string | Buffer) => ({ cookie: admin, body, headers: { 'content-type': 'application/json' } });
const refused = (res: { statusCode: number; json: () => unknown }) => {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
  return (res.json() as { error: { code: string; details: Array<{ path: string; message: string }> } }).error;
};

describe('refused at the edge', () => {
  it('NUL in a JSON string, a key, a query value or a path parameter → 400 naming the field', async () => {
    const org = { parentId: unionId, code: 'nul-1', name: '空\u0000字符', type: 'grassroots' };
    expect(refused(await t.request('POST', '/api/orgs', json(JSON.stringify(org))))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'name', message: '不能包含空字符（\\u0000）' }],
    });
    const key = refused(
      await t.request('POST', '/api/orgs', json(JSON.stringify({ ...org, name: 'ok', settings: { 'a\u0000': 1 } }))),
    );
    expect(key.details[0]?.path).toBe('settings.a\u0000');
    expect(refused(await t.request('GET', '/api/members?q=%00', { cookie: admin })).details).toEqual([
      { path: 'query.q', message: '不能包含空字符（\\u0000）' },
    ]);
    expect(refused(await t.request('GET', '/api/qa/search?q=a%00b', { cookie: admin })).details[0]?.path).toBe(
      'query.q',
    );
    expect(refused(await t.request('GET', '/api/orgs/1%00', { cookie: admin })).details[0]?.path).toBe('params.id');
    const en = await t.request('GET', '/api/members?q=%00', { cookie: admin, headers: { 'accept-language': 'en' } });
    expect(en.json().error.details[0].message).toBe('Must not contain NUL characters (\\u0000)');
  });

  it('GET /api/members/export?q=%00 answers 400 and writes nothing to the audit log', async () => {
    const before = await t.deps.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'member.export'`,
    );
    expect(refused(await t.request('GET', '/api/members/export?q=%00', { cookie: admin })).code).toBe(
      'VALIDATION_FAILED',
    );
    const after = await t.deps.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'member.export'`,
    );
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('org settings nested 20,000 levels → 400, not a stack overflow', async () => {
    const deep = `{"parentId":${unionId},"code":"deep-1","name":"深","type":"grassroots","settings":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    expect(refused(await t.request('POST', '/api/orgs', json(deep))).details).toEqual([
      { path: 'body', message: '内容嵌套层级过深（最多 64 层）' },
    ]);
    // 64 levels is allowed by the edge (the route's own rules decide).
    const ok = `{"parentId":${unionId},"code":"deep-2","name":"深","type":"grassroots","settings":{"x":${'['.repeat(62)}${']'.repeat(62)}}}`;
    expect((await t.request('POST', '/api/orgs', json(ok))).statusCode).toBe(201);
  });

  it('invalid UTF-8 and lone surrogates are refused, not stored lossily', async () => {
    const head = Buffer.from(`{"parentId":${unionId},"code":"utf-1","type":"grassroots","name":"`);
    const bad = Buffer.concat([head, Buffer.from([0xe5, 0xb7]), Buffer.from('"}')]);
    expect(refused(await t.request('POST', '/api/orgs', json(bad))).details).toEqual([
      { path: 'body', message: '请求内容不是有效的 UTF-8 文本' },
    ]);
    const lone = `{"parentId":${unionId},"code":"utf-2","type":"grassroots","name":"a\\ud800b"}`;
    expect(refused(await t.request('POST', '/api/orgs', json(lone))).details[0]?.path).toBe('name');
    const stored = await t.deps.database.query(`select 1 from org where code in ('utf-1', 'utf-2')`);
    expect(stored).toHaveLength(0);
  });

  it('an upload whose file name holds NUL is refused', async () => {
    const boundary = `----uh${randomBytes(8).toString('hex')}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''a%00b.csv\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from('姓名,身份证号\r\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members/import',
      payload,
      headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(refused(res).details).toEqual([{ path: 'file', message: '不能包含空字符（\\u0000）' }]);
  });
});

describe('exports audit before the first byte', () => {
  it('a member export whose audit row cannot be written answers an error, not a file', async () => {
    await t.deps.database.query(
      `create function edge_test_fail_audit() returns trigger language plpgsql as $$ begin raise exception 'audit log unavailable'; end $$`,
    );
    await t.deps.database.query(
      `create trigger edge_test_fail_audit before insert on audit_log for each row execute function edge_test_fail_audit()`,
    );
    try {
      const res = await t.request('GET', '/api/members/export', { cookie: admin });
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
    } finally {
      await t.deps.database.query('drop trigger edge_test_fail_audit on audit_log');
      await t.deps.database.query('drop function edge_test_fail_audit()');
    }
    const ok = await t.request('GET', '/api/members/export', { cookie: admin });
    expect(ok.statusCode).toBe(200);
    const [row] = (await t.request('GET', '/api/audit?action=member.export', { cookie: admin })).json().items;
    expect(row.after).toEqual({ rows: 0, filters: {} });
  });
});

describe('the OpenAPI document declares what the edge answers', () => {
  it('every upload declares 413 and 415; every route with a body declares 400, 413 and 415', async () => {
    type Op = { responses: Record<string, unknown> };
    const doc = (await t.request('GET', '/api/openapi.json')).json<{ paths: Record<string, Record<string, Op>> }>();
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const needed = ['400', ...(['post', 'put', 'patch', 'delete'].includes(method) ? ['413', '415'] : [])];
        for (const s of needed) if (!(s in op.responses)) missing.push(`${method.toUpperCase()} ${path} ${s}`);
      }
    }
    expect(missing).toEqual([]);
    for (const upload of [
      '/api/case-files',
      '/api/cases/{id}/attachments',
      '/api/hardship/files/{id}/evidence',
      '/api/members/import',
    ]) {
      expect(Object.keys(doc.paths[upload]?.post?.responses ?? {}), upload).toEqual(
        expect.arrayContaining(['413', '415']),
      );
    }
  });
});
