import { and, asc, desc, eq, gte, ilike, inArray, like, lte, sql, type SQL } from 'drizzle-orm';
import { orgCondition, pathCondition, scopePaths, type Actor } from '../../kernel/access.js';
import { countUpTo, escapeLike, rows, type Db } from '../../kernel/db.js';
import { accountRef } from '../auth/index.js';
import { orgRef } from '../org/index.js';
import { member, memberEvent, memberTally, NEW_EMPLOYMENT, type MemberRow } from './member.schema.js';

// SQL for the registry. Exact searches by ID number or phone go through the blind indexes.

export interface MemberFilter {
  q?: string | undefined;
  idNumberHash?: string | undefined;
  phoneHash?: string | undefined;
  orgPath?: string | undefined;
  status?: MemberRow['status'] | undefined;
  jobType?: MemberRow['jobType'] | undefined;
  newEmployment?: boolean | undefined;
  gender?: MemberRow['gender'] | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  joinedFrom?: string | undefined;
  joinedTo?: string | undefined;
  employer?: string | undefined;
  sort?: 'name' | '-name' | 'joinedAt' | '-joinedAt' | undefined;
}

/** The date `years` years before `today` (YYYY-MM-DD). */
function yearsBefore(today: Date, years: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** The filter's conditions on scope, union subtree, status and job type: the columns member_tally has too. */
function groupConditions(actor: Actor, f: MemberFilter, t: typeof member | typeof memberTally): SQL[] {
  // The caller's scope and the chosen union subtree in one semi-join (two made the planner
  // multiply their estimates and pick nested loops over thousands of rows).
  const c: SQL[] = f.orgPath
    ? [
        sql`${t.orgId} in (select o.id from org_ref o where ${pathCondition(actor, 'member:member:read', sql`o.path`)} and o.path like ${f.orgPath + '%'})`,
      ]
    : [orgCondition(actor, 'member:member:read', t.orgId)];
  if (f.status) c.push(eq(t.status, f.status));
  if (f.jobType) c.push(eq(t.jobType, f.jobType));
  if (f.newEmployment !== undefined) {
    const kinds = [...NEW_EMPLOYMENT];
    c.push(f.newEmployment ? inArray(t.jobType, kinds) : eq(t.jobType, 'regular'));
  }
  return c;
}

export function memberConditions(actor: Actor, f: MemberFilter, today: Date): SQL[] {
  const c = groupConditions(actor, f, member);
  if (f.idNumberHash) c.push(eq(member.idNumberHash, f.idNumberHash));
  else if (f.phoneHash) c.push(eq(member.phoneHash, f.phoneHash));
  else if (f.q) c.push(like(member.name, `${escapeLike(f.q)}%`));
  if (f.gender) c.push(eq(member.gender, f.gender));
  // age ≥ n ⇔ born on or before today − n years; age ≤ n ⇔ born after today − (n+1) years
  if (f.ageMin !== undefined) c.push(lte(member.birthDate, yearsBefore(today, f.ageMin)));
  if (f.ageMax !== undefined) c.push(sql`${member.birthDate} > ${yearsBefore(today, f.ageMax + 1)}`);
  if (f.joinedFrom) c.push(gte(member.joinedAt, f.joinedFrom));
  if (f.joinedTo) c.push(lte(member.joinedAt, f.joinedTo));
  if (f.employer) c.push(ilike(member.employer, `%${escapeLike(f.employer)}%`));
  return c;
}

export function memberOrder(sort: MemberFilter['sort']) {
  switch (sort) {
    case 'name':
      return [asc(member.name), asc(member.id)];
    case '-name':
      return [desc(member.name), desc(member.id)];
    case 'joinedAt':
      return [asc(member.joinedAt), asc(member.id)];
    default:
      return [desc(member.joinedAt), desc(member.id)];
  }
}

export const selectMembers = (db: Db) =>
  db.select({ m: member, orgName: orgRef.name }).from(member).innerJoin(orgRef, eq(orgRef.id, member.orgId));

export type MemberWithOrg = Awaited<ReturnType<typeof selectMembers>>[number];

// The exact search by blind index is the registry's hottest read: built once as a prepared
// statement per column (no query building per request, planned once per connection), the scope
// passed as an array of path prefixes. Only for a search with nothing else but paging.
type ExactColumn = 'idNumberHash' | 'phoneHash';
const prepareExact = (db: Db, column: ExactColumn) =>
  selectMembers(db)
    .where(
      and(
        eq(member[column], sql.placeholder('hash')),
        sql`${member.orgId} in (select scope_org.id from org_ref scope_org where scope_org.path like any(${sql.placeholder('paths')}::text[]))`,
      ),
    )
    .orderBy(...memberOrder(undefined))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(`member_exact_${column}`);
const exactLookups = new WeakMap<Db, Record<ExactColumn, ReturnType<typeof prepareExact>>>();

/** The page of an exact search when the filter is only the blind index (default order); undefined otherwise. */
export function exactSearchPage(
  db: Db,
  actor: Actor,
  f: MemberFilter & { page: number; pageSize: number },
): Promise<MemberWithOrg[]> | undefined {
  const column: ExactColumn | undefined = f.idNumberHash ? 'idNumberHash' : f.phoneHash ? 'phoneHash' : undefined;
  const { idNumberHash, phoneHash, page, pageSize, ...rest } = f;
  if (!column || Object.values(rest).some((v) => v !== undefined)) return undefined;
  let lookups = exactLookups.get(db);
  if (!lookups)
    exactLookups.set(
      db,
      (lookups = { idNumberHash: prepareExact(db, 'idNumberHash'), phoneHash: prepareExact(db, 'phoneHash') }),
    );
  const paths = scopePaths(actor, 'member:member:read').map((p) => `${escapeLike(p)}%`);
  return lookups[column].execute({
    hash: idNumberHash ?? phoneHash,
    paths,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
}

export { LIST_COUNT_CAP as COUNT_CAP } from '../../kernel/db.js';

/**
 * The roster's exact total from member_tally when the filter is only scope, union subtree, status
 * and job type (the common roster filters); undefined when it filters on anything else.
 */
export async function tallyMembers(db: Db, actor: Actor, f: MemberFilter): Promise<number | undefined> {
  const narrower =
    f.q ||
    f.idNumberHash ||
    f.phoneHash ||
    f.gender ||
    f.employer ||
    f.joinedFrom ||
    f.joinedTo ||
    f.ageMin !== undefined ||
    f.ageMax !== undefined;
  if (narrower) return undefined;
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${memberTally.n}), 0)::int` })
    .from(memberTally)
    .where(and(...groupConditions(actor, f, memberTally)));
  return row?.n ?? 0;
}

/** Folds member_tally's rows into one per key (the migration's member_tally_compact()); returns the rows folded. */
export async function compactMemberTally(db: Db): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select member_tally_compact() as n`);
  return row?.n ?? 0;
}

