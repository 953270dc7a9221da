import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../app.js';
import { createDeps } from '../boot.js';
import { ManualClock, systemClock } from '../kernel/clock.js';
import { loadConfig } from '../kernel/config.js';
import type { Deps } from '../kernel/context.js';
import { openDatabase, type Database } from '../kernel/db.js';
import { logSerializers } from '../kernel/log.js';
import type { SmsDriver, SmsMessage } from '../kernel/outbox.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { adminQuery, templateDb, urlFor } from './pg.js';

// Builds the real app on a fresh database (in-memory PGlite, or a PostgreSQL database cloned
// from the migrated template) with a manual clock and a recording SMS driver.

export const ENGINE = process.env.DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';
export const TEST_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: ManualClock;
  sms: SmsMessage[];
  close(): Promise<void>;
  /** Signs in and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  loginMember(phone: string, password?: string): Promise<string>;
  request(
    method: string,
    url: string,
    opts?: { cookie?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
}

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (ENGINE === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: async () => undefined };
  }
  const name = `unionhub_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${templateDb()}`);
  const database = await openDatabase({ url: urlFor(name) });
  return { database, drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

export async function createTestApp(
  opts: {
    demo?: boolean;
    members?: number;
    env?: Record<string, string>;
    realClock?: boolean;
    log?: FastifyBaseLogger;
    /** Serve the web apps from here instead of dist/web. */
    webDir?: string;
  } = {},
): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/tmp/unionhub-test-unused',
    UNIONHUB_DATA_KEY: TEST_KEY,
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const clock = new ManualClock(new Date());
  const sent: SmsMessage[] = [];
  const sms: SmsDriver = { name: 'outbox', send: async (m) => void sent.push(m) };
  // Errors (500s above all) reach the test output; nothing else does (unless a test captures the log).
  // With the production serializers, so even test output carries no SQL parameters.
  const log = opts.log ?? pino({ level: 'error', serializers: logSerializers }, pino.destination(2));
  const deps = await createDeps(config, { database, clock: opts.realClock ? systemClock : clock, sms, log });
  // Demo members are off unless a test asks: most tests make the members they look at.
  if (opts.demo !== false) await seedDemo(deps, log, { members: opts.members ?? 0 });
  const app = await buildApp(deps, { logger: log, webDir: opts.webDir });

  const request: TestApp['request'] = (method, url, o = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.headers ?? {}) },
      ...(o.body !== undefined ? { payload: o.body as object } : {}),
    });

  const cookieOf = (res: LightMyRequestResponse) => {
    const c = res.cookies.find((x) => x.name === 'uh_sid');
    if (res.statusCode !== 200 || !c) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return `uh_sid=${c.value}`;
  };

  return {
    app,
    deps,
    clock,
    sms: sent,
    request,
    async login(username, password = DEMO_PASSWORD) {
      return cookieOf(await request('POST', '/api/auth/login', { body: { username, password } }));
    },
    async loginMember(phone, password = DEMO_PASSWORD) {
      return cookieOf(await request('POST', '/api/auth/login', { body: { phone, password } }));
    },
    async close() {
      await app.close();
      await deps.jobs.stop();
      await deps.outbox.stop();
      await database.close();
      await drop();
    },
  };
}
