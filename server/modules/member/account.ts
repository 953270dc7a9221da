import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { pathIds } from '../org/index.js';
import { accountPhoneHash, findAccountContact } from '../auth/index.js';
import { member } from './member.schema.js';

// The member behind a member account, in one place: the record linked to the account, or (not
// linked yet, e.g. entered by staff) the unlinked record with the account's phone. The member's
// own pages link such a record on first use (me.routes.ts); everywhere else only reads it.

/** The member record of a member account: linked by account, or (not yet linked) by its phone. */
export async function memberOfAccount(db: Db, accountId: number) {
  const [linked] = await db.select().from(member).where(eq(member.accountId, accountId));
  if (linked) return linked;
  const a = await findAccountContact(db, accountId);
  if (!a?.phoneHash) return undefined;
  const [byPhone] = await db
    .select()
    .from(member)
    .where(and(eq(member.phoneHash, a.phoneHash), isNull(member.accountId)))
    .limit(1);
  return byPhone;
}

/** The union of the member behind an account, with its path (one query: the knowledge base and voice ask on every read). */
export async function memberUnion(
  db: Db,
  accountId: number,
): Promise<{ memberId: number; orgId: number; path: string } | undefined> {
  const [found] = await rows<{ memberId: number; orgId: number; path: string }>(
    db,
    sql`
    select m.id as "memberId", m.org_id as "orgId", o.path from member m join org_ref o on o.id = m.org_id
    where m.account_id = ${accountId}
       or (m.account_id is null and m.phone_hash = ${accountPhoneHash(accountId)})
    order by (m.account_id is not null) desc limit 1`,
  );
  return found;
}

/** SQL: the name on the member record behind an account (the same rule as memberOfAccount), for lists read in one statement. */
export function memberNameOfAccount(accountId: SQL): SQL<string | null> {
  return sql<string | null>`(select m.name from ${member} m
    where m.account_id = ${accountId} or (m.account_id is null and m.phone_hash = ${accountPhoneHash(accountId)})
    order by m.account_id nulls last limit 1)`;
}

/** SQL: the id of the member record behind an account (the same rule as memberOfAccount), for sets read in one statement. */
export function memberIdOfAccount(accountId: SQL): SQL<number | null> {
  return sql<number | null>`(select m.id from ${member} m
    where m.account_id = ${accountId} or (m.account_id is null and m.phone_hash = ${accountPhoneHash(accountId)})
    order by m.account_id nulls last limit 1)`;
}

/** The caller's home org and its ancestors (what is inherited down the tree reaches them); without a home, the top of the tree. */
export async function homeChain(db: Db, actor: Actor): Promise<number[]> {
  let path: string | undefined;
  if (actor.kind === 'staff' && actor.orgId) {
    [{ path } = { path: undefined }] = await rows<{ path: string }>(
      db,
      sql`select path from org_ref where id = ${actor.orgId}`,
    );
  } else if (actor.kind === 'member') {
    path = (await memberUnion(db, actor.accountId))?.path;
  }
  if (path) return pathIds(path);
  return (await rows<{ id: number }>(db, sql`select id from org_ref where parent_id is null`)).map((r) => r.id);
}
