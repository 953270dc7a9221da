import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { Header } from 'tar';
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
import { writeArchive } from './archive.js';
import { BackupRefused, createBackup, readBackupArchive, restoreBackup, tableCounts, type Manifest } from './backup.js';
import { seedOpsFixture } from './ops.fixtures.js';

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
    const entries = await readBackupArchive(archive);
    const names = entries.map((e) => e.name);
    expect(names[0]).toBe('manifest.json');
    expect(names.some((n) => n.includes('keys') || n.includes('data.key'))).toBe(false);
    const key = Buffer.from(TEST_KEY, 'base64');
    for (const e of entries) expect(e.data.includes(key) || e.data.includes(Buffer.from(TEST_KEY))).toBe(false);
    expect(refusedOverwrite).toBeInstanceOf(BackupRefused);
    // The staging directory and the `.part` file are gone.
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith('.part'))).toEqual([]);
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
    const entries = await readBackupArchive(archive);
    const rewrite = async (name: string, change: (m: Manifest) => void, alter?: (n: string, d: Buffer) => Buffer) => {
      const out = path.join(tmp, name);
      const copy = entries.map((e) => {
        if (e.name !== 'manifest.json') return { name: e.name, data: alter ? alter(e.name, e.data) : e.data };
        const m: Manifest = JSON.parse(e.data.toString());
        change(m);
        return { name: e.name, data: Buffer.from(JSON.stringify(m)) };
      });
      await writeArchive(copy, out, `${out}.staging`);
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

interface RawEntry {
  path: string;
  type?: 'File' | 'SymbolicLink' | 'Link' | 'CharacterDevice' | 'FIFO';
  data?: Buffer;
  linkpath?: string;
}

/** A .tar.gz written header by header with node-tar's Header: what a hostile archive can hold. */
function hostileTarGz(file: string, items: RawEntry[]): string {
  const blocks: Buffer[] = [];
  for (const it of items) {
    const data = it.data ?? Buffer.alloc(0);
    const block = Buffer.alloc(512);
    new Header({
      path: it.path,
      type: it.type ?? 'File',
      size: data.length,
      mode: 0o600,
      mtime: new Date(),
      linkpath: it.linkpath,
    }).encode(block, 0);
    blocks.push(block, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  fs.writeFileSync(file, gzipSync(Buffer.concat(blocks)));
  return file;
}

describe('restore refuses a hostile archive before writing anything', () => {
  const payload = Buffer.from('owned');
  const manifestFor = (names: string[], bytes = payload.length): Buffer => {
    const entries: Manifest['entries'] = {};
    const sha = createHash('sha256').update(payload).digest('hex');
    for (const n of names) entries[n] = { bytes, sha256: sha };
    return Buffer.from(JSON.stringify({ ...manifest, entries }));
  };
  const refuse = async (name: string, items: RawEntry[], why: RegExp) => {
    const file = hostileTarGz(path.join(tmp, `${name}.tar.gz`), items);
    const target = path.join(tmp, `hostile-${name}`);
    const err: unknown = await restoreBackup({ dataDir: target, dataKey: TEST_KEY }, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupRefused);
    expect(String(err)).toMatch(why);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(path.join(tmp, 'escaped'))).toBe(false);
  };

  it('an absolute path', async () => {
    const abs = path.join(tmp, 'escaped');
    await refuse(
      'absolute',
      [
        { path: 'manifest.json', data: manifestFor([abs]) },
        { path: abs, data: payload },
      ],
      /absolute path/,
    );
  });

  it('a path climbing out with ..', async () => {
    const name = 'files/../../escaped';
    await refuse(
      'dotdot',
      [
        { path: 'manifest.json', data: manifestFor([name]) },
        { path: name, data: payload },
      ],
      /climbs out/,
    );
  });

  it('a symbolic link, a hard link and a device', async () => {
    for (const [type, linkpath] of [
      ['SymbolicLink', '/etc/passwd'],
      ['Link', 'manifest.json'],
      ['CharacterDevice', undefined],
      ['FIFO', undefined],
    ] as const) {
      await refuse(
        `link-${type}`,
        [
          { path: 'manifest.json', data: manifestFor(['files/x']) },
          { path: 'files/x', type, linkpath },
        ],
        new RegExp(`is a ${type}: only files and directories`),
      );
    }
  });

  it('an archive expanding far beyond what its manifest declares (a decompression bomb)', async () => {
    const bomb = Buffer.alloc(32 * 1024 * 1024); // 32 MB of zeros: some 32 KB gzipped
    await refuse(
      'bomb',
      [
        { path: 'manifest.json', data: manifestFor(['files/x']) },
        { path: 'files/x', data: bomb },
      ],
      /expands beyond \d+ bytes/,
    );
    expect(fs.statSync(path.join(tmp, 'bomb.tar.gz')).size).toBeLessThan(1024 * 1024);
  });

  it('an archive not beginning with its manifest, or damaged', async () => {
    await refuse('no-manifest', [{ path: 'files/x', data: payload }], /does not begin with manifest.json/);
    const good = fs.readFileSync(archive);
    const cut = path.join(tmp, 'cut.tar.gz');
    fs.writeFileSync(cut, good.subarray(0, Math.floor(good.length / 2)));
    const err: unknown = await restoreBackup({ dataDir: path.join(tmp, 'cut'), dataKey: TEST_KEY }, cut).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BackupRefused);
    expect(String(err)).toMatch(/archive damaged/);
  });
});
