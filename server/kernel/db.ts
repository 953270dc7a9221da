import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { and, or, sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTable, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isDatabaseUnavailable } from './errors.js';
import { projectRoot } from './paths.js';

// One code path for both engines: Drizzle over PGlite (embedded, the default) or over node-postgres.
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** PostgreSQL: the connection string (a worker thread opens its own pool with it). */
  url: string | null;
  /** Runs raw SQL with numbered parameters; for hot paths that skip the query builder. */
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Receives NOTIFY payloads on a channel; after a lost connection it delivers '*' (anything may be missed). */
  listen(channel: string, handler: (payload: string) => void): Promise<void>;
  /**
   * PostgreSQL only (PGlite has one connection in all, so null there): a connection of its own,
   * for a long transaction driven by hand and for COPY. Release it in every case.
   */
  connect: (() => Promise<Connection>) | null;
  /** Connections checked out of the pool now: 0 once the app is idle (more means a leak). */
  connectionsInUse(): number;
  /**
   * PGlite only (null on PostgreSQL, where pg_dump takes the snapshot): a gzipped tar of the data
   * directory taken while no transaction is open, so it holds committed work only (server/ops/backup.ts).
   */
  snapshot: (() => Promise<Blob>) | null;
  close(): Promise<void>;
}

export interface Connection {
  /** Drizzle on this connection: `begin`/`commit` through it apply to what follows on it. */
  db: Db;
  /** `COPY … FROM STDIN` with `text` in COPY's text format. */
  copyIn(statement: string, text: string): Promise<void>;
  /** Back to the pool; with an error the connection is closed instead of reused. */
  release(err?: Error): void;
}

export const MIGRATIONS_DIR = path.join(projectRoot, 'db/migrations');

// int8 and numeric come back as strings from node-postgres unless told otherwise; PGlite returns
// numbers. Ids and counts here stay far below 2^53, so both engines return numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDatabase(opts: { url?: string; dataDir?: string; poolSize?: number }): Promise<Database> {
  if (opts.url) {
    // JIT off: an interactive request never gains from it, and a slow plan that passes
    // jit_above_cost spends seconds compiling (2.2 s of one 18.6 s count, bench/FINDINGS.md §4e).
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, options: '-c jit=off' });
    pool.on('error', () => undefined); // an idle client's error is surfaced on its next use
    // A client checked out (a transaction, a COPY) has no pool listener: when its backend is
    // terminated between two queries, node-postgres emits 'error' on it, and an 'error' event
    // nobody listens to ends the process. This listener stays for the client's life; the client
    // is then not queryable, its next query fails (the request answers 503) and the pool drops
    // it on release instead of reusing it.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db: Db = drizzlePg({ client: pool });
    // Drizzle's own transaction over a pool sends BEGIN before its try/finally: a BEGIN that meets
    // a terminated connection leaves the client checked out for ever, and after a few such faults
    // the pool is empty and every request waits. So the client is checked out and released here.
    // A generic method replaced by a non-generic function: TypeScript cannot check the override.
    db.transaction = (async (work: Parameters<Db['transaction']>[0], config?: Parameters<Db['transaction']>[1]) => {
      const client = await pool.connect();
      let failure: Error | boolean = false;
      try {
        return await drizzlePg({ client }).transaction(work, config);
      } catch (err) {
        if (isDatabaseUnavailable(err)) failure = err instanceof Error ? err : true;
        throw err;
      } finally {
        client.release(failure); // a broken connection is closed, not reused
      }
    }) as Db['transaction'];
    const listeners = new Set<pg.Client>();
    let closing = false;
    const url = opts.url;
    async function listen(channel: string, handler: (payload: string) => void): Promise<void> {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined); // until subscribed, a failure rejects below
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
      } catch (err) {
        void client.end().catch(() => undefined);
        throw err;
      }
      client.on('notification', (n) => n.channel === channel && handler(n.payload ?? ''));
      // A lost connection shows as 'error' and again as 'end': resubscribe once, with backoff
      // while the server is away; '*' on the loss and again once listening (NOTIFYs between are lost).
      let lost = false;
      const onLost = () => {
        if (lost) return;
        lost = true;
        listeners.delete(client);
        void client.end().catch(() => undefined);
        if (closing) return;
        handler('*');
        resubscribe(channel, handler, 1);
      };
      client.on('error', onLost);
      client.on('end', onLost);
      if (closing) void client.end().catch(() => undefined);
      else listeners.add(client);
    }
    function resubscribe(channel: string, handler: (payload: string) => void, attempt: number): void {
      const timer = setTimeout(
        () => {
          if (closing) return;
          listen(channel, handler).then(
            () => handler('*'),
            () => resubscribe(channel, handler, attempt + 1),
          );
        },
        Math.min(5000, 100 * 2 ** attempt),
      );
      timer.unref();
    }
    return {
      db,
      engine: 'postgres',
      url,
      async query<T>(text: string, params: unknown[] = []) {
        const r = await pool.query<T & pg.QueryResultRow>(text, params);
        return r.rows;
      },
      listen,
      async connect() {
        const client = await pool.connect();
        return {
          db: drizzlePg({ client }),
          copyIn: (statement, text) => pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(statement))),
          release: (err) => client.release(err),
        };
      },
      connectionsInUse: () => pool.totalCount - pool.idleCount,
      snapshot: null,
      async close() {
        closing = true;
        await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
        await pool.end();
      },
    };
  }
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: opts.dataDir, extensions: { pg_trgm } });
  const db: Db = drizzlePglite({ client });
  return {
    db,
    engine: 'pglite',
    url: null,
    async query<T>(text: string, params: unknown[] = []) {
      const r = await client.query<T>(text, params);
      return r.rows;
    },
    async listen(channel, handler) {
      await client.listen(channel, handler);
    },
    connect: null,
    connectionsInUse: () => 0,
    async snapshot() {
      // A checkpoint first, so the copy needs little WAL replay when it is opened. Then the copy is
      // made holding the transaction lock: every statement and transaction of this process waits
      // for it (PGlite has this one connection), so no transaction is half done in the files.
      await client.query('checkpoint');
      return client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
    },
    close: () => client.close(),
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.engine === 'pglite') {
    // Drizzle's migrators take their own driver's database type; ours is the engine-neutral Db.
    await migratePglite(database.db as Parameters<typeof migratePglite>[0], config);
    return;
  }
  // Several app processes may start at once: one migrates, the others wait for it.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7340001)`);
    // The migrator wants a node-postgres database; a transaction serves (it runs the same queries on it).
    await migratePg(tx as unknown as Parameters<typeof migratePg>[0], config);
  });
}

