import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor, Permission } from '../../kernel/access.js';
import { OutOfScopeError } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { chinaDate } from '../../kernel/clock.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { requireRepresentative, seatsOf, sessionFor, termFor } from './congress.access.js';
import { congressAttendance, congressSession } from './congress.schema.js';
import {
  congressEvaluation,
  congressEvaluationItem,
  congressEvaluationRating,
  congressFollowup,
  EVALUATION_RATINGS,
  type EvaluationRating,
  type EvaluationState,
  type FollowupState,
} from './evaluation.schema.js';

// 民主评议: staff write an evaluation of a report with its items and open it while the session is
// in progress; each representative checked in at that session rates each item once (the unique
// index holds it under concurrency); results per item are counts and shares of that item's raters.
// Staff see the counts at any time, representatives once the evaluation is closed. 不满意 comments
// become follow-ups with an owner and a deadline, listed for the term so the next session hears them.

const READ: Permission = 'congress:congress:read';
const MANAGE: Permission = 'congress:congress:manage';

type EvaluationRow = typeof congressEvaluation.$inferSelect;
type Counts = Record<EvaluationRating, number>;

export interface EvaluationItemView {
  id: number;
  position: number;
  title: string;
  /** null for a representative before the evaluation closes. */
  counts: Counts | null;
  /** Fractions of the item's raters (0.6667 = 66.67%), null as counts. */
  shares: Counts | null;
}

export interface EvaluationView {
  id: number;
  sessionId: number;
  title: string;
  state: EvaluationState;
  /** Representatives who rated at least one item. */
  raters: number;
  openedAt: string | null;
  closedAt: string | null;
  items: EvaluationItemView[];
}

const zeroCounts = (): Counts => ({ satisfied: 0, basic: 0, unsatisfied: 0, unknown: 0 });

/** Shares of each rating among an item's raters, as fractions rounded to 4 places. */
export function sharesOf(counts: Counts): Counts {
  const total = EVALUATION_RATINGS.reduce((s, r) => s + counts[r], 0);
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 10_000) / 10_000);
  return {
    satisfied: share(counts.satisfied),
    basic: share(counts.basic),
    unsatisfied: share(counts.unsatisfied),
    unknown: share(counts.unknown),
  };
}

/** Evaluations with their items (and, when `withCounts`, the counts and shares), in one read each. */
export async function evaluationViews(
  db: Db,
  evaluations: readonly EvaluationRow[],
  withCounts: (e: EvaluationRow) => boolean,
): Promise<EvaluationView[]> {
  if (evaluations.length === 0) return [];
  const ids = evaluations.map((e) => e.id);
  const items = await db
    .select()
    .from(congressEvaluationItem)
    .where(inArray(congressEvaluationItem.evaluationId, ids))
    .orderBy(asc(congressEvaluationItem.position));
  const tally = await db
    .select({
      itemId: congressEvaluationRating.itemId,
      rating: congressEvaluationRating.rating,
      n: sql<number>`count(*)::int`,
    })
    .from(congressEvaluationRating)
    .where(inArray(congressEvaluationRating.evaluationId, ids))
    .groupBy(congressEvaluationRating.itemId, congressEvaluationRating.rating);
  const raters = await db
    .select({
      evaluationId: congressEvaluationRating.evaluationId,
      n: sql<number>`count(distinct ${congressEvaluationRating.representativeId})::int`,
    })
    .from(congressEvaluationRating)
    .where(inArray(congressEvaluationRating.evaluationId, ids))
    .groupBy(congressEvaluationRating.evaluationId);
  const countsOf = new Map<number, Counts>();
  for (const row of tally) {
    const c = countsOf.get(row.itemId) ?? zeroCounts();
    c[row.rating] = Number(row.n);
    countsOf.set(row.itemId, c);
  }
  const ratersOf = new Map(raters.map((r) => [r.evaluationId, Number(r.n)]));
  return evaluations.map((e) => {
    const shown = withCounts(e);
    return {
      id: e.id,
      sessionId: e.sessionId,
      title: e.title,
      state: e.state,
      raters: ratersOf.get(e.id) ?? 0,
      openedAt: e.openedAt?.toISOString() ?? null,
      closedAt: e.closedAt?.toISOString() ?? null,
      items: items
        .filter((i) => i.evaluationId === e.id)
        .map((i) => {
          const counts = countsOf.get(i.id) ?? zeroCounts();
          return {
            id: i.id,
            position: i.position,
            title: i.title,
            counts: shown ? counts : null,
            shares: shown ? sharesOf(counts) : null,
          };
        }),
    };
  });
}

