import { and, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertOrgAccess, orgCondition, OutOfScopeError, pathInScope, type Actor } from '../../../kernel/access.js';
import { writeAudit } from '../../../kernel/audit.js';
import type { TxEnv } from '../../../kernel/context.js';
import { maskName } from '../../../kernel/crypto.js';
import { countUpTo, rows, type Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { memberRef } from '../../member/index.js';
import { orgRef } from '../../org/index.js';
import { fileSummary, requireConsent } from '../hardship/index.js';
import { aidProgramme, aidRecord, RECORD_FORMS, RECORD_STATES } from './aid.schema.js';
import { AID_READ, loadProgramme, RECORD_APPROVE, RECORD_PAY, RECORD_PROPOSE } from './programme.service.js';
import { chinaDate } from '../../../kernel/clock.js';

// Assistance records (帮扶记录) and their approval chain: the handling officer proposes → the
// head of the programme's org approves (never the proposer) → paid. Approval commits the money:
// one conditional UPDATE on the programme row (committed + amount ≤ budget) and one conditional
// upsert on the household's total (≤ cap, ≤ max times), both in the approval's transaction, so
// two approvals at the same moment cannot pass either limit: the second waits for the first's
// row lock and re-checks against the committed figure.

export type RecordRow = typeof aidRecord.$inferSelect;
type RecordState = (typeof RECORD_STATES)[number];

/** Which states each action starts from (docs/API-ASSISTANCE.md). */
export const RECORD_ALLOWED: Record<'approve' | 'reject' | 'pay' | 'cancel', RecordState[]> = {
  approve: ['proposed'],
  reject: ['proposed'],
  pay: ['approved'],
  cancel: ['proposed', 'approved'],
};

/** The date in China (UTC+8) of an instant, YYYY-MM-DD. */

export interface ProposeInput {
  programmeId: number;
  fileId: number;
  form: (typeof RECORD_FORMS)[number];
  amountFen?: number;
  goods?: string;
  givenOn?: string;
  note?: string;
}

/** The household's file (its clear-text summary, from hardship/) and the path of its org. */
async function household(db: Db, fileId: number) {
  const f = await fileSummary(db, fileId);
  if (!f) return undefined;
  const [o] = await db.select({ path: orgRef.path }).from(orgRef).where(eq(orgRef.id, f.orgId));
  return o && { ...f, orgPath: o.path };
}

/** The household's committed total and times in a programme (for checks and the screens). */
async function householdTotal(
  db: Db,
  programmeId: number,
  fileId: number,
): Promise<{ committedFen: number; times: number }> {
  const [t] = await rows<{ committed_fen: number; times: number }>(
    db,
    sql`select committed_fen::bigint as committed_fen, times from aid_household_total where programme_id = ${programmeId} and file_id = ${fileId}`,
  );
  return { committedFen: Number(t?.committed_fen ?? 0), times: t?.times ?? 0 };
}

export async function proposeRecord(tx: Db, env: TxEnv, actor: Actor, input: ProposeInput): Promise<number> {
  const f = await household(tx, input.fileId);
  if (!f || !pathInScope(actor, AID_READ, f.orgPath)) throw new OutOfScopeError('hardship_file', String(input.fileId));
  await assertOrgAccess(tx, actor, RECORD_PROPOSE, f.orgId, AID_READ);
  const p = await loadProgramme(tx, actor, input.programmeId);
  const bad = (path: string, message: string) => new AppError('VALIDATION_FAILED', [{ path, message }]);
  if (p.state !== 'open') throw new AppError('AID_PROGRAMME_CLOSED');
  // A programme serves its own org's subtree.
  if (!f.orgPath.startsWith(p.orgPath))
    throw new AppError('AID_NOT_ELIGIBLE', [{ path: 'programmeId', message: 'aid.notServed' }]);
  if (f.state !== 'filed') throw new AppError('AID_NOT_ELIGIBLE', [{ path: 'fileId', message: 'aid.fileNotFiled' }]);
  await requireConsent(tx, f.memberId, 'assist');
  if (p.rules.categories.length > 0 && (!f.category || !p.rules.categories.includes(f.category))) {
    throw new AppError('AID_NOT_ELIGIBLE', [{ path: 'fileId', message: 'aid.category' }]);
  }
  const standard = (f.category ? p.rules.amountByCategory[f.category] : undefined) ?? p.rules.amountFen;
  const amountFen = input.amountFen ?? standard;
  if (amountFen === null || amountFen === undefined) throw bad('amountFen', 'aid.amountRequired');
  if (standard !== null && standard !== undefined && amountFen > standard)
    throw bad('amountFen', 'aid.amountOverStandard');
  if (input.form === 'goods' && !input.goods) throw bad('goods', 'aid.goodsRequired');
  // Early answers for the officer; the approval enforces them again under the row locks.
  const t = await householdTotal(tx, p.id, f.id);
  if (p.rules.capFen !== null && t.committedFen + amountFen > p.rules.capFen)
    throw new AppError('AID_CAP_EXCEEDED', [{ path: 'amountFen', message: 'AID_CAP_EXCEEDED' }]);
  if (p.rules.maxTimes !== null && t.times + 1 > p.rules.maxTimes)
    throw new AppError('AID_CAP_EXCEEDED', [{ path: 'fileId', message: 'aid.maxTimes' }]);
  if (p.committedFen + amountFen > p.budgetFen)
    throw new AppError('AID_BUDGET_EXCEEDED', [{ path: 'amountFen', message: 'AID_BUDGET_EXCEEDED' }]);
  const at = env.source.at;
  const [row] = await tx
    .insert(aidRecord)
    .values({
      programmeId: p.id,
      programmeOrgId: p.orgId,
      fileId: f.id,
      memberId: f.memberId,
      orgId: f.orgId,
      form: input.form,
      amountFen,
      goods: input.form === 'goods' ? input.goods : null,
      givenOn: input.givenOn ?? chinaDate(at),
      note: input.note ?? null,
      proposedBy: actor.accountId,
      proposedByName: actor.displayName,
      proposedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit(tx, env, row, 'aid.record.propose', { programmeId: p.id, fileId: f.id, amountFen, form: row.form });
  return row.id;
}

const audit = (tx: Db, env: TxEnv, r: RecordRow, action: string, after?: unknown) =>
  writeAudit(tx, env.crypto, env.source, {
    orgId: r.programmeOrgId,
    action,
    targetType: 'aid_record',
    targetId: r.id,
    after: after ?? { state: r.state },
  });

/** A record the caller can see (its household's org or its programme's org in read scope); 404 otherwise. */
export async function loadRecord(db: Db, actor: Actor, id: number) {
  const porg = alias(orgRef, 'porg');
  const [r] = await db
    .select({ r: aidRecord, orgPath: orgRef.path, programmeOrgPath: porg.path })
    .from(aidRecord)
    .innerJoin(orgRef, eq(orgRef.id, aidRecord.orgId))
    .innerJoin(porg, eq(porg.id, aidRecord.programmeOrgId))
    .where(eq(aidRecord.id, id));
  if (!r || !(pathInScope(actor, AID_READ, r.orgPath) || pathInScope(actor, AID_READ, r.programmeOrgPath)))
    throw new OutOfScopeError('aid_record', String(id));
  return r;
}

const stateError = (state: string) => new AppError('AID_RECORD_STATE', [{ path: 'state', message: state }]);

async function move(
  tx: Db,
  id: number,
  from: RecordState[],
  set: Partial<typeof aidRecord.$inferInsert>,
  at: Date,
): Promise<RecordRow> {
  const [row] = await tx
    .update(aidRecord)
    .set({ ...set, updatedAt: at })
    .where(and(eq(aidRecord.id, id), inArray(aidRecord.state, from)))
    .returning();
  if (!row) {
    const [now] = await tx.select({ state: aidRecord.state }).from(aidRecord).where(eq(aidRecord.id, id));
    throw stateError(now?.state ?? 'unknown');
  }
  return row;
}

/** Only the approver's side: approve permission at the programme's org, and not the proposer. */
function assertDecider(actor: Actor, l: { r: RecordRow; programmeOrgPath: string }) {
  if (!pathInScope(actor, RECORD_APPROVE, l.programmeOrgPath)) throw new AppError('FORBIDDEN');
  if (l.r.proposedBy === actor.accountId) throw new AppError('AID_OWN_PROPOSAL');
}

export async function approveRecord(tx: Db, env: TxEnv, actor: Actor, id: number, note?: string) {
  const l = await loadRecord(tx, actor, id);
  assertDecider(actor, l);
  // the household's consent must still cover assistance when the money is committed
  await requireConsent(tx, l.r.memberId, 'assist');
  const at = env.source.at;
  // 1. the record: proposed → approved (its row lock orders two approvals of the same record).
  const r = await move(
    tx,
    id,
    RECORD_ALLOWED.approve,
    {
      state: 'approved',
      decidedBy: actor.accountId,
      decidedByName: actor.displayName,
      decidedAt: at,
      ...(note ? { note } : {}),
    },
    at,
  );
  // 2. the budget: committed + amount ≤ budget, in the UPDATE itself.
  const [p] = await tx
    .update(aidProgramme)
    .set({ committedFen: sql`${aidProgramme.committedFen} + ${r.amountFen}`, updatedAt: at })
    .where(
      and(
        eq(aidProgramme.id, r.programmeId),
        eq(aidProgramme.state, 'open'),
        sql`${aidProgramme.committedFen} + ${r.amountFen} <= ${aidProgramme.budgetFen}`,
      ),
    )
    .returning({ rules: aidProgramme.rules });
  if (!p) {
    const [now] = await tx
      .select({ state: aidProgramme.state })
      .from(aidProgramme)
      .where(eq(aidProgramme.id, r.programmeId));
    throw now?.state === 'closed'
      ? new AppError('AID_PROGRAMME_CLOSED')
      : new AppError('AID_BUDGET_EXCEEDED', [{ path: 'amountFen', message: 'AID_BUDGET_EXCEEDED' }]);
  }
  // 3. the household: a conditional upsert; a concurrent approval waits on the row and re-checks.
  const cap = p.rules.capFen;
  const maxTimes = p.rules.maxTimes;
  if (cap !== null && r.amountFen > cap)
    throw new AppError('AID_CAP_EXCEEDED', [{ path: 'amountFen', message: 'AID_CAP_EXCEEDED' }]);
  const [h] = await rows<{ times: number }>(
    tx,
    sql`
    insert into aid_household_total as t (programme_id, file_id, committed_fen, times) values (${r.programmeId}, ${r.fileId}, ${r.amountFen}, 1)
    on conflict (programme_id, file_id) do update set committed_fen = t.committed_fen + excluded.committed_fen, times = t.times + 1
    where (${cap}::bigint is null or t.committed_fen + excluded.committed_fen <= ${cap}::bigint)
      and (${maxTimes}::int is null or t.times + 1 <= ${maxTimes}::int)
    returning t.times`,
  );
  if (!h) throw new AppError('AID_CAP_EXCEEDED', [{ path: 'amountFen', message: 'AID_CAP_EXCEEDED' }]);
  await audit(tx, env, r, 'aid.record.approve', { state: 'approved', amountFen: r.amountFen });
}

export async function rejectRecord(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string) {
  const l = await loadRecord(tx, actor, id);
  assertDecider(actor, l);
  // the household's consent must still cover assistance when the money is committed
  await requireConsent(tx, l.r.memberId, 'assist');
  const at = env.source.at;
  const r = await move(
    tx,
    id,
    RECORD_ALLOWED.reject,
    {
      state: 'rejected',
      decidedBy: actor.accountId,
      decidedByName: actor.displayName,
      decidedAt: at,
      rejectReason: reason,
    },
    at,
  );
  await audit(tx, env, r, 'aid.record.reject', { state: 'rejected', reason });
}

export async function payRecord(tx: Db, env: TxEnv, actor: Actor, id: number) {
  const l = await loadRecord(tx, actor, id);
  if (!pathInScope(actor, RECORD_PAY, l.programmeOrgPath)) throw new AppError('FORBIDDEN');
  const at = env.source.at;
  const r = await move(
    tx,
    id,
    RECORD_ALLOWED.pay,
    { state: 'paid', paidBy: actor.accountId, paidByName: actor.displayName, paidAt: at },
    at,
  );
  await tx
    .update(aidProgramme)
    .set({ paidFen: sql`${aidProgramme.paidFen} + ${r.amountFen}`, updatedAt: at })
    .where(eq(aidProgramme.id, r.programmeId));
  await audit(tx, env, r, 'aid.record.pay', { state: 'paid', amountFen: r.amountFen });
}

/** Cancel before payment: the proposer's side (propose at the household's org) or the approver's. An approved record gives its money back. */
export async function cancelRecord(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string) {
  const l = await loadRecord(tx, actor, id);
  if (!pathInScope(actor, RECORD_PROPOSE, l.orgPath) && !pathInScope(actor, RECORD_APPROVE, l.programmeOrgPath))
    throw new AppError('FORBIDDEN');
  const at = env.source.at;
  const set = { state: 'cancelled' as const, cancelledBy: actor.accountId, cancelledAt: at, cancelReason: reason };
  const [approved] = await tx
    .update(aidRecord)
    .set({ ...set, updatedAt: at })
    .where(and(eq(aidRecord.id, id), eq(aidRecord.state, 'approved')))
    .returning();
  const r = approved ?? (await move(tx, id, ['proposed'], set, at));
  if (approved) {
    await tx
      .update(aidProgramme)
      .set({ committedFen: sql`${aidProgramme.committedFen} - ${r.amountFen}`, updatedAt: at })
      .where(eq(aidProgramme.id, r.programmeId));
    await tx.execute(
      sql`update aid_household_total set committed_fen = committed_fen - ${r.amountFen}, times = times - 1 where programme_id = ${r.programmeId} and file_id = ${r.fileId}`,
    );
  }
  await audit(tx, env, r, 'aid.record.cancel', {
    state: 'cancelled',
    from: approved ? 'approved' : 'proposed',
    reason,
  });
}

// --- lists ---

export interface RecordFilter {
  programmeId?: number;
  /** One household's records (the propose dialog shows what it already has from a programme). */
  fileId?: number;
  state?: RecordState[];
  orgPath?: string;
  from?: string;
  to?: string;
  /** Proposals waiting for the caller's approval. */
  view?: 'pending' | 'all';
}

export function recordConditions(actor: Actor, f: RecordFilter): SQL[] {
  const where: SQL[] = [
    sql`(${orgCondition(actor, AID_READ, aidRecord.orgId)} or ${orgCondition(actor, AID_READ, aidRecord.programmeOrgId)})`,
  ];
  if (f.programmeId) where.push(eq(aidRecord.programmeId, f.programmeId));
  if (f.fileId) where.push(eq(aidRecord.fileId, f.fileId));
  if (f.state?.length) where.push(inArray(aidRecord.state, f.state));
  if (f.orgPath)
    where.push(
      sql`${aidRecord.orgId} in (select f_org.id from org_ref f_org where f_org.path like ${f.orgPath + '%'})`,
    );
  if (f.from) where.push(gte(aidRecord.givenOn, f.from));
  if (f.to) where.push(lte(aidRecord.givenOn, f.to));
  if (f.view === 'pending') {
    where.push(
      eq(aidRecord.state, 'proposed'),
      ne(aidRecord.proposedBy, actor.accountId),
      orgCondition(actor, RECORD_APPROVE, aidRecord.programmeOrgId),
    );
  }
  return where;
}

export const selectRecords = (db: Db) => {
  const porg = alias(orgRef, 'porg');
  return db
    .select({
      r: aidRecord,
      orgName: orgRef.name,
      orgPath: orgRef.path,
      programmeOrgPath: porg.path,
      programmeName: aidProgramme.name,
      kind: aidProgramme.kind,
      memberName: memberRef.name,
    })
    .from(aidRecord)
    .innerJoin(orgRef, eq(orgRef.id, aidRecord.orgId))
    .innerJoin(porg, eq(porg.id, aidRecord.programmeOrgId))
    .innerJoin(aidProgramme, eq(aidProgramme.id, aidRecord.programmeId))
    .innerJoin(memberRef, eq(memberRef.id, aidRecord.memberId));
};
export type SelectedRecord = Awaited<ReturnType<ReturnType<typeof selectRecords>['where']>>[number];

export function actionsFor(actor: Actor, s: { r: RecordRow; orgPath: string; programmeOrgPath: string }): string[] {
  const out: string[] = [];
  const decider = pathInScope(actor, RECORD_APPROVE, s.programmeOrgPath) && s.r.proposedBy !== actor.accountId;
  if (decider && RECORD_ALLOWED.approve.includes(s.r.state)) out.push('approve', 'reject');
  if (pathInScope(actor, RECORD_PAY, s.programmeOrgPath) && RECORD_ALLOWED.pay.includes(s.r.state)) out.push('pay');
  if (
    (pathInScope(actor, RECORD_PROPOSE, s.orgPath) || pathInScope(actor, RECORD_APPROVE, s.programmeOrgPath)) &&
    RECORD_ALLOWED.cancel.includes(s.r.state)
  )
    out.push('cancel');
  return out;
}

/** A record as lists show it: the member's name masked, no ID number or phone. */
export function presentRecord(actor: Actor, s: SelectedRecord) {
  const r = s.r;
  return {
    id: r.id,
    programmeId: r.programmeId,
    programmeName: s.programmeName,
    kind: s.kind,
    programmeOrgId: r.programmeOrgId,
    fileId: r.fileId,
    memberId: r.memberId,
    memberName: maskName(s.memberName),
    orgId: r.orgId,
    orgName: s.orgName,
    form: r.form,
    amountFen: r.amountFen,
    goods: r.goods,
    givenOn: r.givenOn,
    state: r.state,
    note: r.note,
    proposedByName: r.proposedByName,
    proposedAt: r.proposedAt.toISOString(),
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    rejectReason: r.rejectReason,
    paidByName: r.paidByName,
    paidAt: r.paidAt?.toISOString() ?? null,
    cancelReason: r.cancelReason,
    actions: actionsFor(actor, s),
  };
}

export async function listRecords(db: Db, actor: Actor, f: RecordFilter & { page: number; pageSize: number }) {
  const where = and(...recordConditions(actor, f));
  const found = await selectRecords(db)
    .where(where)
    .orderBy(desc(aidRecord.createdAt), desc(aidRecord.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const count = await countUpTo(db, aidRecord, where);
  return { items: found.map((s) => presentRecord(actor, s)), ...count };
}

export async function getRecord(db: Db, actor: Actor, id: number) {
  await loadRecord(db, actor, id);
  const [s] = await selectRecords(db).where(eq(aidRecord.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  return presentRecord(actor, s);
}

export interface AssistanceHistoryItem {
  id: number;
  programmeName: string;
  kind: string;
  amountFen: number | null;
  goods: string | null;
  date: string;
  state: string;
}

async function history(db: Db, where: SQL): Promise<AssistanceHistoryItem[]> {
  const found = await db
    .select({ r: aidRecord, programmeName: aidProgramme.name, kind: aidProgramme.kind })
    .from(aidRecord)
    .innerJoin(aidProgramme, eq(aidProgramme.id, aidRecord.programmeId))
    .where(and(where, inArray(aidRecord.state, ['approved', 'paid'])))
    .orderBy(desc(aidRecord.givenOn), desc(aidRecord.id))
    .limit(200);
  return found.map(({ r, programmeName, kind }) => ({
    id: r.id,
    programmeName,
    kind,
    amountFen: r.amountFen,
    goods: r.goods,
    date: r.givenOn,
    state: r.state,
  }));
}

/** What a member's household was given or promised (approved and paid), newest first: A's file detail and the H5. */
export const assistanceHistory = (db: Db, memberId: number) => history(db, eq(aidRecord.memberId, memberId));

/** The same for one household file. */
export const assistanceForFile = (db: Db, fileId: number) => history(db, eq(aidRecord.fileId, fileId));
