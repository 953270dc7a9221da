import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/test/harness.js';

// Bad input on every route of the OpenAPI document: wrong types, missing fields, huge strings,
// unknown fields, junk ids, random JSON, NUL characters, deep nesting and invalid UTF-8 must
// answer 4xx in the error shape, never 5xx.

let t: TestApp;
let admin: string;
let routes: Array<{ method: string; path: string; hasBody: boolean }>;

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000' } });
  admin = await t.login('admin');
  const doc = (await t.request('GET', '/api/openapi.json')).json<{
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  }>();
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: op.requestBody !== undefined,
    })),
  );
});
afterAll(() => t.close());

const HUGE = 'x'.repeat(200_000);
// A template path with every parameter filled: ids that exist nowhere, or junk.
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

function expectErrorShape(res: { statusCode: number; body: string }, what: string) {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
  const body = JSON.parse(res.body) as { error?: { code?: string; message?: string; details?: unknown[] } };
  expect(body.error, `${what} → ${res.body.slice(0, 200)}`).toBeDefined();
  expect(body.error?.code, what).toMatch(/^[A-Z_]+$/);
  expect(typeof body.error?.message, what).toBe('string');
  expect(Array.isArray(body.error?.details), what).toBe(true);
}

describe('bad input on every route', () => {
  it('the OpenAPI document lists the foundation routes', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    for (const k of [
      'POST /api/auth/login',
      'GET /api/orgs',
      'POST /api/orgs/{id}/move',
      'GET /api/audit',
      'GET /api/jobs/{id}',
      'GET /api/health',
    ]) {
      expect(keys).toContain(k);
    }
  });

  it('wrong types, missing fields, huge strings and unknown fields → 4xx with the error shape', async () => {
    const bodies: Array<[string, unknown]> = [
      ['array body', [1, 2, 3]],
      ['number body', 42],
      ['string body', 'hello'],
      ['null body', null],
      ['empty object', {}],
      ['unknown field', { definitelyNotAField: 1 }],
      [
        'wrong types',
        {
          username: 1,
          password: [],
          phone: {},
          code: true,
          parentId: 'abc',
          name: 5,
          orgId: 'x',
          roleCode: 7,
          newPassword: 1,
        },
      ],
      [
        'huge strings',
        { username: HUGE, password: HUGE, name: HUGE, code: HUGE, phone: HUGE, displayName: HUGE, newPassword: HUGE },
      ],
    ];
    for (const r of routes) {
      if (!r.hasBody) continue;
      for (const [label, body] of bodies) {
        const res = await t.request(r.method, fill(r.path, '999999'), {
          cookie: admin,
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        expectErrorShape(res, `${r.method} ${r.path} with ${label}`);
      }
      const broken = await t.request(r.method, fill(r.path, '999999'), {
        cookie: admin,
        body: '{"unterminated": ',
        headers: { 'content-type': 'application/json' },
      });
      expectErrorShape(broken, `${r.method} ${r.path} with broken JSON`);
      const tooBig = await t.request(r.method, fill(r.path, '999999'), {
        cookie: admin,
        body: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(tooBig.statusCode, `${r.method} ${r.path} 1.1 MB`).toBe(413);
    }
  });

  it('junk path parameters and query values → 4xx', async () => {
    const junk = ['abc', '-1', '0', '1.5', '1e99', '99999999999999999999', "1' or '1'='1", '%00', 'x'.repeat(300)];
    for (const r of routes) {
      if (!r.path.includes('{')) continue;
      for (const j of junk) {
        const res = await t.request(r.method, fill(r.path, encodeURIComponent(j)), {
          cookie: admin,
          body: r.hasBody ? {} : undefined,
        });
        expectErrorShape(res, `${r.method} ${r.path} with ${j.slice(0, 20)}`);
      }
    }
    const queries = [
      'page=0',
      'page=abc',
      'pageSize=100000',
      'pageSize=-5',
      `q=${HUGE.slice(0, 5000)}`,
      'status=bogus',
      'unknownParam=1',
      'from=yesterday',
    ];
    for (const r of routes.filter(
      (x) =>
        x.method === 'GET' &&
        !x.path.includes('{') &&
        ['/api/orgs', '/api/staff', '/api/audit', '/api/roles'].includes(x.path),
    )) {
      for (const q of queries)
        expectErrorShape(
          await t.request('GET', `${r.path}?${q}`, { cookie: admin }),
          `GET ${r.path}?${q.slice(0, 30)}`,
        );
    }
  });

  it('without a session every non-public route answers 401, never 5xx', async () => {
    // /api/wishes: the 微心愿 board is public (anonymous wishes only); so are the merchant
    // directory, the open calls and the application form of the benefit network.
    const publicRoutes = [
      '/api/health',
      '/api/auth/login',
      '/api/auth/otp',
      '/api/auth/logout',
      '/api/openapi.json',
      '/api/wishes',
      '/api/merchant-calls/open',
      '/api/merchant-calls/{id}/applications',
      '/api/merchants',
      '/api/merchants/{id}',
    ];
    for (const r of routes) {
      if (publicRoutes.includes(r.path)) continue;
      const res = await t.request(r.method, fill(r.path, '1'), { body: r.hasBody ? {} : undefined });
      expect([400, 401], `${r.method} ${r.path} → ${res.statusCode}`).toContain(res.statusCode);
    }
  });

  it('random JSON bodies never produce a 5xx', async () => {
    const writable = routes.filter((r) => r.hasBody);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writable), fc.json({ maxDepth: 3 }), async (r, json) => {
        const res = await t.request(r.method, fill(r.path, '999999'), {
          cookie: admin,
          body: json,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${r.method} ${r.path} ${json.slice(0, 100)} → ${res.body.slice(0, 200)}`).toBeLessThan(
          500,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('NUL, deep nesting, invalid UTF-8 and 100,000-character strings in every field of every route: 400 or 4xx, never 5xx, always declared', async () => {
    type Schema = {
      $ref?: string;
      type?: string | string[];
      properties?: Record<string, Schema>;
      anyOf?: Schema[];
      oneOf?: Schema[];
      allOf?: Schema[];
    };
    type Op = {
      parameters?: Array<{ in: string; name: string }>;
      requestBody?: { content?: Record<string, { schema?: Schema }> };
      responses: Record<string, unknown>;
    };
    const doc = (await t.request('GET', '/api/openapi.json')).json<{
      paths: Record<string, Record<string, Op>>;
      components?: { schemas?: Record<string, Schema> };
    }>();
    const resolve = (s: Schema | undefined): Schema | undefined =>
      s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] : s;
    const takesText = (s: Schema | undefined): boolean => {
      const r = resolve(s);
      return !r || [r.type].flat().includes('string') || [...(r.anyOf ?? []), ...(r.oneOf ?? [])].some(takesText);
    };
    // Every field a body may carry, through the alternatives of a union (sign-in) too.
    const fields = (s: Schema | undefined): Record<string, Schema> => {
      const r = resolve(s);
      return Object.assign(
        {},
        ...[...(r?.anyOf ?? []), ...(r?.oneOf ?? []), ...(r?.allOf ?? [])].map(fields),
        r?.properties ?? {},
      ) as Record<string, Schema>;
    };
    const LONG = '长'.repeat(100_000);
    const stats = { requests: 0, fivexx: 0 };
    const failures: string[] = [];
    const undeclared = new Set<string>();
    let declared: Record<string, unknown> = {};
    const send = async (what: string, expected: 400 | '4xx', method: string, url: string, body?: string | Buffer) => {
      const res = await t.request(method, url, {
        cookie: admin,
        ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}),
      });
      stats.requests++;
      if (res.statusCode >= 500) stats.fivexx++;
      // 429: a route's own rate limit (the SMS code's 10 a minute) answers before the body is read.
      const ok =
        expected === 400
          ? res.statusCode === 400 || res.statusCode === 429
          : res.statusCode >= 400 && res.statusCode < 500;
      if (!ok) failures.push(`${what} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      if (!(String(res.statusCode) in declared))
        undeclared.add(`${what.split(/ [?{]| with | nested| invalid/)[0]} ${res.statusCode}`);
    };
    const deep = `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const notUtf8 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        const key = `${method} ${template}`;
        declared = op.responses;
        const url = fill(template, '999999');
        if (template.includes('{'))
          await send(
            `${key} with NUL in the path`,
            400,
            method,
            fill(template, '1%00'),
            op.requestBody ? '{}' : undefined,
          );
        for (const q of (op.parameters ?? []).filter((p) => p.in === 'query')) {
          await send(`${key} ?${q.name}=NUL`, 400, method, `${url}?${q.name}=a%00b`);
          await send(
            `${key} ?${q.name}=100,000 characters`,
            '4xx',
            method,
            `${url}?${q.name}=${encodeURIComponent(LONG)}`,
          );
        }
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        for (const [field, fieldSchema] of Object.entries(fields(schema))) {
          await send(`${key} {${field}: NUL}`, 400, method, url, JSON.stringify({ [field]: 'a\u0000b' }));
          if (takesText(fieldSchema))
            await send(`${key} {${field}: 100,000 characters}`, '4xx', method, url, JSON.stringify({ [field]: LONG }));
        }
        await send(`${key} nested 5,000 levels`, 400, method, url, deep);
        await send(`${key} invalid UTF-8`, 400, method, url, notUtf8);
      }
    }
    // Uploads: a file name holding NUL (RFC 5987 form, as a browser may send it).
    for (const upload of [
      '/api/case-files',
      '/api/members/import',
      '/api/cases/999999/attachments',
      '/api/hardship/files/999999/evidence',
    ]) {
      const boundary = 'fuzz-boundary-0123456789';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''a%00b.pdf\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 x\r\n--${boundary}--\r\n`;
      const res = await t.app.inject({
        method: 'POST',
        url: upload,
        payload,
        headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      stats.requests++;
      if (res.statusCode >= 500) stats.fivexx++;
      // Where the id exists nowhere the answer is 404 before the file is read.
      if (res.statusCode !== (upload.includes('999999') ? 404 : 400))
        failures.push(`POST ${upload} file name with NUL → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    console.log(
      `bad-input fuzz (${process.env.DB_ENGINE === 'postgres' ? 'postgres' : 'pglite'}): ${stats.requests} requests fuzzed over ${Object.values(doc.paths).flatMap(Object.keys).length} operations, ${stats.fivexx} 5xx`,
    );
    expect(failures).toEqual([]);
    expect(stats.fivexx).toBe(0);
    // Every status an operation gave here is one its OpenAPI entry declares.
    expect([...undeclared]).toEqual([]);
  });

  it('security headers are on every response: 200, 404 and errors alike', async () => {
    for (const url of ['/api/health', '/api/nothing-here', '/api/orgs/abc']) {
      const res = await t.request('GET', url, { cookie: admin });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security'], url).toContain('max-age');
    }
  });
});