async function loadEvaluation(db: Db, id: number, lock?: 'update' | 'share'): Promise<EvaluationRow> {
  const q = db.select().from(congressEvaluation).where(eq(congressEvaluation.id, id));
  const [e] = lock ? await q.for(lock) : await q;
  if (!e) throw new OutOfScopeError('congress_evaluation', String(id));
  return e;
}

/** An evaluation the staff caller may act on with `permission`, with its session, term and body (scope as sessionFor). */
async function evaluationFor(db: Db, actor: Actor, permission: Permission, id: number, lock?: 'update') {
  const evaluation = await loadEvaluation(db, id, lock);
  return { evaluation, ...(await sessionFor(db, actor, permission, evaluation.sessionId)) };
}

// ---- staff ----

export async function createEvaluation(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  sessionId: number,
  input: { title: string; items: string[] },
): Promise<EvaluationView> {
  const { session, body } = await sessionFor(tx, actor, MANAGE, sessionId);
  if (session.state === 'closed') throw new AppError('CONGRESS_SESSION_STATE');
  const [e] = await tx
    .insert(congressEvaluation)
    .values({ sessionId: session.id, title: input.title, createdAt: env.source.at })
    .returning();
  if (!e) throw new AppError('CONFLICT');
  await tx
    .insert(congressEvaluationItem)
    .values(input.items.map((title, i) => ({ evaluationId: e.id, position: i + 1, title })));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_evaluation.create',
    targetType: 'congress_evaluation',
    targetId: e.id,
    after: { sessionId: session.id, title: input.title, items: input.items },
  });
  const [view] = await evaluationViews(tx, [e], () => true);
  if (!view) throw new AppError('CONFLICT');
  return view;
}

/** draft → open (the session must be in progress: only those checked in rate) and open → closed. */
export async function moveEvaluation(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  to: 'open' | 'closed',
): Promise<EvaluationView> {
  const { evaluation, session, body } = await evaluationFor(tx, actor, MANAGE, id, 'update');
  const from: EvaluationState = to === 'open' ? 'draft' : 'open';
  if (evaluation.state !== from) throw new AppError('CONGRESS_EVALUATION_STATE');
  if (to === 'open' && session.state !== 'open') throw new AppError('CONGRESS_SESSION_STATE');
  const now = env.source.at;
  const [moved] = await tx
    .update(congressEvaluation)
    .set(to === 'open' ? { state: 'open', openedAt: now } : { state: 'closed', closedAt: now })
    .where(eq(congressEvaluation.id, id))
    .returning();
  if (!moved) throw new AppError('CONFLICT');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: to === 'open' ? 'congress_evaluation.open' : 'congress_evaluation.close',
    targetType: 'congress_evaluation',
    targetId: id,
  });
  const [view] = await evaluationViews(tx, [moved], () => true);
  if (!view) throw new AppError('CONFLICT');
  return view;
}

export async function sessionEvaluations(db: Db, actor: Actor, sessionId: number): Promise<EvaluationView[]> {
  const { session } = await sessionFor(db, actor, READ, sessionId);
  const list = await db
    .select()
    .from(congressEvaluation)
    .where(eq(congressEvaluation.sessionId, session.id))
    .orderBy(asc(congressEvaluation.id));
  return evaluationViews(db, list, () => true);
}

export interface EvaluationComment {
  ratingId: number;
  itemId: number;
  rating: EvaluationRating;
  comment: string;
}

