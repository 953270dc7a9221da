import pg from 'pg';
import pino from 'pino';
import { createDeps } from '../server/boot.js';
import { loadConfig } from '../server/kernel/config.js';
import type { Deps } from '../server/kernel/context.js';
import { seedDemo } from '../server/seed/demo.js';
import { addVolume, describeVolume, type Volume } from './volume.js';

// The database every scenario runs against: a fresh `unionhub_bench` on the local PostgreSQL,
// migrated by the app's own boot code, with the demo federation and a realistic volume on top.

export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** BENCH_DB_NAME lets two people (or a trial run beside a full one) share a PostgreSQL server. */
export const BENCH_DB = benchDbName(process.env.BENCH_DB_NAME ?? 'unionhub_bench');
/** openDatabase() opens its pg.Pool with max 10; baselines use a pool of the same size. */
export const APP_POOL_SIZE = 10;
// A fixed key: the bench data is thrown away, and a key file must not be written anywhere.
// Scenarios that start the app in a child process hand it the same key, so blind indexes match.
export const BENCH_KEY = Buffer.alloc(32, 11).toString('base64');

function benchDbName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name))
    throw new Error(`BENCH_DB_NAME must be a plain lower-case identifier, not ${name}`);
  return name;
}

export interface BenchEnv {
  deps: Deps;
  url: string;
  volume: Volume;
  serverVersion: string;
  close(): Promise<void>;
}

/** The URL of a database on the admin connection's server. */
export function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function dropBenchDatabase(): Promise<void> {
  await admin(`drop database if exists ${BENCH_DB} with (force)`);
}

export async function openBenchEnv(): Promise<BenchEnv> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(ADMIN_URL).hostname)) {
    throw new Error(`the benchmark only runs against a local PostgreSQL, not ${new URL(ADMIN_URL).host}`);
  }
  await dropBenchDatabase();
  await admin(`create database ${BENCH_DB}`);
  const url = databaseUrl(BENCH_DB);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    UNIONHUB_DATA_KEY: BENCH_KEY,
    LOG_LEVEL: 'silent',
    DATA_DIR: '/tmp/unionhub-bench',
    LOGIN_RATE_PER_MINUTE: '100000',
  });
  const log = pino({ level: 'silent' });
  const deps = await createDeps(config, { log });
  await seedDemo(deps, log);
  await addVolume(deps.db);
  // What autovacuum gives a long-running database: fresh planner statistics, and a visibility map
  // that lets index-only scans skip the table (a scope's org ids from org_path_prefix_idx). The
  // bench's PostgreSQL may run with autovacuum off (this machine's does), so it is done here.
  await deps.database.query('vacuum analyze');
  const volume = await describeVolume(deps.database);
  const [v] = await deps.database.query<{ server_version: string }>('show server_version');
  return {
    deps,
    url,
    volume,
    serverVersion: v?.server_version ?? 'unknown',
    async close() {
      await deps.jobs.stop();
      await deps.outbox.stop();
      await deps.database.close();
      // BENCH_KEEP_DB=1 leaves the database behind, to look at query plans after a run.
      if (process.env.BENCH_KEEP_DB !== '1') await dropBenchDatabase();
    },
  };
}
