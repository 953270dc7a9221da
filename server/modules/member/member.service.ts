import { and, eq } from 'drizzle-orm';
import { assertOrgAccess, OutOfScopeError, pathInScope, type Actor, type Permission } from '../../kernel/access.js';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { maskIdNumber, maskPhone, type Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import { orgRef } from '../org/index.js';
import { idFacts } from './id-number.js';
import type { MemberPatch, NewMember } from './member.fields.js';
import {
  countMembers,
  exactSearchPage,
  tallyMembers,
  findMember,
  findMemberByIdHash,
  memberConditions,
  memberHistory,
  memberOrder,
  selectMembers,
  type MemberFilter,
  type MemberWithOrg,
} from './member.repo.js';
import { member, memberEvent, type MemberRow } from './member.schema.js';

const READ = 'member:member:read';

export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const age = today.getUTCFullYear() - (y ?? 0);
  const beforeBirthday =
    today.getUTCMonth() + 1 < (m ?? 0) || (today.getUTCMonth() + 1 === m && today.getUTCDate() < (d ?? 0));
  return beforeBirthday ? age - 1 : age;
}

/** A member as answers show it: ID number and phone masked, always. */
export function presentMember(crypto: Crypto, { m, orgName }: MemberWithOrg, today: Date) {
  return {
    id: m.id,
    name: m.name,
    orgId: m.orgId,
    orgName,
    status: m.status,
    gender: m.gender,
    birthDate: m.birthDate,
    age: ageOn(m.birthDate, today),
    idNumber: maskIdNumber(crypto.decrypt(m.idNumberEnc)),
    phone: m.phoneEnc ? maskPhone(crypto.decrypt(m.phoneEnc)) : null,
    jobType: m.jobType,
    employer: m.employer,
    joinedAt: m.joinedAt,
    cardNo: m.cardNo,
    ethnicity: m.ethnicity,
    politicalStatus: m.politicalStatus,
    education: m.education,
    householdType: m.householdType,
    migrantWorker: m.migrantWorker,
    post: m.post,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
export type MemberView = ReturnType<typeof presentMember>;

/** What the audit log and the history keep of a record: masked identity, plain descriptions. */
export function memberSnapshot(crypto: Crypto, m: MemberRow) {
  return {
    name: m.name,
    orgId: m.orgId,
    status: m.status,
    idNumber: maskIdNumber(crypto.decrypt(m.idNumberEnc)),
    phone: m.phoneEnc ? maskPhone(crypto.decrypt(m.phoneEnc)) : null,
    jobType: m.jobType,
    employer: m.employer,
    post: m.post,
    joinedAt: m.joinedAt,
    cardNo: m.cardNo,
    ethnicity: m.ethnicity,
    politicalStatus: m.politicalStatus,
    education: m.education,
    householdType: m.householdType,
    migrantWorker: m.migrantWorker,
  };
}

export async function listMembers(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: MemberFilter & { page: number; pageSize: number },
  today: Date,
) {
  const where = and(...memberConditions(actor, f, today));
  const page = () =>
    selectMembers(db)
      .where(where)
      .orderBy(...memberOrder(f.sort))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize);
  const present = (rows: MemberWithOrg[]) => rows.map((r) => presentMember(crypto, r, today));
  if (f.idNumberHash || f.phoneHash) {
    // An exact lookup finds one person (a phone, a few): a first page that is not full is the total.
    const rows = await (exactSearchPage(db, actor, f) ?? page());
    const counted =
      f.page === 1 && rows.length < f.pageSize ? { total: rows.length, capped: false } : await countMembers(db, where);
    return { items: present(rows), ...counted };
  }
  // The common filters read their total from member_tally (exact, no cap); the others count.
  const count = async () => {
    const tallied = await tallyMembers(db, actor, f);
    return tallied === undefined ? countMembers(db, where) : { total: tallied, capped: false };
  };
  const [counted, rows] = await Promise.all([count(), page()]);
  return { items: present(rows), ...counted };
}

/** A member the caller may read; 404 otherwise (audited when it exists outside scope). */
export async function loadMember(
  db: Db,
  actor: Actor,
  id: number,
  permission: Permission = READ,
): Promise<MemberWithOrg> {
  const found = await findMember(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  const [o] = await db.select({ path: orgRef.path }).from(orgRef).where(eq(orgRef.id, found.m.orgId));
  if (!o || !pathInScope(actor, READ, o.path)) throw new OutOfScopeError('member', String(id));
  if (!pathInScope(actor, permission, o.path)) throw new AppError('FORBIDDEN');
  return found;
}

export async function getMember(db: Db, crypto: Crypto, actor: Actor, id: number, today: Date) {
  const found = await loadMember(db, actor, id);
  return withHistory(db, crypto, found, today);
}

export async function withHistory(db: Db, crypto: Crypto, found: MemberWithOrg, today: Date) {
  const history = await memberHistory(db, found.m.id);
  return {
    ...presentMember(crypto, found, today),
    history: history.map(({ e, orgName, staffName }) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      actorName: staffName ?? e.actorName,
      orgId: e.orgId,
      orgName,
      note: e.note,
      before: e.before,
      after: e.after,
    })),
  };
}

