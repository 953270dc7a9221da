import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { OutOfScopeError } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { chinaDate } from '../../kernel/clock.js';
import type { TxEnv } from '../../kernel/context.js';
import { escapeLike, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { memberRef } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { termFor } from './congress.access.js';
import { congressRepresentative, type RepresentativeCategory } from './congress.schema.js';
import { repColumns, representativeView, repView } from './congress.view.js';

// Representatives of a term: added from the members of the body's org subtree, replaced (the old
// row ends and points at its successor, so the term keeps its history) or ended.

const READ = 'congress:congress:read' as const;
const MANAGE = 'congress:congress:manage' as const;

export interface RepFilter {
  state?: 'active' | 'replaced' | 'left' | undefined;
  delegation?: string | undefined;
  category?: RepresentativeCategory | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listRepresentatives(db: Db, actor: Actor, termId: number, f: RepFilter) {
  await termFor(db, actor, READ, termId);
  const where: SQL[] = [eq(congressRepresentative.termId, termId)];
  if (f.state) where.push(eq(congressRepresentative.state, f.state));
  if (f.delegation) where.push(eq(congressRepresentative.delegation, f.delegation));
  if (f.category) where.push(eq(congressRepresentative.category, f.category));
  if (f.q && f.q.trim() !== '') {
    const like = `%${escapeLike(f.q.trim())}%`;
    const cond = or(ilike(memberRef.name, like), ilike(congressRepresentative.delegation, like));
    if (cond) where.push(cond);
  }
  const cond = and(...where);
  const base = db
    .select({ n: count() })
    .from(congressRepresentative)
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
    .where(cond);
  const [n] = await base;
  const found = await db
    .select(repColumns)
    .from(congressRepresentative)
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
    .innerJoin(orgRef, eq(orgRef.id, memberRef.orgId))
    .where(cond)
    .orderBy(asc(congressRepresentative.delegation), asc(congressRepresentative.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: found.map(repView), total: n?.n ?? 0 };
}

/** The member, when a current (active) member of the org subtree at `path`; else 422 CONGRESS_NOT_A_MEMBER. */
async function memberInSubtree(tx: Db, memberId: number, path: string): Promise<void> {
  const [m] = await tx
    .select({ id: memberRef.id })
    .from(memberRef)
    .innerJoin(orgRef, eq(orgRef.id, memberRef.orgId))
    .where(and(eq(memberRef.id, memberId), eq(memberRef.status, 'active'), sql`${orgRef.path} like ${path + '%'}`));
  if (!m) throw new AppError('CONGRESS_NOT_A_MEMBER');
}

/** Inserts a seat; the same member twice in a term is 409 (also when two requests race: the unique index). */
async function insertSeat(
  tx: Db,
  values: typeof congressRepresentative.$inferInsert,
): Promise<typeof congressRepresentative.$inferSelect> {
  const [rep] = await tx.insert(congressRepresentative).values(values).onConflictDoNothing().returning();
  if (!rep) throw new AppError('CONGRESS_REPRESENTATIVE_EXISTS');
  return rep;
}

export async function addRepresentative(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  termId: number,
  input: { memberId: number; delegation: string; category: RepresentativeCategory; startedOn?: string | undefined },
) {
  const { term, body, path } = await termFor(tx, actor, MANAGE, termId);
  await memberInSubtree(tx, input.memberId, path);
  const startedOn = input.startedOn ?? maxDay(term.startsOn, chinaDate(env.source.at));
  const rep = await insertSeat(tx, {
    termId,
    memberId: input.memberId,
    delegation: input.delegation,
    category: input.category,
    startedOn,
    createdAt: env.source.at,
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_representative.add',
    targetType: 'congress_body',
    targetId: body.id,
    after: { representativeId: rep.id, termId, ...input, startedOn },
  });
  return representativeView(tx, rep.id);
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

/** A representative row the caller may change, locked; 404 outside scope, 409 when it no longer serves. */
async function activeSeat(tx: Db, actor: Actor, id: number) {
  const [rep] = await tx.select().from(congressRepresentative).where(eq(congressRepresentative.id, id)).for('update');
  if (!rep) throw new OutOfScopeError('congress_representative', String(id));
  const scope = await termFor(tx, actor, MANAGE, rep.termId);
  if (rep.state !== 'active') throw new AppError('CONGRESS_REPRESENTATIVE_STATE');
  return { rep, ...scope };
}

export async function replaceRepresentative(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: {
    memberId: number;
    delegation?: string | undefined;
    category?: RepresentativeCategory | undefined;
    reason: string;
    on?: string | undefined;
  },
) {
  const { rep, body, path } = await activeSeat(tx, actor, id);
  await memberInSubtree(tx, input.memberId, path);
  const on = input.on ?? chinaDate(env.source.at);
  const successor = await insertSeat(tx, {
    termId: rep.termId,
    memberId: input.memberId,
    delegation: input.delegation ?? rep.delegation,
    category: input.category ?? rep.category,
    startedOn: on,
    createdAt: env.source.at,
  });
  await tx
    .update(congressRepresentative)
    .set({ state: 'replaced', endedOn: on, endReason: input.reason, successorId: successor.id })
    .where(eq(congressRepresentative.id, rep.id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_representative.replace',
    targetType: 'congress_body',
    targetId: body.id,
    before: { representativeId: rep.id, memberId: rep.memberId },
    after: { representativeId: successor.id, memberId: input.memberId, reason: input.reason, on },
  });
  return { ended: await representativeView(tx, rep.id), successor: await representativeView(tx, successor.id) };
}

export async function endRepresentative(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: { reason: string; on?: string | undefined },
) {
  const { rep, body } = await activeSeat(tx, actor, id);
  const on = input.on ?? chinaDate(env.source.at);
  await tx
    .update(congressRepresentative)
    .set({ state: 'left', endedOn: on, endReason: input.reason })
    .where(eq(congressRepresentative.id, rep.id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_representative.end',
    targetType: 'congress_body',
    targetId: body.id,
    before: { representativeId: rep.id, memberId: rep.memberId },
    after: { reason: input.reason, on },
  });
  return representativeView(tx, rep.id);
}
