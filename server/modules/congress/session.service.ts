import { randomBytes } from 'node:crypto';
import { and, asc, eq, max } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { OutOfScopeError } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { memberRef } from '../member/index.js';
import { sessionFor, termFor, type CongressSession } from './congress.access.js';
import {
  congressAttendance,
  congressDocument,
  congressRepresentative,
  congressSession,
  congressTerm,
  type AgendaItem,
} from './congress.schema.js';
import { presenceOf, sessionView } from './congress.view.js';

// Sessions (次) of a term: planned with notice and documents, open (check-in token), closed,
// published (厂务公开) and reported to the higher union; attendance by staff or by QR.

const READ = 'congress:congress:read' as const;
const MANAGE = 'congress:congress:manage' as const;

export interface SessionInput {
  title: string;
  startsAt: string;
  documentsSentAt?: string | undefined;
  topics: string[];
  location?: string | undefined;
  agenda?: AgendaItem[] | undefined;
}

export async function listSessions(db: Db, actor: Actor, termId: number) {
  const { term, body, path } = await termFor(db, actor, READ, termId);
  const found = await db
    .select()
    .from(congressSession)
    .where(eq(congressSession.termId, termId))
    .orderBy(asc(congressSession.number));
  const items = [];
  for (const s of found) items.push(await sessionView(db, s, term, body, path));
  return { items };
}

export async function createSession(tx: Db, env: TxEnv, actor: Actor, termId: number, input: SessionInput) {
  const { term, body, path } = await termFor(tx, actor, MANAGE, termId);
  // The term row lock makes the next number one at a time (two clerks adding a session at once).
  await tx.select({ id: congressTerm.id }).from(congressTerm).where(eq(congressTerm.id, termId)).for('update');
  const [last] = await tx
    .select({ n: max(congressSession.number) })
    .from(congressSession)
    .where(eq(congressSession.termId, termId));
  const [s] = await tx
    .insert(congressSession)
    .values({
      termId,
      number: (last?.n ?? 0) + 1,
      title: input.title,
      startsAt: new Date(input.startsAt),
      documentsSentAt: input.documentsSentAt ? new Date(input.documentsSentAt) : null,
      topics: input.topics,
      location: input.location ?? '',
      agenda: input.agenda ?? [],
      createdAt: env.source.at,
    })
    .returning();
  if (!s) throw new Error('session insert');
  await audit(tx, env, body.orgId, 'congress_session.create', s.id, input);
  return sessionView(tx, s, term, body, path);
}

async function audit(tx: Db, env: TxEnv, orgId: number, action: string, sessionId: number, after?: unknown) {
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action,
    targetType: 'congress_session',
    targetId: sessionId,
    after: after ?? null,
  });
}

/** The session locked for a change by staff with manage. */
async function lockedSession(tx: Db, actor: Actor, id: number) {
  const scope = await sessionFor(tx, actor, MANAGE, id);
  const [s] = await tx.select().from(congressSession).where(eq(congressSession.id, id)).for('update');
  if (!s) throw new OutOfScopeError('congress_session', String(id));
  return { ...scope, session: s };
}

export async function updateSession(tx: Db, env: TxEnv, actor: Actor, id: number, input: Partial<SessionInput>) {
  const { session, term, body, path } = await lockedSession(tx, actor, id);
  if (session.state !== 'planned') throw new AppError('CONGRESS_SESSION_STATE');
  const [s] = await tx
    .update(congressSession)
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.startsAt !== undefined ? { startsAt: new Date(input.startsAt) } : {}),
      ...(input.documentsSentAt !== undefined ? { documentsSentAt: new Date(input.documentsSentAt) } : {}),
      ...(input.topics !== undefined ? { topics: input.topics } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.agenda !== undefined ? { agenda: input.agenda } : {}),
    })
    .where(eq(congressSession.id, id))
    .returning();
  if (!s) throw new Error('session update');
  await audit(tx, env, body.orgId, 'congress_session.update', id, input);
  return sessionView(tx, s, term, body, path);
}

export async function addDocument(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: { title: string; body: string },
) {
  const { session, body } = await lockedSession(tx, actor, id);
  if (session.state === 'closed') throw new AppError('CONGRESS_SESSION_STATE');
  const [d] = await tx
    .insert(congressDocument)
    .values({ sessionId: id, title: input.title, body: input.body, createdAt: env.source.at })
    .returning();
  if (!d) throw new Error('document insert');
  await audit(tx, env, body.orgId, 'congress_session.document', id, { documentId: d.id, title: input.title });
  return { id: d.id, title: d.title, body: d.body, createdAt: d.createdAt.toISOString() };
}

export type Transition = 'send-documents' | 'open' | 'close' | 'publish' | 'report';

