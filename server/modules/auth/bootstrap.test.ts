import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../test/harness.js';
import { account } from './auth.schema.js';
import { createAdministrator } from './bootstrap.js';

const run = promisify(execFile);

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false, env: { NODE_ENV: 'production', SMS_DRIVER: 'outbox' } });
  });
  afterAll(() => t.close());

  it('has no default account; the first administrator must enrol an authenticator', async () => {
    const [accounts] = await t.deps.db.select({ n: count() }).from(account);
    expect(accounts?.n).toBe(0);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'Demo#2026' } })).statusCode,
    ).toBe(401);
    await expect(
      createAdministrator(t.deps, { username: 'root', displayName: '管理员', password: 'Str0ng&Unique!' }),
    ).rejects.toThrow(/org-code/);
    await expect(
      createAdministrator(t.deps, {
        username: 'root',
        displayName: '管理员',
        password: 'password123',
        rootOrg: { code: 'JS', name: '江苏省总工会' },
      }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
    const made = await createAdministrator(t.deps, {
      username: 'root',
      displayName: '管理员',
      password: 'Str0ng&Unique!',
      rootOrg: { code: 'JS', name: '江苏省总工会' },
    });
    expect(made.orgId).toBeGreaterThan(0);
    const res = await t.request('POST', '/api/auth/login', { body: { username: 'root', password: 'Str0ng&Unique!' } });
    expect(res.json()).toMatchObject({ next: 'enroll_totp', me: { totpRequired: true } });
  });
});

describe.runIf(ENGINE === 'pglite')('command-line scripts on the embedded database', () => {
  it('npm run admin:create makes the first administrator; npm run audit:verify checks the chain', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unionhub-cli-'));
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      SMS_DRIVER: 'outbox',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: 'Str0ng&Unique!',
      LOG_LEVEL: 'silent',
    };
    try {
      const made = await run(
        'npx',
        ['tsx', 'scripts/create-admin.ts', '--username', 'chief', '--org-code', 'ZJ', '--org-name', '镇江市总工会'],
        { env },
      );
      expect(made.stdout).toMatch(/Administrator "chief" created/);
      expect(fs.existsSync(path.join(dataDir, 'keys', 'data.key'))).toBe(true);
      const verified = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env });
      expect(verified.stdout).toMatch(/audit log intact: 1 rows checked/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
