import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { verifyAudit } from '../kernel/audit.js';
import { createCrypto, type Crypto } from '../kernel/crypto.js';
import { MIGRATIONS_DIR, migrateDatabase, openDatabase, rows, type Database, type Db } from '../kernel/db.js';
import { projectRoot } from '../kernel/paths.js';
import { ArchiveRefused, readArchive, writeArchive, type ArchiveEntry } from './archive.js';

// Backup and restore of one UnionHub installation: the database (a PGlite snapshot, or pg_dump
// of PostgreSQL), the files under DATA_DIR (uploads, hardship evidence, import files) and a
// manifest (version, migration level, rows per table, a checksum per entry). The data key is
// never in the archive: the manifest holds only a check value that tells, at restore, whether
// the key given is the key the data was written under.

export const FORMAT = 'unionhub-backup/1';
const DB_PGLITE = 'database/pglite.tar.gz';
const DB_POSTGRES = 'database/postgres.dump';
const MANIFEST = 'manifest.json';
const README = 'README.txt';

/** Top-level names in DATA_DIR that are never copied as files: the database, the key, runtime files. */
export const NOT_FILES = new Set(['pglite', 'keys', 'ops.sock', 'server.pid', 'key-rotation.json']);

export interface MigrationLevel {
  /** Migrations applied. */
  count: number;
  /** The `when` of the last one applied (drizzle's journal), 0 when none. */
  lastWhen: number;
  /** Its tag (file name) when this code knows it. */
  lastTag: string | null;
}

export interface Manifest {
  format: typeof FORMAT;
  appVersion: string;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  migrations: MigrationLevel;
  /** Rows per table of the public schema, counted in the snapshot itself. */
  tables: Record<string, number>;
  /** An HMAC under the data key of a fixed text: tells whether a key is this data's key, reveals nothing of it. */
  keyCheck: string;
  /** Every other entry of the archive: its size and SHA-256. */
  entries: Record<string, { bytes: number; sha256: string }>;
}

export class BackupRefused extends Error {}

type Log = (line: string) => void;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export const keyCheck = (crypto: Crypto) => crypto.sign('backup-key-check', 'unionhub');

interface JournalEntry {
  when: number;
  tag: string;
}

function journal(): JournalEntry[] {
  const text = fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8');
  const parsed: unknown = JSON.parse(text);
  const entries = parsed && typeof parsed === 'object' ? Reflect.get(parsed, 'entries') : undefined;
  if (!Array.isArray(entries)) throw new Error('db/migrations/meta/_journal.json has no entries');
  return entries.map((e: unknown) => ({
    when: Number(e && typeof e === 'object' ? Reflect.get(e, 'when') : NaN),
    tag: String(e && typeof e === 'object' ? Reflect.get(e, 'tag') : ''),
  }));
}

/** The migration level this code knows (its journal's last entry). */
export function codeMigrationLevel(): MigrationLevel {
  const j = journal();
  const last = j[j.length - 1];
  return { count: j.length, lastWhen: last?.when ?? 0, lastTag: last?.tag ?? null };
}

export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const [exists] = await rows<{ t: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists?.t) return { count: 0, lastWhen: 0, lastTag: null };
  const [r] = await rows<{ count: number; last: string | number | null }>(
    db,
    sql`select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  const lastWhen = Number(r?.last ?? 0);
  return { count: r?.count ?? 0, lastWhen, lastTag: journal().find((e) => e.when === lastWhen)?.tag ?? null };
}

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(t.name)}`);
    counts[t.name] = r?.n ?? 0;
  }
  return counts;
}

/** The files of DATA_DIR to back up, as paths relative to it (no database, no key, no `.part`). */
export function dataFiles(dataDir: string, skip: string[] = []): string[] {
  const out: string[] = [];
  const skipped = new Set(skip.map((s) => path.resolve(s)));
  const walk = (dir: string, rel: string) => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if (err instanceof Error && Reflect.get(err, 'code') === 'ENOENT') return;
      throw err;
    }
    for (const d of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, d.name);
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (!rel && NOT_FILES.has(d.name)) continue;
      if (skipped.has(full) || d.name.endsWith('.part')) continue;
      if (d.isDirectory()) walk(full, r);
      else if (d.isFile()) out.push(r);
    }
  };
  walk(dataDir, '');
  return out;
}

