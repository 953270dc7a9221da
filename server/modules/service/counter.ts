import { and, eq, inArray, sql } from 'drizzle-orm';
import { pathInScope, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { maskIdNumber, maskName, maskPhone } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { cardMemberId, member, normaliseIdNumber } from '../member/index.js';
import { org } from '../org/index.js';
import { eligibilityOf, findService } from './catalog.service.js';
import { OPEN_STATES, serviceCase } from './service.schema.js';

// Counter mode: find the walk-in (phone, 身份证号 through the blind index, or the member card's
// QR), show them masked, and prefill the service form from the registry.

export interface LookupInput { phone?: string; idNumber?: string; cardToken?: string; serviceId?: number }

export async function counterLookup(tx: Db, env: TxEnv, actor: Actor, input: LookupInput) {
  const keys = (['phone', 'idNumber', 'cardToken'] as const).filter((k) => input[k] !== undefined);
  if (keys.length !== 1) throw new AppError('VALIDATION_FAILED', [{ path: 'phone', message: 'counter.oneKey' }]);
  let where;
  if (input.phone) where = eq(member.phoneHash, env.crypto.blindIndex('phone', input.phone));
  else if (input.idNumber) where = eq(member.idNumberHash, env.crypto.blindIndex('idNumber', normaliseIdNumber(input.idNumber)));
  else {
    const id = cardMemberId(env.crypto, input.cardToken ?? '', env.source.at);
    if (id === null) throw new AppError('VALIDATION_FAILED', [{ path: 'cardToken', message: 'counter.cardInvalid' }]);
    where = eq(member.id, id);
  }
  const [found] = await tx.select({ m: member, orgName: org.name, orgPath: org.path }).from(member).innerJoin(org, eq(org.id, member.orgId)).where(where).limit(1);
  // A phone alone finds members in the caller's member scope only. A full 身份证号 or a genuine
  // card QR is shown at the counter by the person themself, so it finds them wherever they belong.
  if (!found || (input.phone && !pathInScope(actor, 'member:member:read', found.orgPath))) {
    throw new AppError('NOT_FOUND');
  }
  const { m } = found;
  const phone = m.phoneEnc ? env.crypto.decrypt(m.phoneEnc) : null;
  await writeAudit(tx, env.crypto, env.source, { orgId: m.orgId, action: 'case.counter_lookup', targetType: 'member', targetId: m.id, after: { by: keys[0] } });
  const [open] = await tx.select({ n: sql<number>`count(*)::int` }).from(serviceCase).where(and(eq(serviceCase.memberId, m.id), inArray(serviceCase.state, [...OPEN_STATES])));
  const registry: Record<string, unknown> = { name: m.name, phone: phone ? maskPhone(phone) : null, employer: m.employer, post: m.post, jobType: m.jobType, orgName: found.orgName };
  let prefill: Record<string, unknown> = {};
  let eligible: boolean | null = null;
  if (input.serviceId) {
    const s = await findService(tx, input.serviceId);
    if (!s) throw new AppError('VALIDATION_FAILED', [{ path: 'serviceId', message: 'NOT_FOUND' }]);
    prefill = Object.fromEntries(s.s.form.filter((f) => f.key in registry && registry[f.key] != null).map((f) => [f.key, registry[f.key]]));
    eligible = m.status === 'active' && eligibilityOf(s.s.eligibility, m.jobType) === null;
  }
  return {
    member: {
      id: m.id, name: maskName(m.name), phone: phone ? maskPhone(phone) : null, idNumber: maskIdNumber(env.crypto.decrypt(m.idNumberEnc)),
      orgId: m.orgId, orgName: found.orgName, jobType: m.jobType, status: m.status, employer: m.employer,
    },
    prefill, eligible, openCases: open?.n ?? 0,
  };
}
