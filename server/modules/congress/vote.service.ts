import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { OutOfScopeError, type Actor, type Permission } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { memberIdOfAccount } from '../member/index.js';
import { sessionFor } from './congress.access.js';
import { carries, quorumOf, rulesAt } from './congress.rules.js';
import { congressAttendance, congressRepresentative } from './congress.schema.js';
import { ballotEngine } from './ballot.engine.js';
import {
  congressBallot,
  congressMotion,
  congressMotionRoll,
  type BallotChoice,
  type MotionMethod,
} from './vote.schema.js';

// 表决: motions of a session, opened under the quorum with the roll frozen, secret electronic
// ballots (ballot.engine.ts), paper and show-of-hands counts, and the result at close.
// Unlinkability of ballots: vote.schema.ts (what can and cannot be linked).

type MotionRow = typeof congressMotion.$inferSelect;

export interface MotionResult {
  for: number;
  against: number;
  abstain: number;
  invalid: number;
  present: number;
  total: number;
  passed: boolean;
  void: boolean;
}

export interface Motion {
  id: number;
  sessionId: number;
  title: string;
  description: string;
  method: MotionMethod;
  state: MotionRow['state'];
  openedAt: string | null;
  closedAt: string | null;
  total: number | null;
  presentAtOpen: number | null;
  voted: number;
  result: MotionResult | null;
}

const READ: Permission = 'congress:congress:read';
const MANAGE: Permission = 'congress:congress:manage';

function resultOf(m: MotionRow): MotionResult | null {
  if (m.state !== 'closed') return null;
  return {
    for: m.resultFor ?? 0,
    against: m.resultAgainst ?? 0,
    abstain: m.resultAbstain ?? 0,
    invalid: m.resultInvalid ?? 0,
    present: m.resultPresent ?? 0,
    total: m.total ?? 0,
    passed: m.passed ?? false,
    void: m.void,
  };
}

/** Ballots cast so far per motion: the roll's flags (electronic), the ballots returned (paper, open). */
async function votedCounts(db: Db, motions: MotionRow[]): Promise<Map<number, number>> {
  const electronic = motions.filter((m) => m.method === 'secret_electronic' && m.state !== 'draft').map((m) => m.id);
  const counts = new Map<number, number>();
  if (electronic.length > 0) {
    const found = await db
      .select({ motionId: congressMotionRoll.motionId, n: count() })
      .from(congressMotionRoll)
      .where(and(inArray(congressMotionRoll.motionId, electronic), eq(congressMotionRoll.voted, true)))
      .groupBy(congressMotionRoll.motionId);
    for (const f of found) counts.set(f.motionId, f.n);
  }
  for (const m of motions) if (m.method !== 'secret_electronic') counts.set(m.id, m.paperReturned ?? 0);
  return counts;
}

function toMotion(m: MotionRow, voted: number): Motion {
  return {
    id: m.id,
    sessionId: m.sessionId,
    title: m.title,
    description: m.description,
    method: m.method,
    state: m.state,
    openedAt: m.openedAt?.toISOString() ?? null,
    closedAt: m.closedAt?.toISOString() ?? null,
    total: m.total,
    presentAtOpen: m.presentAtOpen,
    voted,
    result: resultOf(m),
  };
}

export async function motionsView(db: Db, motions: MotionRow[]): Promise<Motion[]> {
  const voted = await votedCounts(db, motions);
  return motions.map((m) => toMotion(m, voted.get(m.id) ?? 0));
}

async function motionView(db: Db, m: MotionRow): Promise<Motion> {
  const [one] = await motionsView(db, [m]);
  if (!one) throw new Error('no motion');
  return one;
}

/** A motion the staff caller may act on with `permission` (404 when missing or out of scope), with its session. */
export async function motionFor(db: Db, actor: Actor, permission: Permission, motionId: number, lock = false) {
  const q = db.select().from(congressMotion).where(eq(congressMotion.id, motionId));
  const [motion] = lock ? await q.for('update') : await q;
  if (!motion) throw new OutOfScopeError('congress_motion', String(motionId));
  return { motion, ...(await sessionFor(db, actor, permission, motion.sessionId)) };
}

async function sessionMotions(db: Db, sessionId: number): Promise<MotionRow[]> {
  return db
    .select()
    .from(congressMotion)
    .where(eq(congressMotion.sessionId, sessionId))
    .orderBy(asc(congressMotion.id));
}

export async function listMotions(db: Db, actor: Actor, sessionId: number): Promise<{ items: Motion[] }> {
  await sessionFor(db, actor, READ, sessionId);
  return { items: await motionsView(db, await sessionMotions(db, sessionId)) };
}

