import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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

  it('production loads no demo data and needs a real SMS gateway unless told otherwise', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMS_HTTP_URL/);
    const c = loadConfig({ NODE_ENV: 'production', SMS_HTTP_URL: 'https://sms.example/send' });
    expect(c).toMatchObject({ demo: false, production: true, sms: { driver: 'http' } });
    expect(() => loadConfig({ NODE_ENV: 'production', SMS_DRIVER: 'outbox', UNIONHUB_DEMO: 'true' })).toThrow(/UNIONHUB_DEMO/);
  });
});