function readme(m: Manifest): string {
  return [
    'UnionHub backup',
    `made ${m.createdAt} by version ${m.appVersion}, engine ${m.engine}, migration ${m.migrations.lastTag ?? m.migrations.count}`,
    '',
    'This archive does NOT contain the data key. Personal data (ID numbers, phones, hardship',
    'records) and the sealed files in it can only be read with the key the installation ran with',
    '(UNIONHUB_DATA_KEY, or DATA_DIR/keys/data.key). Keep that key apart from this archive:',
    'whoever holds both holds the registry; whoever loses the key loses the personal data.',
    '',
    'Restore: DATA_DIR=<empty directory> npm run restore -- <this archive>   (see docs/OPERATIONS.md)',
    '',
  ].join('\n');
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message} (is the PostgreSQL client installed?)`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${err.trim()}`))));
  });
}

interface Snapshot {
  name: string;
  data: Buffer;
  tables: Record<string, number>;
  migrations: MigrationLevel;
}

async function pgliteSnapshot(database: Database): Promise<Snapshot> {
  if (!database.snapshot) throw new Error('this database has no snapshot');
  const blob = await database.snapshot();
  const data = Buffer.from(await blob.arrayBuffer());
  // Counted in a copy opened from the snapshot itself: the counts are the archive's, and a
  // snapshot that does not open fails the backup now rather than on the day of the restore.
  const copy = await PGlite.create({
    loadDataDir: new Blob([data], { type: 'application/x-gzip' }),
    extensions: { pg_trgm },
  });
  try {
    const { drizzle } = await import('drizzle-orm/pglite');
    const db: Db = drizzle({ client: copy });
    return { name: DB_PGLITE, data, tables: await tableCounts(db), migrations: await migrationLevel(db) };
  } finally {
    await copy.close();
  }
}