/** Rows of a raw SQL statement built with drizzle's `sql` tag, on either engine. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows; // Array.isArray narrows to any[]: the caller names the row type
  }
  throw new Error('unexpected result shape from db.execute');
}

/** `and` of conditions that are all present (drizzle types its result `| undefined` for the empty call only). */
export function allOf(first: SQL, ...rest: SQL[]): SQL {
  return and(first, ...rest) ?? first;
}

/** `or` of conditions that are all present (drizzle types its result `| undefined` for the empty call only). */
export function anyOf(first: SQL, ...rest: SQL[]): SQL {
  return or(first, ...rest) ?? first;
}

/** A user's text as a literal inside a LIKE pattern (its %, _ and \ match themselves). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * Beyond this many matches a list stops counting and says so (`totalCapped`, "10,000+" in the
 * console): the page of a big list costs milliseconds, an exact count of a county's rows seconds.
 */
export const LIST_COUNT_CAP = 10_000;

/** The rows of `table` matching `where`, counted up to cap + 1: a scalar subquery, to send with the page it counts. */
export function countUpToSql(db: Db, table: PgTable, where: SQL | undefined, cap = LIST_COUNT_CAP): SQL<number> {
  const upTo = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('up_to');
  return sql<number>`(select count(*)::int from ${upTo})`;
}

/** A count made by countUpToSql as the list contract's total. */
export function cappedTotal(n: number, cap = LIST_COUNT_CAP): { total: number; totalCapped: boolean } {
  return n > cap ? { total: cap, totalCapped: true } : { total: n, totalCapped: false };
}

/** Counts the rows of `table` matching `where` up to `cap` (then `totalCapped`); reads at most cap + 1 rows. */
export async function countUpTo(
  db: Db,
  table: PgTable,
  where: SQL | undefined,
  cap = LIST_COUNT_CAP,
): Promise<{ total: number; totalCapped: boolean }> {
  const [row] = await rows<{ n: number }>(db, sql`select ${countUpToSql(db, table, where, cap)} as n`);
  return cappedTotal(row?.n ?? 0, cap);
}

/**
 * Rewrites a small table that folding keeps short (the tallies) once it is mostly empty pages.
 * A bulk load appends hundreds of thousands of tally rows that folding brings back to a few
 * thousand; VACUUM makes the space reusable but does not shrink the file, and every read of the
 * tally then scans the empty pages (on the roster, a third of its database time). VACUUM FULL
 * needs an exclusive lock: rather than wait behind a long import (and queue every reader behind
 * itself) it gives up after a moment, and the next fold tries again. Returns whether it rewrote.
 */
export async function shrinkIfSparse(database: Database, table: 'member_tally' | 'case_tally'): Promise<boolean> {
  const [size] = await database.query<{ pages: number; live: number }>(
    `select (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int as pages, (select count(*)::int from ${table}) as live`,
    [table],
  );
  // A tally row takes about 60–150 bytes: a page holds 50 or more. Rewrite below a tenth of that.
  if (!size || size.pages < 64 || size.live > size.pages * 5) return false;
  if (!database.connect) {
    await database.query(`vacuum full ${table}`); // PGlite: one connection, nobody to wait for
    return true;
  }
  const conn = await database.connect();
  try {
    await conn.db.execute(sql`set lock_timeout = '200ms'`);
    await conn.db.execute(sql.raw(`vacuum full ${table}`));
    return true;
  } catch (err) {
    if (field(err, 'code') === '55P03' || field(field(err, 'cause'), 'code') === '55P03') return false;
    throw err;
  } finally {
    await conn.db.execute(sql`reset lock_timeout`).catch(() => undefined);
    conn.release();
  }
}

/** A property of a value of unknown shape (a driver's error), or undefined. */
function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? Reflect.get(value, key) : undefined;
}
