import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, ActorGrant } from '../../kernel/access.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { randomToken, sha256 } from '../../kernel/crypto.js';
import { rows, type Db } from '../../kernel/db.js';
import { session } from './auth.schema.js';

// Sessions: a random 256-bit token in an httpOnly cookie; the database keeps only its SHA-256.
export const SESSION_COOKIE = 'uh_sid';
export type SessionState = 'active' | 'mfa_pending' | 'mfa_enroll';

// A half-finished sign-in (waiting for the authenticator code) does not live long.
const PENDING_LIFETIME_MS = { mfa_pending: 5 * 60_000, mfa_enroll: 15 * 60_000 };
const TOUCH_EVERY_MS = 60_000;

export interface SessionPolicy {
  idleMs(kind: 'staff' | 'member'): number;
  absoluteMs(kind: 'staff' | 'member'): number;
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
  input: { accountId: number; kind: 'staff' | 'member'; state: SessionState; ip: string | null; userAgent: string | null },
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
  await tx.update(session).set({ revokedAt: clock.now() }).where(and(eq(session.idHash, sha256(token)), isNull(session.revokedAt)));
}

/** Ends every session of an account: on disable, password reset and grant changes. */
export async function revokeAccountSessions(tx: Db, clock: Clock, accountId: number): Promise<void> {
  await tx.update(session).set({ revokedAt: clock.now() }).where(and(eq(session.accountId, accountId), isNull(session.revokedAt)));
}

interface SessionActorRow {
  state: SessionState;
  last_seen_at: Date;
  expires_at: Date;
  account_id: number;
  kind: 'staff' | 'member';
  username: string | null;
  display_name: string;
  org_id: number | null;
  status: 'active' | 'disabled';
  grants: ActorGrant[];
}

export interface LoadedSession {
  actor: Actor;
  expiresAt: Date;
  idleMs: number;
}

/** The caller behind a cookie, with grants and permissions, in one round trip; null when invalid. */
export async function loadSession(db: Db, clock: Clock, policy: SessionPolicy, token: string): Promise<LoadedSession | null> {
  if (token.length !== 43) return null;
  const idHash = sha256(token);
  const [row] = await rows<SessionActorRow>(
    db,
    sql`select s.state, s.last_seen_at, s.expires_at, a.id as account_id, a.kind, a.username, a.display_name, a.org_id, a.status,
          coalesce(json_agg(json_build_object('id', g.id, 'roleCode', g.role_code, 'orgId', g.org_id, 'path', o.path,
                                              'permissions', r.permissions) order by g.id)
                   filter (where g.id is not null), '[]'::json) as grants
        from session s
        join account a on a.id = s.account_id
        left join staff_grant g on g.account_id = a.id
        left join role r on r.code = g.role_code
        left join org o on o.id = g.org_id
        where s.id_hash = ${idHash} and s.revoked_at is null
        group by s.id_hash, a.id`,
  );
  if (!row || row.status !== 'active') return null;
  const now = clock.now().getTime();
  const idleMs = policy.idleMs(row.kind);
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now >= new Date(row.expires_at).getTime() || now - lastSeen >= idleMs) return null;
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    await db.update(session).set({ lastSeenAt: new Date(now) }).where(eq(session.idHash, idHash));
  }
  return {
    actor: {
      accountId: row.account_id,
      kind: row.kind,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      sessionState: row.state,
      grants: row.kind === 'staff' ? row.grants : [],
    },
    expiresAt: new Date(row.expires_at),
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
