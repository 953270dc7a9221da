import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestApp, type TestApp } from '../test/harness.js';
import { outbox } from './kernel.schema.js';
import { createHttpSmsDriver, dispatchOutbox, enqueueSms, SMS_TEXT } from './outbox.js';

// The real HTTP SMS driver against a gateway stand-in listening on loopback.
let gateway: http.Server;
let url = '';
const received: Array<{ auth: string | undefined; body: unknown }> = [];
let failNext = 0;

beforeAll(async () => {
  gateway = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      received.push({ auth: req.headers.authorization, body: JSON.parse(data) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
});
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

describe('SMS texts', () => {
  it('a staff reason that ends with its own full stop is closed once, in every template that quotes one', () => {
    const params = { org: '瑞丰科技工会', reason: '材料不全，请补充后再申请。', service: '法律援助', no: 'FW1' };
    for (const template of ['join_rejected', 'transfer_rejected', 'case_rejected']) {
      const text = SMS_TEXT[template]?.(params) ?? '';
      expect(text, template).toMatch(/：材料不全，请补充后再申请。$/);
      expect(text, template).not.toContain('。。');
    }
  });
});

describe('SMS through the outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('the HTTP driver posts the message with the bearer token; a failure is retried later', async () => {
    const driver = createHttpSmsDriver(url, 'secret-token');
    const log = pino({ level: 'silent' });
    await t.deps.db.transaction((tx) =>
      enqueueSms(tx, t.deps.crypto, { phone: '13700001111', template: 'login_code', params: { code: '123456' } }),
    );
    failNext = 1;
    expect(await dispatchOutbox(t.deps.db, t.deps.crypto, driver, log)).toBe(0);
    let [row] = await t.deps.db.select().from(outbox);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row?.lastError).toMatch(/503/);
    expect(await dispatchOutbox(t.deps.db, t.deps.crypto, driver, log)).toBe(1);
    [row] = await t.deps.db.select().from(outbox);
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
    expect(received).toEqual([
      {
        auth: 'Bearer secret-token',
        body: { phone: '13700001111', template: 'login_code', params: { code: '123456' } },
      },
    ]);
  });
});
