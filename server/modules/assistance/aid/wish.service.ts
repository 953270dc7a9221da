import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orgCondition, OutOfScopeError, pathInScope, type Actor } from '../../../kernel/access.js';
import { writeAudit } from '../../../kernel/audit.js';
import type { TxEnv } from '../../../kernel/context.js';
import { maskName } from '../../../kernel/crypto.js';
import type { Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { member, memberOfAccount } from '../../member/index.js';
import { org } from '../../org/index.js';
import { aidWish, DONOR_KINDS, WISH_STATES } from './aid.schema.js';

// 微心愿: a worker posts a small wish; staff of the worker's union review and publish it; the
// board shows it anonymously (title, story, value, the area above the union — never a name,
// phone or the union itself); a donor (an org, a partner, a member) claims it; staff record
// the fulfilment. The board's answers are built by one select that never reads the poster.

export const WISH_MANAGE = 'assistance:wish:manage';
type WishState = (typeof WISH_STATES)[number];
export type WishRow = typeof aidWish.$inferSelect;
const BOARD_STATES: WishState[] = ['published', 'claimed', 'fulfilled'];

const stateError = (state: string) => new AppError('WISH_STATE', [{ path: 'state', message: state }]);

async function move(
  tx: Db,
  id: number,
  from: WishState[],
  set: Partial<typeof aidWish.$inferInsert>,
  at: Date,
  extra?: SQL,
): Promise<WishRow> {
  const [row] = await tx
    .update(aidWish)
    .set({ ...set, updatedAt: at })
    .where(and(eq(aidWish.id, id), inArray(aidWish.state, from), extra))
    .returning();
  if (!row) {
    const [now] = await tx.select({ state: aidWish.state }).from(aidWish).where(eq(aidWish.id, id));
    if (!now) throw new AppError('NOT_FOUND');
    throw stateError(now.state);
  }
  return row;
}

const audit = (tx: Db, env: TxEnv, w: WishRow, action: string, after?: unknown) =>
  writeAudit(tx, env.crypto, env.source, {
    orgId: w.orgId,
    action,
    targetType: 'aid_wish',
    targetId: w.id,
    after: after ?? { state: w.state },
  });

// --- the worker ---

export async function postWish(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  input: { title: string; story: string; estimatedFen: number },
): Promise<number> {
  const m = await memberOfAccount(tx, actor.accountId);
  if (!m) throw new AppError('NOT_A_MEMBER');
  if (m.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
  const at = env.source.at;
  const [row] = await tx
    .insert(aidWish)
    .values({
      orgId: m.orgId,
      accountId: actor.accountId,
      memberId: m.id,
      title: input.title,
      story: input.story,
      estimatedFen: input.estimatedFen,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  // The audit row does not name the worker beyond the actor (as voice does for anonymous items, the actor is the account).
  await audit(tx, env, row, 'aid.wish.post', { state: row.state, estimatedFen: row.estimatedFen });
  return row.id;
}

export async function withdrawWish(tx: Db, env: TxEnv, actor: Actor, id: number) {
  const row = await move(
    tx,
    id,
    ['submitted', 'published'],
    { state: 'withdrawn' },
    env.source.at,
    eq(aidWish.accountId, actor.accountId),
  );
  await audit(tx, env, row, 'aid.wish.withdraw');
}

export async function myWishes(db: Db, actor: Actor) {
  const found = await db
    .select()
    .from(aidWish)
    .where(eq(aidWish.accountId, actor.accountId))
    .orderBy(desc(aidWish.createdAt))
    .limit(100);
  return found.map((w) => ({
    id: w.id,
    title: w.title,
    story: w.story,
    estimatedFen: w.estimatedFen,
    state: w.state,
    reviewNote: w.reviewNote,
    donorKind: w.donorKind,
    donorName: w.donorName,
    claimedAt: w.claimedAt?.toISOString() ?? null,
    fulfilNote: w.fulfilNote,
    fulfilledAt: w.fulfilledAt?.toISOString() ?? null,
    createdAt: w.createdAt.toISOString(),
  }));
}

// --- the board (anyone) ---

/** The board: published, claimed and fulfilled wishes; no poster, no union, only the area above it. */
export async function board(
  db: Db,
  actor: Actor | null,
  f: { state?: 'published' | 'claimed' | 'fulfilled'; page: number; pageSize: number },
) {
  const where = f.state ? eq(aidWish.state, f.state) : inArray(aidWish.state, BOARD_STATES);
  const found = await db
    .select({
      id: aidWish.id,
      title: aidWish.title,
      story: aidWish.story,
      estimatedFen: aidWish.estimatedFen,
      state: aidWish.state,
      publishedAt: aidWish.publishedAt,
      donorKind: aidWish.donorKind,
      donorName: aidWish.donorName,
      claimedAt: aidWish.claimedAt,
      fulfilledAt: aidWish.fulfilledAt,
      area: sql<string>`coalesce((select a.name from org a where a.id = ${org.parentId}), '')`,
      mine: actor ? sql<boolean>`${aidWish.accountId} = ${actor.accountId}` : sql<boolean>`false`,
    })
    .from(aidWish)
    .innerJoin(org, eq(org.id, aidWish.orgId))
    .where(where)
    .orderBy(sql`${aidWish.state} = 'published' desc`, desc(aidWish.publishedAt), desc(aidWish.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(aidWish)
    .where(where);
  return {
    items: found.map((w) => ({
      id: w.id,
      title: w.title,
      story: w.story,
      estimatedFen: w.estimatedFen,
      state: w.state,
      area: w.area,
      publishedAt: w.publishedAt?.toISOString() ?? null,
      donorKind: w.donorKind,
      donorName: w.donorName,
      claimedAt: w.claimedAt?.toISOString() ?? null,
      fulfilledAt: w.fulfilledAt?.toISOString() ?? null,
      mine: Boolean(w.mine),
    })),
    total: n?.n ?? 0,
  };
}

/** A member claims a published wish (not their own). */
export async function claimAsMember(tx: Db, env: TxEnv, actor: Actor, id: number) {
  const [w] = await tx
    .select({ accountId: aidWish.accountId, state: aidWish.state })
    .from(aidWish)
    .where(eq(aidWish.id, id));
  if (!w || !BOARD_STATES.includes(w.state)) throw new AppError('NOT_FOUND');
  if (w.accountId === actor.accountId) throw new AppError('WISH_OWN');
  const row = await move(
    tx,
    id,
    ['published'],
    {
      state: 'claimed',
      donorKind: 'member',
      donorName: `爱心会员 ${maskName(actor.displayName)}`,
      donorAccountId: actor.accountId,
      claimedAt: env.source.at,
    },
    env.source.at,
  );
  await audit(tx, env, row, 'aid.wish.claim', { state: 'claimed', donorKind: 'member' });
}

// --- staff of the worker's union ---

async function loadWish(db: Db, actor: Actor, id: number) {
  const [w] = await db
    .select({ w: aidWish, orgPath: org.path })
    .from(aidWish)
    .innerJoin(org, eq(org.id, aidWish.orgId))
    .where(eq(aidWish.id, id));
  if (!w || !pathInScope(actor, WISH_MANAGE, w.orgPath)) throw new OutOfScopeError('aid_wish', String(id));
  return w.w;
}

/** The staff wish list's conditions (over aid_wish joined to its org). */
export function staffWishesWhere(actor: Actor, f: { state?: WishState; orgPath?: string }): SQL | undefined {
  const where: SQL[] = [orgCondition(actor, WISH_MANAGE, aidWish.orgId)];
  if (f.state) where.push(eq(aidWish.state, f.state));
  if (f.orgPath) where.push(sql`${org.path} like ${f.orgPath + '%'}`);
  return and(...where);
}

export async function staffWishes(
  db: Db,
  actor: Actor,
  f: { state?: WishState; orgPath?: string; page: number; pageSize: number },
) {
  const cond = staffWishesWhere(actor, f);
  const found = await db
    .select({ w: aidWish, orgName: org.name, name: member.name })
    .from(aidWish)
    .innerJoin(org, eq(org.id, aidWish.orgId))
    .leftJoin(member, eq(member.id, aidWish.memberId))
    .where(cond)
    .orderBy(desc(aidWish.createdAt), desc(aidWish.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(aidWish)
    .innerJoin(org, eq(org.id, aidWish.orgId))
    .where(cond);
  return {
    items: found.map(({ w, orgName, name }) => ({
      id: w.id,
      orgId: w.orgId,
      orgName,
      posterName: name ? maskName(name) : null,
      title: w.title,
      story: w.story,
      estimatedFen: w.estimatedFen,
      state: w.state,
      reviewNote: w.reviewNote,
      donorKind: w.donorKind,
      donorName: w.donorName,
      claimedAt: w.claimedAt?.toISOString() ?? null,
      fulfilNote: w.fulfilNote,
      fulfilledAt: w.fulfilledAt?.toISOString() ?? null,
      publishedAt: w.publishedAt?.toISOString() ?? null,
      createdAt: w.createdAt.toISOString(),
    })),
    total: n?.n ?? 0,
  };
}

export async function publishWish(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  edit: { title?: string; story?: string },
) {
  const w = await loadWish(tx, actor, id);
  const row = await move(
    tx,
    id,
    ['submitted'],
    {
      state: 'published',
      title: edit.title ?? w.title,
      story: edit.story ?? w.story,
      reviewedBy: actor.accountId,
      publishedAt: env.source.at,
    },
    env.source.at,
  );
  await audit(tx, env, row, 'aid.wish.publish', { state: 'published', edited: Boolean(edit.title || edit.story) });
}

export async function rejectWish(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string) {
  await loadWish(tx, actor, id);
  const row = await move(
    tx,
    id,
    ['submitted'],
    { state: 'rejected', reviewNote: reason, reviewedBy: actor.accountId },
    env.source.at,
  );
  await audit(tx, env, row, 'aid.wish.reject', { state: 'rejected', reason });
}

export async function claimForDonor(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  donor: { donorKind: Exclude<(typeof DONOR_KINDS)[number], 'member'>; donorName: string },
) {
  await loadWish(tx, actor, id);
  const row = await move(
    tx,
    id,
    ['published'],
    {
      state: 'claimed',
      donorKind: donor.donorKind,
      donorName: donor.donorName,
      donorAccountId: null,
      claimedAt: env.source.at,
    },
    env.source.at,
  );
  await audit(tx, env, row, 'aid.wish.claim', { state: 'claimed', ...donor });
}

export async function fulfilWish(tx: Db, env: TxEnv, actor: Actor, id: number, note: string) {
  await loadWish(tx, actor, id);
  const row = await move(
    tx,
    id,
    ['claimed'],
    { state: 'fulfilled', fulfilNote: note, fulfilledBy: actor.accountId, fulfilledAt: env.source.at },
    env.source.at,
  );
  await audit(tx, env, row, 'aid.wish.fulfil', { state: 'fulfilled' });
}
