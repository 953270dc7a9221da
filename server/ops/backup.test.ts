import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createDeps } from '../boot.js';
import { verifyAudit } from '../kernel/audit.js';
import { ManualClock } from '../kernel/clock.js';
import { loadConfig } from '../kernel/config.js';
import { createCrypto } from '../kernel/crypto.js';
import { openDatabase, type Database } from '../kernel/db.js';
import { readSealed } from '../kernel/files.js';
import { createTestApp, ENGINE, TEST_KEY, type TestApp } from '../test/harness.js';
import { adminQuery, urlFor } from '../test/pg.js';
import { BackupRefused, createBackup, restoreBackup, tableCounts, type Manifest } from './backup.js';
import { seedOpsFixture } from './ops.fixtures.js';
import { readTarGzFile, writeTarGzFile } from './tar.js';

// The drill the issue asks for, on the engine of this run: backup → wipe → restore, then rows,
// files, personal data and the audit chain as before; and the refusals.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-backup-test-'));
const source = path.join(tmp, 'source');
const archive = path.join(tmp, 'backup.tar.gz');
const crypto = createCrypto(Buffer.from(TEST_KEY, 'base64'));
const created: string[] = [];

async function emptyPostgres(): Promise<string> {
  const name = `unionhub_t_restore_${randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  created.push(name);
  return urlFor(name);
}

let manifest: Manifest;
let before: Record<string, number>;
let phones: string[];
let refusedOverwrite: unknown;

beforeAll(async () => {
  const t: TestApp = await createTestApp({ demo: false, env: { DATA_DIR: source } });
  try {
    await seedOpsFixture(t.deps, 12);
    fs.mkdirSync(path.join(source, 'imports'), { recursive: true });
    fs.writeFileSync(path.join(source, 'imports', 'job-1.xlsx'), 'import file');
    before = await tableCounts(t.deps.db);
    phones = (
      await t.deps.database.query<{ p: string }>(
        'select phone_enc as p from member where phone_enc is not null order by id',
      )
    ).map((r) => crypto.decrypt(r.p));
    manifest = await createBackup({ database: t.deps.database, dataDir: source, crypto: t.deps.crypto }, archive);
    refusedOverwrite = await createBackup({ database: t.deps.database, dataDir: source, crypto }, archive).catch(
      (err: unknown) => err,
    );
  } finally {
    await t.close(); // the wipe: the test database is dropped (in memory on PGlite)
  }
});

afterAll(async () => {
  for (const name of created) await adminQuery(`drop database if exists ${name} with (force)`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`backup and restore on ${ENGINE}`, () => {
  it('writes one archive with a manifest and never the key', async () => {
    expect(manifest.engine).toBe(ENGINE);
    expect(manifest.tables.member).toBe(before.member);
    expect(manifest.migrations.count).toBeGreaterThan(30);
    expect(Object.keys(manifest.entries)).toEqual(
      expect.arrayContaining(['files/service-files/ab/attachment-1', 'files/imports/job-1.xlsx']),
    );
    const entries = await readTarGzFile(archive);
    const names = entries.map((e) => e.name);
    expect(names[0]).toBe('manifest.json');
    expect(names.some((n) => n.includes('keys') || n.includes('data.key'))).toBe(false);
    const key = Buffer.from(TEST_KEY, 'base64');
    for (const e of entries) expect(e.data.includes(key) || e.data.includes(Buffer.from(TEST_KEY))).toBe(false);
    expect(refusedOverwrite).toBeInstanceOf(BackupRefused);
  });

  it('restores into an empty place: rows, files, personal data, audit chain, and the server starts', async () => {
    const target = path.join(tmp, 'restored');
    const url = ENGINE === 'postgres' ? await emptyPostgres() : undefined;
    const r = await restoreBackup({ dataDir: target, databaseUrl: url, dataKey: TEST_KEY }, archive);
    expect(r.files).toBe(3);
    expect(r.auditRows).toBeGreaterThan(0);
    const bytes = await readSealed(crypto, path.join(target, 'service-files', 'ab', 'attachment-1'));
    expect(bytes?.toString()).toBe('病历扫描件');

    const database: Database = await openDatabase({ url, dataDir: path.join(target, 'pglite') });
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: target, UNIONHUB_DATA_KEY: TEST_KEY, LOG_LEVEL: 'silent' });
    const log = pino({ level: 'silent' });
    const deps = await createDeps(config, { database, clock: new ManualClock(new Date()), log });
    const app = await buildApp(deps, { logger: log });
    try {
      expect(await tableCounts(deps.db)).toEqual(before);
      const restoredPhones = (
        await database.query<{ p: string }>('select phone_enc as p from member where phone_enc is not null order by id')
      ).map((x) => crypto.decrypt(x.p));
      expect(restoredPhones).toEqual(phones);
      expect((await verifyAudit(deps.db, crypto)).ok).toBe(true);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const sealed = await readSealed(crypto, path.join(target, 'hardship-files', 'ev-1'));
      expect(sealed?.toString()).toBe('低保证明');
    } finally {
      await app.close();
      await deps.jobs.stop();
      await deps.outbox.stop();
      await database.close();
    }
  });

  it('refuses a target that is not empty', async () => {
    const target = path.join(tmp, 'busy');
    fs.mkdirSync(path.join(target, 'service-files'), { recursive: true });
    await expect(restoreBackup({ dataDir: target, dataKey: TEST_KEY }, archive)).rejects.toThrow(/not empty/);
    if (ENGINE === 'postgres') {
      const url = await emptyPostgres();
      await adminQuery(`select 1`);
      const db = await openDatabase({ url });
      await db.query('create table something (id int)');
      await db.close();
      await expect(
        restoreBackup({ dataDir: path.join(tmp, 'pg-busy'), databaseUrl: url, dataKey: TEST_KEY }, archive),
      ).rejects.toThrow(/not empty/);
    }
  });

  it('refuses a newer migration level, a damaged archive and another key', async () => {
    const entries = await readTarGzFile(archive);
    const rewrite = async (name: string, change: (m: Manifest) => void, alter?: (n: string, d: Buffer) => Buffer) => {
      const out = path.join(tmp, name);
      const copy = entries.map((e) => {
        if (e.name !== 'manifest.json') return { name: e.name, data: alter ? alter(e.name, e.data) : e.data };
        const m: Manifest = JSON.parse(e.data.toString());
        change(m);
        return { name: e.name, data: Buffer.from(JSON.stringify(m)) };
      });
      await writeTarGzFile(copy, out);
      return out;
    };
    const newer = await rewrite('newer.tar.gz', (m) => {
      m.migrations.count += 1;
      m.migrations.lastWhen += 1000;
      m.migrations.lastTag = '9999_future';
    });
    await expect(restoreBackup({ dataDir: path.join(tmp, 'n1'), dataKey: TEST_KEY }, newer)).rejects.toThrow(
      /newer migration level/,
    );
    const damaged = await rewrite(
      'damaged.tar.gz',
      () => undefined,
      (n, d) => (n.startsWith('files/imports') ? Buffer.from('changed') : d),
    );
    const url2 = ENGINE === 'postgres' ? await emptyPostgres() : undefined;
    await expect(
      restoreBackup({ dataDir: path.join(tmp, 'n2'), databaseUrl: url2, dataKey: TEST_KEY }, damaged),
    ).rejects.toThrow(/checksum/);
    const otherKey = randomBytes(32).toString('base64');
    const url = ENGINE === 'postgres' ? await emptyPostgres() : undefined;
    await expect(
      restoreBackup({ dataDir: path.join(tmp, 'n3'), databaseUrl: url, dataKey: otherKey }, archive),
    ).rejects.toThrow(/not the key/);
    // Nothing was written by the refusals.
    for (const d of ['n1', 'n2', 'n3']) expect(fs.existsSync(path.join(tmp, d, 'pglite'))).toBe(false);
  });
});
