import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../boot.js';
import { makeIdNumber } from '../modules/member/id-number.js';
import { createTestApp, TEST_KEY, type TestApp } from '../test/harness.js';
import { loadConfig } from './config.js';
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
      .find((l) => l.msg === 'incoming request' && l.req?.route === '/api/members');
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
