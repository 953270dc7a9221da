import pg from 'pg';

// PostgreSQL for tests: each test app gets its own database cloned from a migrated template
// (CREATE DATABASE … TEMPLATE), so files run in parallel without cleaning up after each other.
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The migrated template of this run: its own name per run (global-setup.ts sets it before the
 * test processes start), so two runs on one server never drop or clone each other's template.
 */
export const templateDb = (): string => process.env.UH_TEST_TEMPLATE ?? 'unionhub_test_template';

export function urlFor(database: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await adminQuery('select 1');
    return true;
  } catch {
    return false;
  }
}