/** One evaluation with the counts and the comments (without who wrote them), for staff. */
export async function evaluationDetail(
  db: Db,
  actor: Actor,
  id: number,
): Promise<EvaluationView & { comments: EvaluationComment[] }> {
  const { evaluation } = await evaluationFor(db, actor, READ, id);
  const [view] = await evaluationViews(db, [evaluation], () => true);
  if (!view) throw new OutOfScopeError('congress_evaluation', String(id));
  const comments = await db
    .select({
      ratingId: congressEvaluationRating.id,
      itemId: congressEvaluationRating.itemId,
      rating: congressEvaluationRating.rating,
      comment: sql<string>`${congressEvaluationRating.comment}`,
    })
    .from(congressEvaluationRating)
    .where(
      and(eq(congressEvaluationRating.evaluationId, id), sql`coalesce(${congressEvaluationRating.comment}, '') <> ''`),
    )
    .orderBy(asc(congressEvaluationRating.itemId), asc(congressEvaluationRating.id));
  return { ...view, comments };
}

// ---- representatives ----

export interface MyRating {
  itemId: number;
  rating: EvaluationRating;
  comment: string | null;
}

export type MyEvaluationView = EvaluationView & {
  /** Whether I have rated every item. */
  rated: boolean;
  /** Whether I am checked in at the evaluation's session (only those present rate). */
  present: boolean;
  myRatings: MyRating[];
};

async function myViews(
  db: Db,
  evaluations: readonly EvaluationRow[],
  repOfSession: ReadonlyMap<number, number>,
): Promise<MyEvaluationView[]> {
  const views = await evaluationViews(db, evaluations, (e) => e.state === 'closed');
  const repIds = [...new Set(repOfSession.values())];
  const sessionIds = [...new Set(evaluations.map((e) => e.sessionId))];
  const mine =
    repIds.length === 0
      ? []
      : await db
          .select({
            evaluationId: congressEvaluationRating.evaluationId,
            representativeId: congressEvaluationRating.representativeId,
            itemId: congressEvaluationRating.itemId,
            rating: congressEvaluationRating.rating,
            comment: congressEvaluationRating.comment,
          })
          .from(congressEvaluationRating)
          .where(
            and(
              inArray(
                congressEvaluationRating.evaluationId,
                evaluations.map((e) => e.id),
              ),
              inArray(congressEvaluationRating.representativeId, repIds),
            ),
          );
  const present =
    repIds.length === 0 || sessionIds.length === 0
      ? []
      : await db
          .select({ sessionId: congressAttendance.sessionId, representativeId: congressAttendance.representativeId })
          .from(congressAttendance)
          .where(
            and(
              inArray(congressAttendance.sessionId, sessionIds),
              inArray(congressAttendance.representativeId, repIds),
            ),
          );
  return views.map((v) => {
    const repId = repOfSession.get(v.sessionId);
    const myRatings = mine
      .filter((r) => r.evaluationId === v.id && r.representativeId === repId)
      .map(({ itemId, rating, comment }) => ({ itemId, rating, comment }));
    return {
      ...v,
      rated: v.items.length > 0 && v.items.every((i) => myRatings.some((r) => r.itemId === i.id)),
      present: present.some((p) => p.sessionId === v.sessionId && p.representativeId === repId),
      myRatings,
    };
  });
}

