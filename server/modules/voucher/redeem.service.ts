import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../kernel/audit.js';
import { CHINA_OFFSET_MS, chinaDate } from '../../kernel/clock.js';
import type { TxEnv } from '../../kernel/context.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { ACCEPTING_STATUSES, type MerchantOfAccount } from '../merchant/index.js';
import { campaign, voucher } from './voucher.schema.js';

// Redemption (核销) by a merchant account: the member's QR token or the voucher's short code,
// only where the campaign allows, not by a suspended merchant, once — two scans at once meet on
// one guarded UPDATE … WHERE state = 'issued', so one answers 200 and the other 409 — and only
// while the voucher is valid. The member's voucher list reads the same row, so it shows at once.

/** Reads the voucher id a QR token names (the claim module's signed token); null when not genuine or expired. */
export type TokenReader = (token: string, now: Date) => number | null;

type VoucherRow = typeof voucher.$inferSelect;
type CampaignRow = typeof campaign.$inferSelect;

async function orgPaths(db: Db, ids: number[]): Promise<Map<number, string>> {
  const found = await rows<{ id: number; path: string }>(
    db,
    sql`select id, path from org_ref where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(found.map((o) => [Number(o.id), o.path]));
}

/**
 * Whether a campaign's vouchers are good at a merchant: a merchant it names; else, within the
 * campaign's org and the merchant's on one line of the tree, a merchant of a category it names,
 * or any merchant when it names neither.
 */
export async function validAt(db: Db, c: CampaignRow, m: MerchantOfAccount): Promise<boolean> {
  if (c.merchantIds && c.merchantIds.length > 0) return c.merchantIds.map(Number).includes(m.id);
  const paths = await orgPaths(db, [c.orgId, m.orgId]);
  const cp = paths.get(c.orgId);
  const mp = paths.get(m.orgId);
  if (!cp || !mp || !(mp.startsWith(cp) || cp.startsWith(mp))) return false;
  if (c.categories && c.categories.length > 0) return m.categories.some((k) => c.categories?.includes(k));
  return true;
}

export function presentRedeemed(v: VoucherRow, c: CampaignRow) {
  return {
    id: v.id,
    code: v.code,
    campaignId: c.id,
    campaignName: c.name,
    faceValueFen: v.faceValueFen,
    minSpendFen: c.minSpendFen,
    state: v.state,
    validFrom: c.validFrom.toISOString(),
    validUntil: c.validUntil.toISOString(),
    claimedAt: v.claimedAt.toISOString(),
    redeemedAt: v.redeemedAt ? v.redeemedAt.toISOString() : null,
  };
}

async function findVoucher(db: Db, code: string, readToken: TokenReader, now: Date) {
  const text = code.trim();
  const byToken = text.includes('.') ? readToken(text, now) : null;
  if (text.includes('.') && byToken === null) throw new AppError('NOT_FOUND');
  const [found] = await db
    .select({ v: voucher, c: campaign })
    .from(voucher)
    .innerJoin(campaign, eq(campaign.id, voucher.campaignId))
    .where(byToken !== null ? eq(voucher.id, byToken) : eq(voucher.code, text.toUpperCase()));
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/** Redeems a voucher at the caller's merchant. */
export async function redeemVoucher(tx: Db, env: TxEnv, m: MerchantOfAccount, code: string, readToken: TokenReader) {
  const now = env.source.at;
  if (!ACCEPTING_STATUSES.includes(m.status)) throw new AppError('MERCHANT_SUSPENDED');
  const { v, c } = await findVoucher(tx, code, readToken, now);
  if (!(await validAt(tx, c, m))) throw new AppError('VOUCHER_NOT_VALID_HERE');
  if (v.state === 'redeemed') throw new AppError('VOUCHER_ALREADY_REDEEMED');
  if (v.state !== 'issued' || now > c.validUntil || now < c.validFrom) throw new AppError('VOUCHER_EXPIRED');
  const [done] = await tx
    .update(voucher)
    .set({ state: 'redeemed', redeemedAt: now, redeemedMerchantId: m.id })
    .where(and(eq(voucher.id, v.id), eq(voucher.state, 'issued')))
    .returning();
  if (!done) throw new AppError('VOUCHER_ALREADY_REDEEMED');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.orgId,
    action: 'voucher.redeem',
    targetType: 'voucher',
    targetId: v.id,
    after: { merchantId: m.id, campaignId: c.id, faceValueFen: v.faceValueFen },
  });
  return { voucher: presentRedeemed(done, c), redeemedAt: now.toISOString() };
}

/** The merchant's redemptions on one China date (today by default), newest first, with the day's totals. */
export async function merchantRedemptions(db: Db, merchantId: number, date: string | undefined, now: Date) {
  const day = date ?? chinaDate(now);
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
  const to = new Date(from.getTime() + 86_400_000);
  const found = await rows<{
    id: number;
    code: string;
    campaignId: number;
    campaignName: string;
    faceValueFen: number;
    redeemedAt: Date | string;
  }>(
    db,
    sql`select v.id, v.code, v.campaign_id as "campaignId", c.name as "campaignName", v.face_value_fen as "faceValueFen",
               v.redeemed_at as "redeemedAt"
        from ${voucher} v join ${campaign} c on c.id = v.campaign_id
        where v.redeemed_merchant_id = ${merchantId} and v.redeemed_at >= ${from} and v.redeemed_at < ${to}
        order by v.redeemed_at desc, v.id desc limit 500`,
  );
  const items = found.map((r) => ({
    ...r,
    id: Number(r.id),
    campaignId: Number(r.campaignId),
    redeemedAt: new Date(r.redeemedAt).toISOString(),
  }));
  return { date: day, items, count: items.length, faceValueFen: items.reduce((n, r) => n + r.faceValueFen, 0) };
}
