import { and, eq, gt, lte, or, sql } from 'drizzle-orm';
import { assertOrgAccess, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { accountRef, holdsPermission } from '../auth/index.js';
import { CASE_HANDLE, CASE_READ, CASE_SUPERVISE, staffWith } from './case.access.js';
import { toInbox } from './notify.js';
import { OPEN_STATES, servicePost, type AWAY_REASONS } from './service.schema.js';

// AB posts (AB岗): every handler has a backup. While A is away, A's open cases sit with B
// (marked cover_for = A) and new assignments to A go to B; when A is back they return to A.

const awayNow = (at: Date) => and(lte(servicePost.awayFrom, at), gt(servicePost.awayUntil, at));

/** Who really receives an assignment to `accountId` now: A, or A's backup while A is away. */
export async function assigneeNow(
  tx: Db,
  accountId: number,
  at: Date,
): Promise<{ assigneeId: number; coverForId: number | null }> {
  const [p] = await tx
    .select({ backupId: servicePost.backupId })
    .from(servicePost)
    .where(and(eq(servicePost.accountId, accountId), awayNow(at)));
  return p?.backupId ? { assigneeId: p.backupId, coverForId: accountId } : { assigneeId: accountId, coverForId: null };
}

const openList = sql.raw(OPEN_STATES.map((s) => `'${s}'`).join(','));

/**
 * Applies the start and end of away periods (all posts, or one): moves open cases to the
 * backup, or back to A, each with a timeline entry. Safe to run any number of times.
 */
export async function applyCover(
  tx: Db,
  env: TxEnv,
  onlyAccountId?: number,
): Promise<{ moved: number; returned: number }> {
  const at = env.source.at;
  const one = onlyAccountId ? eq(servicePost.accountId, onlyAccountId) : undefined;
  let moved = 0;
  let returned = 0;
  // Ends first: a post whose cover is active but whose away period is over (or whose backup changed).
  const ending = await tx
    .select()
    .from(servicePost)
    .where(
      and(
        one,
        eq(servicePost.coverActive, true),
        or(
          sql`not (${servicePost.awayFrom} <= ${at} and ${servicePost.awayUntil} > ${at})`,
          sql`${servicePost.awayFrom} is null`,
          sql`${servicePost.backupId} is distinct from ${servicePost.coverBy}`,
        ),
      ),
    );
  for (const p of ending) {
    const back = await rows<{ id: number }>(
      tx,
      sql`
      with back as (update service_case set assignee_id = ${p.accountId}, cover_for_id = null, updated_at = ${at}
                    where cover_for_id = ${p.accountId} and state in (${openList}) returning id, handling_org_id)
      insert into case_event (case_id, kind, actor_kind, org_id, note, internal, at)
      select id, 'returned', 'system', handling_org_id, 'A 岗返岗，工单交回', true, ${at} from back returning case_id as id`,
    );
    returned += back.length;
    await tx
      .update(servicePost)
      .set({ coverActive: false, coverBy: null })
      .where(eq(servicePost.accountId, p.accountId));
    await writeAudit(tx, env.crypto, env.source, {
      orgId: null,
      action: 'service.cover_end',
      targetType: 'account',
      targetId: p.accountId,
      after: { cases: back.length },
    });
  }
  const starting = await tx
    .select()
    .from(servicePost)
    .where(and(one, eq(servicePost.coverActive, false), awayNow(at), sql`${servicePost.backupId} is not null`));
  for (const p of starting) {
    const b = p.backupId;
    if (b === null) continue; // the query asks for a backup; this narrows the type
    const out = await rows<{ id: number }>(
      tx,
      sql`
      with moved as (update service_case set assignee_id = ${b}, cover_for_id = ${p.accountId}, updated_at = ${at}
                     where assignee_id = ${p.accountId} and state in (${openList}) returning id, handling_org_id)
      insert into case_event (case_id, kind, actor_kind, org_id, note, internal, at)
      select id, 'covered', 'system', handling_org_id, 'A 岗不在岗，由 B 岗代办', true, ${at} from moved returning case_id as id`,
    );
    moved += out.length;
    await tx.update(servicePost).set({ coverActive: true, coverBy: b }).where(eq(servicePost.accountId, p.accountId));
    await writeAudit(tx, env.crypto, env.source, {
      orgId: null,
      action: 'service.cover_start',
      targetType: 'account',
      targetId: p.accountId,
      after: { backupId: b, cases: out.length },
    });
    if (out.length > 0)
      await toInbox(tx, at, [b], {
        kind: 'case_cover',
        title: 'B 岗代办',
        body: `您开始代办同事的 ${out.length} 件工单。`,
        caseId: null,
      });
  }
  return { moved, returned };
}

export interface PostInput {
  backupId: number | null;
  away: { from: Date; until: Date; reason: (typeof AWAY_REASONS)[number]; note?: string | null } | null;
}

async function staffAccount(tx: Db, id: number) {
  const [a] = await tx
    .select({ id: accountRef.id, orgId: accountRef.orgId, kind: accountRef.kind, name: accountRef.displayName })
    .from(accountRef)
    .where(eq(accountRef.id, id));
  return a?.kind === 'staff' && a.orgId ? { ...a, orgId: a.orgId } : undefined;
}

/** Sets A's backup and away period (a supervisor over A's org, or A), and applies it at once. */
export async function savePost(tx: Db, env: TxEnv, actor: Actor, accountId: number, input: PostInput): Promise<void> {
  const a = await staffAccount(tx, accountId);
  if (!a) throw new AppError('NOT_FOUND');
  const path =
    actor.accountId === accountId
      ? await assertOrgAccess(tx, actor, CASE_HANDLE, a.orgId, CASE_READ)
      : await assertOrgAccess(tx, actor, CASE_SUPERVISE, a.orgId, CASE_READ);
  if (input.backupId !== null) {
    const b = await staffAccount(tx, input.backupId);
    const handlers = await staffWith(tx, CASE_HANDLE, path, true);
    if (!b || b.id === accountId || b.orgId !== a.orgId || !handlers.some((h) => h.id === b.id)) {
      throw new AppError('POST_BACKUP_INVALID', [{ path: 'backupId', message: 'POST_BACKUP_INVALID' }]);
    }
  }
  const values = {
    backupId: input.backupId,
    awayFrom: input.away?.from ?? null,
    awayUntil: input.away?.until ?? null,
    awayReason: input.away?.reason ?? null,
    awayNote: input.away?.note ?? null,
    updatedAt: env.source.at,
  };
  await tx
    .insert(servicePost)
    .values({ accountId, ...values })
    .onConflictDoUpdate({ target: servicePost.accountId, set: values });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: a.orgId,
    action: 'service.post',
    targetType: 'account',
    targetId: accountId,
    after: {
      backupId: input.backupId,
      away: input.away
        ? { from: input.away.from.toISOString(), until: input.away.until.toISOString(), reason: input.away.reason }
        : null,
    },
  });
  await applyCover(tx, env, accountId);
}

