import { eq } from 'drizzle-orm';
import { assertOrgAccess, OutOfScopeError, pathInScope, type Actor } from '../../kernel/access.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { findAccountContact } from '../auth/index.js';
import { memberRef, memberOfAccount } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { CASE_HANDLE, CASE_READ } from './case.access.js';
import { openCase } from './case.open.js';
import { intakeTokenValid, MEMBER_READ } from './counter.js';
import { effectiveCatalog, eligibilityOf, findService, orgPath, rootPath } from './catalog.service.js';
import type { CHANNELS } from './service.schema.js';

// POST /api/cases: a member applying on the H5, or staff registering a walk-in or a call.
// Staff name a member in their member scope, or one the counter lookup found outside it (see
// counter.ts: the intake token of service-center staff); anyone else is 404.

export interface NewCaseBody {
  serviceId: number;
  fields: Record<string, unknown>;
  note?: string;
  channel?: (typeof CHANNELS)[number];
  memberId?: number;
  /** From the counter lookup, for a member outside the caller's member scope (service-center staff). */
  intakeToken?: string;
  contact?: { name: string; phone?: string };
}

export async function createCase(tx: Db, env: TxEnv, actor: Actor, body: NewCaseBody): Promise<number> {
  return actor.kind === 'member' ? memberApplies(tx, env, actor, body) : staffRegisters(tx, env, actor, body);
}

async function memberApplies(tx: Db, env: TxEnv, actor: Actor, body: NewCaseBody): Promise<number> {
  if ((body.channel && body.channel !== 'online') || body.memberId || body.contact || body.intakeToken) {
    const path = body.channel ? 'channel' : body.memberId ? 'memberId' : body.contact ? 'contact' : 'intakeToken';
    throw new AppError('VALIDATION_FAILED', [{ path, message: 'case.staffOnly' }]);
  }
  const m = await memberOfAccount(tx, actor.accountId);
  const svc = (await effectiveCatalog(tx, m ? await orgPath(tx, m.orgId) : await rootPath(tx))).find(
    (s) => s.id === body.serviceId,
  );
  if (!svc) throw new AppError('VALIDATION_FAILED', [{ path: 'serviceId', message: 'NOT_FOUND' }]);
  const reason = m && m.status !== 'active' ? 'members_only' : eligibilityOf(svc.eligibility, m?.jobType ?? null);
  if (reason) throw new AppError('SERVICE_NOT_ELIGIBLE', [{ path: 'serviceId', message: `eligibility.${reason}` }]);
  const a = await findAccountContact(tx, actor.accountId);
  const contact = m
    ? undefined
    : { name: a?.displayName ?? '会员', phone: a?.phoneEnc ? env.crypto.decrypt(a.phoneEnc) : null };
  const made = await openCase(tx, env, {
    serviceId: svc.id,
    memberId: m?.id ?? null,
    accountId: actor.accountId,
    contact,
    channel: 'online',
    fields: body.fields,
    note: body.note,
    by: 'member',
  });
  return made.id;
}

async function staffRegisters(tx: Db, env: TxEnv, actor: Actor, body: NewCaseBody): Promise<number> {
  if (body.channel !== 'counter' && body.channel !== 'phone')
    throw new AppError('VALIDATION_FAILED', [{ path: 'channel', message: 'case.channel' }]);
  if (!!body.memberId === !!body.contact)
    throw new AppError('VALIDATION_FAILED', [{ path: 'memberId', message: 'case.applicant' }]);
  const f = await findService(tx, body.serviceId);
  if (!f) throw new AppError('VALIDATION_FAILED', [{ path: 'serviceId', message: 'NOT_FOUND' }]);
  await assertOrgAccess(tx, actor, CASE_HANDLE, f.s.handlingOrgId, CASE_READ);
  if (body.memberId) {
    const m = await applicant(tx, env, actor, body.memberId, body.intakeToken);
    const reason = eligibilityOf(f.s.eligibility, m.jobType);
    if (reason) throw new AppError('SERVICE_NOT_ELIGIBLE', [{ path: 'serviceId', message: `eligibility.${reason}` }]);
  } else if (eligibilityOf(f.s.eligibility, null)) {
    throw new AppError('SERVICE_NOT_ELIGIBLE', [{ path: 'serviceId', message: 'eligibility.members_only' }]);
  }
  const made = await openCase(tx, env, {
    serviceId: f.s.id,
    memberId: body.memberId ?? null,
    contact: body.contact,
    channel: body.channel,
    fields: body.fields,
    note: body.note,
    by: 'staff',
  });
  return made.id;
}

/**
 * The member a staff-registered case names: a current member in the caller's member scope, or one
 * the counter lookup found by the ID card or member card the person presented (an intake token
 * issued to this caller for this member). Missing, not current and out of scope all answer the
 * same 404 (audited), so the route tells nothing about members the caller may not see.
 */
async function applicant(tx: Db, env: TxEnv, actor: Actor, memberId: number, intakeToken: string | undefined) {
  const [m] = await tx
    .select({ jobType: memberRef.jobType, status: memberRef.status, path: orgRef.path })
    .from(memberRef)
    .innerJoin(orgRef, eq(orgRef.id, memberRef.orgId))
    .where(eq(memberRef.id, memberId));
  const reachable =
    !!m &&
    (pathInScope(actor, MEMBER_READ, m.path) ||
      (!!intakeToken &&
        intakeTokenValid(env.crypto, intakeToken, { accountId: actor.accountId, memberId, at: env.source.at })));
  if (!m || !reachable || m.status !== 'active') throw new OutOfScopeError('member', String(memberId));
  return m;
}
