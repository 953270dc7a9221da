import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { OutOfScopeError } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, ZId, ZIdParams } from '../../kernel/http.js';
import { orgRef } from '../org/index.js';
import { requireRepresentative, seatsOf } from './congress.access.js';
import { REPRESENTATIVE_CATEGORIES, SESSION_STATES } from './congress.schema.js';
import { congressAttendance, congressBody, congressSession, congressTerm } from './congress.schema.js';
import { orgPathOf, sessionView, ZSession } from './congress.view.js';
import { recordAttendance } from './session.service.js';

// 我的职代会 on the H5: the member's seats with their sessions, a session's documents, and the QR
// check-in at the venue. A member sees only the terms where they serve (403 elsewhere).

const ZSeat = z
  .object({
    representativeId: z.number().int(),
    termId: z.number().int(),
    termNumber: z.number().int(),
    bodyId: z.number().int(),
    bodyName: z.string(),
    orgName: z.string(),
    delegation: z.string(),
    category: z.enum(REPRESENTATIVE_CATEGORIES),
    sessions: z.array(
      z.object({
        id: z.number().int(),
        number: z.number().int(),
        title: z.string(),
        startsAt: z.iso.datetime(),
        location: z.string(),
        state: z.enum(SESSION_STATES),
        checkedIn: z.boolean(),
        documentsSentAt: z.iso.datetime().nullable(),
      }),
    ),
  })
  .meta({ id: 'CongressSeat' });

async function sessionById(db: Db, id: number) {
  const [row] = await db
    .select({ session: congressSession, term: congressTerm, body: congressBody })
    .from(congressSession)
    .innerJoin(congressTerm, eq(congressTerm.id, congressSession.termId))
    .innerJoin(congressBody, eq(congressBody.id, congressTerm.bodyId))
    .where(eq(congressSession.id, id));
  if (!row) throw new OutOfScopeError('congress_session', String(id));
  return row;
}

async function checkedIn(db: Db, sessionIds: number[], representativeId: number): Promise<Set<number>> {
  if (sessionIds.length === 0) return new Set();
  const found = await db
    .select({ id: congressAttendance.sessionId })
    .from(congressAttendance)
    .where(
      and(inArray(congressAttendance.sessionId, sessionIds), eq(congressAttendance.representativeId, representativeId)),
    );
  return new Set(found.map((f) => f.id));
}

function sameToken(given: string, stored: string | null): boolean {
  if (!stored) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function congressMeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.get(
    '/api/me/congress',
    {
      schema: {
        tags,
        summary: 'My seats as a representative, each with its sessions',
        response: { 200: z.object({ seats: z.array(ZSeat) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      const db = deps.db;
      const seats = [];
      for (const rep of await seatsOf(db, actor.accountId)) {
        const [t] = await db
          .select({ term: congressTerm, body: congressBody, orgName: orgRef.name })
          .from(congressTerm)
          .innerJoin(congressBody, eq(congressBody.id, congressTerm.bodyId))
          .innerJoin(orgRef, eq(orgRef.id, congressBody.orgId))
          .where(eq(congressTerm.id, rep.termId));
        if (!t) continue;
        const sessions = await db
          .select()
          .from(congressSession)
          .where(eq(congressSession.termId, rep.termId))
          .orderBy(asc(congressSession.number));
        const mine = await checkedIn(
          db,
          sessions.map((s) => s.id),
          rep.id,
        );
        seats.push({
          representativeId: rep.id,
          termId: rep.termId,
          termNumber: t.term.number,
          bodyId: t.body.id,
          bodyName: t.body.name,
          orgName: t.orgName,
          delegation: rep.delegation,
          category: rep.category,
          sessions: sessions.map((s) => ({
            id: s.id,
            number: s.number,
            title: s.title,
            startsAt: s.startsAt.toISOString(),
            location: s.location,
            state: s.state,
            checkedIn: mine.has(s.id),
            documentsSentAt: s.documentsSentAt ? s.documentsSentAt.toISOString() : null,
          })),
        });
      }
      return { seats };
    },
  );

  r.get(
    '/api/me/congress/sessions/:id',
    {
      schema: {
        tags,
        summary: 'A session of a term where I serve, with its documents and whether I checked in',
        params: ZIdParams,
        response: { 200: ZSession.extend({ checkedIn: z.boolean() }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      const { session, term, body } = await sessionById(deps.db, req.params.id);
      const rep = await requireRepresentative(deps.db, actor, term.id);
      const view = await sessionView(deps.db, session, term, body, await orgPathOf(deps.db, body.orgId));
      return { ...view, checkedIn: (await checkedIn(deps.db, [session.id], rep.id)).has(session.id) };
    },
  );

  r.post(
    '/api/me/congress/check-in',
    {
      schema: {
        tags,
        summary: "Checks me in at an open session with the venue QR's token (again: the first check-in)",
        body: z.strictObject({ sessionId: ZId, token: z.string().min(1).max(200) }),
        response: { 200: z.object({ sessionId: z.number().int(), at: z.iso.datetime() }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      const { sessionId, token } = req.body;
      return inTransaction(deps, req, async (tx, env) => {
        const { session, term, body } = await sessionById(tx, sessionId);
        const rep = await requireRepresentative(tx, actor, term.id);
        if (session.state !== 'open') throw new AppError('CONGRESS_SESSION_STATE');
        if (!sameToken(token, session.checkInToken)) throw new AppError('CONGRESS_CHECK_IN_INVALID');
        const { row } = await recordAttendance(tx, env, session, body.orgId, rep.id, 'qr');
        return { sessionId, at: row.at };
      });
    },
  );
}