export async function getMotion(db: Db, actor: Actor, motionId: number): Promise<Motion> {
  const { motion } = await motionFor(db, actor, READ, motionId);
  return motionView(db, motion);
}

export async function createMotion(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  sessionId: number,
  input: { title: string; description?: string | undefined; method: MotionMethod },
): Promise<Motion> {
  const { session, body } = await sessionFor(tx, actor, MANAGE, sessionId);
  if (session.state === 'closed') throw new AppError('CONGRESS_SESSION_STATE');
  const [m] = await tx
    .insert(congressMotion)
    .values({
      sessionId,
      title: input.title,
      description: input.description ?? '',
      method: input.method,
      createdBy: env.source.actorId,
      createdAt: env.source.at,
    })
    .returning();
  if (!m) throw new Error('no motion');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_motion.create',
    targetType: 'congress_motion',
    targetId: m.id,
    after: { sessionId, title: m.title, method: m.method },
  });
  return motionView(tx, m);
}

/** Present = checked in at the session, among the given representatives (or every active one of the term). */
async function presence(db: Db, sessionId: number, termId: number) {
  const [r] = await rows<{ total: number; present: number }>(
    db,
    sql`select count(*)::int as total,
        count(*) filter (where exists (select 1 from ${congressAttendance} a
          where a.session_id = ${sessionId} and a.representative_id = r.id))::int as present
      from ${congressRepresentative} r where r.term_id = ${termId} and r.state = 'active'`,
  );
  return { total: r?.total ?? 0, present: r?.present ?? 0 };
}

/** The session's presence against the quorum of the rules in force. */
export async function sessionPresence(db: Db, sessionId: number, termId: number, orgPath: string) {
  const rules = await rulesAt(db, orgPath);
  const { total, present } = await presence(db, sessionId, termId);
  const quorum = quorumOf(rules, total);
  return { present, total, quorum, quorate: total > 0 && present >= quorum };
}

export async function openMotion(tx: Db, env: TxEnv, actor: Actor, motionId: number): Promise<Motion> {
  const { motion, session, body, path } = await motionFor(tx, actor, MANAGE, motionId, true);
  if (motion.state !== 'draft') throw new AppError('CONGRESS_MOTION_STATE');
  if (session.state !== 'open') throw new AppError('CONGRESS_SESSION_STATE');
  const p = await sessionPresence(tx, session.id, session.termId, path);
  if (!p.quorate)
    throw new AppError('CONGRESS_NO_QUORUM', [
      { path: 'present', message: String(p.present) },
      { path: 'quorum', message: String(p.quorum) },
      { path: 'total', message: String(p.total) },
    ]);
  // The roll: every active representative at this moment, with whether they were checked in.
  await tx.execute(
    sql`insert into ${congressMotionRoll} (motion_id, representative_id, present_at_open, voted)
      select ${motion.id}, r.id, exists (select 1 from ${congressAttendance} a
        where a.session_id = ${session.id} and a.representative_id = r.id), false
      from ${congressRepresentative} r where r.term_id = ${session.termId} and r.state = 'active'
      order by r.id`,
  );
  const [m] = await tx
    .update(congressMotion)
    .set({ state: 'open', openedAt: env.source.at, total: p.total, presentAtOpen: p.present })
    .where(eq(congressMotion.id, motion.id))
    .returning();
  if (!m) throw new Error('no motion');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_motion.open',
    targetType: 'congress_motion',
    targetId: m.id,
    after: { total: p.total, present: p.present, quorum: p.quorum },
  });
  return motionView(tx, m);
}

export interface PaperCounts {
  issued: number;
  returned: number;
  for: number;
  against: number;
  abstain: number;
  invalid: number;
}

export async function enterPaper(tx: Db, env: TxEnv, actor: Actor, motionId: number, c: PaperCounts): Promise<Motion> {
  const { motion, body } = await motionFor(tx, actor, MANAGE, motionId, true);
  if (motion.method === 'secret_electronic' || motion.state !== 'open') throw new AppError('CONGRESS_MOTION_STATE');
  if (c.for + c.against + c.abstain + c.invalid !== c.returned)
    throw new AppError(
      'CONGRESS_COUNTS_MISMATCH',
      ['returned', 'for', 'against', 'abstain', 'invalid'].map((path) => ({
        path,
        message: 'congress.vote.countsSum',
      })),
    );
  const [m] = await tx
    .update(congressMotion)
    .set({
      paperIssued: c.issued,
      paperReturned: c.returned,
      paperFor: c.for,
      paperAgainst: c.against,
      paperAbstain: c.abstain,
      paperInvalid: c.invalid,
      // More returned than issued: the vote is void (recorded; it cannot pass).
      void: c.returned > c.issued,
    })
    .where(eq(congressMotion.id, motion.id))
    .returning();
  if (!m) throw new Error('no motion');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_motion.paper',
    targetType: 'congress_motion',
    targetId: m.id,
    before: motion.paperReturned === null ? null : { returned: motion.paperReturned, for: motion.paperFor },
    after: { ...c, void: m.void },
  });
  return motionView(tx, m);
}

