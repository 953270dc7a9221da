import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../kernel/db.js';
import { merchant, merchantAccount, MERCHANT_CATEGORIES, MERCHANT_STATUSES } from './merchant.schema.js';

// What other modules ask of a merchant: the merchant behind a merchant account, and whether it
// accepts vouchers now.

export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

/** Statuses in which a merchant is shown to members and accepts vouchers. */
export const ACCEPTING_STATUSES: readonly MerchantStatus[] = ['listed', 'warned'];

export interface MerchantOfAccount {
  id: number;
  orgId: number;
  name: string;
  categories: MerchantCategory[];
  status: MerchantStatus;
}

/** The merchant a merchant account acts for, or undefined (not a merchant account). */
export async function merchantOfAccount(db: Db, accountId: number): Promise<MerchantOfAccount | undefined> {
  const [m] = await db
    .select({
      id: merchant.id,
      orgId: merchant.orgId,
      name: merchant.name,
      categories: merchant.categories,
      status: merchant.status,
    })
    .from(merchantAccount)
    .innerJoin(merchant, eq(merchant.id, merchantAccount.merchantId))
    .where(eq(merchantAccount.accountId, accountId));
  return m;
}

/** Whether the merchant is listed (or listed with a warning): shown to members, accepts vouchers. */
export async function merchantAccepts(db: Db, merchantId: number): Promise<boolean> {
  const [m] = await db
    .select({ id: merchant.id })
    .from(merchant)
    .where(and(eq(merchant.id, merchantId), inArray(merchant.status, [...ACCEPTING_STATUSES])));
  return m !== undefined;
}
