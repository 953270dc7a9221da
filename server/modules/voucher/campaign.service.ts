import { and, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import { AppError, type ErrorDetail } from '../../kernel/errors.js';
import { assertOrgAccess, OutOfScopeError, orgCondition, pathInScope, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { cappedTotal, LIST_COUNT_CAP, rows, type Db } from '../../kernel/db.js';
import { isOneOf } from '../../kernel/types.js';
import { orgRef } from '../org/index.js';
import { JOB_TYPES } from '../member/index.js';
import { MERCHANT_CATEGORIES } from '../merchant/index.js';
import { campaign, voucherStock, type CAMPAIGN_KINDS, type CAMPAIGN_MODES } from './voucher.schema.js';

// Voucher campaigns (消费券活动): a draft is edited freely; publishing freezes its terms (members
// claim against them) and opens its stock; closing ends claiming. Staff see campaigns of orgs in
// their scope (kernel/access.ts); out of scope is 404, audited.

const READ = 'voucher:campaign:read';
const MANAGE = 'voucher:campaign:manage';

export interface CampaignTerms {
  name: string;
  kind: (typeof CAMPAIGN_KINDS)[number];
  mode: (typeof CAMPAIGN_MODES)[number];
  faceValueFen: number;
  minSpendFen: number;
  quantity: number;
  budgetFen: number;
  perMemberLimit: number;
  memberTypes?: (typeof JOB_TYPES)[number][] | null;
  merchantIds?: number[] | null;
  categories?: (typeof MERCHANT_CATEGORIES)[number][] | null;
  claimStartsAt: Date;
  claimEndsAt: Date;
  validFrom: Date;
  validUntil: Date;
  registrationEndsAt?: Date | null;
}

export type CampaignRow = typeof campaign.$inferSelect;

/** The rules across fields, with a message for each field that breaks one (400 VALIDATION_FAILED). */
export function termsProblems(t: CampaignTerms): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (t.claimEndsAt.getTime() <= t.claimStartsAt.getTime())
    out.push({ path: 'claimEndsAt', message: 'voucher.claimWindow' });
  if (t.validUntil.getTime() <= t.validFrom.getTime()) out.push({ path: 'validUntil', message: 'voucher.validWindow' });
  else if (t.validUntil.getTime() < t.claimEndsAt.getTime())
    out.push({ path: 'validUntil', message: 'voucher.validAfterClaim' });
  if (t.budgetFen < t.faceValueFen * t.quantity) out.push({ path: 'budgetFen', message: 'voucher.budget' });
  if (t.minSpendFen !== 0 && t.minSpendFen < t.faceValueFen)
    out.push({ path: 'minSpendFen', message: 'voucher.minSpend' });
  if (t.perMemberLimit > t.quantity) out.push({ path: 'perMemberLimit', message: 'voucher.perMemberLimit' });
  if (t.mode === 'lottery' && (!t.registrationEndsAt || t.registrationEndsAt.getTime() > t.claimStartsAt.getTime()))
    out.push({ path: 'registrationEndsAt', message: 'voucher.registrationEnds' });
  for (const key of ['memberTypes', 'merchantIds', 'categories'] as const) {
    const list: readonly unknown[] = t[key] ?? [];
    if (new Set(list).size !== list.length) out.push({ path: key, message: 'voucher.duplicates' });
  }
  return out;
}

function assertTerms(t: CampaignTerms): void {
  const problems = termsProblems(t);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
}

/** Empty lists mean "not narrowed" (null in the table). */
const orNull = <T>(list: T[] | null | undefined): T[] | null => (list && list.length > 0 ? list : null);

function columnsOf(t: CampaignTerms) {
  return {
    name: t.name,
    kind: t.kind,
    mode: t.mode,
    faceValueFen: t.faceValueFen,
    minSpendFen: t.minSpendFen,
    quantity: t.quantity,
    budgetFen: t.budgetFen,
    perMemberLimit: t.perMemberLimit,
    memberTypes: orNull(t.memberTypes),
    merchantIds: orNull(t.merchantIds),
    categories: orNull(t.categories),
    claimStartsAt: t.claimStartsAt,
    claimEndsAt: t.claimEndsAt,
    validFrom: t.validFrom,
    validUntil: t.validUntil,
    registrationEndsAt: t.mode === 'lottery' ? (t.registrationEndsAt ?? null) : null,
  };
}

export async function createCampaign(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  input: CampaignTerms & { orgId: number },
): Promise<number> {
  await assertOrgAccess(tx, actor, MANAGE, input.orgId, READ);
  assertTerms(input);
  const at = env.source.at;
  const [row] = await tx
    .insert(campaign)
    .values({ orgId: input.orgId, ...columnsOf(input), createdBy: actor.accountId, createdAt: at, updatedAt: at })
    .returning({ id: campaign.id });
  if (!row) throw new Error('campaign insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: input.orgId,
    action: 'voucher_campaign.create',
    targetType: 'voucher_campaign',
    targetId: row.id,
    after: { name: input.name, kind: input.kind, mode: input.mode, quantity: input.quantity },
  });
  return row.id;
}

