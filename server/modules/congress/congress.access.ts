import { and, eq } from 'drizzle-orm';
import { assertOrgAccess, OutOfScopeError, type Actor, type Permission } from '../../kernel/access.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { memberOfAccount, memberUnion } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { congressBody, congressRepresentative, congressSession, congressTerm } from './congress.schema.js';

// Who may touch a congress record. Staff: the body's org must lie in their scope for the
// permission (kernel/access.ts; out of scope is 404, audited). Members: they act as the active
// representative of a term. Every congress route goes through one of these, so votes, proposals
// and evaluations scope the same way.

export type CongressBody = typeof congressBody.$inferSelect;
export type CongressTerm = typeof congressTerm.$inferSelect;
export type CongressSession = typeof congressSession.$inferSelect;
export type Representative = typeof congressRepresentative.$inferSelect;

const READ: Permission = 'congress:congress:read';

/** A body the caller may act on with `permission` (404 when missing or out of read scope, 403 otherwise); with its org path. */
export async function bodyFor(
  db: Db,
  actor: Actor,
  permission: Permission,
  bodyId: number,
): Promise<{ body: CongressBody; path: string }> {
  const [body] = await db.select().from(congressBody).where(eq(congressBody.id, bodyId));
  if (!body) throw new OutOfScopeError('congress_body', String(bodyId));
  const path = await assertOrgAccess(db, actor, permission, body.orgId, READ);
  return { body, path };
}

/** A term and its body, checked as bodyFor. */
export async function termFor(
  db: Db,
  actor: Actor,
  permission: Permission,
  termId: number,
): Promise<{ term: CongressTerm; body: CongressBody; path: string }> {
  const [term] = await db.select().from(congressTerm).where(eq(congressTerm.id, termId));
  if (!term) throw new OutOfScopeError('congress_term', String(termId));
  return { term, ...(await bodyFor(db, actor, permission, term.bodyId)) };
}

/** A session with its term and body, checked as bodyFor. */
export async function sessionFor(
  db: Db,
  actor: Actor,
  permission: Permission,
  sessionId: number,
): Promise<{ session: CongressSession; term: CongressTerm; body: CongressBody; path: string }> {
  const [session] = await db.select().from(congressSession).where(eq(congressSession.id, sessionId));
  if (!session) throw new OutOfScopeError('congress_session', String(sessionId));
  return { session, ...(await termFor(db, actor, permission, session.termId)) };
}

/** The member behind a member account serving as an active representative in a term, if any. */
export async function representativeOf(db: Db, accountId: number, termId: number): Promise<Representative | undefined> {
  const m = await memberOfAccount(db, accountId);
  if (!m) return undefined;
  const [rep] = await db
    .select()
    .from(congressRepresentative)
    .where(
      and(
        eq(congressRepresentative.termId, termId),
        eq(congressRepresentative.memberId, m.id),
        eq(congressRepresentative.state, 'active'),
      ),
    );
  return rep;
}

/** As representativeOf, but a caller who is not one gets 403 CONGRESS_NOT_REPRESENTATIVE. */
export async function requireRepresentative(db: Db, actor: Actor, termId: number): Promise<Representative> {
  const rep = await representativeOf(db, actor.accountId, termId);
  if (!rep) throw new AppError('CONGRESS_NOT_REPRESENTATIVE');
  return rep;
}

/** Every seat the member behind an account holds now (active), newest term first: 我的职代会. */
export async function seatsOf(db: Db, accountId: number): Promise<Representative[]> {
  const m = await memberOfAccount(db, accountId);
  if (!m) return [];
  return db
    .select()
    .from(congressRepresentative)
    .where(and(eq(congressRepresentative.memberId, m.id), eq(congressRepresentative.state, 'active')))
    .orderBy(congressRepresentative.termId);
}

/**
 * A body the workforce may read (厂务公开, public proposal tracking): staff with read scope over its
 * org, or a member whose union lies in its org's subtree; anyone else 404 (audited).
 */
export async function bodyForWorkforce(db: Db, actor: Actor, bodyId: number): Promise<CongressBody> {
  if (actor.kind === 'staff') return (await bodyFor(db, actor, READ, bodyId)).body;
  if (actor.kind !== 'member') throw new AppError('FORBIDDEN');
  const [found] = await db
    .select({ body: congressBody, path: orgRef.path })
    .from(congressBody)
    .innerJoin(orgRef, eq(orgRef.id, congressBody.orgId))
    .where(eq(congressBody.id, bodyId));
  const union = await memberUnion(db, actor.accountId);
  if (!found || !union?.path.startsWith(found.path)) throw new OutOfScopeError('congress_body', String(bodyId));
  return found.body;
}
