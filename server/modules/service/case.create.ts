import { eq } from 'drizzle-orm';
import { assertOrgAccess, type Actor } from '../../kernel/access.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { account } from '../auth/index.js';
import { member } from '../member/index.js';
import { CASE_HANDLE, CASE_READ, memberOfAccount } from './case.access.js';
import { openCase } from './case.open.js';
import { effectiveCatalog, eligibilityOf, findService, orgPath, rootPath } from './catalog.service.js';
import type { CHANNELS } from './service.schema.js';

// POST /api/cases: a member applying on the H5, or staff registering a walk-in or a call.

export interface NewCaseBody {
  serviceId: number;
  fields: Record<string, unknown>;
  note?: string;
  channel?: (typeof CHANNELS)[number];
  memberId?: number;
  contact?: { name: string; phone?: string };
}

export async function createCase(tx: Db, env: TxEnv, actor: Actor, body: NewCaseBody): Promise<number> {
  return actor.kind === 'member' ? memberApplies(tx, env, actor, body) : staffRegisters(tx, env, actor, body);
}

async function memberApplies(tx: Db, env: TxEnv, actor: Actor, body: NewCaseBody): Promise<number> {
  if ((body.channel && body.channel !== 'online') || body.memberId || body.contact) {
    throw new AppError('VALIDATION_FAILED', [{ path: body.channel ? 'channel' : body.memberId ? 'memberId' : 'contact', message: 'case.staffOnly' }]);
  }
  const m = await memberOfAccount(tx, actor.accountId);
  const svc = (await effectiveCatalog(tx, m ? await orgPath(tx, m.orgId) : await rootPath(tx))).find((s) => s.id === body.serviceId);
  if (!svc) throw new AppError('VALIDATION_FAILED', [{ path: 'serviceId', message: 'NOT_FOUND' }]);
  const reason = m && m.status !== 'active' ? 'members_only' : eligibilityOf(svc.eligibility, m?.jobType ?? null);
  if (reason) throw new AppError('SERVICE_NOT_ELIGIBLE', [{ path: 'serviceId', message: `eligibility.${reason}` }]);
  const [a] = await tx.select({ name: account.displayName, phoneEnc: account.phoneEnc }).from(account).where(eq(account.id, actor.accountId));
  const contact = m ? undefined : { name: a?.name ?? '会员', phone: a?.phoneEnc ? env.crypto.decrypt(a.phoneEnc) : null };
  const made = await openCase(tx, env, { serviceId: svc.id, memberId: m?.id ?? null, accountId: actor.accountId, contact, channel: 'online', fields: body.fields, note: body.note, by: 'member' });
  return made.id;
}

async function staffRegisters(tx: Db, env: TxEnv, actor: Actor, body: NewCaseBody): Promise<number> {
  if (body.channel !== 'counter' && body.channel !== 'phone') throw new AppError('VALIDATION_FAILED', [{ path: 'channel', message: 'case.channel' }]);
  if (!!body.memberId === !!body.contact) throw new AppError('VALIDATION_FAILED', [{ path: 'memberId', message: 'case.applicant' }]);
  const f = await findService(tx, body.serviceId);
  if (!f) throw new AppError('VALIDATION_FAILED', [{ path: 'serviceId', message: 'NOT_FOUND' }]);
  await assertOrgAccess(tx, actor, CASE_HANDLE, f.s.handlingOrgId, CASE_READ);
  if (body.memberId) {
    const [m] = await tx.select({ jobType: member.jobType, status: member.status }).from(member).where(eq(member.id, body.memberId));
    if (!m) throw new AppError('VALIDATION_FAILED', [{ path: 'memberId', message: 'NOT_FOUND' }]);
    const reason = m.status !== 'active' ? 'members_only' : eligibilityOf(f.s.eligibility, m.jobType);
    if (reason) throw new AppError('SERVICE_NOT_ELIGIBLE', [{ path: 'serviceId', message: `eligibility.${reason}` }]);
  } else if (eligibilityOf(f.s.eligibility, null)) {
    throw new AppError('SERVICE_NOT_ELIGIBLE', [{ path: 'serviceId', message: 'eligibility.members_only' }]);
  }
  const made = await openCase(tx, env, {
    serviceId: f.s.id, memberId: body.memberId ?? null, contact: body.contact, channel: body.channel, fields: body.fields, note: body.note, by: 'staff',
  });
  return made.id;
}