export async function closeMotion(tx: Db, env: TxEnv, actor: Actor, motionId: number): Promise<MotionResult> {
  // FOR UPDATE on the motion waits for ballot batches in flight (they hold it FOR SHARE).
  const { motion, session, body, path } = await motionFor(tx, actor, MANAGE, motionId, true);
  if (motion.state !== 'open') throw new AppError('CONGRESS_MOTION_STATE');
  const rules = await rulesAt(tx, path);
  const total = motion.total ?? 0;
  const [pr] = await rows<{ present: number }>(
    tx,
    sql`select count(*)::int as present from ${congressMotionRoll} r
      where r.motion_id = ${motion.id} and (r.present_at_open or exists (select 1 from ${congressAttendance} a
        where a.session_id = ${session.id} and a.representative_id = r.representative_id))`,
  );
  const present = pr?.present ?? 0;
  let tally: { for: number; against: number; abstain: number; invalid: number };
  if (motion.method === 'secret_electronic') {
    const ballots = await tx
      .select({ receipt: congressBallot.receipt, choice: congressBallot.choice })
      .from(congressBallot)
      .where(eq(congressBallot.motionId, motion.id))
      .orderBy(asc(congressBallot.receipt));
    tally = { for: 0, against: 0, abstain: 0, invalid: 0 };
    for (const b of ballots) tally[b.choice]++;
    // Erase the order and transaction ids the vote left on the live rows (vote.schema.ts): the
    // ballots are written again in receipt order (random), every roll row rewritten, all in this
    // transaction.
    await tx.delete(congressBallot).where(eq(congressBallot.motionId, motion.id));
    for (let i = 0; i < ballots.length; i += 1000)
      await tx.insert(congressBallot).values(ballots.slice(i, i + 1000).map((b) => ({ motionId: motion.id, ...b })));
    await tx
      .update(congressMotionRoll)
      .set({ voted: sql`${congressMotionRoll.voted}` })
      .where(eq(congressMotionRoll.motionId, motion.id));
  } else {
    if (motion.paperReturned === null)
      throw new AppError('CONGRESS_COUNTS_MISMATCH', [{ path: 'returned', message: 'congress.vote.countsMissing' }]);
    tally = {
      for: motion.paperFor ?? 0,
      against: motion.paperAgainst ?? 0,
      abstain: motion.paperAbstain ?? 0,
      invalid: motion.paperInvalid ?? 0,
    };
  }
  // More than half of ALL representatives on the roll (not of those present), unless void.
  const passed = !motion.void && carries(rules, tally.for, total);
  const [m] = await tx
    .update(congressMotion)
    .set({
      state: 'closed',
      closedAt: env.source.at,
      resultFor: tally.for,
      resultAgainst: tally.against,
      resultAbstain: tally.abstain,
      resultInvalid: tally.invalid,
      resultPresent: present,
      passed,
    })
    .where(eq(congressMotion.id, motion.id))
    .returning();
  if (!m) throw new Error('no motion');
  const result = resultOf(m);
  if (!result) throw new Error('not closed');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_motion.close',
    targetType: 'congress_motion',
    targetId: m.id,
    after: result,
  });
  return result;
}

/** The published ballots after close: staff who may read the congress, or a representative of the term. */
export async function receipts(db: Db, actor: Actor, motionId: number) {
  const [motion] = await db.select().from(congressMotion).where(eq(congressMotion.id, motionId));
  if (!motion) throw new OutOfScopeError('congress_motion', String(motionId));
  if (actor.kind === 'staff') await sessionFor(db, actor, READ, motion.sessionId);
  else {
    const [s] = await rows<{ rep: number | null }>(
      db,
      sql`select r.id as rep from congress_session s
        join ${congressRepresentative} r on r.term_id = s.term_id and r.state = 'active'
          and r.member_id = ${memberIdOfAccount(sql`${actor.accountId}::bigint`)}
        where s.id = ${motion.sessionId}`,
    );
    if (!s?.rep) throw new AppError('CONGRESS_NOT_REPRESENTATIVE');
  }
  if (motion.state !== 'closed') throw new AppError('CONGRESS_RESULTS_HIDDEN');
  const items = await db
    .select({ receipt: congressBallot.receipt, choice: congressBallot.choice })
    .from(congressBallot)
    .where(eq(congressBallot.motionId, motion.id))
    .orderBy(asc(congressBallot.receipt));
  const tally = { for: 0, against: 0, abstain: 0 };
  if (motion.method === 'secret_electronic') for (const b of items) tally[b.choice]++;
  else
    Object.assign(tally, {
      for: motion.paperFor ?? 0,
      against: motion.paperAgainst ?? 0,
      abstain: motion.paperAbstain ?? 0,
    });
  return { motionId: motion.id, items, tally };
}

