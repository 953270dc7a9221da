import fs from 'node:fs';
import path from 'node:path';
import { asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { GENESIS, headSeal, rowMac, verifyAudit } from '../kernel/audit.js';
import { createCrypto, type Crypto } from '../kernel/crypto.js';
import { rows, type Database, type Db } from '../kernel/db.js';
import { readSealed, writeSealed } from '../kernel/files.js';
import { auditHead, auditLog } from '../kernel/kernel.schema.js';
import { dataFiles, keyCheck } from './backup.js';

// Data-key rotation: every ciphertext (`*_enc` columns, `…Enc` fields inside jsonb), every blind
// index (`phone_hash`, `id_number_hash`, `recipient_hash`, `…Hash` beside an `…Enc` in jsonb),
// every sealed file, and the audit chain (its HMACs are under a subkey of the data key: the chain
// is checked under the old key first, then re-chained under the new one) move to a new key.
//
// In batches, each batch one transaction together with the progress row (table
// ops_key_rotation), so a crash loses at most the batch in flight and the next run resumes where
// the last committed batch ended. The old key is needed until the run ends; the server must not
// run meanwhile (it refuses to start while a rotation is unfinished). Columns ending in _hash or
// _enc that this code does not know stop the rotation before it changes anything.

const PROGRESS = 'ops_key_rotation';

/** Blind-index columns: the kind they hash and where the clear value is (a column, or a jsonb field). */
const KEYED_HASH: Record<string, { kind: string; enc: string; json?: [string, string] }> = {
  phone_hash: { kind: 'phone', enc: 'phone_enc' },
  recipient_hash: { kind: 'phone', enc: 'recipient_enc' },
  id_number_hash: { kind: 'idNumber', enc: 'id_number_enc', json: ['form', 'idNumberEnc'] },
};
/** `…Hash` fields inside jsonb beside an `…Enc`: the kind of their base name. */
const JSON_HASH_KIND: Record<string, string> = { phone: 'phone', idNumber: 'idNumber', recipient: 'phone' };
/** Hash columns that are not under the data key (password and session hashes) or are handled apart. */
const NOT_KEYED = new Set(['password_hash', 'id_hash', 'hash', 'prev_hash', 'last_hash']);
/** Tables handled apart: the audit chain (re-chained), one-time codes (deleted: they live minutes). */
const APART = new Set(['audit_log', 'audit_head', 'otp_code', PROGRESS]);

export class RotationRefused extends Error {}

interface Column {
  name: string;
  type: string;
}

interface TablePlan {
  table: string;
  pk: Column[];
  enc: string[];
  hash: string[];
  json: string[];
}

interface Progress {
  old_check: string;
  new_check: string;
  phase: 'rows' | 'audit' | 'files';
  tbl: string | null;
  last_pk: unknown[] | null;
  audit_last_id: number;
  audit_prev: string;
  last_file: string | null;
  batches: number;
}

export interface RotateOptions {
  database: Database;
  dataDir: string;
  oldKey: Buffer;
  newKey: Buffer;
  batchSize?: number;
  /** Tests: stop (as a crash would) after this many batches of this run. */
  stopAfterBatches?: number;
  log?: (line: string) => void;
}

export type RotateResult = { done: true; batches: number } | { done: false; batches: number };

/** Whether a rotation has begun and not finished on this database (the server refuses to start then). */
export async function rotationUnfinished(database: Database): Promise<boolean> {
  const [r] = await database.query<{ t: string | null }>(`select to_regclass('${PROGRESS}')::text as t`);
  return Boolean(r?.t);
}

async function plan(db: Db): Promise<TablePlan[]> {
  const cols = await rows<{ t: string; c: string; type: string; pk: boolean }>(
    db,
    sql`select c.table_name as t, c.column_name as c, format_type(a.atttypid, a.atttypmod) as type,
               exists (select 1 from information_schema.table_constraints tc
                         join information_schema.key_column_usage k
                           on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
                        where tc.table_schema = 'public' and tc.table_name = c.table_name
                          and tc.constraint_type = 'PRIMARY KEY' and k.column_name = c.column_name) as pk
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
          join pg_attribute a on a.attrelid = ('public.' || quote_ident(c.table_name))::regclass and a.attname = c.column_name
         where c.table_schema = 'public'
         order by c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, TablePlan>();
  const unknown: string[] = [];
  for (const c of cols) {
    if (APART.has(c.t)) continue;
    let p = byTable.get(c.t);
    if (!p) byTable.set(c.t, (p = { table: c.t, pk: [], enc: [], hash: [], json: [] }));
    if (c.pk) p.pk.push({ name: c.c, type: c.type });
    if (c.c.endsWith('_enc')) {
      if (c.type !== 'text') unknown.push(`${c.t}.${c.c} (${c.type})`);
      else p.enc.push(c.c);
    } else if (c.c.endsWith('_hash') && !NOT_KEYED.has(c.c)) {
      if (!KEYED_HASH[c.c]) unknown.push(`${c.t}.${c.c}`);
      else p.hash.push(c.c);
    } else if (c.type === 'jsonb') p.json.push(c.c);
  }
  if (unknown.length > 0) {
    throw new RotationRefused(
      `columns this rotation does not know how to re-key: ${unknown.join(', ')}. Teach server/ops/rotate.ts (KEYED_HASH, NOT_KEYED) first; nothing was changed.`,
    );
  }
  const plans = [...byTable.values()].filter((p) => p.enc.length + p.hash.length + p.json.length > 0);
  for (const p of plans)
    if (p.pk.length === 0) throw new RotationRefused(`table ${p.table} has no primary key to page by`);
  return plans.sort((a, b) => (a.table < b.table ? -1 : 1));
}

const TOKEN = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

class Rekey {
  constructor(
    private readonly oldC: Crypto,
    private readonly newC: Crypto,
  ) {}

  /** Clear text of a ciphertext under the old key (or, for a value already moved, the new one). */
  open(token: string, where: string): string {
    try {
      return this.oldC.decrypt(token);
    } catch {
      try {
        return this.newC.decrypt(token);
      } catch {
        throw new Error(`${where}: opens with neither the old nor the new key`);
      }
    }
  }

  value(token: string, where: string): string {
    return this.newC.encrypt(this.open(token, where));
  }

  index(kind: string, clear: string, oldHash: string | null, where: string): string {
    if (
      oldHash !== null &&
      oldHash !== this.oldC.blindIndex(kind, clear) &&
      oldHash !== this.newC.blindIndex(kind, clear)
    ) {
      throw new Error(
        `${where}: the blind index does not match its value under the old key; nothing of this batch was changed`,
      );
    }
    return this.newC.blindIndex(kind, clear);
  }

  /** A jsonb value with every `…Enc` string re-encrypted and every `…Hash` beside one recomputed. */
  json(value: unknown, where: string): { value: unknown; changed: boolean } {
    let changed = false;
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (!v || typeof v !== 'object') return v;
      const out: Record<string, unknown> = {};
      const entries = Object.entries(v);
      for (const [k, x] of entries) out[k] = walk(x);
      for (const [k, x] of entries) {
        if (k.endsWith('Enc') && typeof x === 'string' && TOKEN.test(x)) {
          const clear = this.open(x, `${where}.${k}`);
          out[k] = this.newC.encrypt(clear);
          changed = true;
          const base = k.slice(0, -3);
          const kind = JSON_HASH_KIND[base];
          const h = Reflect.get(v, `${base}Hash`);
          if (kind && typeof h === 'string') out[`${base}Hash`] = this.index(kind, clear, h, `${where}.${base}Hash`);
        }
      }
      return out;
    };
    const walked = walk(value);
    return { value: changed ? walked : value, changed };
  }
}

async function readProgress(db: Db): Promise<Progress | null> {
  const [p] = await rows<Progress>(db, sql`select * from ${sql.identifier(PROGRESS)} where id = 1`);
  return p ?? null;
}

async function saveProgress(db: Db, p: Partial<Progress>): Promise<void> {
  const sets = Object.entries(p).map(([k, v]) =>
    k === 'last_pk'
      ? sql`${sql.identifier(k)} = ${v === null ? null : JSON.stringify(v)}::jsonb`
      : sql`${sql.identifier(k)} = ${v}`,
  );
  await db.execute(
    sql`update ${sql.identifier(PROGRESS)} set ${sql.join(sets, sql`, `)}, batches = batches + 1 where id = 1`,
  );
}

async function rowsBatch(
  db: Db,
  p: TablePlan,
  after: unknown[] | null,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const pkList = sql.join(
    p.pk.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const cols = sql.join(
    [...new Set([...p.pk.map((c) => c.name), ...p.enc, ...p.hash, ...p.json])].map((c) => sql.identifier(c)),
    sql`, `,
  );
  const where: SQL = after
    ? sql`where (${pkList}) > (${sql.join(
        p.pk.map((c, i) => sql`${after[i]}::${sql.raw(c.type)}`),
        sql`, `,
      )})`
    : sql``;
  return rows<Record<string, unknown>>(
    db,
    sql`select ${cols} from ${sql.identifier(p.table)} ${where} order by ${pkList} limit ${limit} for update`,
  );
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

async function rekeyRow(tx: Db, p: TablePlan, r: Record<string, unknown>, k: Rekey): Promise<void> {
  const where = `${p.table} ${p.pk.map((c) => String(r[c.name])).join('/')}`;
  const sets: SQL[] = [];
  const clear = new Map<string, string>();
  for (const c of p.enc) {
    const v = str(r[c]);
    if (v === null) continue;
    const plain = k.open(v, `${where}.${c}`);
    clear.set(c, plain);
    sets.push(sql`${sql.identifier(c)} = ${k.value(v, `${where}.${c}`)}`);
  }
  const jsonValues = new Map<string, unknown>();
  for (const c of p.json) {
    if (r[c] === null || r[c] === undefined) continue;
    const j = k.json(r[c], `${where}.${c}`);
    jsonValues.set(c, r[c]);
    if (j.changed) sets.push(sql`${sql.identifier(c)} = ${JSON.stringify(j.value)}::jsonb`);
  }
  for (const c of p.hash) {
    const old = str(r[c]);
    const rule = KEYED_HASH[c];
    if (old === null || !rule) continue;
    let plain = clear.get(rule.enc) ?? null;
    if (plain === null && rule.json) {
      const holder = jsonValues.get(rule.json[0]);
      const token = holder && typeof holder === 'object' ? Reflect.get(holder, rule.json[1]) : undefined;
      if (typeof token === 'string') plain = k.open(token, `${where}.${rule.json[0]}.${rule.json[1]}`);
    }
    if (plain === null) throw new Error(`${where}.${c}: no clear value to recompute the blind index from`);
    sets.push(sql`${sql.identifier(c)} = ${k.index(rule.kind, plain, old, `${where}.${c}`)}`);
  }
  if (sets.length === 0) return;
  const cond = sql.join(
    p.pk.map((c) => sql`${sql.identifier(c.name)} = ${r[c.name]}::${sql.raw(c.type)}`),
    sql` and `,
  );
  await tx.execute(sql`update ${sql.identifier(p.table)} set ${sql.join(sets, sql`, `)} where ${cond}`);
}

/** Runs (or resumes) the rotation. Returns done: false when stopped by `stopAfterBatches`. */
export async function rotateKey(o: RotateOptions): Promise<RotateResult> {
  const log = o.log ?? (() => undefined);
  const batchSize = o.batchSize ?? 500;
  const oldC = createCrypto(o.oldKey);
  const newC = createCrypto(o.newKey);
  if (o.oldKey.equals(o.newKey)) throw new RotationRefused('the new key is the current key');
  const k = new Rekey(oldC, newC);
  const db = o.database.db;
  let batches = 0;
  const stop = () => o.stopAfterBatches !== undefined && batches >= o.stopAfterBatches;

  let progress = (await rotationUnfinished(o.database)) ? await readProgress(db) : null;
  if (progress) {
    if (progress.old_check !== keyCheck(oldC) || progress.new_check !== keyCheck(newC)) {
      throw new RotationRefused(
        'a rotation to another key (or from another key) is unfinished here: give the same current and new keys as when it began',
      );
    }
    log(
      `resuming the rotation (phase ${progress.phase}${progress.tbl ? `, table ${progress.tbl}` : ''}, ${progress.batches} batches done)`,
    );
  } else {
    const plans = await plan(db); // refuses unknown columns before anything changes
    const audit = await verifyAudit(db, oldC);
    if (!audit.ok) {
      throw new RotationRefused(
        `the audit log does not verify under the current key (${audit.problem ?? ''}, row ${audit.firstBadId ?? '?'}): ` +
          'rotation re-chains it, which would hide that; investigate first (npm run audit:verify)',
      );
    }
    await db.transaction(async (tx) => {
      await tx.execute(
        sql.raw(`create table ${PROGRESS} (
          id int primary key check (id = 1), old_check text not null, new_check text not null,
          phase text not null, tbl text, last_pk jsonb, audit_last_id bigint not null default 0,
          audit_prev text not null default '${GENESIS}', last_file text, batches int not null default 0,
          started_at timestamptz not null default now())`),
      );
      await tx.execute(
        sql`insert into ${sql.identifier(PROGRESS)} (id, old_check, new_check, phase, tbl) values (1, ${keyCheck(oldC)}, ${keyCheck(newC)}, 'rows', ${plans[0]?.table ?? null})`,
      );
      // One-time sign-in codes are hashed under the key and live minutes: they are dropped, not moved.
      await tx.execute(sql`delete from otp_code`);
    });
    log(`rotation begun: ${plans.length} tables, audit chain of ${audit.checked} rows verified under the current key`);
    progress = await readProgress(db);
  }
  if (!progress) throw new Error('rotation progress is missing');

  // Phase 1: rows, table by table in name order, by primary key.
  if (progress.phase === 'rows') {
    const plans = await plan(db);
    let table = progress.tbl;
    let after = progress.last_pk;
    if (table === null || !plans.some((p) => p.table === table)) {
      await db.transaction((tx) => saveProgress(tx, { phase: 'audit', tbl: null, last_pk: null }));
      table = null;
    }
    for (let i = plans.findIndex((p) => p.table === table); table !== null && i >= 0 && i < plans.length;) {
      if (stop()) return { done: false, batches };
      const p = plans[i];
      if (!p) break;
      const next = plans[i + 1]?.table ?? null;
      const moved = await db.transaction(async (tx) => {
        const batch = await rowsBatch(tx, p, after, batchSize);
        for (const r of batch) await rekeyRow(tx, p, r, k);
        const last = batch[batch.length - 1];
        if (batch.length < batchSize || !last) {
          await saveProgress(tx, next ? { tbl: next, last_pk: null } : { phase: 'audit', tbl: null, last_pk: null });
          return { n: batch.length, last: null };
        }
        const lastPk = p.pk.map((c) => last[c.name]);
        await saveProgress(tx, { last_pk: lastPk });
        return { n: batch.length, last: lastPk };
      });
      batches++;
      if (moved.n > 0)
        log(
          `  ${p.table}: ${moved.n} rows re-keyed${moved.last ? ` (up to ${moved.last.join('/')})` : ', table done'}`,
        );
      if (moved.last) after = moved.last;
      else {
        i++;
        table = next;
        after = null;
      }
    }
    progress = await readProgress(db);
    if (!progress) throw new Error('rotation progress is missing');
  }

  // Phase 2: the audit chain, re-encrypted where it holds ciphertext and re-chained under the new key.
  if (progress.phase === 'audit') {
    const [{ total } = { total: 0 }] = await rows<{ total: number }>(
      db,
      sql`select count(*)::int as total from audit_log`,
    );
    let lastId = progress.audit_last_id;
    let prev = progress.audit_prev;
    for (;;) {
      if (stop()) return { done: false, batches };
      const r = await db.transaction(async (tx) => {
        const batch = await tx
          .select()
          .from(auditLog)
          .where(gt(auditLog.id, lastId))
          .orderBy(asc(auditLog.id))
          .limit(batchSize)
          .for('update');
        let p = prev;
        // The log refuses updates (a trigger). Within this transaction only, for the re-chaining:
        // ALTER TABLE is transactional, so a crash or an error leaves the trigger in place.
        await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
        for (const row of batch) {
          const before = k.json(row.before, `audit_log ${row.id}.before`).value;
          const after = k.json(row.after, `audit_log ${row.id}.after`).value;
          const hash = rowMac(newC, { ...row, before, after, prevHash: p });
          await tx.update(auditLog).set({ before, after, prevHash: p, hash }).where(eq(auditLog.id, row.id));
          p = hash;
        }
        await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
        const last = batch[batch.length - 1];
        if (!last) {
          const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
          if (head)
            await tx
              .update(auditHead)
              .set({ lastHash: p, seal: headSeal(newC, head.lastId, p) })
              .where(eq(auditHead.id, 1));
          await saveProgress(tx, { phase: 'files' });
          return null;
        }
        await saveProgress(tx, { audit_last_id: last.id, audit_prev: p });
        return { lastId: last.id, prev: p, n: batch.length };
      });
      batches++;
      if (!r) break;
      lastId = r.lastId;
      prev = r.prev;
      log(`  audit_log: ${lastId} of about ${total} rows re-chained`);
    }
    progress = await readProgress(db);
    if (!progress) throw new Error('rotation progress is missing');
  }

  // Phase 3: sealed files, each rewritten under a temporary name and renamed (a crash leaves the
  // old or the new file whole); a file that opens with the new key already is skipped.
  if (progress.phase === 'files') {
    const files = dataFiles(o.dataDir).filter((f) => progress?.last_file === null || f > (progress?.last_file ?? ''));
    for (let i = 0; i < files.length; i += batchSize) {
      if (stop()) return { done: false, batches };
      const chunk = files.slice(i, i + batchSize);
      let moved = 0;
      for (const f of chunk) if (await rekeyFile(path.join(o.dataDir, f), oldC, newC)) moved++;
      const last = chunk[chunk.length - 1] ?? null;
      await db.transaction((tx) => saveProgress(tx, { last_file: last }));
      batches++;
      log(`  files: ${Math.min(i + batchSize, files.length)} of ${files.length} looked at, ${moved} re-sealed`);
    }
  }

  const check = await verifyAudit(db, newC);
  if (!check.ok)
    throw new Error(`after rotation the audit chain does not verify under the new key: ${check.problem ?? ''}`);
  await db.execute(sql.raw(`drop table ${PROGRESS}`));
  log(`rotation finished: the audit chain of ${check.checked} rows verifies under the new key`);
  return { done: true, batches };
}

const MAGIC = Buffer.from('UHSEAL1\n', 'latin1');

/** Re-seals one file under the new key; false when it is not a file under the key or is moved already. */
async function rekeyFile(file: string, oldC: Crypto, newC: Crypto): Promise<boolean> {
  const raw = await fs.promises.readFile(file).catch(() => null);
  if (!raw) return false;
  if (raw.subarray(0, MAGIC.length).equals(MAGIC)) {
    const fresh = await readSealed(newC, file).catch(() => null);
    if (fresh) return false;
    const clear = await readSealed(oldC, file);
    if (!clear) return false;
    await writeSealed(newC, file, clear);
    return true;
  }
  // Evidence of the first release: the file is one ciphertext token of the PII key.
  const text = raw.toString('utf8').trim();
  if (!TOKEN.test(text)) return false;
  try {
    oldC.decrypt(text);
  } catch {
    return false; // not under the old key (moved already, or not ours)
  }
  const part = `${file}.part`;
  await fs.promises.writeFile(part, newC.encrypt(oldC.decrypt(text)), { mode: 0o600 });
  await fs.promises.rename(part, file);
  return true;
}
