import { and, asc, count, eq, inArray, isNull, lte, or, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDate } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db.js';
import { memberRef } from '../member/index.js';
import { orgRef } from '../org/index.js';
import type { CongressBody, CongressSession, CongressTerm, Representative } from './congress.access.js';
import { quorumOf, rulesAt } from './congress.rules.js';
import {
  congressAttendance,
  congressDocument,
  congressRepresentative,
  congressSession,
  congressTerm,
  REPRESENTATIVE_CATEGORIES,
  REPRESENTATIVE_STATES,
  SESSION_STATES,
} from './congress.schema.js';

// The shapes the core congress routes answer with (API contract, Part A) and the reads behind them.

const ZCurrentTerm = z.object({
  id: z.number().int(),
  number: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
});

export const ZBody = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    currentTerm: ZCurrentTerm.nullable(),
  })
  .meta({ id: 'CongressBody' });

export const ZTerm = z
  .object({
    id: z.number().int(),
    bodyId: z.number().int(),
    bodyName: z.string(),
    orgId: z.number().int(),
    number: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string(),
    representatives: z.number().int().describe('active representatives'),
    sessions: z.number().int(),
  })
  .meta({ id: 'CongressTerm' });

export const ZRepresentative = z
  .object({
    id: z.number().int(),
    termId: z.number().int(),
    memberId: z.number().int(),
    name: z.string(),
    gender: z.enum(['male', 'female']),
    orgName: z.string(),
    delegation: z.string(),
    category: z.enum(REPRESENTATIVE_CATEGORIES),
    state: z.enum(REPRESENTATIVE_STATES),
    startedOn: z.string(),
    endedOn: z.string().nullable(),
    endReason: z.string().nullable(),
    successorId: z.number().int().nullable(),
  })
  .meta({ id: 'CongressRepresentative' });

export const ZPresence = z
  .object({ present: z.number().int(), total: z.number().int(), quorum: z.number().int(), quorate: z.boolean() })
  .meta({ id: 'CongressPresence' });

export const ZDocument = z
  .object({ id: z.number().int(), title: z.string(), body: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'CongressDocument' });

export const ZAgendaItem = z.object({
  title: z.string(),
  presenter: z.string().optional(),
  minutes: z.number().int().optional(),
});