export async function board(db: Db, actor: Actor, sessionId: number) {
  const { session, path } = await sessionFor(db, actor, READ, sessionId);
  return {
    presence: await sessionPresence(db, session.id, session.termId, path),
    motions: await motionsView(db, await sessionMotions(db, session.id)),
  };
}

interface MyFacts {
  term_id: number | null;
  rep_id: number | null;
  present: boolean | null;
}

/** A member's view of a session's motions: whether they are on each roll, present, and have voted (never how). */
export async function myMotions(db: Db, actor: Actor, sessionId: number) {
  const [f] = await rows<MyFacts>(
    db,
    sql`select s.term_id, r.id as rep_id,
        exists (select 1 from ${congressAttendance} a where a.session_id = s.id and a.representative_id = r.id) as present
      from congress_session s
      left join ${congressRepresentative} r on r.term_id = s.term_id and r.state = 'active'
        and r.member_id = ${memberIdOfAccount(sql`${actor.accountId}::bigint`)}
      where s.id = ${sessionId}`,
  );
  if (!f) throw new OutOfScopeError('congress_session', String(sessionId));
  if (f.rep_id === null) throw new AppError('CONGRESS_NOT_REPRESENTATIVE');
  const repId = Number(f.rep_id);
  const motions = (await sessionMotions(db, sessionId)).filter((m) => m.state !== 'draft');
  const roll = motions.length
    ? await db
        .select({ motionId: congressMotionRoll.motionId, voted: congressMotionRoll.voted })
        .from(congressMotionRoll)
        .where(
          and(
            inArray(
              congressMotionRoll.motionId,
              motions.map((m) => m.id),
            ),
            eq(congressMotionRoll.representativeId, repId),
          ),
        )
    : [];
  const mine = new Map(roll.map((r) => [r.motionId, r.voted]));
  const items = (await motionsView(db, motions)).map((m) => ({
    ...m,
    onRoll: mine.has(m.id),
    present: f.present === true,
    voted: mine.get(m.id) === true,
    votes: m.voted,
  }));
  return { items };
}

interface BallotFacts {
  state: string;
  method: string;
  session_id: number;
  rep_id: number | null;
  on_roll: boolean;
  voted: boolean | null;
  present: boolean;
}

/** Casts a member's secret ballot; the receipt once committed. */
export async function castBallot(
  db: Db,
  actor: Actor,
  motionId: number,
  choice: BallotChoice,
): Promise<{ motionId: number; receipt: string }> {
  // One round trip for every check the route can answer before the box: the motion, the
  // caller's seat in its term, the roll and the check-in.
  const [f] = await rows<BallotFacts>(
    db,
    sql`select m.state, m.method, m.session_id, r.id as rep_id, rr.motion_id is not null as on_roll, rr.voted,
        exists (select 1 from ${congressAttendance} a where a.session_id = m.session_id and a.representative_id = r.id) as present
      from ${congressMotion} m
      join congress_session s on s.id = m.session_id
      left join ${congressRepresentative} r on r.term_id = s.term_id and r.state = 'active'
        and r.member_id = ${memberIdOfAccount(sql`${actor.accountId}::bigint`)}
      left join ${congressMotionRoll} rr on rr.motion_id = m.id and rr.representative_id = r.id
      where m.id = ${motionId}`,
  );
  if (!f) throw new OutOfScopeError('congress_motion', String(motionId));
  if (f.rep_id === null) throw new AppError('CONGRESS_NOT_REPRESENTATIVE');
  if (f.state !== 'open' || f.method !== 'secret_electronic') throw new AppError('CONGRESS_MOTION_STATE');
  if (!f.on_roll) throw new AppError('CONGRESS_NOT_ON_ROLL');
  if (f.voted) throw new AppError('CONGRESS_ALREADY_VOTED');
  if (!f.present) throw new AppError('CONGRESS_NOT_PRESENT');
  const out = await ballotEngine(db).cast({
    motionId,
    sessionId: Number(f.session_id),
    representativeId: Number(f.rep_id),
    choice,
  });
  if (!out.ok) throw new AppError(out.code);
  return { motionId, receipt: out.receipt };
}
