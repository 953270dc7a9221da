import { and, asc, desc, eq, ilike, inArray, isNull, max, sql, type SQL } from 'drizzle-orm';
import { OutOfScopeError, orgCondition, type Actor, type Permission } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { chinaDate } from '../../kernel/clock.js';
import type { TxEnv } from '../../kernel/context.js';
import { allOf, cappedTotal, countUpToSql, escapeLike, rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { assertUnreachable } from '../../kernel/types.js';
import { accountRef } from '../auth/index.js';
import { memberOfAccount, memberRef } from '../member/index.js';
import { requireRepresentative, termFor, type Representative } from './congress.access.js';
import { rulesAt } from './congress.rules.js';
import { congressBody, congressRepresentative, congressTerm } from './congress.schema.js';
import {
  congressDutyRecord,
  congressProposal,
  congressProposalAnswer,
  congressProposalAssignment,
  congressProposalCosigner,
  congressProposalEvent,
  congressProposalRating,
  type ProposalRating,
  type ProposalState,
  type ReviewDecision,
} from './proposal.schema.js';

// 提案 closed loop: a representative proposes with co-signers (附议); enough acceptances submit it
// (numbered in the term); the committee reviews it (立案 / 转意见建议 / 不立案, with a reason),
// assigns lead and assisting departments with deadlines; a department may return a mis-assigned
// proposal within the window; the lead's answer makes it `answered`; the proposer and co-signers
// rate, and the proposer's 不满意 sends it to a second handling (round 2, same departments).
//
// Every write locks the proposal row first (SELECT … FOR UPDATE), so two people acting at once are
// serialised and the second sees the state the first left (409 CONGRESS_PROPOSAL_STATE).

export const READ: Permission = 'congress:congress:read';
export const HANDLE: Permission = 'congress:proposal:handle';
/** 不满意 in round 1 opens round 2; a second 不满意 closes the proposal with that rating on record. */
export const MAX_ROUNDS = 2;
const DAY_MS = 86_400_000;

type ProposalRow = typeof congressProposal.$inferSelect;

// --- the state machine ---

/** What may happen to a proposal; `nextState` says where each leads from each state. */
export type ProposalEvent =
  | { kind: 'cosign'; enough: boolean }
  | { kind: 'review'; decision: ReviewDecision }
  | { kind: 'assign' }
  | { kind: 'return'; lead: boolean }
  | { kind: 'answer'; lead: boolean }
  | { kind: 'rate'; proposer: boolean; rating: ProposalRating; round: number }
  | { kind: 'withdraw' };

/** The states each event may start from. */
export const ALLOWED: Record<ProposalEvent['kind'], readonly ProposalState[]> = {
  cosign: ['cosigning', 'submitted'],
  review: ['submitted'],
  assign: ['accepted'],
  return: ['assigned'],
  answer: ['assigned', 'answered'],
  rate: ['answered', 'closed'],
  withdraw: ['cosigning', 'submitted'],
};

function stateError(from: ProposalState): AppError {
  return new AppError('CONGRESS_PROPOSAL_STATE', [{ path: 'state', message: from }]);
}

function reviewTarget(decision: ReviewDecision): ProposalState {
  switch (decision) {
    case 'accept':
      return 'accepted';
    case 'convert':
      return 'converted';
    case 'reject':
      return 'rejected';
    default:
      return assertUnreachable(decision);
  }
}

/** The state after `e` from `from`; 409 CONGRESS_PROPOSAL_STATE when `e` may not happen there. */
export function nextState(from: ProposalState, e: ProposalEvent): ProposalState {
  if (!ALLOWED[e.kind].includes(from)) throw stateError(from);
  switch (e.kind) {
    case 'cosign':
      return from === 'cosigning' && e.enough ? 'submitted' : from;
    case 'review':
      return reviewTarget(e.decision);
    case 'assign':
      return 'assigned';
    case 'return':
      // The lead's return sends the proposal back for reassignment; an assisting department's does not.
      return e.lead ? 'accepted' : from;
    case 'answer':
      return e.lead ? 'answered' : from;
    case 'rate':
      if (!e.proposer) return from; // co-signers' ratings are recorded, the proposer's decides
      if (from !== 'answered') throw stateError(from);
      return e.rating === 'unsatisfied' && e.round < MAX_ROUNDS ? 'assigned' : 'closed';
    case 'withdraw':
      return 'withdrawn';
    default:
      return assertUnreachable(e);
  }
}

// --- shapes ---

export interface ProposalView {
  id: number;
  termId: number;
  bodyId: number;
  number: number | null;
  title: string;
  body: string;
  proposerId: number;
  proposerName: string;
  state: ProposalState;
  round: number;
  overdue: boolean;
  dutyRecordId: number | null;
  cosigners: Array<{ representativeId: number; name: string; state: 'invited' | 'accepted' | 'declined' }>;
  createdAt: string;
  submittedAt: string | null;
}

export interface ProposalDetail extends ProposalView {
  review: { decision: ReviewDecision; reason: string; reviewerName: string; at: string } | null;
  assignments: Array<{
    id: number;
    department: string;
    role: 'lead' | 'assisting';
    deadline: string;
    returnedAt: string | null;
    returnReason: string | null;
    round: number;
  }>;
  answers: Array<{ id: number; department: string; body: string; round: number; at: string }>;
  ratings: Array<{
    representativeId: number;
    name: string;
    rating: ProposalRating;
    comment: string | null;
    round: number;
  }>;
  events: Array<{ at: string; action: string; by: string; note: string | null }>;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** SQL: the proposal is assigned in its current round and the lead's deadline (China date) has passed without its answer. */
export function overdueSql(today: string): SQL<boolean> {
  return sql<boolean>`(${congressProposal.state} = 'assigned' and exists (
    select 1 from ${congressProposalAssignment} oa
    where oa.proposal_id = ${congressProposal.id} and oa.round = ${congressProposal.round}
      and oa.role = 'lead' and oa.returned_at is null and oa.deadline < ${today}::date
      and not exists (select 1 from ${congressProposalAnswer} ow
        where ow.proposal_id = oa.proposal_id and ow.round = oa.round and ow.department = oa.department)))`;
}

/** SQL: the proposal's term lies in a body the caller may read (kernel/access.ts scope). */
function scopeSql(actor: Actor): SQL {
  return sql`${congressProposal.termId} in (select st.id from ${congressTerm} st join ${congressBody} sb on sb.id = st.body_id
    where ${orgCondition(actor, READ, sql`sb.org_id`)})`;
}

export interface ProposalFilter {
  bodyId?: number | undefined;
  termId?: number | undefined;
  state?: ProposalState | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

/** The conditions of the staff list (and of the workbench counter, which counts what the list shows). */
export function proposalConditions(actor: Actor, f: ProposalFilter, today: string): SQL[] {
  const c: SQL[] = [scopeSql(actor)];
  if (f.bodyId !== undefined)
    c.push(sql`${congressProposal.termId} in (select bt.id from ${congressTerm} bt where bt.body_id = ${f.bodyId})`);
  if (f.termId !== undefined) c.push(eq(congressProposal.termId, f.termId));
  if (f.state !== undefined) c.push(eq(congressProposal.state, f.state));
  if (f.overdue !== undefined) c.push(f.overdue ? overdueSql(today) : sql`not ${overdueSql(today)}`);
  if (f.q) {
    const n = /^\d{1,9}$/.test(f.q.trim()) ? Number(f.q.trim()) : null;
    const title = ilike(congressProposal.title, `%${escapeLike(f.q.trim())}%`);
    c.push(n === null ? title : sql`(${title} or ${congressProposal.number} = ${n})`);
  }
  return c;
}

/** Proposals as the API shows them, in the order of `where`'s query. */
async function views(
  db: Db,
  where: SQL,
  today: string,
  page?: { limit: number; offset: number },
): Promise<ProposalView[]> {
  const q = db
    .select({
      p: congressProposal,
      bodyId: congressTerm.bodyId,
      overdue: overdueSql(today),
      proposerName: memberRef.name,
    })
    .from(congressProposal)
    .innerJoin(congressTerm, eq(congressTerm.id, congressProposal.termId))
    .innerJoin(congressRepresentative, eq(congressRepresentative.id, congressProposal.proposerId))
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
    .where(where)
    .orderBy(desc(congressProposal.id));
  const found = page ? await q.limit(page.limit).offset(page.offset) : await q;
  if (found.length === 0) return [];
  const ids = found.map((f) => f.p.id);
  const cos = await db
    .select({
      proposalId: congressProposalCosigner.proposalId,
      representativeId: congressProposalCosigner.representativeId,
      state: congressProposalCosigner.state,
      name: memberRef.name,
    })
    .from(congressProposalCosigner)
    .innerJoin(congressRepresentative, eq(congressRepresentative.id, congressProposalCosigner.representativeId))
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
    .where(inArray(congressProposalCosigner.proposalId, ids))
    .orderBy(asc(congressProposalCosigner.representativeId));
  return found.map(({ p, bodyId, overdue, proposerName }) => ({
    id: p.id,
    termId: p.termId,
    bodyId,
    number: p.number,
    title: p.title,
    body: p.body,
    proposerId: p.proposerId,
    proposerName,
    state: p.state,
    round: p.round,
    overdue: Boolean(overdue),
    dutyRecordId: p.dutyRecordId,
    cosigners: cos
      .filter((c) => c.proposalId === p.id)
      .map((c) => ({ representativeId: c.representativeId, name: c.name, state: c.state })),
    createdAt: p.createdAt.toISOString(),
    submittedAt: iso(p.submittedAt),
  }));
}

async function viewOf(db: Db, id: number, today: string): Promise<ProposalView> {
  const [v] = await views(db, eq(congressProposal.id, id), today);
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

/** One proposal with its review, assignments, answers, ratings and history. */
export async function detailOf(db: Db, id: number, today: string): Promise<ProposalDetail> {
  const v = await viewOf(db, id, today);
  const [p] = await db.select().from(congressProposal).where(eq(congressProposal.id, id));
  if (!p) throw new AppError('NOT_FOUND');
  let review: ProposalDetail['review'] = null;
  if (p.reviewDecision && p.reviewedAt) {
    const [who] = p.reviewedBy
      ? await db.select({ name: accountRef.displayName }).from(accountRef).where(eq(accountRef.id, p.reviewedBy))
      : [];
    review = {
      decision: p.reviewDecision,
      reason: p.reviewReason ?? '',
      reviewerName: who?.name ?? '',
      at: p.reviewedAt.toISOString(),
    };
  }
  const assignments = await db
    .select()
    .from(congressProposalAssignment)
    .where(eq(congressProposalAssignment.proposalId, id))
    .orderBy(asc(congressProposalAssignment.round), asc(congressProposalAssignment.id));
  const answers = await db
    .select()
    .from(congressProposalAnswer)
    .where(eq(congressProposalAnswer.proposalId, id))
    .orderBy(asc(congressProposalAnswer.round), asc(congressProposalAnswer.id));
  const ratings = await db
    .select({
      representativeId: congressProposalRating.representativeId,
      name: memberRef.name,
      rating: congressProposalRating.rating,
      comment: congressProposalRating.comment,
      round: congressProposalRating.round,
    })
    .from(congressProposalRating)
    .innerJoin(congressRepresentative, eq(congressRepresentative.id, congressProposalRating.representativeId))
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
    .where(eq(congressProposalRating.proposalId, id))
    .orderBy(asc(congressProposalRating.round), asc(congressProposalRating.at));
  const events = await db
    .select()
    .from(congressProposalEvent)
    .where(eq(congressProposalEvent.proposalId, id))
    .orderBy(asc(congressProposalEvent.id));
  return {
    ...v,
    review,
    assignments: assignments.map((a) => ({
      id: a.id,
      department: a.department,
      role: a.role,
      deadline: a.deadline,
      returnedAt: iso(a.returnedAt),
      returnReason: a.returnReason,
      round: a.round,
    })),
    answers: answers.map((a) => ({
      id: a.id,
      department: a.department,
      body: a.body,
      round: a.round,
      at: a.at.toISOString(),
    })),
    ratings,
    events: events.map((e) => ({ at: e.at.toISOString(), action: e.action, by: e.by, note: e.note })),
  };
}

// --- helpers ---

async function lockProposal(tx: Db, id: number): Promise<ProposalRow | undefined> {
  const [p] = await tx.select().from(congressProposal).where(eq(congressProposal.id, id)).for('update');
  return p;
}

async function orgPathOfTerm(db: Db, termId: number): Promise<string> {
  const [found] = await rows<{ path: string }>(
    db,
    sql`select o.path from ${congressTerm} t join ${congressBody} b on b.id = t.body_id join org_ref o on o.id = b.org_id where t.id = ${termId}`,
  );
  if (!found) throw new AppError('NOT_FOUND');
  return found.path;
}

async function repName(db: Db, rep: Representative): Promise<string> {
  const [m] = await db.select({ name: memberRef.name }).from(memberRef).where(eq(memberRef.id, rep.memberId));
  return m?.name ?? '';
}

async function record(
  tx: Db,
  proposalId: number,
  action: string,
  by: { name: string; accountId: number | null },
  at: Date,
  note?: string | null,
): Promise<void> {
  await tx
    .insert(congressProposalEvent)
    .values({ proposalId, action, by: by.name, byAccountId: by.accountId, note: note ?? null, at });
}

async function move(
  tx: Db,
  p: ProposalRow,
  to: ProposalState,
  at: Date,
  set: Partial<typeof congressProposal.$inferInsert> = {},
): Promise<void> {
  await tx
    .update(congressProposal)
    .set({ ...set, state: to, updatedAt: at })
    .where(eq(congressProposal.id, p.id));
}

/** The next 提案号 of a term; the term row is locked so two proposals reaching `submitted` at once get different numbers. */
async function nextNumber(tx: Db, termId: number): Promise<number> {
  await tx.select({ id: congressTerm.id }).from(congressTerm).where(eq(congressTerm.id, termId)).for('update');
  const [m] = await tx
    .select({ n: max(congressProposal.number) })
    .from(congressProposal)
    .where(eq(congressProposal.termId, termId));
  return (m?.n ?? 0) + 1;
}

async function submit(tx: Db, p: ProposalRow, at: Date): Promise<void> {
  await move(tx, p, 'submitted', at, { number: await nextNumber(tx, p.termId), submittedAt: at });
}

// --- representatives (H5) ---

export type MyRole = 'proposer' | 'cosigner';

/** Creates a proposal in `cosigning` (or `submitted` when the rules ask for no co-signers). */
export async function createProposal(
  tx: Db,
  actor: Actor,
  at: Date,
  input: { termId: number; title: string; body: string; cosigners: number[]; dutyRecordId?: number | undefined },
): Promise<number> {
  const rep = await requireRepresentative(tx, actor, input.termId);
  const rules = await rulesAt(tx, await orgPathOfTerm(tx, input.termId));
  const wanted = [...new Set(input.cosigners)];
  if (wanted.length !== input.cosigners.length || wanted.includes(rep.id))
    throw new AppError('CONGRESS_COSIGNER_INVALID', [{ path: 'cosigners', message: 'CONGRESS_COSIGNER_INVALID' }]);
  if (wanted.length > 0) {
    const valid = await tx
      .select({ id: congressRepresentative.id })
      .from(congressRepresentative)
      .where(
        and(
          inArray(congressRepresentative.id, wanted),
          eq(congressRepresentative.termId, input.termId),
          eq(congressRepresentative.state, 'active'),
        ),
      );
    if (valid.length !== wanted.length)
      throw new AppError('CONGRESS_COSIGNER_INVALID', [{ path: 'cosigners', message: 'CONGRESS_COSIGNER_INVALID' }]);
  }
  if (wanted.length < rules.cosignMin)
    throw new AppError('CONGRESS_COSIGNERS_TOO_FEW', [{ path: 'cosigners', message: String(rules.cosignMin) }]);
  if (input.dutyRecordId !== undefined) {
    const [d] = await tx
      .select({ id: congressDutyRecord.id })
      .from(congressDutyRecord)
      .where(
        and(
          eq(congressDutyRecord.id, input.dutyRecordId),
          eq(congressDutyRecord.representativeId, rep.id),
          eq(congressDutyRecord.termId, input.termId),
        ),
      );
    if (!d)
      throw new AppError('CONGRESS_DUTY_RECORD_INVALID', [
        { path: 'dutyRecordId', message: 'CONGRESS_DUTY_RECORD_INVALID' },
      ]);
  }
  const [p] = await tx
    .insert(congressProposal)
    .values({
      termId: input.termId,
      proposerId: rep.id,
      title: input.title,
      body: input.body,
      state: 'cosigning',
      dutyRecordId: input.dutyRecordId ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!p) throw new Error('proposal not inserted');
  if (wanted.length > 0)
    await tx
      .insert(congressProposalCosigner)
      .values(wanted.map((representativeId) => ({ proposalId: p.id, representativeId })));
  const by = { name: await repName(tx, rep), accountId: actor.accountId };
  await record(tx, p.id, 'create', by, at);
  if (rules.cosignMin === 0) {
    await submit(tx, p, at);
    await record(tx, p.id, 'submit', by, at);
  }
  return p.id;
}

/** The caller's seat in the proposal's term and their role in it; 403 when not a representative there, 404 when not involved. */
async function mine(
  tx: Db,
  actor: Actor,
  id: number,
  lock: boolean,
): Promise<{ p: ProposalRow; rep: Representative; role: MyRole; cosignerState: string | null }> {
  const p = lock
    ? await lockProposal(tx, id)
    : (await tx.select().from(congressProposal).where(eq(congressProposal.id, id)))[0];
  if (!p) throw new AppError('NOT_FOUND');
  const rep = await requireRepresentative(tx, actor, p.termId);
  if (p.proposerId === rep.id) return { p, rep, role: 'proposer', cosignerState: null };
  const [c] = await tx
    .select()
    .from(congressProposalCosigner)
    .where(and(eq(congressProposalCosigner.proposalId, id), eq(congressProposalCosigner.representativeId, rep.id)));
  if (!c) throw new AppError('NOT_FOUND');
  return { p, rep, role: 'cosigner', cosignerState: c.state };
}

export async function myProposal(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
): Promise<ProposalDetail & { myRole: MyRole }> {
  const { role } = await mine(db, actor, id, false);
  return { ...(await detailOf(db, id, today)), myRole: role };
}

/** Proposals the member proposed or is asked to co-sign, in every term they serve(d) in. */
export async function myProposals(
  db: Db,
  actor: Actor,
  today: string,
): Promise<Array<ProposalView & { myRole: MyRole }>> {
  const m = await memberOfAccount(db, actor.accountId);
  if (!m) return [];
  const seats = await db
    .select({ id: congressRepresentative.id })
    .from(congressRepresentative)
    .where(eq(congressRepresentative.memberId, m.id));
  const seatIds = seats.map((s) => s.id);
  if (seatIds.length === 0) return [];
  const list = await views(
    db,
    sql`(${inArray(congressProposal.proposerId, seatIds)} or ${congressProposal.id} in
      (select ${congressProposalCosigner.proposalId} from ${congressProposalCosigner} where ${inArray(congressProposalCosigner.representativeId, seatIds)}))`,
    today,
  );
  return list.map((v) => ({ ...v, myRole: seatIds.includes(v.proposerId) ? 'proposer' : 'cosigner' }));
}

export async function cosign(tx: Db, actor: Actor, at: Date, id: number, accept: boolean): Promise<void> {
  const { p, rep, role, cosignerState } = await mine(tx, actor, id, true);
  if (role !== 'cosigner') throw new AppError('NOT_FOUND'); // the proposer is not asked to co-sign
  if (cosignerState !== 'invited') throw new AppError('CONGRESS_COSIGN_ANSWERED');
  nextState(p.state, { kind: 'cosign', enough: false }); // refuses outside cosigning/submitted
  await tx
    .update(congressProposalCosigner)
    .set({ state: accept ? 'accepted' : 'declined', respondedAt: at })
    .where(and(eq(congressProposalCosigner.proposalId, id), eq(congressProposalCosigner.representativeId, rep.id)));
  const by = { name: await repName(tx, rep), accountId: actor.accountId };
  await record(tx, id, accept ? 'cosign' : 'decline', by, at);
  const [n] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${congressProposalCosigner} where proposal_id = ${id} and state = 'accepted'`,
  );
  const rules = await rulesAt(tx, await orgPathOfTerm(tx, p.termId));
  const to = nextState(p.state, { kind: 'cosign', enough: (n?.n ?? 0) >= rules.cosignMin });
  if (to !== p.state) {
    await submit(tx, p, at);
    await record(tx, id, 'submit', by, at);
  }
}

export async function withdraw(tx: Db, actor: Actor, at: Date, id: number): Promise<void> {
  const { p, rep, role } = await mine(tx, actor, id, true);
  if (role !== 'proposer') throw new AppError('FORBIDDEN');
  await move(tx, p, nextState(p.state, { kind: 'withdraw' }), at, { closedAt: at });
  await record(tx, id, 'withdraw', { name: await repName(tx, rep), accountId: actor.accountId }, at);
}

export async function rate(
  tx: Db,
  actor: Actor,
  at: Date,
  id: number,
  input: { rating: ProposalRating; comment?: string | undefined },
): Promise<void> {
  const { p, rep, role, cosignerState } = await mine(tx, actor, id, true);
  if (role === 'cosigner' && cosignerState !== 'accepted') throw new AppError('CONGRESS_NOT_RATER');
  if (!ALLOWED.rate.includes(p.state)) throw stateError(p.state);
  const inserted = await tx
    .insert(congressProposalRating)
    .values({
      proposalId: id,
      representativeId: rep.id,
      round: p.round,
      rating: input.rating,
      comment: input.comment ?? null,
      at,
    })
    .onConflictDoNothing()
    .returning({ id: congressProposalRating.proposalId });
  if (inserted.length === 0) throw new AppError('CONGRESS_ALREADY_RATED');
  const to = nextState(p.state, { kind: 'rate', proposer: role === 'proposer', rating: input.rating, round: p.round });
  const by = { name: await repName(tx, rep), accountId: actor.accountId };
  await record(tx, id, `rate.${input.rating}`, by, at, input.comment);
  if (to === 'closed') await move(tx, p, 'closed', at, { closedAt: at });
  else if (to === 'assigned') {
    // 二次办理: the same departments (those not returned) handle round + 1 with renewed deadlines.
    const rules = await rulesAt(tx, await orgPathOfTerm(tx, p.termId));
    const deadline = addDays(chinaDate(at), rules.answerDays);
    const previous = await tx
      .select()
      .from(congressProposalAssignment)
      .where(
        and(
          eq(congressProposalAssignment.proposalId, id),
          eq(congressProposalAssignment.round, p.round),
          isNull(congressProposalAssignment.returnedAt),
        ),
      );
    const round = p.round + 1;
    if (previous.length > 0)
      await tx.insert(congressProposalAssignment).values(
        previous.map((a) => ({
          proposalId: id,
          department: a.department,
          role: a.role,
          deadline,
          round,
          assignedBy: a.assignedBy,
          assignedAt: at,
        })),
      );
    await move(tx, p, 'assigned', at, { round });
    await record(tx, id, 'second_handling', by, at);
  }
}

// --- committee (console) ---

/** A proposal the caller may act on with `permission` (404 out of read scope, audited; 403 without the permission there). */
export async function staffProposal(
  db: Db,
  actor: Actor,
  permission: Permission,
  id: number,
  lock = false,
): Promise<{ p: ProposalRow; orgId: number; path: string }> {
  const p = lock
    ? await lockProposal(db, id)
    : (await db.select().from(congressProposal).where(eq(congressProposal.id, id)))[0];
  if (!p) throw new OutOfScopeError('congress_proposal', String(id));
  const { body, path } = await termFor(db, actor, permission, p.termId);
  return { p, orgId: body.orgId, path };
}

export async function listProposals(
  db: Db,
  actor: Actor,
  f: ProposalFilter & { page: number; pageSize: number },
  today: string,
): Promise<{ items: ProposalView[]; total: number; totalCapped: boolean }> {
  const where = allOf(sql`true`, ...proposalConditions(actor, f, today));
  const [n] = await rows<{ n: number }>(db, sql`select ${countUpToSql(db, congressProposal, where)} as n`);
  const items = await views(db, where, today, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  return { items, ...cappedTotal(n?.n ?? 0) };
}

const staffBy = (actor: Actor) => ({ name: actor.displayName, accountId: actor.accountId });

export async function review(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: { decision: ReviewDecision; reason: string },
): Promise<void> {
  const at = env.source.at;
  const { p, orgId } = await staffProposal(tx, actor, HANDLE, id, true);
  const to = nextState(p.state, { kind: 'review', decision: input.decision });
  const final = to === 'converted' || to === 'rejected';
  await move(tx, p, to, at, {
    reviewDecision: input.decision,
    reviewReason: input.reason,
    reviewedBy: actor.accountId,
    reviewedAt: at,
    ...(final ? { closedAt: at } : {}),
  });
  await record(tx, id, `review.${input.decision}`, staffBy(actor), at, input.reason);
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: 'congress_proposal.review',
    targetType: 'congress_proposal',
    targetId: id,
    before: { state: p.state },
    after: { state: to, decision: input.decision, reason: input.reason },
  });
}

export interface AssignInput {
  lead: { department: string; deadline?: string | undefined };
  assisting: Array<{ department: string; deadline?: string | undefined }>;
}

export async function assign(tx: Db, env: TxEnv, actor: Actor, id: number, input: AssignInput): Promise<void> {
  const at = env.source.at;
  const { p, orgId, path } = await staffProposal(tx, actor, HANDLE, id, true);
  const to = nextState(p.state, { kind: 'assign' });
  const rules = await rulesAt(tx, path);
  const fallback = addDays(chinaDate(at), rules.answerDays);
  // A reassignment after the lead's return ends what is left of the round's earlier assignments.
  await tx
    .update(congressProposalAssignment)
    .set({ returnedAt: at, returnReason: '重新交办' })
    .where(
      and(
        eq(congressProposalAssignment.proposalId, id),
        eq(congressProposalAssignment.round, p.round),
        isNull(congressProposalAssignment.returnedAt),
      ),
    );
  const rowsIn = [
    { ...input.lead, role: 'lead' as const },
    ...input.assisting.map((a) => ({ ...a, role: 'assisting' as const })),
  ];
  await tx.insert(congressProposalAssignment).values(
    rowsIn.map((a) => ({
      proposalId: id,
      department: a.department,
      role: a.role,
      deadline: a.deadline ?? fallback,
      round: p.round,
      assignedBy: actor.accountId,
      assignedAt: at,
    })),
  );
  await move(tx, p, to, at);
  const note = rowsIn
    .map((a) => `${a.department}（${a.role === 'lead' ? '主办' : '协办'}，${a.deadline ?? fallback}）`)
    .join('；');
  await record(tx, id, 'assign', staffBy(actor), at, note);
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: 'congress_proposal.assign',
    targetType: 'congress_proposal',
    targetId: id,
    before: { state: p.state },
    after: { state: to, round: p.round, assignments: rowsIn.map((a) => ({ ...a, deadline: a.deadline ?? fallback })) },
  });
}

export async function returnAssignment(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: { assignmentId: number; reason: string },
): Promise<void> {
  const at = env.source.at;
  const { p, orgId, path } = await staffProposal(tx, actor, HANDLE, id, true);
  const [a] = await tx
    .select()
    .from(congressProposalAssignment)
    .where(and(eq(congressProposalAssignment.id, input.assignmentId), eq(congressProposalAssignment.proposalId, id)));
  if (!a) throw new AppError('NOT_FOUND');
  if (a.round !== p.round || a.returnedAt) throw stateError(p.state);
  const [answered] = await tx
    .select({ id: congressProposalAnswer.id })
    .from(congressProposalAnswer)
    .where(
      and(
        eq(congressProposalAnswer.proposalId, id),
        eq(congressProposalAnswer.round, p.round),
        eq(congressProposalAnswer.department, a.department),
      ),
    );
  if (answered) throw stateError(p.state);
  const to = nextState(p.state, { kind: 'return', lead: a.role === 'lead' });
  const rules = await rulesAt(tx, path);
  if (at.getTime() > a.assignedAt.getTime() + rules.returnWindowDays * DAY_MS)
    throw new AppError('CONGRESS_RETURN_WINDOW', [{ path: 'assignmentId', message: String(rules.returnWindowDays) }]);
  await tx
    .update(congressProposalAssignment)
    .set({ returnedAt: at, returnReason: input.reason })
    .where(eq(congressProposalAssignment.id, a.id));
  if (to !== p.state) await move(tx, p, to, at);
  await record(tx, id, 'return', staffBy(actor), at, `${a.department}：${input.reason}`);
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: 'congress_proposal.return',
    targetType: 'congress_proposal',
    targetId: id,
    before: { state: p.state },
    after: { state: to, assignmentId: a.id, department: a.department, reason: input.reason },
  });
}

export async function answer(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: { department: string; body: string },
): Promise<void> {
  const at = env.source.at;
  const { p, orgId } = await staffProposal(tx, actor, HANDLE, id, true);
  if (!ALLOWED.answer.includes(p.state)) throw stateError(p.state);
  const [a] = await tx
    .select()
    .from(congressProposalAssignment)
    .where(
      and(
        eq(congressProposalAssignment.proposalId, id),
        eq(congressProposalAssignment.round, p.round),
        eq(congressProposalAssignment.department, input.department),
        isNull(congressProposalAssignment.returnedAt),
      ),
    );
  if (!a)
    throw new AppError('CONGRESS_DEPARTMENT_NOT_ASSIGNED', [
      { path: 'department', message: 'CONGRESS_DEPARTMENT_NOT_ASSIGNED' },
    ]);
  const inserted = await tx
    .insert(congressProposalAnswer)
    .values({
      proposalId: id,
      department: a.department,
      body: input.body,
      round: p.round,
      answeredBy: actor.accountId,
      at,
    })
    .onConflictDoNothing()
    .returning({ id: congressProposalAnswer.id });
  if (inserted.length === 0) throw new AppError('CONGRESS_ALREADY_ANSWERED');
  const to = nextState(p.state, { kind: 'answer', lead: a.role === 'lead' });
  if (to !== p.state) await move(tx, p, to, at);
  await record(tx, id, 'answer', staffBy(actor), at, a.department);
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: 'congress_proposal.answer',
    targetType: 'congress_proposal',
    targetId: id,
    before: { state: p.state },
    after: { state: to, round: p.round, department: a.department },
  });
}

// --- public tracking (提案公开) ---

export interface PublicProposal {
  number: number | null;
  title: string;
  proposerName: string;
  state: ProposalState;
  departments: string[];
  answeredAt: string | null;
  rating: ProposalRating | null;
}

/** Proposals past co-signing (and not withdrawn) of a body's terms, for the workforce: what the contract lists, nothing more. */
export async function publicProposals(db: Db, bodyId: number, today: string): Promise<PublicProposal[]> {
  const list = await views(
    db,
    sql`${congressTerm.bodyId} = ${bodyId} and ${congressProposal.state} not in ('cosigning','withdrawn')`,
    today,
  );
  if (list.length === 0) return [];
  const ids = list.map((v) => v.id);
  const assignments = await db
    .select({
      proposalId: congressProposalAssignment.proposalId,
      department: congressProposalAssignment.department,
      round: congressProposalAssignment.round,
    })
    .from(congressProposalAssignment)
    .where(and(inArray(congressProposalAssignment.proposalId, ids), isNull(congressProposalAssignment.returnedAt)))
    .orderBy(asc(congressProposalAssignment.id));
  const answered = await db
    .select({ proposalId: congressProposalAnswer.proposalId, at: max(congressProposalAnswer.at) })
    .from(congressProposalAnswer)
    .where(inArray(congressProposalAnswer.proposalId, ids))
    .groupBy(congressProposalAnswer.proposalId);
  const ratings = await db
    .select({
      proposalId: congressProposalRating.proposalId,
      representativeId: congressProposalRating.representativeId,
      round: congressProposalRating.round,
      rating: congressProposalRating.rating,
    })
    .from(congressProposalRating)
    .where(inArray(congressProposalRating.proposalId, ids))
    .orderBy(desc(congressProposalRating.round));
  return list
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
    .map((v) => {
      const rounds = assignments.filter((a) => a.proposalId === v.id);
      const last = Math.max(0, ...rounds.map((a) => a.round));
      const at = answered.find((a) => a.proposalId === v.id)?.at ?? null;
      return {
        number: v.number,
        title: v.title,
        proposerName: v.proposerName,
        state: v.state,
        departments: [...new Set(rounds.filter((a) => a.round === last).map((a) => a.department))],
        answeredAt: at ? chinaDate(at) : null,
        rating: ratings.find((r) => r.proposalId === v.id && r.representativeId === v.proposerId)?.rating ?? null,
      };
    });
}

/** Every proposal of a term with its details, in 提案号 order (the report). */
export async function termProposals(db: Db, termId: number, today: string): Promise<ProposalDetail[]> {
  const list = await db
    .select({ id: congressProposal.id })
    .from(congressProposal)
    .where(eq(congressProposal.termId, termId))
    .orderBy(asc(sql`coalesce(${congressProposal.number}, 2147483647)`), asc(congressProposal.id));
  const out: ProposalDetail[] = [];
  for (const { id } of list) out.push(await detailOf(db, id, today));
  return out;
}
