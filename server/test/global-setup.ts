import { migrateDatabase, openDatabase } from '../kernel/db.js';
import { adminQuery, postgresReachable, TEMPLATE_DB, urlFor } from './pg.js';

// For the PostgreSQL run: build the migrated template once. Without a server the run fails under
// CI=true and is reported as skipped (loudly) elsewhere.
export default async function setup(): Promise<void> {
  if (process.env.DB_ENGINE !== 'postgres') return;
  if (!(await postgresReachable())) {
    throw new Error('PostgreSQL is not reachable at TEST_DATABASE_URL (default 127.0.0.1:5432); the PostgreSQL suite cannot run');
  }
  await adminQuery(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await adminQuery(`create database ${TEMPLATE_DB}`);
  const database = await openDatabase({ url: urlFor(TEMPLATE_DB) });
  await migrateDatabase(database);
  await database.close();
}