/** A is back early: the away period ends now. */
export async function returnFromAway(tx: Db, env: TxEnv, actor: Actor, accountId: number): Promise<void> {
  const [p] = await tx.select().from(servicePost).where(eq(servicePost.accountId, accountId));
  if (!p) throw new AppError('NOT_FOUND');
  await savePost(tx, env, actor, accountId, { backupId: p.backupId, away: null });
}

/** Handlers in scope with their post settings, and who holds their cases now. */
export async function listPosts(db: Db, actor: Actor, orgId: number | undefined, at: Date) {
  const path = orgId ? await assertOrgAccess(db, actor, CASE_READ, orgId, CASE_READ) : null;
  const roots = path ? [path] : actor.grants.filter((g) => g.permissions.includes(CASE_READ)).map((g) => g.path);
  if (roots.length === 0) return [];
  const found = await rows<PostRow>(
    db,
    sql`
    select a.id::int as "accountId", a.display_name as name, a.org_id::int as "orgId", o.name as "orgName",
           p.backup_id::int as "backupId", b.display_name as "backupName", p.away_from as "awayFrom", p.away_until as "awayUntil",
           p.away_reason as "awayReason", p.away_note as "awayNote", coalesce(p.cover_active, false) as "coverActive",
           (select count(*)::int from service_case c where (c.assignee_id = a.id or c.cover_for_id = a.id) and c.state in (${openList})) as "openCases"
    from account_ref a join org_ref o on o.id = a.org_id
    left join service_post p on p.account_id = a.id left join account_ref b on b.id = p.backup_id
    where a.kind = 'staff' and a.status = 'active'
      and (${sql.join(
        roots.map((r) => sql`o.path like ${r + '%'}`),
        sql` or `,
      )})
      and ${holdsPermission(sql`a.id`, CASE_HANDLE)}
    order by o.path, a.id limit 500`,
  );
  return found.map((p) => {
    const away = !!p.awayFrom && !!p.awayUntil && new Date(p.awayFrom) <= at && new Date(p.awayUntil) > at;
    return {
      accountId: p.accountId,
      name: p.name,
      orgId: p.orgId,
      orgName: p.orgName,
      backupId: p.backupId,
      backupName: p.backupName,
      awayFrom: iso(p.awayFrom),
      awayUntil: iso(p.awayUntil),
      awayReason: p.awayReason,
      awayNote: p.awayNote,
      away,
      coveredById: away && p.coverActive ? p.backupId : null,
      coveredByName: away && p.coverActive ? p.backupName : null,
      openCases: p.openCases,
    };
  });
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

interface PostRow {
  accountId: number;
  name: string;
  orgId: number;
  orgName: string;
  backupId: number | null;
  backupName: string | null;
  awayFrom: Date | string | null;
  awayUntil: Date | string | null;
  awayReason: (typeof AWAY_REASONS)[number] | null;
  awayNote: string | null;
  coverActive: boolean;
  openCases: number;
}