export async function addMemberEvent(
  tx: Db,
  source: AuditSource,
  e: { memberId: number; kind: string; orgId: number; note?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(memberEvent).values({
    memberId: e.memberId,
    kind: e.kind,
    orgId: e.orgId,
    actorId: source.actorId,
    actorName: source.actorName,
    note: e.note ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    at: source.at,
  });
}

/** Refuses a person who is already a member, telling an in-scope caller where the record is. */
export async function assertNotMember(tx: Db, actor: Actor | null, idNumberHash: string): Promise<void> {
  const existing = await findMemberByIdHash(tx, idNumberHash);
  if (!existing) return;
  if (actor && pathInScope(actor, READ, existing.orgPath)) {
    throw new AppError('MEMBER_EXISTS', [
      { path: 'idNumber', message: 'MEMBER_EXISTS.inScope' },
      { path: 'memberId', message: String(existing.id) },
    ]);
  }
  throw new AppError('MEMBER_EXISTS', [{ path: 'idNumber', message: 'MEMBER_EXISTS.elsewhere' }]);
}

export async function assertGrassroots(tx: Db, orgId: number): Promise<void> {
  const [o] = await tx.select({ type: orgRef.type, status: orgRef.status }).from(orgRef).where(eq(orgRef.id, orgId));
  if (!o) throw new AppError('NOT_FOUND');
  if (o.type !== 'grassroots')
    throw new AppError('ORG_NOT_GRASSROOTS', [{ path: 'orgId', message: 'ORG_NOT_GRASSROOTS' }]);
  if (o.status === 'closed') throw new AppError('ORG_CLOSED');
}

/**
 * Encrypted columns and blind indexes for a new record. `idNumberHash` when the caller has
 * computed it already (the import does, to find existing members).
 */
export function identityColumns(
  crypto: Crypto,
  { idNumber, phone, idNumberHash }: { idNumber: string; phone: string | null | undefined; idNumberHash?: string },
) {
  return {
    idNumberEnc: crypto.encrypt(idNumber),
    idNumberHash: idNumberHash ?? crypto.blindIndex('idNumber', idNumber),
    phoneEnc: phone ? crypto.encrypt(phone) : null,
    phoneHash: phone ? crypto.blindIndex('phone', phone) : null,
    ...idFacts(idNumber),
  };
}

/** Inserts a member (no scope check: callers decide who may); one history entry, one audit row. */
export async function insertMember(
  tx: Db,
  env: TxEnv,
  input: NewMember,
  opts: { kind: 'created' | 'joined'; accountId?: number | null; note?: string | null },
): Promise<MemberRow> {
  const { idNumber, phone, ...rest } = input;
  await assertNotMember(tx, null, env.crypto.blindIndex('idNumber', idNumber));
  let created: MemberRow | undefined;
  try {
    [created] = await tx
      .insert(member)
      .values({
        ...rest,
        ...identityColumns(env.crypto, { idNumber, phone }),
        accountId: opts.accountId ?? null,
        createdAt: env.source.at,
        updatedAt: env.source.at,
      })
      .returning();
  } catch (err) {
    if (isUniqueViolation(err, 'member_id_number_uq'))
      throw new AppError('MEMBER_EXISTS', [{ path: 'idNumber', message: 'MEMBER_EXISTS.elsewhere' }]);
    if (isUniqueViolation(err, 'member_card_no_uq'))
      throw new AppError('CONFLICT', [{ path: 'cardNo', message: 'CONFLICT' }]);
    throw err;
  }
  if (!created) throw new Error('member insert returned no row');
  const after = memberSnapshot(env.crypto, created);
  await addMemberEvent(tx, env.source, {
    memberId: created.id,
    kind: opts.kind,
    orgId: created.orgId,
    note: opts.note,
    after,
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: created.orgId,
    action: `member.${opts.kind === 'joined' ? 'join' : 'create'}`,
    targetType: 'member',
    targetId: created.id,
    after,
  });
  return created;
}

export async function createMember(tx: Db, env: TxEnv, actor: Actor, input: NewMember): Promise<number> {
  await assertOrgAccess(tx, actor, 'member:member:create', input.orgId, READ);
  await assertGrassroots(tx, input.orgId);
  await assertNotMember(tx, actor, env.crypto.blindIndex('idNumber', input.idNumber));
  return (await insertMember(tx, env, input, { kind: 'created' })).id;
}

export async function updateMember(tx: Db, env: TxEnv, actor: Actor, id: number, patch: MemberPatch): Promise<void> {
  const { m: before } = await loadMember(tx, actor, id, 'member:member:update');
  if (patch.status && before.status === 'transferring') throw new AppError('MEMBER_NOT_ACTIVE');
  await applyMemberChanges(
    tx,
    env,
    before,
    patch,
    patch.status && patch.status !== before.status ? 'status' : 'updated',
  );
}

/** Writes changes to a record with its history entry and audit row (used by edits and approved corrections). */
export async function applyMemberChanges(
  tx: Db,
  env: TxEnv,
  before: MemberRow,
  patch: MemberPatch,
  kind: string,
  note?: string,
): Promise<MemberRow> {
  const { phone, ...rest } = patch;
  const phoneColumns =
    phone === undefined
      ? {}
      : {
          phoneEnc: phone ? env.crypto.encrypt(phone) : null,
          phoneHash: phone ? env.crypto.blindIndex('phone', phone) : null,
        };
  let after: MemberRow | undefined;
  try {
    [after] = await tx
      .update(member)
      .set({ ...rest, ...phoneColumns, updatedAt: env.source.at })
      .where(eq(member.id, before.id))
      .returning();
  } catch (err) {
    if (isUniqueViolation(err, 'member_card_no_uq'))
      throw new AppError('CONFLICT', [{ path: 'cardNo', message: 'CONFLICT' }]);
    throw err;
  }
  if (!after) throw new AppError('NOT_FOUND');
  const b = memberSnapshot(env.crypto, before);
  const a = memberSnapshot(env.crypto, after);
  const changedKeys = Object.entries(a)
    .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(Reflect.get(b, k)))
    .map(([k]) => k);
  const pick = (s: typeof a) => Object.fromEntries(changedKeys.map((k) => [k, Reflect.get(s, k)]));
  await addMemberEvent(tx, env.source, {
    memberId: before.id,
    kind,
    orgId: after.orgId,
    note,
    before: pick(b),
    after: pick(a),
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: after.orgId,
    action: kind === 'status' ? 'member.status' : kind === 'correction_approved' ? 'member.correct' : 'member.update',
    targetType: 'member',
    targetId: before.id,
    before: pick(b),
    after: pick(a),
  });
  return after;
}

/** The full ID number and phone of one record, for a permitted caller with a reason; audited. */
export async function revealMember(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string) {
  const { m } = await loadMember(tx, actor, id, 'member:member:reveal');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.orgId,
    action: 'member.reveal',
    targetType: 'member',
    targetId: id,
    after: { reason },
  });
  return { idNumber: env.crypto.decrypt(m.idNumberEnc), phone: m.phoneEnc ? env.crypto.decrypt(m.phoneEnc) : null };
}
