import os from 'node:os';
import { sql } from 'drizzle-orm';
import { Worker } from 'node:worker_threads';
import type { Crypto } from '../../server/kernel/crypto.js';
import type { Database } from '../../server/kernel/db.js';
import { workerUrl } from '../../server/kernel/worker.js';
import { identityColumns } from '../../server/modules/member/index.js';
import type { MemberGenerator, Union } from './gen.js';
import type { ChunkReply, ChunkRequest, WorkerInit } from './encrypt-worker.js';

// Bulk insert of generated members, the way a migration script would do it: rows encrypted with
// the app's own identityColumns (so blind indexes match the app's), 10k rows per statement as
// arrays unnested server-side (one round trip, 18 parameters, no 65,535-parameter limit).

export const CHUNK = 10_000;

export const INSERT_SQL = `
insert into member (org_id, name, id_number_enc, id_number_hash, gender, birth_date, phone_enc, phone_hash, ethnicity,
                    political_status, education, household_type, migrant_worker, employer, post, job_type, status, joined_at)
select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::bool[], $14::text[], $15::text[], $16::text[], $17::text[], $18::date[])`;

/** A PostgreSQL array literal ('{"a","b",NULL}') for text, number, boolean and null elements. */
export function arrayLiteral(values: unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] =
      v === null || v === undefined ? 'NULL' : typeof v === 'string' ? `"${v.replace(/[\\"]/g, '\\$&')}"` : String(v);
  }
  return `{${parts.join(',')}}`;
}

/** One chunk as column arrays, encrypted; `keep` leaves rows out (e.g. those a file spoils). */
export function encryptChunk(
  crypto: Crypto,
  gen: MemberGenerator,
  from: number,
  to: number,
  keep?: (i: number) => boolean,
): unknown[][] {
  const cols: unknown[][] = Array.from({ length: 18 }, () => []);
  for (let i = from; i < to; i++) {
    if (keep && !keep(i)) continue;
    const m = gen.at(i);
    const idc = identityColumns(crypto, { idNumber: m.idNumber, phone: m.phone });
    const row = [
      m.union.id,
      m.name,
      idc.idNumberEnc,
      idc.idNumberHash,
      idc.gender,
      idc.birthDate,
      idc.phoneEnc,
      idc.phoneHash,
      m.ethnicity,
      m.politicalStatus,
      m.education,
      m.householdType,
      m.migrantWorker,
      m.employer,
      m.post,
      m.jobType,
      m.status,
      m.joinedAt,
    ];
    for (let c = 0; c < 18; c++) (cols[c] as unknown[]).push(row[c]);
  }
  return cols;
}

/** Generates and encrypts chunks, each as the 18 INSERT_SQL parameters. */
export type ChunkSource = (from: number, to: number) => Promise<ChunkReply>;

/** Encryption in this thread (no parallelism). */
export function inThreadSource(crypto: Crypto, gen: MemberGenerator, keep?: (i: number) => boolean): ChunkSource {
  return async (from, to) => {
    const t = performance.now();
    const cols = encryptChunk(crypto, gen, from, to, keep);
    return { from, to, rows: cols[0]?.length ?? 0, params: cols.map(arrayLiteral), ms: performance.now() - t };
  };
}

/** Encryption spread over worker threads (one per core by default). */
export class EncryptPool {
  private readonly workers: { worker: Worker; busy: boolean }[] = [];
  private readonly waiting: { req: ChunkRequest; resolve: (r: ChunkReply) => void; reject: (e: unknown) => void }[] =
    [];
  private readonly pending = new Map<Worker, { resolve: (r: ChunkReply) => void; reject: (e: unknown) => void }>();

  constructor(
    unions: Union[],
    today: Date,
    masterKeyBase64: string,
    size = os.availableParallelism(),
    skip?: WorkerInit['skip'],
    format: WorkerInit['format'] = 'unnest',
  ) {
    const init: WorkerInit = { unions, todayMs: today.getTime(), masterKeyBase64, format, ...(skip ? { skip } : {}) };
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(workerUrl(import.meta.url, './encrypt-worker'), { workerData: init });
      const slot = { worker, busy: false };
      worker.on('message', (reply: ChunkReply) => this.settle(slot, (p) => p.resolve(reply)));
      worker.on('error', (err) => this.settle(slot, (p) => p.reject(err)));
      this.workers.push(slot);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private settle(
    slot: { worker: Worker; busy: boolean },
    f: (p: { resolve: (r: ChunkReply) => void; reject: (e: unknown) => void }) => void,
  ): void {
    const p = this.pending.get(slot.worker);
    this.pending.delete(slot.worker);
    slot.busy = false;
    if (p) f(p);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.workers) {
      if (slot.busy) continue;
      const next = this.waiting.shift();
      if (!next) return;
      slot.busy = true;
      this.pending.set(slot.worker, next);
      slot.worker.postMessage(next.req);
    }
  }

