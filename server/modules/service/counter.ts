import { and, eq, inArray, sql } from 'drizzle-orm';
import { pathInScope, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { maskIdNumber, maskName, maskPhone, timingSafeEqualString, type Crypto } from '../../kernel/crypto.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { cardMemberId, findMember, type MemberKey } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { CASE_HANDLE } from './case.access.js';
import { eligibilityOf, findService } from './catalog.service.js';
import { OPEN_STATES, serviceCase } from './service.schema.js';

// Counter mode: find the walk-in (phone, 身份证号 through the blind index, or the member card's
// QR), show them masked, and prefill the service form from the registry.
//
// Inside the caller's member scope the answer is the registry's (masked). Outside it — found by
// the full 身份证号 or a genuine card QR the person presents — it is only what intake needs:
// current member or not, the masked name, and the facts the chosen service's eligibility asks
// for (the job type, when the service limits job types). Service-center staff (a case-handling
// grant at a service center or station) also get an intake token: signed, bound to their
// account and the member, valid for INTAKE_TTL_MS, and the one way POST /api/cases names a
// member outside their member scope.

export const MEMBER_READ = 'member:member:read';
export const INTAKE_TTL_MS = 10 * 60_000;
const INTAKE_PREFIX = 'UHI1';

export interface LookupInput {
  phone?: string;
  idNumber?: string;
  cardToken?: string;
  serviceId?: number;
}

/** Whom an intake token is for: the staff account, the member, and the time it is issued or checked. */
export interface Intake {
  accountId: number;
  memberId: number;
  at: Date;
}

export function issueIntakeToken(crypto: Crypto, { accountId, memberId, at }: Intake): string {
  const body = `${INTAKE_PREFIX}.${accountId}.${memberId}.${Math.floor((at.getTime() + INTAKE_TTL_MS) / 1000)}`;
  return `${body}.${crypto.sign('counter-intake', body)}`;
}

/** Whether `token` is a current intake token issued to this account for this member. */
export function intakeTokenValid(crypto: Crypto, token: string, { accountId, memberId, at }: Intake): boolean {
  const parts = token.split('.');
  const [prefix, account, id, exp, sig] = parts;
  if (parts.length !== 5 || prefix !== INTAKE_PREFIX || !sig || !exp || !/^\d+$/.test(exp)) return false;
  if (account !== String(accountId) || id !== String(memberId)) return false;
  if (!timingSafeEqualString(sig, crypto.sign('counter-intake', `${prefix}.${account}.${id}.${exp}`))) return false;
  return Number(exp) * 1000 >= at.getTime();
}

/** Service-center staff: a case-handling grant at an org of type service_center or station. */
async function atServiceCenter(db: Db, actor: Actor): Promise<boolean> {
  const orgIds = actor.grants.filter((g) => g.permissions.includes(CASE_HANDLE)).map((g) => g.orgId);
  if (orgIds.length === 0) return false;
  const found = await rows<{ id: number }>(
    db,
    sql`select id from org_ref where id in (${sql.join(
      orgIds.map((id) => sql`${id}`),
      sql`, `,
    )}) and type in ('service_center', 'station') limit 1`,
  );
  return found.length > 0;
}

/**
 * A lookup that found nobody, audited in a transaction of its own (the lookup's own rolls back
 * with its 404): probing for who is a member leaves a trace too.
 */
export async function auditMissedLookup(tx: Db, env: TxEnv, actor: Actor, input: LookupInput): Promise<void> {
  const by = (['phone', 'idNumber', 'cardToken'] as const).find((k) => input[k] !== undefined) ?? null;
  await writeAudit(tx, env.crypto, env.source, {
    orgId: actor.orgId,
    action: 'case.counter_lookup',
    targetType: 'member',
    targetId: null,
    after: { by, found: false, serviceId: input.serviceId ?? null },
  });
}

/** The member a key names, with the name and path of their union. */
async function memberWithUnion(db: Db, crypto: Crypto, key: MemberKey) {
  const m = await findMember(db, crypto, key);
  if (!m) return undefined;
  const [o] = await db.select({ name: orgRef.name, path: orgRef.path }).from(orgRef).where(eq(orgRef.id, m.orgId));
  return o && { m, orgName: o.name, orgPath: o.path };
}

export async function counterLookup(tx: Db, env: TxEnv, actor: Actor, input: LookupInput) {
  const keys = (['phone', 'idNumber', 'cardToken'] as const).filter((k) => input[k] !== undefined);
  if (keys.length !== 1) throw new AppError('VALIDATION_FAILED', [{ path: 'phone', message: 'counter.oneKey' }]);
  let key: MemberKey;
  if (input.phone) key = { phone: input.phone };
  else if (input.idNumber) key = { idNumber: input.idNumber };
  else {
    const id = cardMemberId(env.crypto, input.cardToken ?? '', env.source.at);
    if (id === null) throw new AppError('VALIDATION_FAILED', [{ path: 'cardToken', message: 'counter.cardInvalid' }]);
    key = { id };
  }
  const found = await memberWithUnion(tx, env.crypto, key);
  const inScope = !!found && pathInScope(actor, MEMBER_READ, found.orgPath);
  // A phone alone finds members in the caller's member scope only. A full 身份证号 or a genuine
  // card QR is shown at the counter by the person themself, so it finds them wherever they belong.
  if (!found || (input.phone && !inScope)) throw new AppError('NOT_FOUND');
  const { m } = found;
  const s = input.serviceId ? await findService(tx, input.serviceId) : undefined;
  if (input.serviceId && !s) throw new AppError('VALIDATION_FAILED', [{ path: 'serviceId', message: 'NOT_FOUND' }]);
  const eligible = s ? m.status === 'active' && eligibilityOf(s.s.eligibility, m.jobType) === null : null;
  const audit = (scope: 'member' | 'intake', token: boolean) =>
    writeAudit(tx, env.crypto, env.source, {
      orgId: m.orgId,
      action: 'case.counter_lookup',
      targetType: 'member',
      targetId: m.id,
      after: { by: keys[0], scope, serviceId: input.serviceId ?? null, token },
    });

  if (!inScope) {
    const current = m.status === 'active';
    const token =
      current && (await atServiceCenter(tx, actor))
        ? issueIntakeToken(env.crypto, { accountId: actor.accountId, memberId: m.id, at: env.source.at })
        : null;
    await audit('intake', token !== null);
    return {
      scope: 'intake' as const,
      member: {
        id: m.id,
        name: maskName(m.name),
        current,
        ...(s?.s.eligibility.jobTypes ? { jobType: m.jobType } : {}),
      },
      eligible,
      intakeToken: token,
    };
  }

  const phone = m.phoneEnc ? env.crypto.decrypt(m.phoneEnc) : null;
  await audit('member', false);
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(serviceCase)
    .where(and(eq(serviceCase.memberId, m.id), inArray(serviceCase.state, [...OPEN_STATES])));
  const registry: Record<string, unknown> = {
    name: m.name,
    phone: phone ? maskPhone(phone) : null,
    employer: m.employer,
    post: m.post,
    jobType: m.jobType,
    orgName: found.orgName,
  };
  const prefill = s
    ? Object.fromEntries(
        s.s.form.filter((f) => f.key in registry && registry[f.key] != null).map((f) => [f.key, registry[f.key]]),
      )
    : {};
  return {
    scope: 'member' as const,
    member: {
      id: m.id,
      name: maskName(m.name),
      phone: phone ? maskPhone(phone) : null,
      idNumber: maskIdNumber(env.crypto.decrypt(m.idNumberEnc)),
      orgId: m.orgId,
      orgName: found.orgName,
      jobType: m.jobType,
      status: m.status,
      employer: m.employer,
    },
    prefill,
    eligible,
    openCases: open?.n ?? 0,
  };
}
