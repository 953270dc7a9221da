// A merchant's redemptions, and what a voucher's answer says about its own redemption.
import type { MerchantRedemptions, Voucher } from '../api/voucher';

export type RedemptionRow = MerchantRedemptions['items'][number];

export function redemptionRows(r: MerchantRedemptions): RedemptionRow[] {
  return r.items;
}

export function redemptionSummary(r: MerchantRedemptions): { count: number; totalFen: number } {
  return { count: r.count, totalFen: r.faceValueFen };
}

/** When a voucher was redeemed (null while it is not). */
export function redeemedAt(v: Voucher): string | null {
  return v.redeemedAt;
}

/** The merchant that redeemed a voucher, if known. */
export function redeemedWhere(v: Voucher): string | null {
  return v.redeemedMerchantName || null;
}