/** The evaluations (not drafts) of the sessions where the caller holds a seat; one session's when asked. */
export async function myEvaluations(db: Db, actor: Actor, sessionId?: number): Promise<MyEvaluationView[]> {
  const seats = await seatsOf(db, actor.accountId);
  let sessions: Array<{ id: number; termId: number }>;
  if (sessionId !== undefined) {
    const [s] = await db
      .select({ id: congressSession.id, termId: congressSession.termId })
      .from(congressSession)
      .where(eq(congressSession.id, sessionId));
    if (!s) throw new AppError('NOT_FOUND');
    if (!seats.some((r) => r.termId === s.termId)) throw new AppError('CONGRESS_NOT_REPRESENTATIVE');
    sessions = [s];
  } else {
    const termIds = seats.map((r) => r.termId);
    sessions =
      termIds.length === 0
        ? []
        : await db
            .select({ id: congressSession.id, termId: congressSession.termId })
            .from(congressSession)
            .where(inArray(congressSession.termId, termIds));
  }
  if (sessions.length === 0) return [];
  const repOfSession = new Map<number, number>();
  for (const s of sessions) {
    const seat = seats.find((r) => r.termId === s.termId);
    if (seat) repOfSession.set(s.id, seat.id);
  }
  const list = await db
    .select()
    .from(congressEvaluation)
    .where(
      and(
        inArray(
          congressEvaluation.sessionId,
          sessions.map((s) => s.id),
        ),
        ne(congressEvaluation.state, 'draft'),
      ),
    )
    .orderBy(asc(congressEvaluation.sessionId), asc(congressEvaluation.id));
  return myViews(db, list, repOfSession);
}

/**
 * Stores the caller's ratings of some items of an open evaluation: a representative of the term,
 * checked in at the session. Any item rated before (now or by a concurrent request: the unique
 * index decides) refuses the whole request with CONGRESS_ALREADY_RATED, so nothing is half stored.
 */