  readonly source: ChunkSource = (from, to) =>
    new Promise<ChunkReply>((resolve, reject) => {
      this.waiting.push({ req: { from, to }, resolve, reject });
      this.dispatch();
    });

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

export interface InsertFigures {
  rows: number;
  /** Wall time of the whole load. */
  seconds: number;
  /** Generation + encryption, summed over the threads that did it (CPU-bound, so ≈ CPU seconds). */
  encryptSeconds: number;
  /** Sum of the INSERT statements' round trips (with concurrency 1 and nothing ahead: the database's time alone). */
  insertSeconds: number;
}

/**
 * Inserts rows [from, to). Up to `ahead` chunks are encrypted ahead of the one being inserted,
 * and up to `concurrency` INSERTs are in flight at once. `ahead: 0, concurrency: 1` runs
 * encryption and inserts strictly one after the other: the raw insert baseline.
 */
export async function insertMembers(
  database: Database,
  source: ChunkSource,
  from: number,
  to: number,
  opts: { ahead: number; concurrency: number; onChunk?: (done: number) => void },
): Promise<InsertFigures> {
  const started = performance.now();
  const ranges: [number, number][] = [];
  for (let s = from; s < to; s += CHUNK) ranges.push([s, Math.min(to, s + CHUNK)]);
  const encrypted: (Promise<ChunkReply> | undefined)[] = [];
  let requested = 0;
  let encryptMs = 0;
  let insertMs = 0;
  let done = 0;
  let failure: unknown = null;
  const inFlight = new Set<Promise<void>>();
  const request = (upTo: number) => {
    for (; requested < ranges.length && requested <= upTo; requested++) {
      const [a, b] = ranges[requested] as [number, number];
      const p = source(a, b);
      p.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
      encrypted[requested] = p;
    }
  };
  for (let k = 0; k < ranges.length && !failure; k++) {
    request(k + opts.ahead);
    const chunk = await (encrypted[k] as Promise<ChunkReply>);
    encrypted[k] = undefined;
    encryptMs += chunk.ms;
    while (inFlight.size >= opts.concurrency) await Promise.race(inFlight);
    if (failure) break;
    const t = performance.now();
    const p: Promise<void> = database
      .query(INSERT_SQL, chunk.params)
      .then(
        () => {
          insertMs += performance.now() - t;
          done += chunk.rows;
          opts.onChunk?.(done);
        },
        (err: unknown) => {
          failure ??= err;
        },
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  await Promise.allSettled(encrypted.filter(Boolean));
  if (failure) throw failure;
  return {
    rows: done,
    seconds: (performance.now() - started) / 1000,
    encryptSeconds: encryptMs / 1000,
    insertSeconds: insertMs / 1000,
  };
}

const COPY_SQL = `copy member (org_id, name, id_number_enc, id_number_hash, gender, birth_date, phone_enc, phone_hash, ethnicity,
  political_status, education, household_type, migrant_worker, employer, post, job_type, status, joined_at) from stdin`;

/**
 * The raw COPY baseline: chunks from a 'copy' EncryptPool (encrypted one chunk ahead in a worker),
 * COPYed one after the other into member in ONE transaction, as the import does; only the COPYs
 * are timed.
 */
export async function copyMembers(
  database: Database,
  source: ChunkSource,
  from: number,
  to: number,
): Promise<InsertFigures> {
  if (!database.connect) throw new Error('COPY needs PostgreSQL');
  const started = performance.now();
  const conn = await database.connect();
  let copyMs = 0;
  let encryptMs = 0;
  let done = 0;
  try {
    await conn.db.execute(sql`begin`);
    let next = from < to ? source(from, Math.min(to, from + CHUNK)) : null;
    for (let s = from; s < to && next; s += CHUNK) {
      const chunk = await next;
      const after = s + CHUNK;
      next = after < to ? source(after, Math.min(to, after + CHUNK)) : null;
      next?.catch(() => undefined); // awaited on the next turn
      encryptMs += chunk.ms;
      const t = performance.now();
      await conn.copyIn(COPY_SQL, chunk.copy ?? '');
      copyMs += performance.now() - t;
      done += chunk.rows;
    }
    const t = performance.now();
    await conn.db.execute(sql`commit`);
    copyMs += performance.now() - t;
    conn.release();
  } catch (err) {
    conn.release(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
  return {
    rows: done,
    seconds: (performance.now() - started) / 1000,
    encryptSeconds: encryptMs / 1000,
    insertSeconds: copyMs / 1000,
  };
}

/** The member table's secondary indexes, as CREATE INDEX statements. */
export async function secondaryIndexes(database: Database): Promise<{ name: string; def: string }[]> {
  return database.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def
       from pg_indexes i join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
      where i.tablename = 'member' and i.schemaname = current_schema() and not x.indisprimary
      order by i.indexname`,
  );
}
