import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';

// Where a person stands in the tree, for what is inherited down it (knowledge base, published
// voice items, alert topics): their home org and its ancestors.

/** The member record's union of a member account (linked, or found by the account's phone). */
export async function memberUnion(db: Db, accountId: number): Promise<{ memberId: number; orgId: number; path: string } | undefined> {
  const [found] = await rows<{ memberId: number; orgId: number; path: string }>(db, sql`
    select m.id as "memberId", m.org_id as "orgId", o.path from member m join org o on o.id = m.org_id
    where m.account_id = ${accountId}
       or (m.account_id is null and m.phone_hash = (select phone_hash from account where id = ${accountId}))
    order by (m.account_id is not null) desc limit 1`);
  return found;
}

/** The ids on a materialised path ('/1/2/7/' → [1, 2, 7]): the org and its ancestors. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** The caller's home org and its ancestors; without a home, the top of the tree. */
export async function homeChain(db: Db, actor: Actor): Promise<number[]> {
  let path: string | undefined;
  if (actor.kind === 'staff' && actor.orgId) {
    [{ path } = { path: undefined }] = await rows<{ path: string }>(db, sql`select path from org where id = ${actor.orgId}`);
  } else if (actor.kind === 'member') {
    path = (await memberUnion(db, actor.accountId))?.path;
  }
  if (path) return pathIds(path);
  return (await rows<{ id: number }>(db, sql`select id from org where parent_id is null`)).map((r) => r.id);
}

/** The calendar date in China (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