async function postgresSnapshot(database: Database): Promise<Snapshot> {
  if (!database.connect || !database.url) throw new Error('no PostgreSQL connection');
  // One exported snapshot for the counts and for pg_dump: the manifest describes exactly the dump.
  const conn = await database.connect();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unionhub-dump-'));
  try {
    await conn.db.execute(sql`begin isolation level repeatable read read only`);
    const [snap] = await rows<{ id: string }>(conn.db, sql`select pg_export_snapshot() as id`);
    if (!snap) throw new Error('no snapshot');
    const tables = await tableCounts(conn.db);
    const migrations = await migrationLevel(conn.db);
    const file = path.join(tmp, 'db.dump');
    await run('pg_dump', ['--format=custom', `--snapshot=${snap.id}`, '--file', file, '--dbname', database.url]);
    await conn.db.execute(sql`commit`);
    return { name: DB_POSTGRES, data: fs.readFileSync(file), tables, migrations };
  } finally {
    conn.release();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export interface BackupSource {
  database: Database;
  dataDir: string;
  crypto: Crypto;
  /** Absolute paths under DATA_DIR not to copy (a BACKUP_DIR inside it). */
  skip?: string[];
}

/** Writes one archive (never over an existing file); returns its manifest. */
export async function createBackup(src: BackupSource, archive: string, log: Log = () => undefined): Promise<Manifest> {
  const target = path.resolve(archive);
  if (fs.existsSync(target)) throw new BackupRefused(`${target} exists already: give a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  log(`snapshot of the ${src.database.engine === 'pglite' ? 'embedded' : 'PostgreSQL'} database…`);
  const snap =
    src.database.engine === 'pglite' ? await pgliteSnapshot(src.database) : await postgresSnapshot(src.database);
  // Files after the database: a file written since is extra (harmless); the sweeps only remove
  // expired files, which the rows no longer need.
  const files = dataFiles(src.dataDir, [target, ...(src.skip ?? [])]);
  log(
    `database ${(snap.data.length / 1e6).toFixed(1)} MB, ${Object.values(snap.tables).reduce((a, b) => a + b, 0)} rows; ${files.length} files`,
  );
  const entries: Record<string, { bytes: number; sha256: string }> = {};
  entries[snap.name] = { bytes: snap.data.length, sha256: sha256(snap.data) };
  const fileData = new Map<string, Buffer>();
  for (const f of files) {
    const data = await fs.promises.readFile(path.join(src.dataDir, f)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null; // swept between the listing and the read
      throw err;
    });
    if (!data) continue;
    fileData.set(`files/${f}`, data);
    entries[`files/${f}`] = { bytes: data.length, sha256: sha256(data) };
  }
  const pkg: unknown = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const manifest: Manifest = {
    format: FORMAT,
    appVersion: String(pkg && typeof pkg === 'object' ? Reflect.get(pkg, 'version') : 'unknown'),
    createdAt: new Date().toISOString(),
    engine: src.database.engine,
    migrations: snap.migrations,
    tables: snap.tables,
    keyCheck: keyCheck(src.crypto),
    entries,
  };
  function* all(): Generator<ArchiveEntry> {
    yield { name: MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') };
    yield { name: README, data: Buffer.from(readme(manifest)) };
    yield { name: snap.name, data: snap.data };
    for (const [name, data] of fileData) yield { name, data };
  }
  // Both end in `.part`, so a backup of a DATA_DIR that holds the target never copies them.
  const part = `${target}.part`;
  const staging = `${target}.staging.part`;
  fs.rmSync(part, { force: true });
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    await writeArchive(all(), part, staging);
    fs.renameSync(part, target);
  } catch (err) {
    fs.rmSync(part, { force: true });
    throw err;
  }
  log(`written ${target} (${(fs.statSync(target).size / 1e6).toFixed(1)} MB)`);
  return manifest;
}

/** Where the data key of this configuration is, said in words for the operator. */
export function keyLocation(dataDir: string, envKey: string | undefined): string {
  return envKey
    ? 'the UNIONHUB_DATA_KEY environment variable'
    : `the key file ${path.join(dataDir, 'keys', 'data.key')}`;
}

export function keyWarning(dataDir: string, envKey: string | undefined): string {
  const bar = '!'.repeat(78);
  return [
    bar,
    '!! THE DATA KEY IS NOT IN THIS BACKUP.',
    `!! It is in ${keyLocation(dataDir, envKey)}.`,
    '!! Without it the ID numbers, phones and hardship records in the backup cannot be read.',
    '!! Keep a copy of it APART from the backups (another medium, a safe, a password manager):',
    '!! a backup and its key stored together are the whole registry for whoever takes them.',
    bar,
  ].join('\n');
}

// ——— restore ———

export interface RestoreTarget {
  dataDir: string;
  databaseUrl?: string;
  dataKey?: string;
}

export interface RestoreResult {
  manifest: Manifest;
  auditRows: number;
  files: number;
}

const ZManifest = z.object({
  format: z.literal(FORMAT),
  appVersion: z.string(),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  migrations: z.object({ count: z.number().int(), lastWhen: z.number(), lastTag: z.string().nullable() }),
  tables: z.record(z.string(), z.number().int()),
  keyCheck: z.string(),
  entries: z.record(z.string(), z.object({ bytes: z.number().int(), sha256: z.string() })),
});

/** A manifest sent back by the running server (control socket). */
export function manifestOf(value: unknown): Manifest {
  return ZManifest.parse(value);
}

function parseManifest(data: Buffer | undefined): Manifest {
  if (!data) throw new BackupRefused('not a UnionHub backup: the archive has no manifest.json');
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    throw new BackupRefused('archive damaged: manifest.json is not JSON');
  }
  const m = ZManifest.safeParse(json);
  if (!m.success)
    throw new BackupRefused(`not a UnionHub backup of format ${FORMAT}: ${m.error.issues[0]?.message ?? ''}`);
  return m.data;
}

/** The most a manifest may weigh: ~200 bytes per file, for some tens of thousands of files. */
const MANIFEST_MAX = 16 * 1024 * 1024;
/** Room for what the manifest does not declare (itself, README.txt, directories) and tar's own blocks. */
const SLACK_BYTES = 1024 * 1024;
const SLACK_PER_ENTRY = 4 * 512;

/**
 * Reads an archive to restore, held to what its manifest (the first entry) declares: the declared
 * bytes of every entry plus tar's blocks and a margin; an archive expanding further is refused
 * while being read (a decompression bomb), as are links, devices and paths leaving the archive.
 */
export async function readBackupArchive(file: string): Promise<ArchiveEntry[]> {
  try {
    return await readArchive(file, {
      first: MANIFEST,
      firstMax: MANIFEST_MAX,
      budget: (first) => {
        const m = parseManifest(first.data);
        const declared = Object.values(m.entries).reduce((sum, e) => sum + Math.max(0, e.bytes), 0);
        const count = Object.keys(m.entries).length + 2;
        return first.data.length + declared + SLACK_BYTES + count * SLACK_PER_ENTRY;
      },
    });
  } catch (err) {
    if (err instanceof ArchiveRefused) throw new BackupRefused(err.message);
    throw err;
  }
}

function checkLevel(m: Manifest): void {
  const code = codeMigrationLevel();
  if (m.migrations.count > code.count || m.migrations.lastWhen > code.lastWhen) {
    throw new BackupRefused(
      `the backup is at a newer migration level (${m.migrations.lastTag ?? '?'}, ${m.migrations.count} migrations, version ${m.appVersion}) ` +
        `than this code knows (${code.lastTag ?? '?'}, ${code.count}): restore it with that version of UnionHub or a later one`,
    );
  }
}

function assertEmptyDataDir(dataDir: string): void {
  if (!fs.existsSync(dataDir)) return;
  const present = fs.readdirSync(dataDir).filter((n) => n !== 'keys');
  if (present.length > 0) {
    throw new BackupRefused(
      `DATA_DIR ${dataDir} is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}): ` +
        'restore goes into an empty directory only (it may hold keys/ with the data key). Move the old data aside first.',
    );
  }
}

function restoreKey(target: RestoreTarget): Buffer {
  if (target.dataKey) return Buffer.from(target.dataKey, 'base64');
  const file = path.join(target.dataDir, 'keys', 'data.key');
  if (!fs.existsSync(file)) {
    throw new BackupRefused(
      `no data key: set UNIONHUB_DATA_KEY, or put the key file at ${file} (mode 600), as for the server. ` +
        'The backup does not hold the key; without the key the personal data in it cannot be read.',
    );
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new BackupRefused(`${file} does not hold a 32-byte base64 key`);
  return key;
}

function safeName(name: string): string {
  const rel = name.slice('files/'.length);
  const norm = path.posix.normalize(rel);
  if (
    !rel ||
    norm !== rel ||
    norm.startsWith('../') ||
    path.posix.isAbsolute(norm) ||
    NOT_FILES.has(norm.split('/')[0] ?? '')
  ) {
    throw new BackupRefused(`archive entry ${name} is not a plain path inside DATA_DIR`);
  }
  return norm;
}

async function assertEmptyPostgres(url: string): Promise<void> {
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    const [r] = await database.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname in ('public', 'drizzle') and c.relkind in ('r', 'v', 'm', 'S', 'p')`,
    );
    if ((r?.n ?? 0) > 0) {
      throw new BackupRefused(
        'the database of DATABASE_URL is not empty: restore goes into an empty database only (createdb a new one, e.g. createdb unionhub_restored)',
      );
    }
  } finally {
    await database.close();
  }
}

