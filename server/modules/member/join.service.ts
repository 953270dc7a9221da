import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { assertOrgAccess, orgCondition, OutOfScopeError, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { maskIdNumber, maskPhone, type Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import { enqueueSms } from '../../kernel/outbox.js';
import { isOneOf } from '../../kernel/types.js';
import { account } from '../auth/index.js';
import { org } from '../org/index.js';
import type { NewMember } from './member.fields.js';
import { HOUSEHOLD_TYPES, JOB_TYPES, joinRequest, member } from './member.schema.js';
import { assertGrassroots, insertMember } from './member.service.js';

// 入会申请: a worker fills the real-name form on the H5 and picks a union; the union's officer
// approves (the member record is created) or rejects with a reason; the worker is told either way.

const REVIEW = 'member:join:review';

export type JoinForm = Omit<NewMember, 'phone' | 'joinedAt' | 'cardNo'>;

type JoinRow = typeof joinRequest.$inferSelect;

function presentJoin(crypto: Crypto, r: JoinRow, orgName: string) {
  const f = r.form;
  const text = (k: string) => (typeof f[k] === 'string' ? f[k] : null);
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    name: text('name') ?? '',
    idNumber: maskIdNumber(crypto.decrypt(text('idNumberEnc') ?? '')),
    phone: text('phoneEnc') ? maskPhone(crypto.decrypt(text('phoneEnc') ?? '')) : null,
    jobType: text('jobType') ?? 'regular',
    employer: text('employer'),
    channel: r.channel,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    memberId: r.memberId,
  };
}
export type JoinView = ReturnType<typeof presentJoin>;

export async function submitJoin(tx: Db, env: TxEnv, actor: Actor, input: JoinForm): Promise<JoinView> {
  await assertGrassroots(tx, input.orgId);
  const idNumberHash = env.crypto.blindIndex('idNumber', input.idNumber);
  const [already] = await tx.select({ id: member.id }).from(member).where(eq(member.idNumberHash, idNumberHash));
  const [linked] = await tx.select({ id: member.id }).from(member).where(eq(member.accountId, actor.accountId));
  if (linked) throw new AppError('MEMBER_EXISTS', [{ path: 'idNumber', message: 'MEMBER_EXISTS.self' }]);
  if (already) throw new AppError('MEMBER_EXISTS', [{ path: 'idNumber', message: 'MEMBER_EXISTS.elsewhere' }]);
  const [acct] = await tx.select({ phoneEnc: account.phoneEnc }).from(account).where(eq(account.id, actor.accountId));
  const { idNumber, ...rest } = input;
  let row: JoinRow | undefined;
  try {
    [row] = await tx
      .insert(joinRequest)
      .values({
        accountId: actor.accountId,
        orgId: input.orgId,
        channel: 'online',
        idNumberHash,
        createdAt: env.source.at,
        form: { ...rest, idNumberEnc: env.crypto.encrypt(idNumber), phoneEnc: acct?.phoneEnc ?? null },
      })
      .returning();
  } catch (err) {
    if (isUniqueViolation(err, 'join_request_one_pending_uq')) throw new AppError('JOIN_PENDING');
    throw err;
  }
  if (!row) throw new Error('join request insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: input.orgId,
    action: 'join.submit',
    targetType: 'join_request',
    targetId: row.id,
  });
  return presentJoin(env.crypto, row, await orgName(tx, row.orgId));
}

async function orgName(tx: Db, id: number): Promise<string> {
  const [o] = await tx.select({ name: org.name }).from(org).where(eq(org.id, id));
  return o?.name ?? '';
}

export async function latestJoin(db: Db, crypto: Crypto, accountId: number): Promise<JoinView | null> {
  const [row] = await db
    .select({ r: joinRequest, orgName: org.name })
    .from(joinRequest)
    .innerJoin(org, eq(org.id, joinRequest.orgId))
    .where(eq(joinRequest.accountId, accountId))
    .orderBy(desc(joinRequest.id))
    .limit(1);
  return row ? presentJoin(crypto, row.r, row.orgName) : null;
}

