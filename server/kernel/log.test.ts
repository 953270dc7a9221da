import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../boot.js';
import { makeIdNumber } from '../modules/member/id-number.js';
import { createTestApp, TEST_KEY, type TestApp } from '../test/harness.js';
import { loadConfig } from './config.js';
import { prettyDestination } from './log.js';
import { createDevSmsDriver } from './outbox.js';

// The log at the level production uses (info), captured: searching the roster by a full 身份证号
// or phone, exporting by it, signing a member in by SMS code in demo mode, and errors that carry
// SQL parameters must leave no ID number or phone in it.

let t: TestApp;
let lines: string[] = [];
const capture = new Writable({
  write: (chunk: Buffer, _enc, done) => void (lines.push(...chunk.toString().split('\n').filter(Boolean)), done()),
});
const log = createLogger(
  loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: '/tmp/unionhub-test-unused',
    UNIONHUB_DATA_KEY: TEST_KEY,
    SMS_DRIVER: 'outbox',
  }),
  capture,
);

const idNumber = makeIdNumber('321102', '1987-09-14', 417);
const phone = '13955501234';
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ log, env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  const orgs = (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items;
  const orgId = orgs.find((o) => o.code === 'JS-ZJ-JK-XS-001')?.id;
  const added = await t.request('POST', '/api/members', {
    cookie: admin,
    body: { name: '日志测', idNumber, phone, orgId, joinedAt: '2020-03-01' },
  });
  expect(added.statusCode, added.body).toBe(201);
  lines = [];
});
afterAll(() => t.close());

/** The captured output without the fields that are long digit runs by nature (time, request id, response time). */
function captured(): string {
  return lines
    .map((l) => {
      const { time: _time, reqId: _reqId, responseTime: _ms, ...rest } = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify(rest);
    })
    .join('\n');
}

const encodeAll = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

describe('personal data stays out of the log', () => {
  it('roster searches and exports by ID number or phone log the route and the query keys only', async () => {
    for (const q of [idNumber, phone, encodeURIComponent(idNumber), encodeAll(idNumber), encodeAll(phone)]) {
      expect((await t.request('GET', `/api/members?q=${q}`, { cookie: admin })).json().total).toBe(1);
    }
    expect((await t.request('GET', `/api/members/export?q=${idNumber}`, { cookie: admin })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/members/${idNumber}`, { cookie: admin })).statusCode).toBe(400);
    expect((await t.request('GET', `/api/no-such-route/${phone}?phone=${phone}`, { cookie: admin })).statusCode).toBe(
      404,
    );

    const text = captured();
    const search = lines
      .map((l) => JSON.parse(l) as { msg: string; req?: { route?: string; url?: string } })
      .find((l) => l.msg === 'request completed' && l.req?.route === '/api/members');
    expect(search?.req?.url).toBe('/api/members?q=…');
    for (const secret of [idNumber, phone, idNumber.slice(0, 17), encodeAll(idNumber), encodeAll(phone)])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\d{11}/);
  });

  it('a member signed in by SMS code in demo mode: the code is logged, the phone masked', async () => {
    lines = [];
    expect((await t.request('POST', '/api/auth/otp', { body: { phone } })).statusCode).toBe(200);
    await t.deps.outbox.kick();
    const sms = t.sms.find((m) => m.phone === phone);
    if (!sms) throw new Error('no SMS recorded');
    await createDevSmsDriver(log, true).send(sms);
    const login = await t.request('POST', '/api/auth/login', { body: { phone, code: sms.params.code } });
    expect(login.statusCode, login.body).toBe(200);
    const text = captured();
    expect(text).toContain('demo SMS (not sent)');
    expect(text).toContain(String(sms.params.code));
    expect(text).toContain('139****1234');
    expect(text).not.toContain(phone);
    expect(text).not.toMatch(/\d{11}/);
  });

  it('an error that carries SQL parameters or a failing row is logged without them', () => {
    lines = [];
    const cause = Object.assign(new Error(`new row violates check constraint`), {
      detail: `Failing row contains (${phone}, ${idNumber})`,
    });
    const err = Object.assign(
      new Error(`Failed query: select * from member where phone_hash = $1\nparams: ${phone},${idNumber}`, { cause }),
      { params: [phone, idNumber] },
    );
    log.error({ err }, 'unhandled error');
    log.error(
      { err: new Error(`lookup of ${idNumber} failed`), url: `/api/members?q=${idNumber}` },
      'response failed its schema',
    );
    const text = captured();
    expect(text).toContain('Failed query: select * from member');
    for (const secret of [idNumber, phone]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\d{11}/);
  });
});

describe('one line per request', () => {
  it('a request is logged once, when answered: route, redacted URL, status and time', async () => {
    lines = [];
    expect((await t.request('GET', `/api/members?q=${phone}&page=1`, { cookie: admin })).statusCode).toBe(200);
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; req?: { url?: string }; res?: unknown });
    const requests = entries.filter((e) => e.req);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', route: '/api/members', url: '/api/members?q=…&page=…' },
      res: { statusCode: 200 },
    });
    expect(typeof Reflect.get(requests[0] ?? {}, 'responseTime')).toBe('number');
  });

  it('development prints it as one short line; production and LOG_FORMAT=json keep JSON', () => {
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production', UNIONHUB_DATA_KEY: TEST_KEY, SMS_DRIVER: 'outbox' }).logFormat).toBe(
      'json',
    );
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);

    const out: string[] = [];
    const dest = prettyDestination({ write: (s: string) => out.push(s) });
    const time = new Date(2026, 11, 7, 9, 5, 3).getTime();
    dest.write(
      `${JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', reqId: 'r', req: { method: 'GET', route: '/api/members', url: '/api/members?q=…' }, res: { statusCode: 200 }, responseTime: 12.4, msg: 'request completed' })}\n`,
    );
    dest.write(
      `${JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', msg: 'demo SMS (not sent)', phone: '139****1234' })}\n`,
    );
    dest.write(
      `${JSON.stringify({ level: 50, time, pid: 1, hostname: 'h', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at f (a.js:1:1)' }, msg: 'unhandled error' })}\n`,
    );
    expect(out).toEqual([
      '09:05:03 GET /api/members?q=… 200 12ms\n',
      '09:05:03 INFO demo SMS (not sent) phone=139****1234\n',
      '09:05:03 ERROR unhandled error\n  Error: boom\n    at f (a.js:1:1)\n',
    ]);
  });
});