/** A first value of a `*_enc` column, decrypted: proves the key opens the restored data. */
async function decryptProbe(db: Db, crypto: Crypto): Promise<number> {
  const cols = await rows<{ t: string; c: string }>(
    db,
    sql`select table_name as t, column_name as c from information_schema.columns
         where table_schema = 'public' and column_name like '%\_enc' and data_type = 'text' order by 1, 2`,
  );
  let opened = 0;
  for (const { t, c } of cols) {
    const [r] = await rows<{ v: string }>(
      db,
      sql`select ${sql.identifier(c)} as v from ${sql.identifier(t)} where ${sql.identifier(c)} is not null limit 1`,
    );
    if (!r) continue;
    crypto.decrypt(r.v); // throws when the key is not the data's
    opened++;
  }
  return opened;
}

export async function restoreBackup(
  target: RestoreTarget,
  archive: string,
  log: Log = () => undefined,
): Promise<RestoreResult> {
  const file = path.resolve(archive);
  if (!fs.existsSync(file)) throw new BackupRefused(`no such archive: ${file}`);
  const engine = target.databaseUrl ? 'postgres' : 'pglite';
  // Cheap refusals first, before the archive is read.
  assertEmptyDataDir(target.dataDir);
  if (engine === 'postgres' && target.databaseUrl) await assertEmptyPostgres(target.databaseUrl);
  log(`reading ${file}…`);
  const entries = await readBackupArchive(file);
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const manifest = parseManifest(byName.get(MANIFEST));
  checkLevel(manifest);
  if (manifest.engine !== engine) {
    throw new BackupRefused(
      `the backup is of the ${manifest.engine === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'} database; ` +
        (engine === 'postgres'
          ? 'unset DATABASE_URL to restore it as embedded'
          : 'set DATABASE_URL to an empty PostgreSQL database to restore it'),
    );
  }
  for (const [name, want] of Object.entries(manifest.entries)) {
    const data = byName.get(name);
    if (!data) throw new BackupRefused(`archive damaged: ${name} is missing`);
    if (data.length !== want.bytes || sha256(data) !== want.sha256)
      throw new BackupRefused(`archive damaged: ${name} does not match its checksum`);
  }
  const crypto = createCrypto(restoreKey(target));
  if (keyCheck(crypto) !== manifest.keyCheck) {
    throw new BackupRefused(
      'the data key given is not the key this backup was made under: give the key the installation ran with (UNIONHUB_DATA_KEY or keys/data.key)',
    );
  }
  log('archive intact, key matches; writing files…');
  let files = 0;
  try {
    fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
    for (const name of Object.keys(manifest.entries)) {
      if (!name.startsWith('files/')) continue;
      const data = byName.get(name);
      if (!data) continue;
      const dest = path.join(target.dataDir, safeName(name));
      fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
      fs.writeFileSync(dest, data, { mode: 0o600, flag: 'wx' });
      files++;
    }
    log('restoring the database…');
    if (engine === 'pglite') {
      const data = byName.get(DB_PGLITE);
      if (!data) throw new BackupRefused(`archive damaged: ${DB_PGLITE} is missing`);
      const pg = await PGlite.create({
        dataDir: path.join(target.dataDir, 'pglite'),
        loadDataDir: new Blob([new Uint8Array(data)], { type: 'application/x-gzip' }),
        extensions: { pg_trgm },
      });
      await pg.close();
    } else {
      const data = byName.get(DB_POSTGRES);
      if (!data || !target.databaseUrl) throw new BackupRefused(`archive damaged: ${DB_POSTGRES} is missing`);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unionhub-restore-'));
      try {
        const dump = path.join(tmp, 'db.dump');
        fs.writeFileSync(dump, data, { mode: 0o600 });
        await run('pg_restore', [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          '--dbname',
          target.databaseUrl,
          dump,
        ]);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
  } catch (err) {
    // Past the checks, a failure leaves a half-written target: say so, since a retry needs it empty.
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `${why}\nThe restore stopped half-way: empty ${target.dataDir}${engine === 'postgres' ? ' and drop and recreate the database' : ''} before trying again.`,
    );
  }
  const database = await openDatabase({ url: target.databaseUrl, dataDir: path.join(target.dataDir, 'pglite') });
  try {
    const counts = await tableCounts(database.db);
    const wrong = Object.entries(manifest.tables).filter(([t, n]) => counts[t] !== n);
    if (wrong.length > 0) {
      throw new Error(
        `restored rows differ from the manifest: ${wrong.map(([t, n]) => `${t} ${counts[t] ?? 'missing'} of ${n}`).join(', ')}`,
      );
    }
    log(`rows as in the manifest (${Object.keys(counts).length} tables); migrating to this code's level…`);
    await migrateDatabase(database);
    const audit = await verifyAudit(database.db, crypto);
    if (!audit.ok)
      throw new Error(
        `the restored audit log does not verify: ${audit.problem ?? ''} (row ${audit.firstBadId ?? '?'})`,
      );
    const opened = await decryptProbe(database.db, crypto);
    log(
      `audit log intact (${audit.checked} rows); personal data opens with the key (${opened} encrypted columns probed)`,
    );
    return { manifest, auditRows: audit.checked, files };
  } finally {
    await database.close();
  }
}