/** The campaign, locked, if the caller may manage it (404 out of scope, 403 read-only). */
async function lockForManage(tx: Db, actor: Actor, id: number): Promise<CampaignRow> {
  const [found] = await tx
    .select({ c: campaign, path: orgRef.path })
    .from(campaign)
    .innerJoin(orgRef, eq(orgRef.id, campaign.orgId))
    .where(eq(campaign.id, id))
    .for('update', { of: campaign });
  if (!found || !pathInScope(actor, READ, found.path)) throw new OutOfScopeError('voucher_campaign', String(id));
  if (!pathInScope(actor, MANAGE, found.path)) throw new AppError('FORBIDDEN');
  return found.c;
}

export async function updateCampaign(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  patch: Partial<CampaignTerms>,
): Promise<void> {
  const c = await lockForManage(tx, actor, id);
  if (c.state !== 'draft') throw new AppError('VOUCHER_CAMPAIGN_PUBLISHED');
  const merged: CampaignTerms = {
    name: patch.name ?? c.name,
    kind: patch.kind ?? c.kind,
    mode: patch.mode ?? c.mode,
    faceValueFen: patch.faceValueFen ?? c.faceValueFen,
    minSpendFen: patch.minSpendFen ?? c.minSpendFen,
    quantity: patch.quantity ?? c.quantity,
    budgetFen: patch.budgetFen ?? c.budgetFen,
    perMemberLimit: patch.perMemberLimit ?? c.perMemberLimit,
    memberTypes: patch.memberTypes !== undefined ? patch.memberTypes : memberTypesOf(c),
    merchantIds: patch.merchantIds !== undefined ? patch.merchantIds : c.merchantIds,
    categories: patch.categories !== undefined ? patch.categories : categoriesOf(c),
    claimStartsAt: patch.claimStartsAt ?? c.claimStartsAt,
    claimEndsAt: patch.claimEndsAt ?? c.claimEndsAt,
    validFrom: patch.validFrom ?? c.validFrom,
    validUntil: patch.validUntil ?? c.validUntil,
    registrationEndsAt: patch.registrationEndsAt !== undefined ? patch.registrationEndsAt : c.registrationEndsAt,
  };
  assertTerms(merged);
  await tx
    .update(campaign)
    .set({ ...columnsOf(merged), updatedAt: env.source.at })
    .where(eq(campaign.id, id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.orgId,
    action: 'voucher_campaign.update',
    targetType: 'voucher_campaign',
    targetId: id,
    after: Object.keys(patch),
  });
}

/** Draft → published: the terms freeze and the stock opens with the quantity. */
export async function publishCampaign(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<void> {
  const c = await lockForManage(tx, actor, id);
  if (c.state !== 'draft') throw new AppError('VOUCHER_CAMPAIGN_STATE');
  if (c.claimEndsAt.getTime() <= env.source.at.getTime())
    throw new AppError('VALIDATION_FAILED', [{ path: 'claimEndsAt', message: 'voucher.claimWindow' }]);
  await tx
    .update(campaign)
    .set({ state: 'published', publishedAt: env.source.at, updatedAt: env.source.at })
    .where(eq(campaign.id, id));
  await tx.insert(voucherStock).values({ campaignId: id, remaining: c.quantity });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.orgId,
    action: 'voucher_campaign.publish',
    targetType: 'voucher_campaign',
    targetId: id,
  });
}