export const ZSession = z
  .object({
    id: z.number().int(),
    termId: z.number().int(),
    bodyId: z.number().int(),
    bodyName: z.string(),
    termNumber: z.number().int(),
    number: z.number().int(),
    title: z.string(),
    startsAt: z.iso.datetime(),
    location: z.string(),
    topics: z.array(z.string()),
    agenda: z.array(ZAgendaItem),
    documentsSentAt: z.iso.datetime().nullable(),
    state: z.enum(SESSION_STATES),
    openedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    reportedAt: z.iso.datetime().nullable(),
    documents: z.array(ZDocument),
    presence: ZPresence,
  })
  .meta({ id: 'CongressSession' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The term in force today (China), if any: what the console calls the current term. */
async function currentTerms(db: Db, bodyIds: number[], today: string): Promise<Map<number, CongressTerm>> {
  if (bodyIds.length === 0) return new Map();
  const found = await db
    .select()
    .from(congressTerm)
    .where(
      and(
        inArray(congressTerm.bodyId, bodyIds),
        lte(congressTerm.startsOn, today),
        sql`${congressTerm.endsOn} >= ${today}`,
      ),
    )
    .orderBy(asc(congressTerm.number));
  return new Map(found.map((t) => [t.bodyId, t]));
}

export async function bodyViews(db: Db, bodies: CongressBody[], now: Date): Promise<Array<z.infer<typeof ZBody>>> {
  const terms = await currentTerms(
    db,
    bodies.map((b) => b.id),
    chinaDate(now),
  );
  const orgIds = [...new Set(bodies.map((b) => b.orgId))];
  const orgs =
    orgIds.length === 0
      ? []
      : await db.select({ id: orgRef.id, name: orgRef.name }).from(orgRef).where(inArray(orgRef.id, orgIds));
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return bodies.map((b) => {
    const t = terms.get(b.id);
    return {
      id: b.id,
      orgId: b.orgId,
      orgName: names.get(b.orgId) ?? '',
      name: b.name,
      createdAt: b.createdAt.toISOString(),
      currentTerm: t ? { id: t.id, number: t.number, startsOn: t.startsOn, endsOn: t.endsOn } : null,
    };
  });
}

export async function bodyView(db: Db, body: CongressBody, now: Date): Promise<z.infer<typeof ZBody>> {
  const [v] = await bodyViews(db, [body], now);
  if (!v) throw new Error('body view');
  return v;
}

/** Active representatives of a term. */
export async function activeCount(db: Db, termId: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(congressRepresentative)
    .where(and(eq(congressRepresentative.termId, termId), eq(congressRepresentative.state, 'active')));
  return r?.n ?? 0;
}

export async function termView(db: Db, term: CongressTerm, body: CongressBody): Promise<z.infer<typeof ZTerm>> {
  const [s] = await db.select({ n: count() }).from(congressSession).where(eq(congressSession.termId, term.id));
  return {
    id: term.id,
    bodyId: body.id,
    bodyName: body.name,
    orgId: body.orgId,
    number: term.number,
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    representatives: await activeCount(db, term.id),
    sessions: s?.n ?? 0,
  };
}

export const repColumns = {
  rep: congressRepresentative,
  name: memberRef.name,
  gender: memberRef.gender,
  orgName: orgRef.name,
};

export function repView(row: { rep: Representative; name: string; gender: 'male' | 'female'; orgName: string }) {
  const r = row.rep;
  return {
    id: r.id,
    termId: r.termId,
    memberId: r.memberId,
    name: row.name,
    gender: row.gender,
    orgName: row.orgName,
    delegation: r.delegation,
    category: r.category,
    state: r.state,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    endReason: r.endReason,
    successorId: r.successorId,
  };
}

/** One representative as the API shows it (name, gender and org from the member record). */
export async function representativeView(db: Db, id: number): Promise<z.infer<typeof ZRepresentative>> {
  const [row] = await db
    .select(repColumns)
    .from(congressRepresentative)
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
    .innerJoin(orgRef, eq(orgRef.id, memberRef.orgId))
    .where(eq(congressRepresentative.id, id));
  if (!row) throw new Error(`representative ${id}`);
  return repView(row);
}

/** Representatives serving on a day: started by then and not ended before it. */
export function servingOn(termId: number, day: string) {
  return and(
    eq(congressRepresentative.termId, termId),
    lte(congressRepresentative.startedOn, day),
    or(isNull(congressRepresentative.endedOn), gt(congressRepresentative.endedOn, day)),
  );
}

/**
 * Presence at a session: present = checked in; total = representatives serving on the session's
 * day (China) — all of them, not those present, as the quorum rule counts; quorum from the rules.
 */
export async function presenceOf(
  db: Db,
  session: CongressSession,
  orgPath: string,
): Promise<z.infer<typeof ZPresence>> {
  const day = chinaDate(session.startsAt);
  const [t] = await db.select({ n: count() }).from(congressRepresentative).where(servingOn(session.termId, day));
  const [p] = await db
    .select({ n: count() })
    .from(congressAttendance)
    .where(eq(congressAttendance.sessionId, session.id));
  const total = t?.n ?? 0;
  const present = p?.n ?? 0;
  const quorum = quorumOf(await rulesAt(db, orgPath), total);
  return { present, total, quorum, quorate: total > 0 && present >= quorum };
}

export async function documentsOf(db: Db, sessionId: number) {
  const docs = await db
    .select()
    .from(congressDocument)
    .where(eq(congressDocument.sessionId, sessionId))
    .orderBy(asc(congressDocument.id));
  return docs.map((d) => ({ id: d.id, title: d.title, body: d.body, createdAt: d.createdAt.toISOString() }));
}

export async function sessionView(
  db: Db,
  s: CongressSession,
  term: CongressTerm,
  body: CongressBody,
  orgPath: string,
): Promise<z.infer<typeof ZSession>> {
  return {
    id: s.id,
    termId: s.termId,
    bodyId: body.id,
    bodyName: body.name,
    termNumber: term.number,
    number: s.number,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    location: s.location,
    topics: s.topics,
    agenda: s.agenda.map((a) => ({
      title: a.title,
      ...(a.presenter !== undefined ? { presenter: a.presenter } : {}),
      ...(a.minutes !== undefined ? { minutes: a.minutes } : {}),
    })),
    documentsSentAt: iso(s.documentsSentAt),
    state: s.state,
    openedAt: iso(s.openedAt),
    closedAt: iso(s.closedAt),
    publishedAt: iso(s.publishedAt),
    reportedAt: iso(s.reportedAt),
    documents: await documentsOf(db, s.id),
    presence: await presenceOf(db, s, orgPath),
  };
}

/** The path of the org of a body (for the rules in force). */
export async function orgPathOf(db: Db, orgId: number): Promise<string> {
  const [o] = await db.select({ path: orgRef.path }).from(orgRef).where(eq(orgRef.id, orgId));
  return o?.path ?? '/';
}
