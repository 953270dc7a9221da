// A merchant's redemptions, and what a voucher's answer says about its own redemption.
import type { MerchantRedemptions } from '../api/voucher';

export type RedemptionRow = MerchantRedemptions['items'][number];

export function redemptionRows(r: MerchantRedemptions): RedemptionRow[] {
  return r.items;
}

export function redemptionSummary(r: MerchantRedemptions): { count: number; totalFen: number } {
  return { count: r.count, totalFen: r.faceValueFen };
}

/** When a voucher was redeemed, if its answer says (the member's list leaves it out today). */
export function redeemedAt(v: object): string | null {
  const at = (v as { redeemedAt?: unknown }).redeemedAt;
  return typeof at === 'string' ? at : null;
}

/** The merchant that redeemed a voucher, if its answer names it. */
export function redeemedWhere(v: object): string | null {
  const name = (v as { redeemedMerchantName?: unknown }).redeemedMerchantName;
  return typeof name === 'string' && name ? name : null;
}