/** Draft or published → closed: no more claims (the claim batch checks the state in the same transaction). */
export async function closeCampaign(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<void> {
  const c = await lockForManage(tx, actor, id);
  if (c.state === 'closed') throw new AppError('VOUCHER_CAMPAIGN_STATE');
  await tx
    .update(campaign)
    .set({ state: 'closed', closedAt: env.source.at, updatedAt: env.source.at })
    .where(eq(campaign.id, id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.orgId,
    action: 'voucher_campaign.close',
    targetType: 'voucher_campaign',
    targetId: id,
    before: { state: c.state },
  });
}

// The table keeps plain text arrays; the API speaks the enums they were written from.
export function memberTypesOf(c: Pick<CampaignRow, 'memberTypes'>) {
  return c.memberTypes?.filter((x) => isOneOf(JOB_TYPES, x)) ?? null;
}
export function categoriesOf(c: Pick<CampaignRow, 'categories'>) {
  return c.categories?.filter((x) => isOneOf(MERCHANT_CATEGORIES, x)) ?? null;
}

const campaignColumns = { c: campaign, orgName: orgRef.name, path: orgRef.path };

export function presentCampaign(c: CampaignRow, orgName: string) {
  return {
    id: c.id,
    orgId: c.orgId,
    orgName,
    name: c.name,
    kind: c.kind,
    mode: c.mode,
    state: c.state,
    faceValueFen: c.faceValueFen,
    minSpendFen: c.minSpendFen,
    quantity: c.quantity,
    budgetFen: c.budgetFen,
    perMemberLimit: c.perMemberLimit,
    memberTypes: memberTypesOf(c) ?? null,
    merchantIds: c.merchantIds ?? null,
    categories: categoriesOf(c) ?? null,
    claimStartsAt: c.claimStartsAt.toISOString(),
    claimEndsAt: c.claimEndsAt.toISOString(),
    validFrom: c.validFrom.toISOString(),
    validUntil: c.validUntil.toISOString(),
    registrationEndsAt: c.registrationEndsAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    publishedAt: c.publishedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}
export type Campaign = ReturnType<typeof presentCampaign>;

/** One campaign for staff (404 out of scope, audited). */
export async function getCampaign(db: Db, actor: Actor, id: number): Promise<Campaign> {
  const [found] = await db
    .select(campaignColumns)
    .from(campaign)
    .innerJoin(orgRef, eq(orgRef.id, campaign.orgId))
    .where(eq(campaign.id, id));
  if (!found || !pathInScope(actor, READ, found.path)) throw new OutOfScopeError('voucher_campaign', String(id));
  return presentCampaign(found.c, found.orgName);
}

export async function listCampaigns(
  db: Db,
  actor: Actor,
  q: {
    state?: CampaignRow['state'];
    kind?: CampaignRow['kind'];
    orgPath?: string;
    page: number;
    pageSize: number;
  },
) {
  const where: SQL[] = [orgCondition(actor, READ, campaign.orgId)];
  if (q.state) where.push(eq(campaign.state, q.state));
  if (q.kind) where.push(eq(campaign.kind, q.kind));
  if (q.orgPath) where.push(like(orgRef.path, `${q.orgPath}%`));
  const cond = and(...where);
  const found = await db
    .select(campaignColumns)
    .from(campaign)
    .innerJoin(orgRef, eq(orgRef.id, campaign.orgId))
    .where(cond)
    .orderBy(desc(campaign.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [counted] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from ${campaign} join org_ref on org_ref.id = ${campaign.orgId}
      where ${cond} limit ${LIST_COUNT_CAP + 1}) up_to`,
  );
  return { items: found.map((r) => presentCampaign(r.c, r.orgName)), ...cappedTotal(counted?.n ?? 0) };
}

/** Live figures of a campaign (polled every few seconds during a rush): a handful of indexed counts. */
export async function campaignFigures(db: Db, actor: Actor, id: number, now: Date) {
  const c = await getCampaign(db, actor, id);
  const [f] = await rows<{ remaining: number | null; redeemed: number; expired: number; issued: number }>(
    db,
    sql`select (select remaining from voucher_stock where campaign_id = ${id}) as remaining,
      (select count(*)::int from voucher where campaign_id = ${id} and state = 'redeemed') as redeemed,
      (select count(*)::int from voucher where campaign_id = ${id} and state = 'expired') as expired,
      (select count(*)::int from voucher where campaign_id = ${id} and state = 'issued') as issued`,
  );
  const since = new Date(now.getTime() - 30 * 60_000);
  const perMinute = await rows<{ minute: Date | string; count: number }>(
    db,
    sql`select date_trunc('minute', claimed_at) as minute, count(*)::int as count from voucher
      where campaign_id = ${id} and claimed_at >= ${since.toISOString()}::timestamptz
      group by 1 order by 1`,
  );
  const remaining = f?.remaining ?? c.quantity;
  const claimed = c.quantity - remaining;
  const redeemed = f?.redeemed ?? 0;
  // Past its validity an issued voucher is expired, whether or not a sweep marked it yet.
  const lapsed = now.getTime() > new Date(c.validUntil).getTime();
  const expired = (f?.expired ?? 0) + (lapsed ? (f?.issued ?? 0) : 0);
  return {
    claimed,
    redeemed,
    expired,
    remaining,
    budgetCommittedFen: claimed * c.faceValueFen,
    budgetSpentFen: redeemed * c.faceValueFen,
    claimsPerMinute: perMinute.map((m) => ({ minute: new Date(m.minute).toISOString(), count: m.count })),
  };
}