export async function rate(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  evaluationId: number,
  ratings: ReadonlyArray<{ itemId: number; rating: EvaluationRating; comment?: string | undefined }>,
): Promise<MyEvaluationView> {
  // A share lock: ratings run side by side, but not across the close (which locks for update).
  const evaluation = await loadEvaluation(tx, evaluationId, 'share');
  const [session] = await tx.select().from(congressSession).where(eq(congressSession.id, evaluation.sessionId));
  if (!session || evaluation.state === 'draft') throw new AppError('NOT_FOUND');
  const rep = await requireRepresentative(tx, actor, session.termId);
  if (evaluation.state !== 'open') throw new AppError('CONGRESS_EVALUATION_STATE');
  const [present] = await tx
    .select({ at: congressAttendance.at })
    .from(congressAttendance)
    .where(and(eq(congressAttendance.sessionId, session.id), eq(congressAttendance.representativeId, rep.id)));
  if (!present) throw new AppError('CONGRESS_NOT_PRESENT');
  const items = await tx
    .select({ id: congressEvaluationItem.id })
    .from(congressEvaluationItem)
    .where(eq(congressEvaluationItem.evaluationId, evaluation.id));
  const itemIds = new Set(items.map((i) => i.id));
  const foreign = ratings.findIndex((r) => !itemIds.has(r.itemId));
  if (foreign >= 0)
    throw new AppError('CONGRESS_EVALUATION_ITEM', [
      { path: `ratings.${foreign}.itemId`, message: 'CONGRESS_EVALUATION_ITEM' },
    ]);
  const stored = await tx
    .insert(congressEvaluationRating)
    .values(
      ratings.map((r) => ({
        evaluationId: evaluation.id,
        itemId: r.itemId,
        representativeId: rep.id,
        rating: r.rating,
        comment: r.comment ? r.comment : null,
        at: env.source.at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: congressEvaluationRating.id });
  if (stored.length !== ratings.length) throw new AppError('CONGRESS_ALREADY_RATED');
  const [view] = await myViews(tx, [evaluation], new Map([[session.id, rep.id]]));
  if (!view) throw new AppError('CONFLICT');
  return view;
}

// ---- follow-ups ----

export interface FollowupView {
  id: number;
  evaluationId: number;
  evaluationTitle: string;
  /** The session that held the evaluation. */
  sessionId: number;
  itemId: number;
  itemTitle: string;
  ratingId: number | null;
  /** The comment it came from, if any. */
  comment: string | null;
  owner: string;
  deadline: string;
  note: string;
  state: FollowupState;
  result: string | null;
  doneAt: string | null;
  /** Open past its deadline (China's calendar). */
  overdue: boolean;
  /** The session it is reported to: the one set, else the term's next session after the evaluation's. */
  reportTo: { sessionId: number; number: number; title: string; startsAt: string } | null;
  createdAt: string;
}

/** Follow-ups of the given items (all of a term's when `termId` is given), oldest first. */
export async function followupViews(
  db: Db,
  now: Date,
  where: { termId: number } | { ids: number[] } | { evaluationIds: number[] },
): Promise<FollowupView[]> {
  // The evaluation's session, under its own name: the subquery below reads another session row.
  const evs = alias(congressSession, 'evs');
  const cond =
    'termId' in where
      ? eq(evs.termId, where.termId)
      : 'ids' in where
        ? where.ids.length === 0
          ? sql`false`
          : inArray(congressFollowup.id, where.ids)
        : where.evaluationIds.length === 0
          ? sql`false`
          : inArray(congressEvaluation.id, where.evaluationIds);
  const found = await db
    .select({
      id: congressFollowup.id,
      evaluationId: congressEvaluation.id,
      evaluationTitle: congressEvaluation.title,
      sessionId: congressEvaluation.sessionId,
      itemId: congressEvaluationItem.id,
      itemTitle: congressEvaluationItem.title,
      ratingId: congressFollowup.ratingId,
      comment: sql<
        string | null
      >`(select r.comment from ${congressEvaluationRating} r where r.id = ${congressFollowup.ratingId})`,
      owner: congressFollowup.owner,
      deadline: congressFollowup.deadline,
      note: congressFollowup.note,
      state: congressFollowup.state,
      result: congressFollowup.result,
      doneAt: congressFollowup.doneAt,
      createdAt: congressFollowup.createdAt,
      reportSessionId: sql<number | null>`coalesce(${congressFollowup.reportSessionId}, (
        select n.id from ${congressSession} n
        where n.term_id = ${evs.termId} and n.starts_at > ${evs.startsAt}
        order by n.starts_at, n.id limit 1))`,
    })
    .from(congressFollowup)
    .innerJoin(congressEvaluationItem, eq(congressEvaluationItem.id, congressFollowup.itemId))
    .innerJoin(congressEvaluation, eq(congressEvaluation.id, congressEvaluationItem.evaluationId))
    .innerJoin(evs, eq(evs.id, congressEvaluation.sessionId))
    .where(cond)
    .orderBy(asc(congressFollowup.deadline), asc(congressFollowup.id));
  const reportIds = [...new Set(found.flatMap((f) => (f.reportSessionId === null ? [] : [Number(f.reportSessionId)])))];
  const reports =
    reportIds.length === 0
      ? []
      : await db
          .select({
            id: congressSession.id,
            number: congressSession.number,
            title: congressSession.title,
            startsAt: congressSession.startsAt,
          })
          .from(congressSession)
          .where(inArray(congressSession.id, reportIds));
  const today = chinaDate(now);
  return found.map(({ reportSessionId, ...f }) => {
    const report = reports.find((s) => s.id === Number(reportSessionId));
    return {
      ...f,
      doneAt: f.doneAt?.toISOString() ?? null,
      createdAt: f.createdAt.toISOString(),
      overdue: f.state === 'open' && f.deadline < today,
      reportTo: report
        ? { sessionId: report.id, number: report.number, title: report.title, startsAt: report.startsAt.toISOString() }
        : null,
    };
  });
}

async function oneFollowup(db: Db, now: Date, id: number): Promise<FollowupView> {
  const [view] = await followupViews(db, now, { ids: [id] });
  if (!view) throw new AppError('CONFLICT');
  return view;
}

/** Makes a follow-up of an evaluation item (from one of its ratings' comments, when given). */
export async function createFollowup(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  itemId: number,
  input: {
    owner: string;
    deadline: string;
    note: string;
    ratingId?: number | undefined;
    reportSessionId?: number | undefined;
  },
): Promise<FollowupView> {
  const [item] = await tx.select().from(congressEvaluationItem).where(eq(congressEvaluationItem.id, itemId));
  if (!item) throw new OutOfScopeError('congress_evaluation_item', String(itemId));
  const { evaluation, session, body } = await evaluationFor(tx, actor, MANAGE, item.evaluationId);
  if (evaluation.state === 'draft') throw new AppError('CONGRESS_EVALUATION_STATE');
  if (input.ratingId !== undefined) {
    const [r] = await tx
      .select({ itemId: congressEvaluationRating.itemId })
      .from(congressEvaluationRating)
      .where(eq(congressEvaluationRating.id, input.ratingId));
    if (r?.itemId !== item.id)
      throw new AppError('CONGRESS_FOLLOWUP_SOURCE', [{ path: 'ratingId', message: 'CONGRESS_FOLLOWUP_SOURCE' }]);
  }
  if (input.reportSessionId !== undefined)
    await assertLaterSession(tx, session, input.reportSessionId, 'reportSessionId');
  const [f] = await tx
    .insert(congressFollowup)
    .values({
      itemId: item.id,
      ratingId: input.ratingId ?? null,
      owner: input.owner,
      deadline: input.deadline,
      note: input.note,
      reportSessionId: input.reportSessionId ?? null,
      createdBy: actor.accountId,
      createdAt: env.source.at,
    })
    .returning({ id: congressFollowup.id });
  if (!f) throw new AppError('CONFLICT');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_followup.create',
    targetType: 'congress_evaluation',
    targetId: evaluation.id,
    after: { followupId: f.id, itemId: item.id, owner: input.owner, deadline: input.deadline },
  });
  return oneFollowup(tx, env.source.at, f.id);
}

