import { randomBytes } from 'node:crypto';
import { migrateDatabase, openDatabase } from '../kernel/db.js';
import { adminQuery, postgresReachable, urlFor } from './pg.js';

// For the PostgreSQL run: build this run's migrated template once (a name of its own, so a second
// run on the same server cannot drop it mid-run), and drop it at the end. Without a server the run
// fails under CI=true and is reported as skipped (loudly) elsewhere.
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.DB_ENGINE !== 'postgres') return undefined;
  if (!(await postgresReachable())) {
    throw new Error(
      'PostgreSQL is not reachable at TEST_DATABASE_URL (default 127.0.0.1:5432); the PostgreSQL suite cannot run',
    );
  }
  const template = `unionhub_test_tpl_${randomBytes(4).toString('hex')}`;
  process.env.UH_TEST_TEMPLATE = template; // inherited by the test processes started after this
  await adminQuery(`create database ${template}`);
  const database = await openDatabase({ url: urlFor(template) });
  await migrateDatabase(database);
  await database.close();
  return () => adminQuery(`drop database if exists ${template} with (force)`);
}
