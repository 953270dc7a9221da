import { aliasedTable, and, count, desc, eq, or, type SQL } from 'drizzle-orm';
import { orgCondition, OutOfScopeError, pathInScope, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { maskIdNumber, type Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import { enqueueSms } from '../../kernel/outbox.js';
import { org } from '../org/index.js';
import { member, transfer, type MemberRow } from './member.schema.js';
import { addMemberEvent, assertGrassroots } from './member.service.js';

// 会员关系转接: the one flow that crosses subtrees, and only through its steps. The old union
// approves the release (pending_out → pending_in), the new union the intake (→ completed: the
// record now belongs to the new union). Either side may reject its own step.

const REVIEW = 'member:transfer:review';
const fromOrg = aliasedTable(org, 'from_org');
const toOrg = aliasedTable(org, 'to_org');

type TransferRow = typeof transfer.$inferSelect;

const selectTransfers = (db: Db) =>
  db
    .select({
      t: transfer,
      memberName: member.name,
      idNumberEnc: member.idNumberEnc,
      fromOrgName: fromOrg.name,
      fromPath: fromOrg.path,
      toOrgName: toOrg.name,
      toPath: toOrg.path,
    })
    .from(transfer)
    .innerJoin(member, eq(member.id, transfer.memberId))
    .innerJoin(fromOrg, eq(fromOrg.id, transfer.fromOrgId))
    .innerJoin(toOrg, eq(toOrg.id, transfer.toOrgId));
type TransferWithNames = Awaited<ReturnType<typeof selectTransfers>>[number];

function present(crypto: Crypto, r: TransferWithNames) {
  const t = r.t;
  return {
    id: t.id,
    memberId: t.memberId,
    memberName: r.memberName,
    idNumber: maskIdNumber(crypto.decrypt(r.idNumberEnc)),
    fromOrgId: t.fromOrgId,
    fromOrgName: r.fromOrgName,
    toOrgId: t.toOrgId,
    toOrgName: r.toOrgName,
    status: t.status,
    reason: t.reason,
    rejectReason: t.rejectReason,
    createdAt: t.createdAt.toISOString(),
    outDecidedAt: t.outDecidedAt?.toISOString() ?? null,
    inDecidedAt: t.inDecidedAt?.toISOString() ?? null,
  };
}
export type TransferView = ReturnType<typeof present>;

export async function getTransferView(db: Db, crypto: Crypto, id: number): Promise<TransferView> {
  const [row] = await selectTransfers(db).where(eq(transfer.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return present(crypto, row);
}

/** Opens a transfer of an active member to another grassroots union (by the member or an officer). */
export async function requestTransfer(
  tx: Db,
  env: TxEnv,
  m: MemberRow,
  toOrgId: number,
  reason: string | null,
): Promise<number> {
  if (m.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
  await assertGrassroots(tx, toOrgId);
  if (toOrgId === m.orgId)
    throw new AppError('VALIDATION_FAILED', [{ path: 'toOrgId', message: 'ORG_NOT_GRASSROOTS' }]);
  let row: TransferRow | undefined;
  try {
    [row] = await tx
      .insert(transfer)
      .values({
        memberId: m.id,
        fromOrgId: m.orgId,
        toOrgId,
        reason,
        requestedBy: env.source.actorId ?? 0,
        createdAt: env.source.at,
      })
      .returning();
  } catch (err) {
    if (isUniqueViolation(err, 'transfer_one_open_uq')) throw new AppError('TRANSFER_OPEN');
    throw err;
  }
  if (!row) throw new Error('transfer insert returned no row');
  await tx.update(member).set({ status: 'transferring', updatedAt: env.source.at }).where(eq(member.id, m.id));
  await addMemberEvent(tx, env.source, {
    memberId: m.id,
    kind: 'transfer_requested',
    orgId: m.orgId,
    note: reason,
    after: { toOrgId },
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.orgId,
    action: 'transfer.request',
    targetType: 'transfer',
    targetId: row.id,
    after: { memberId: m.id, toOrgId },
  });
  return row.id;
}

/** The transfer list's conditions (also the workbench's counts of steps waiting on either side). */
export function transferWhere(
  actor: Actor,
  f: { direction?: 'in' | 'out' | undefined; status?: TransferRow['status'] | undefined },
): SQL | undefined {
  const out = orgCondition(actor, REVIEW, transfer.fromOrgId);
  const inc = orgCondition(actor, REVIEW, transfer.toOrgId);
  const conditions: SQL[] = [f.direction === 'out' ? out : f.direction === 'in' ? inc : (or(out, inc) ?? out)];
  if (f.status) conditions.push(eq(transfer.status, f.status));
  return and(...conditions);
}

export async function listTransfers(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: {
    direction?: 'in' | 'out' | undefined;
    status?: TransferRow['status'] | undefined;
    page: number;
    pageSize: number;
  },
) {
  const where = transferWhere(actor, f);
  const [total] = await db.select({ n: count() }).from(transfer).where(where);
  const rows = await selectTransfers(db)
    .where(where)
    .orderBy(desc(transfer.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map((r) => present(crypto, r)), total: total?.n ?? 0 };
}

/** The step the caller may decide now: the old union's while pending_out, the new union's while pending_in. */
async function loadDecidable(tx: Db, actor: Actor, id: number) {
  const [row] = await selectTransfers(tx).where(eq(transfer.id, id)).for('update', { of: transfer });
  if (!row) throw new AppError('NOT_FOUND');
  const seesFrom = pathInScope(actor, REVIEW, row.fromPath);
  const seesTo = pathInScope(actor, REVIEW, row.toPath);
  if (!seesFrom && !seesTo) throw new OutOfScopeError('transfer', String(id));
  const { status } = row.t;
  if (status !== 'pending_out' && status !== 'pending_in') throw new AppError('REQUEST_DECIDED');
  if ((status === 'pending_out' && !seesFrom) || (status === 'pending_in' && !seesTo)) throw new AppError('FORBIDDEN');
  return row;
}

async function memberPhone(tx: Db, crypto: Crypto, memberId: number): Promise<string | null> {
  const [m] = await tx.select({ phoneEnc: member.phoneEnc }).from(member).where(eq(member.id, memberId));
  return m?.phoneEnc ? crypto.decrypt(m.phoneEnc) : null;
}

export async function approveTransfer(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<void> {
  const row = await loadDecidable(tx, actor, id);
  const t = row.t;
  const at = env.source.at;
  if (t.status === 'pending_out') {
    await tx
      .update(transfer)
      .set({ status: 'pending_in', outDecidedBy: actor.accountId, outDecidedAt: at })
      .where(eq(transfer.id, id));
    await addMemberEvent(tx, env.source, {
      memberId: t.memberId,
      kind: 'transfer_out_approved',
      orgId: t.fromOrgId,
      after: { toOrgId: t.toOrgId },
    });
    await writeAudit(tx, env.crypto, env.source, {
      orgId: t.fromOrgId,
      action: 'transfer.approve_out',
      targetType: 'transfer',
      targetId: id,
    });
    return;
  }
  await tx
    .update(transfer)
    .set({ status: 'completed', inDecidedBy: actor.accountId, inDecidedAt: at })
    .where(eq(transfer.id, id));
  await tx.update(member).set({ orgId: t.toOrgId, status: 'active', updatedAt: at }).where(eq(member.id, t.memberId));
  await addMemberEvent(tx, env.source, {
    memberId: t.memberId,
    kind: 'transfer_in_approved',
    orgId: t.toOrgId,
    before: { orgId: t.fromOrgId },
    after: { orgId: t.toOrgId },
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: t.toOrgId,
    action: 'transfer.approve_in',
    targetType: 'transfer',
    targetId: id,
    before: { orgId: t.fromOrgId },
    after: { orgId: t.toOrgId },
  });
  const phone = await memberPhone(tx, env.crypto, t.memberId);
  if (phone)
    await enqueueSms(tx, env.crypto, { phone, template: 'transfer_completed', params: { org: row.toOrgName } });
}

export async function rejectTransfer(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string): Promise<void> {
  const row = await loadDecidable(tx, actor, id);
  const t = row.t;
  const side =
    t.status === 'pending_out'
      ? { outDecidedBy: actor.accountId, outDecidedAt: env.source.at }
      : { inDecidedBy: actor.accountId, inDecidedAt: env.source.at };
  await tx
    .update(transfer)
    .set({ status: 'rejected', rejectReason: reason, ...side })
    .where(eq(transfer.id, id));
  await tx.update(member).set({ status: 'active', updatedAt: env.source.at }).where(eq(member.id, t.memberId));
  const orgId = t.status === 'pending_out' ? t.fromOrgId : t.toOrgId;
  await addMemberEvent(tx, env.source, { memberId: t.memberId, kind: 'transfer_rejected', orgId, note: reason });
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: 'transfer.reject',
    targetType: 'transfer',
    targetId: id,
    after: { reason },
  });
  const phone = await memberPhone(tx, env.crypto, t.memberId);
  if (phone) await enqueueSms(tx, env.crypto, { phone, template: 'transfer_rejected', params: { reason } });
}

export async function latestTransferOf(db: Db, crypto: Crypto, memberId: number): Promise<TransferView | null> {
  const [row] = await selectTransfers(db).where(eq(transfer.memberId, memberId)).orderBy(desc(transfer.id)).limit(1);
  return row ? present(crypto, row) : null;
}