/** The roster's matches, counted up to `cap` (kernel/db.ts countUpTo). */
export async function countMembers(
  db: Db,
  where: SQL | undefined,
  cap?: number,
): Promise<{ total: number; capped: boolean }> {
  const { total, totalCapped } = await countUpTo(db, member, where, cap);
  return { total, capped: totalCapped };
}

export async function findMember(db: Db, id: number): Promise<MemberWithOrg | undefined> {
  const [row] = await selectMembers(db).where(eq(member.id, id));
  return row;
}

export async function findMemberByIdHash(
  db: Db,
  idNumberHash: string,
): Promise<(MemberRow & { orgPath: string }) | undefined> {
  const [row] = await db
    .select({ m: member, orgPath: orgRef.path })
    .from(member)
    .innerJoin(orgRef, eq(orgRef.id, member.orgId))
    .where(eq(member.idNumberHash, idNumberHash));
  return row ? { ...row.m, orgPath: row.orgPath } : undefined;
}

/** A record's history with the union each step happened at (it may lie outside the reader's scope); staff who acted by their display name today (the row keeps the login they used). */
export function memberHistory(db: Db, memberId: number) {
  return db
    .select({
      e: memberEvent,
      orgName: orgRef.name,
      staffName: sql<
        string | null
      >`(select a.display_name from ${accountRef} a where a.id = ${memberEvent.actorId} and a.kind = 'staff')`,
    })
    .from(memberEvent)
    .leftJoin(orgRef, eq(orgRef.id, memberEvent.orgId))
    .where(eq(memberEvent.memberId, memberId))
    .orderBy(asc(memberEvent.id));
}
