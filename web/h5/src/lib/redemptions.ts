// A merchant's redemptions at a glance: how many and their face value, from the list the server answers.
import type { MerchantRedemptions } from '../api/voucher';

export interface RedemptionRow {
  id: number;
  code?: string;
  campaignName?: string;
  faceValueFen: number;
  redeemedAt: string;
}

/** The rows of GET /api/merchant/redemptions (an `items` list). */
export function redemptionRows(r: MerchantRedemptions): RedemptionRow[] {
  const items = (r as { items?: unknown }).items;
  return Array.isArray(items) ? (items as RedemptionRow[]) : [];
}

export function redemptionSummary(r: MerchantRedemptions): { count: number; totalFen: number } {
  const rows = redemptionRows(r);
  const given = r as { count?: unknown; faceValueFen?: unknown };
  return {
    count: typeof given.count === 'number' ? given.count : rows.length,
    totalFen:
      typeof given.faceValueFen === 'number' ? given.faceValueFen : rows.reduce((sum, v) => sum + v.faceValueFen, 0),
  };
}

/** When a voucher was redeemed, if its answer says (the member's list may leave it out). */
export function redeemedAt(v: object): string | null {
  const at = (v as { redeemedAt?: unknown }).redeemedAt;
  return typeof at === 'string' ? at : null;
}

/** The merchant that redeemed a voucher, if its answer names it. */
export function redeemedWhere(v: object): string | null {
  const o = v as { redeemedMerchantName?: unknown; redeemedAtMerchant?: { name?: unknown } | null };
  const name = o.redeemedMerchantName ?? o.redeemedAtMerchant?.name;
  return typeof name === 'string' && name ? name : null;
}
