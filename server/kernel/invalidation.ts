import { sql } from 'drizzle-orm';
import type { Db } from './db.js';

// In-process caches (sessions, grant scopes) must drop an entry the moment it goes stale, in this
// process and in every other one serving the same database. `invalidate` tells this process at
// once and the others through PostgreSQL's NOTIFY, which is delivered when the transaction
// commits (and not at all if it rolls back). boot.ts LISTENs and feeds the same handlers.

export const INVALIDATION_CHANNEL = 'uh_invalidate';

type Handler = (payload: string) => void;
const handlers = new Set<Handler>();

export function onInvalidation(handler: Handler): void {
  handlers.add(handler);
}

/** Delivers a payload to this process's caches; '*' means "drop everything". */
export function deliverInvalidation(payload: string): void {
  for (const h of handlers) h(payload);
}

export async function invalidate(tx: Db, payload: string): Promise<void> {
  deliverInvalidation(payload);
  await tx.execute(sql`select pg_notify(${INVALIDATION_CHANNEL}, ${payload})`);
}
