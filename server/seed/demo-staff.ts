import type { Db } from '../kernel/db.js';
import { staffActor } from '../modules/auth/index.js';

/** A demo staff account (seed/demo.ts's DEMO_STAFF) by username: its id and display name, for the modules' demo data. */
export async function demoStaff(tx: Db, username: string): Promise<{ id: number; name: string } | undefined> {
  const a = await staffActor(tx, username);
  return a ? { id: a.accountId, name: a.displayName } : undefined;
}