/** The join-request list's conditions (also the workbench's count of pending requests). */
export function joinWhere(actor: Actor, f: { status?: JoinRow['status'] | undefined }): SQL | undefined {
  const conditions: SQL[] = [orgCondition(actor, REVIEW, joinRequest.orgId)];
  if (f.status) conditions.push(eq(joinRequest.status, f.status));
  return and(...conditions);
}

export async function listJoins(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: { status?: JoinRow['status'] | undefined; page: number; pageSize: number },
) {
  const where = joinWhere(actor, f);
  const [total] = await db.select({ n: count() }).from(joinRequest).where(where);
  const rows = await db
    .select({ r: joinRequest, orgName: org.name })
    .from(joinRequest)
    .innerJoin(org, eq(org.id, joinRequest.orgId))
    .where(where)
    .orderBy(desc(joinRequest.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map((r) => presentJoin(crypto, r.r, r.orgName)), total: total?.n ?? 0 };
}

async function loadPending(tx: Db, actor: Actor, id: number): Promise<JoinRow> {
  const [row] = await tx.select().from(joinRequest).where(eq(joinRequest.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  try {
    await assertOrgAccess(tx, actor, REVIEW, row.orgId, REVIEW);
  } catch (err) {
    if (err instanceof OutOfScopeError) throw new OutOfScopeError('join_request', String(id));
    throw err;
  }
  if (row.status !== 'pending') throw new AppError('REQUEST_DECIDED');
  return row;
}

export async function approveJoin(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<JoinView> {
  const row = await loadPending(tx, actor, id);
  const f = row.form;
  const str = (k: string) => (typeof f[k] === 'string' ? f[k] : undefined);
  const oneOf = <T extends string>(values: readonly T[], k: string) => {
    const v = str(k);
    return v !== undefined && isOneOf(values, v) ? v : undefined; // the form was checked when it was sent
  };
  const phoneEnc = str('phoneEnc');
  const phone = phoneEnc ? env.crypto.decrypt(phoneEnc) : undefined;
  const input = {
    name: str('name') ?? '',
    idNumber: env.crypto.decrypt(str('idNumberEnc') ?? ''),
    phone: phone ?? '',
    orgId: row.orgId,
    joinedAt: env.source.at.toISOString().slice(0, 10),
    ethnicity: str('ethnicity'),
    politicalStatus: str('politicalStatus'),
    education: str('education'),
    householdType: oneOf(HOUSEHOLD_TYPES, 'householdType') ?? null,
    migrantWorker: f.migrantWorker === true,
    employer: str('employer'),
    post: str('post'),
    jobType: oneOf(JOB_TYPES, 'jobType') ?? 'regular',
  } satisfies NewMember;
  const created = await insertMember(tx, env, input, {
    kind: 'joined',
    accountId: row.accountId,
    note: `入会申请 #${id}`,
  });
  const [done] = await tx
    .update(joinRequest)
    .set({ status: 'approved', memberId: created.id, decidedBy: actor.accountId, decidedAt: env.source.at })
    .where(eq(joinRequest.id, id))
    .returning();
  const name = await orgName(tx, row.orgId);
  if (phone) await enqueueSms(tx, env.crypto, { phone, template: 'join_approved', params: { org: name } });
  if (!done) throw new AppError('NOT_FOUND');
  return presentJoin(env.crypto, done, name);
}

export async function rejectJoin(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string): Promise<JoinView> {
  const row = await loadPending(tx, actor, id);
  const [done] = await tx
    .update(joinRequest)
    .set({ status: 'rejected', reason, decidedBy: actor.accountId, decidedAt: env.source.at })
    .where(eq(joinRequest.id, id))
    .returning();
  if (!done) throw new AppError('NOT_FOUND');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: row.orgId,
    action: 'join.reject',
    targetType: 'join_request',
    targetId: id,
    after: { reason },
  });
  const name = await orgName(tx, row.orgId);
  const phoneEnc = typeof row.form.phoneEnc === 'string' ? row.form.phoneEnc : null;
  if (phoneEnc)
    await enqueueSms(tx, env.crypto, {
      phone: env.crypto.decrypt(phoneEnc),
      template: 'join_rejected',
      params: { org: name, reason },
    });
  return presentJoin(env.crypto, done, name);
}
