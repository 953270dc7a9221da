import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { memberUnion } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { openCase } from '../service/index.js';
import { ACCEPTING_STATUSES, merchantOfAccount } from './merchant.lookup.js';
import { merchant, merchantComplaint, merchantEvent } from './merchant.schema.js';
import { latestAgreement, locationsOf } from './merchant.service.js';
import { writeAudit } from '../../kernel/audit.js';

// What members and merchant accounts do themselves: a member's complaint (a case of the service
// center's 政策咨询 queue, linked back to the merchant) and a merchant account's own record.

/** A member's complaint about a listed merchant: opens a service case and records it on the merchant. */
export async function fileComplaint(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  input: { merchantId: number; content: string },
): Promise<{ id: number; caseId: number; caseNo: string }> {
  const [m] = await tx
    .select({ id: merchant.id, orgId: merchant.orgId, name: merchant.name, status: merchant.status })
    .from(merchant)
    .where(eq(merchant.id, input.merchantId));
  if (!m || !ACCEPTING_STATUSES.includes(m.status))
    throw new AppError('NOT_FOUND', [{ path: 'merchantId', message: 'NOT_FOUND' }]);
  const union = await memberUnion(tx, actor.accountId);
  const made = await openCase(tx, env, {
    serviceCategory: 'policy',
    channel: 'online',
    fields: { topic: '其他', question: `【商户投诉】${m.name}：${input.content}` },
    accountId: actor.accountId,
    source: { module: 'merchant', id: m.id },
    ...(union ? { memberId: union.memberId } : { contact: { name: actor.displayName }, orgId: m.orgId }),
  });
  const [row] = await tx
    .insert(merchantComplaint)
    .values({ merchantId: m.id, accountId: actor.accountId, caseId: made.id, at: env.source.at })
    .returning({ id: merchantComplaint.id });
  if (!row) throw new Error('complaint insert returned no row');
  // The member's words stay in the case (sealed); the history names the case only.
  await tx.insert(merchantEvent).values({
    merchantId: m.id,
    at: env.source.at,
    action: 'complaint',
    actorId: null,
    actorName: null,
    detail: made.no,
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.orgId,
    action: 'merchant.complaint',
    targetType: 'merchant',
    targetId: m.id,
    after: { complaintId: row.id, caseId: made.id },
  });
  return { id: row.id, caseId: made.id, caseNo: made.no };
}

/** The merchant a merchant account acts for, as its own screens show it. */
export async function merchantSelf(db: Db, accountId: number) {
  const own = await merchantOfAccount(db, accountId);
  if (!own) throw new AppError('NOT_FOUND');
  const [m] = await db
    .select({ m: merchant, orgName: orgRef.name })
    .from(merchant)
    .innerJoin(orgRef, eq(orgRef.id, merchant.orgId))
    .where(eq(merchant.id, own.id));
  if (!m) throw new AppError('NOT_FOUND');
  const agreement = await latestAgreement(db, own.id);
  return {
    id: m.m.id,
    orgId: m.m.orgId,
    orgName: m.orgName,
    name: m.m.name,
    categories: m.m.categories,
    status: m.m.status,
    accepting: ACCEPTING_STATUSES.includes(m.m.status),
    discountTerms: m.m.discountTerms,
    hours: m.m.hours,
    address: m.m.address,
    lat: m.m.lat,
    lng: m.m.lng,
    locations: await locationsOf(db, own.id),
    agreement: agreement ? { startsOn: agreement.startsOn, endsOn: agreement.endsOn } : null,
  };
}
