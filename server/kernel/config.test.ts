import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/harness.js';
import { ConfigError, loadConfig, SETTINGS } from './config.js';

describe('config', () => {
  it('defaults: port 3000, ./data, embedded database, demo outside production', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true, production: false });
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.session.staffIdleMs).toBe(30 * 60_000);
    expect(c.session.staffAbsoluteMs).toBe(12 * 3_600_000);
  });

  it('honours PORT, DATA_DIR and DATABASE_URL', () => {
    const c = loadConfig({ PORT: '8080', DATA_DIR: '/srv/unionhub', DATABASE_URL: 'postgres://u@db:5432/unionhub' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/srv/unionhub', databaseUrl: 'postgres://u@db:5432/unionhub' });
  });

  it('stops on a bad setting with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ UNIONHUB_DATA_KEY: 'short' })).toThrow(/UNIONHUB_DATA_KEY/);
  });

  it('an empty setting (DATABASE_URL= in a .env or compose file) is not set: the default applies', () => {
    const defaults = loadConfig({});
    expect(SETTINGS).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'UNIONHUB_DATA_KEY',
        'PUBLIC_ORIGIN',
        'SMS_HTTP_URL',
        'TRUST_PROXY',
        'PORT',
        'NODE_ENV',
      ]),
    );
    for (const key of SETTINGS) {
      expect(loadConfig({ [key]: '' }), key).toEqual(defaults);
      expect(loadConfig({ [key]: '  ' }), key).toEqual(defaults);
    }
    expect(loadConfig({ DATABASE_URL: '', PUBLIC_ORIGIN: '', SMS_HTTP_URL: '', PORT: '' })).toMatchObject({
      databaseUrl: undefined,
      publicOrigin: undefined,
      port: 3000,
    });
    // all at once, as a compose file listing every variable with no values would give
    expect(loadConfig(Object.fromEntries(SETTINGS.map((k) => [k, ''])))).toEqual(defaults);
    // a setting that is given is still checked
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    // production still needs its gateway: an empty SMS_HTTP_URL is a missing one
    expect(() => loadConfig({ NODE_ENV: 'production', SMS_HTTP_URL: '' })).toThrow(/SMS_HTTP_URL: required/);
  });

  it('production loads no demo data and needs a real SMS gateway unless told otherwise', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMS_HTTP_URL/);
    const c = loadConfig({ NODE_ENV: 'production', SMS_HTTP_URL: 'https://sms.example/send' });
    expect(c).toMatchObject({ demo: false, production: true, sms: { driver: 'http' } });
    expect(() => loadConfig({ NODE_ENV: 'production', SMS_DRIVER: 'outbox', UNIONHUB_DEMO: 'true' })).toThrow(
      /UNIONHUB_DEMO/,
    );
  });
});

describe('TRUST_PROXY', () => {
  it('takes false, a hop count or proxy addresses; refuses true and junk at start', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.0/8']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: true would trust every hop.*number of proxies/,
    );
    // empty is not set: trust no proxy (the default)
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    for (const bad of ['yes', '-1', '1.5', '10.0.0.0/33', '10.0.0/8', 'proxy.local', '10.0.0.1,']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it('with TRUST_PROXY=1 a forged leftmost X-Forwarded-For changes neither the sign-in limit nor the audited address', async () => {
    const t = await createTestApp({ env: { TRUST_PROXY: '1', LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      // Our proxy appends the address it saw (203.0.113.9); whatever the client sent comes before it.
      const attempt = (forged: string) =>
        t.request('POST', '/api/auth/login', {
          body: { username: 'admin', password: 'wrong-password-1' },
          headers: { 'x-forwarded-for': `${forged}, 203.0.113.9` },
        });
      const codes = [];
      for (let i = 1; i <= 4; i++) codes.push((await attempt(`198.51.100.${i}`)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const rows = await t.deps.database.query<{ ip: string | null }>(
        `select ip from audit_log where action = 'auth.login_failed' order by id`,
      );
      expect(rows.map((r) => r.ip)).toEqual(['203.0.113.9', '203.0.113.9', '203.0.113.9']);
    } finally {
      await t.close();
    }
  });
});