/** Moves a session on: each step allowed only from the state it follows, else 409 CONGRESS_SESSION_STATE. */
export async function transition(tx: Db, env: TxEnv, actor: Actor, id: number, step: Transition) {
  const { session, term, body, path } = await lockedSession(tx, actor, id);
  const at = env.source.at;
  const set = changeFor(session, step, at);
  if (!set) throw new AppError('CONGRESS_SESSION_STATE');
  const [s] = await tx.update(congressSession).set(set).where(eq(congressSession.id, id)).returning();
  if (!s) throw new Error('session transition');
  const action = step === 'send-documents' ? 'congress_session.send_documents' : `congress_session.${step}`;
  await audit(tx, env, body.orgId, action, id, { state: s.state });
  return sessionView(tx, s, term, body, path);
}

function changeFor(
  s: CongressSession,
  step: Transition,
  at: Date,
): Partial<typeof congressSession.$inferInsert> | null {
  switch (step) {
    case 'send-documents':
      return s.state === 'planned' ? { documentsSentAt: at } : null;
    case 'open':
      // A fresh random token per opening: a QR photographed at an earlier session does not work.
      return s.state === 'planned'
        ? { state: 'open', openedAt: at, checkInToken: randomBytes(18).toString('base64url') }
        : null;
    case 'close':
      return s.state === 'open' ? { state: 'closed', closedAt: at, checkInToken: null } : null;
    case 'publish':
      return s.state === 'closed' && !s.publishedAt ? { publishedAt: at } : null;
    case 'report':
      return s.state === 'closed' && !s.reportedAt ? { reportedAt: at } : null;
  }
}

export async function checkInCode(db: Db, actor: Actor, id: number) {
  const { session } = await sessionFor(db, actor, MANAGE, id);
  if (session.state !== 'open' || !session.checkInToken) throw new AppError('CONGRESS_SESSION_STATE');
  const token = session.checkInToken;
  return { token, path: `/congress/check-in?session=${session.id}&token=${encodeURIComponent(token)}` };
}

export async function attendanceOf(db: Db, actor: Actor, id: number) {
  const { session, path } = await sessionFor(db, actor, READ, id);
  const presence = await presenceOf(db, session, path);
  const reps = await db
    .select({
      id: congressRepresentative.id,
      name: memberRef.name,
      delegation: congressRepresentative.delegation,
      category: congressRepresentative.category,
      state: congressRepresentative.state,
      at: congressAttendance.at,
      via: congressAttendance.via,
    })
    .from(congressRepresentative)
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
    .leftJoin(
      congressAttendance,
      and(eq(congressAttendance.representativeId, congressRepresentative.id), eq(congressAttendance.sessionId, id)),
    )
    .where(eq(congressRepresentative.termId, session.termId))
    .orderBy(asc(congressRepresentative.delegation), asc(congressRepresentative.id));
  const items = reps
    // Those no longer serving are listed only when they were present.
    .filter((r) => r.state === 'active' || r.at !== null)
    .map((r) => ({
      representativeId: r.id,
      name: r.name,
      delegation: r.delegation,
      category: r.category,
      present: r.at !== null,
      at: r.at ? r.at.toISOString() : null,
      via: r.via,
    }));
  return { ...presence, items };
}

/**
 * Records a representative present (staff at the desk, or the representative's own QR scan).
 * Idempotent: a second record returns the first row with `created: false`.
 */
export async function recordAttendance(
  tx: Db,
  env: TxEnv,
  session: CongressSession,
  orgId: number,
  representativeId: number,
  via: 'qr' | 'staff',
) {
  const [inserted] = await tx
    .insert(congressAttendance)
    .values({
      sessionId: session.id,
      representativeId,
      via,
      recordedBy: via === 'staff' ? env.source.actorId : null,
      at: env.source.at,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) await audit(tx, env, orgId, 'congress_attendance.record', session.id, { representativeId, via });
  const [row] = inserted
    ? [inserted]
    : await tx
        .select()
        .from(congressAttendance)
        .where(
          and(eq(congressAttendance.sessionId, session.id), eq(congressAttendance.representativeId, representativeId)),
        );
  if (!row) throw new Error('attendance row');
  return { created: inserted !== undefined, row: { representativeId, at: row.at.toISOString(), via: row.via } };
}

export async function staffAttendance(tx: Db, env: TxEnv, actor: Actor, id: number, representativeId: number) {
  const { session, body } = await sessionFor(tx, actor, MANAGE, id);
  if (session.state !== 'open') throw new AppError('CONGRESS_SESSION_STATE');
  const [rep] = await tx
    .select()
    .from(congressRepresentative)
    .where(and(eq(congressRepresentative.id, representativeId), eq(congressRepresentative.termId, session.termId)));
  if (!rep) throw new OutOfScopeError('congress_representative', String(representativeId));
  if (rep.state !== 'active') throw new AppError('CONGRESS_REPRESENTATIVE_STATE');
  return recordAttendance(tx, env, session, body.orgId, rep.id, 'staff');
}
