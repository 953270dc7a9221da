import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { assertOrgAccess, orgCondition, OutOfScopeError, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { maskPhone, type Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { org } from '../org/index.js';
import type { MemberPatch } from './member.fields.js';
import { correction, member, type MemberRow } from './member.schema.js';
import { applyMemberChanges } from './member.service.js';

// A member asks for their own record to be corrected; the union's officer approves or rejects.

const REVIEW = 'member:join:review';
export type CorrectionChanges = Omit<MemberPatch, 'status' | 'joinedAt' | 'cardNo'>;
type CorrectionRow = typeof correction.$inferSelect;

function present(crypto: Crypto, c: CorrectionRow, memberName: string, orgName: string) {
  const { phoneEnc, ...changes } = c.changes;
  return {
    id: c.id,
    memberId: c.memberId,
    memberName,
    orgId: c.orgId,
    orgName,
    note: c.note,
    status: c.status,
    reason: c.reason,
    changes: typeof phoneEnc === 'string' ? { ...changes, phone: maskPhone(crypto.decrypt(phoneEnc)) } : changes,
    createdAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
  };
}
export type CorrectionView = ReturnType<typeof present>;

const selectCorrections = (db: Db) =>
  db
    .select({ c: correction, memberName: member.name, orgName: org.name })
    .from(correction)
    .innerJoin(member, eq(member.id, correction.memberId))
    .innerJoin(org, eq(org.id, correction.orgId));

export async function submitCorrection(
  tx: Db,
  env: TxEnv,
  m: MemberRow,
  changes: CorrectionChanges,
  note: string | null,
): Promise<CorrectionView> {
  if (Object.keys(changes).length === 0)
    throw new AppError('VALIDATION_FAILED', [{ path: 'changes', message: 'VALIDATION_FAILED' }]);
  const { phone, ...rest } = changes;
  const stored: Record<string, unknown> = { ...rest, ...(phone ? { phoneEnc: env.crypto.encrypt(phone) } : {}) };
  const [row] = await tx
    .insert(correction)
    .values({ memberId: m.id, orgId: m.orgId, changes: stored, note, createdAt: env.source.at })
    .returning();
  if (!row) throw new Error('correction insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.orgId,
    action: 'correction.submit',
    targetType: 'correction',
    targetId: row.id,
    after: { fields: Object.keys(changes) },
  });
  const [o] = await tx.select({ name: org.name }).from(org).where(eq(org.id, m.orgId));
  return present(env.crypto, row, m.name, o?.name ?? '');
}

export async function listOwnCorrections(db: Db, crypto: Crypto, memberId: number): Promise<CorrectionView[]> {
  const rows = await selectCorrections(db)
    .where(eq(correction.memberId, memberId))
    .orderBy(desc(correction.id))
    .limit(50);
  return rows.map((r) => present(crypto, r.c, r.memberName, r.orgName));
}

/** The correction list's conditions (also the workbench's count of pending corrections). */
export function correctionWhere(actor: Actor, f: { status?: CorrectionRow['status'] | undefined }): SQL | undefined {
  const conditions: SQL[] = [orgCondition(actor, REVIEW, correction.orgId)];
  if (f.status) conditions.push(eq(correction.status, f.status));
  return and(...conditions);
}

export async function listCorrections(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: { status?: CorrectionRow['status'] | undefined; page: number; pageSize: number },
) {
  const where = correctionWhere(actor, f);
  const [total] = await db.select({ n: count() }).from(correction).where(where);
  const rows = await selectCorrections(db)
    .where(where)
    .orderBy(desc(correction.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map((r) => present(crypto, r.c, r.memberName, r.orgName)), total: total?.n ?? 0 };
}

async function loadPending(tx: Db, actor: Actor, id: number): Promise<CorrectionRow> {
  const [row] = await tx.select().from(correction).where(eq(correction.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  try {
    await assertOrgAccess(tx, actor, REVIEW, row.orgId, REVIEW);
  } catch (err) {
    throw err instanceof OutOfScopeError ? new OutOfScopeError('correction', String(id)) : err;
  }
  if (row.status !== 'pending') throw new AppError('REQUEST_DECIDED');
  return row;
}

export async function approveCorrection(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<void> {
  const row = await loadPending(tx, actor, id);
  const [m] = await tx.select().from(member).where(eq(member.id, row.memberId)).for('update');
  if (!m) throw new AppError('NOT_FOUND');
  const { phoneEnc, ...rest } = row.changes;
  const patch: MemberPatch = {
    ...rest,
    ...(typeof phoneEnc === 'string' ? { phone: env.crypto.decrypt(phoneEnc) } : {}),
  };
  await applyMemberChanges(tx, env, m, patch, 'correction_approved', `更正申请 #${id}`);
  await tx
    .update(correction)
    .set({ status: 'approved', decidedBy: actor.accountId, decidedAt: env.source.at })
    .where(eq(correction.id, id));
}

export async function rejectCorrection(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string): Promise<void> {
  const row = await loadPending(tx, actor, id);
  await tx
    .update(correction)
    .set({ status: 'rejected', reason, decidedBy: actor.accountId, decidedAt: env.source.at })
    .where(eq(correction.id, id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: row.orgId,
    action: 'correction.reject',
    targetType: 'correction',
    targetId: id,
    after: { reason },
  });
}