/** The session a follow-up is reported to must be a later one of the evaluation's term. */
async function assertLaterSession(
  db: Db,
  of: typeof congressSession.$inferSelect,
  sessionId: number,
  path: string,
): Promise<void> {
  const [s] = await db.select().from(congressSession).where(eq(congressSession.id, sessionId));
  if (!s || s.termId !== of.termId || s.startsAt <= of.startsAt)
    throw new AppError('CONGRESS_REPORT_SESSION', [{ path, message: 'CONGRESS_REPORT_SESSION' }]);
}

export async function updateFollowup(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: {
    state?: FollowupState | undefined;
    result?: string | null | undefined;
    owner?: string | undefined;
    deadline?: string | undefined;
    reportSessionId?: number | null | undefined;
  },
): Promise<FollowupView> {
  const [f] = await tx.select().from(congressFollowup).where(eq(congressFollowup.id, id)).for('update');
  if (!f) throw new OutOfScopeError('congress_followup', String(id));
  const [item] = await tx.select().from(congressEvaluationItem).where(eq(congressEvaluationItem.id, f.itemId));
  if (!item) throw new OutOfScopeError('congress_followup', String(id));
  const { session, body } = await evaluationFor(tx, actor, MANAGE, item.evaluationId);
  if (input.reportSessionId) await assertLaterSession(tx, session, input.reportSessionId, 'reportSessionId');
  const state = input.state ?? f.state;
  const changes = {
    state,
    result: input.result === undefined ? f.result : input.result,
    owner: input.owner ?? f.owner,
    deadline: input.deadline ?? f.deadline,
    reportSessionId: input.reportSessionId === undefined ? f.reportSessionId : input.reportSessionId,
    doneAt: state === 'done' ? (f.doneAt ?? env.source.at) : null,
  };
  await tx.update(congressFollowup).set(changes).where(eq(congressFollowup.id, id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_followup.update',
    targetType: 'congress_evaluation',
    targetId: item.evaluationId,
    before: { followupId: id, state: f.state, result: f.result, owner: f.owner, deadline: f.deadline },
    after: {
      followupId: id,
      state: changes.state,
      result: changes.result,
      owner: changes.owner,
      deadline: changes.deadline,
    },
  });
  return oneFollowup(tx, env.source.at, id);
}

/** The follow-ups of a term's evaluations: what the next session hears (overdue flagged). */
export async function termFollowups(db: Db, actor: Actor, termId: number, now: Date): Promise<FollowupView[]> {
  const { term } = await termFor(db, actor, READ, termId);
  return followupViews(db, now, { termId: term.id });
}
