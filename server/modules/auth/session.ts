import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, ActorGrant } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { randomToken, sha256 } from '../../kernel/crypto.js';
import { rows, type Db } from '../../kernel/db.js';
import { invalidate, onInvalidation } from '../../kernel/invalidation.js';
import { account, session, type AccountKind } from './auth.schema.js';

// Sessions: a random 256-bit token in an httpOnly cookie; the database keeps only its SHA-256.
export const SESSION_COOKIE = 'uh_sid';
export type SessionState = 'active' | 'mfa_pending' | 'mfa_enroll';

// Merchant accounts (a shop's counter phone) live like member sessions.
// A half-finished sign-in (waiting for the authenticator code) does not live long.
const PENDING_LIFETIME_MS = { mfa_pending: 5 * 60_000, mfa_enroll: 15 * 60_000 };
const TOUCH_EVERY_MS = 60_000;

export interface SessionPolicy {
  idleMs(kind: AccountKind): number;
  absoluteMs(kind: AccountKind): number;
}

export function sessionPolicy(config: Config): SessionPolicy {
  return {
    idleMs: (kind) => (kind === 'staff' ? config.session.staffIdleMs : config.session.memberIdleMs),
    absoluteMs: (kind) => (kind === 'staff' ? config.session.staffAbsoluteMs : config.session.memberAbsoluteMs),
  };
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(
  tx: Db,
  clock: Clock,
  policy: SessionPolicy,
  input: {
    accountId: number;
    kind: AccountKind;
    state: SessionState;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const token = randomToken(32);
  const now = clock.now();
  const lifetime = input.state === 'active' ? policy.absoluteMs(input.kind) : PENDING_LIFETIME_MS[input.state];
  const expiresAt = new Date(now.getTime() + lifetime);
  await tx.insert(session).values({
    idHash: sha256(token),
    accountId: input.accountId,
    state: input.state,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export async function revokeSessionToken(tx: Db, clock: Clock, token: string): Promise<void> {
  const idHash = sha256(token);
  await tx
    .update(session)
    .set({ revokedAt: clock.now() })
    .where(and(eq(session.idHash, idHash), isNull(session.revokedAt)));
  await invalidate(tx, `s:${idHash}`);
}

/** Ends every session of an account: on disable, password reset and grant changes. */
export async function revokeAccountSessions(tx: Db, clock: Clock, accountId: number): Promise<void> {
  await tx
    .update(session)
    .set({ revokedAt: clock.now() })
    .where(and(eq(session.accountId, accountId), isNull(session.revokedAt)));
  await invalidate(tx, `a:${accountId}`);
}

/** Ends every session of an account but the one whose token is kept: after a password change. */
export async function revokeOtherSessions(tx: Db, clock: Clock, accountId: number, keepToken: string): Promise<void> {
  await tx
    .update(session)
    .set({ revokedAt: clock.now() })
    .where(and(eq(session.accountId, accountId), isNull(session.revokedAt), ne(session.idHash, sha256(keepToken))));
  await invalidate(tx, `a:${accountId}`);
}

export interface LoadedSession {
  actor: Actor;
  expiresAt: Date;
  idleMs: number;
}

// A request's caller comes from an in-process cache when it can: a session row stays cached for
// a few seconds, and its grants for its lifetime (they cannot change during a session: every grant
// change revokes the account's sessions; the paths they reach change only with the org tree's
// version). Revocations and tree moves invalidate entries here at once and in other processes
// through NOTIFY (kernel/invalidation.ts); the short lifetime bounds what a lost notification
// could leave behind. Without a cache entry: one prepared primary-key lookup.
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
const prepareLookup = (db: Db) =>
  db
    .select({
      state: session.state,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      accountId: account.id,
      kind: account.kind,
      username: account.username,
      displayName: account.displayName,
      orgId: account.orgId,
      status: account.status,
      treeVersion: sql<number>`coalesce((select t.version from org_tree t where t.id = 1), 0)::int`,
    })
    .from(session)
    .innerJoin(account, eq(account.id, session.accountId))
    .where(and(eq(session.idHash, sql.placeholder('idHash')), isNull(session.revokedAt)))
    .prepare('session_lookup');
type SessionRow = Awaited<ReturnType<ReturnType<typeof prepareLookup>['execute']>>[number];

const SESSION_CACHE_MS = 5_000;
const CACHE_SIZE = 20_000;
const sessionCache = new Map<string, { row: SessionRow; until: number }>();
const grantCache = new Map<string, { treeVersion: number; grants: ActorGrant[] }>();

onInvalidation((payload) => {
  if (payload.startsWith('s:')) {
    sessionCache.delete(payload.slice(2));
    grantCache.delete(payload.slice(2));
  } else if (payload.startsWith('a:')) {
    const accountId = Number(payload.slice(2));
    for (const [k, v] of sessionCache) if (v.row.accountId === accountId) sessionCache.delete(k);
  } else {
    // 'tree' (paths moved) or '*' (notifications may have been missed)
    sessionCache.clear();
    grantCache.clear();
  }
});

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, value);
}

async function sessionRow(db: Db, idHash: string): Promise<SessionRow | undefined> {
  const cached = sessionCache.get(idHash);
  if (cached && cached.until > Date.now()) return cached.row;
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  const [row] = await lookup.execute({ idHash });
  if (row) remember(sessionCache, idHash, { row, until: Date.now() + SESSION_CACHE_MS });
  else sessionCache.delete(idHash);
  return row;
}

async function grantsFor(db: Db, idHash: string, accountId: number, treeVersion: number): Promise<ActorGrant[]> {
  const cached = grantCache.get(idHash);
  if (cached && cached.treeVersion === treeVersion) return cached.grants;
  const grants = await accountGrants(db, accountId);
  remember(grantCache, idHash, { treeVersion, grants });
  return grants;
}

/** An account's grants, each with its org's path and its role's permissions. */
export async function accountGrants(db: Db, accountId: number): Promise<ActorGrant[]> {
  return rows<ActorGrant>(
    db,
    sql`select g.id, g.role_code as "roleCode", g.org_id as "orgId", o.path, r.permissions
        from staff_grant g join role r on r.code = g.role_code join org_ref o on o.id = g.org_id
        where g.account_id = ${accountId} order by g.id`,
  );
}

/** The caller behind a cookie, with grants and permissions; null when the session is not valid. */
export async function loadSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<LoadedSession | null> {
  if (token.length !== 43) return null;
  const idHash = sha256(token);
  const now = clock.now().getTime();
  const row = await sessionRow(db, idHash);
  if (!row || row.status !== 'active') return null;
  const idleMs = policy.idleMs(row.kind);
  if (now >= row.expiresAt.getTime() || now - row.lastSeenAt.getTime() >= idleMs) return null;
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    row.lastSeenAt = new Date(now);
    await db.update(session).set({ lastSeenAt: row.lastSeenAt }).where(eq(session.idHash, idHash));
  }
  const grants = row.kind === 'staff' ? await grantsFor(db, idHash, row.accountId, row.treeVersion) : [];
  return {
    actor: {
      accountId: row.accountId,
      kind: row.kind,
      username: row.username,
      displayName: row.displayName,
      orgId: row.orgId,
      sessionState: row.state,
      grants,
    },
    expiresAt: row.expiresAt,
    idleMs,
  };
}

export function readSessionCookie(req: FastifyRequest): string | undefined {
  return req.cookies[SESSION_COOKIE];
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, s: NewSession): void {
  reply.setCookie(SESSION_COOKIE, s.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    path: '/',
    expires: s.expiresAt,
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', path: '/' });
}
