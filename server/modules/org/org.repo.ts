import { and, asc, count, eq, ilike, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { pathCondition, type Actor } from '../../kernel/access.js';
import { escapeLike, rows, type Db } from '../../kernel/db.js';
import { invalidate } from '../../kernel/invalidation.js';
import { org, orgTree, type OrgRow } from './org.schema.js';

// SQL for the org tree; nothing here knows about HTTP or permissions beyond the scope condition.

export interface OrgWithCount extends OrgRow {
  childCount: number;
}

// Written out in full: drizzle renders a bare column reference unqualified inside a subquery.
const childCount = sql<number>`(select count(*)::int from org c where c.parent_id = "org"."id")`.as('child_count');

// Reading one org is the hottest query there is: prepared once per database, so neither the
// query builder nor PostgreSQL's planner runs again for it.
const byIdStatements = new WeakMap<Db, ReturnType<typeof prepareById>>();
const prepareById = (db: Db) =>
  db
    .select({ o: org, childCount })
    .from(org)
    .where(eq(org.id, sql.placeholder('id')))
    .prepare('org_by_id');

export async function findOrgById(db: Db, id: number): Promise<OrgWithCount | undefined> {
  let statement = byIdStatements.get(db);
  if (!statement) byIdStatements.set(db, (statement = prepareById(db)));
  const [row] = await statement.execute({ id });
  return row ? { ...row.o, childCount: row.childCount } : undefined;
}

export async function bumpTreeVersion(tx: Db): Promise<void> {
  await invalidate(tx, 'tree');
  await tx
    .insert(orgTree)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: orgTree.id, set: { version: sql`${orgTree.version} + 1` } });
}

export async function lockOrg(tx: Db, id: number): Promise<OrgRow | undefined> {
  const [row] = await tx.select().from(org).where(eq(org.id, id)).for('update');
  return row;
}

export interface OrgFilter {
  q?: string | undefined;
  type?: OrgRow['type'] | undefined;
  status?: OrgRow['status'] | undefined;
  page: number;
  pageSize: number;
}

export async function listOrgsInScope(
  db: Db,
  actor: Actor,
  f: OrgFilter,
): Promise<{ items: OrgWithCount[]; total: number }> {
  const conditions: SQL[] = [pathCondition(actor, 'org:org:read', org.path)];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const match = or(ilike(org.name, pattern), ilike(org.code, pattern));
    if (match) conditions.push(match);
  }
  if (f.type) conditions.push(eq(org.type, f.type));
  if (f.status) conditions.push(eq(org.status, f.status));
  const where = and(...conditions);
  const [totalRow] = await db.select({ n: count() }).from(org).where(where);
  const found = await db
    .select({ o: org, childCount })
    .from(org)
    .where(where)
    .orderBy(asc(org.path))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: found.map((r) => ({ ...r.o, childCount: r.childCount })), total: totalRow?.n ?? 0 };
}

export async function nextOrgId(tx: Db): Promise<number> {
  const [row] = await rows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('org', 'id'))::int as id`);
  if (!row) throw new Error('no id from sequence');
  return row.id;
}

/**
 * The root of the tree for `npm run admin:create`: the one root org, or on an empty database a new
 * federation made from `create`. Throws when there is no org and no `create`, or more than one root.
 */
export async function ensureRootOrg(tx: Db, create?: { code: string; name: string }): Promise<OrgRow> {
  const [roots] = await tx.select({ n: count() }).from(org).where(isNull(org.parentId));
  let [root] = await tx.select().from(org).where(isNull(org.parentId)).orderBy(asc(org.id)).limit(1);
  if (!root) {
    if (!create)
      throw new Error('The database has no org yet: give --org-code and --org-name for the root federation.');
    const id = await nextOrgId(tx);
    [root] = await tx
      .insert(org)
      .values({
        id,
        path: `/${id}/`,
        depth: 0,
        code: create.code,
        name: create.name,
        type: 'federation',
        level: 'province',
      })
      .returning();
  }
  if (!root || (roots?.n ?? 0) > 1) throw new Error('expected exactly one root org');
  return root;
}

/** Re-roots a subtree: every path under `move.from` now starts with `move.to`, its depth shifted by `depthDelta`. */
export async function rewriteSubtreePaths(
  tx: Db,
  move: { from: string; to: string; depthDelta: number },
): Promise<void> {
  await tx
    .update(org)
    .set({
      path: sql`${move.to} || substr(${org.path}, ${move.from.length + 1})`,
      depth: sql`${org.depth} + ${move.depthDelta}`,
    })
    .where(like(org.path, `${move.from}%`));
}
