import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.schema.js';
import { merchant } from '../merchant/merchant.schema.js';
import { org } from '../org/org.schema.js';
import { campaign, voucher } from './voucher.schema.js';

// Settlement statements (结算单): the vouchers a merchant redeemed in a period, their face value
// and the subsidy the union owes. draft → confirmed (by the merchant) → approved (by the union).
export const SETTLEMENT_STATES = ['draft', 'confirmed', 'approved'] as const;

export const settlement = pgTable(
  'voucher_settlement',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
    /** The merchant's union: scope for staff. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    state: text('state', { enum: SETTLEMENT_STATES }).notNull().default('draft'),
    vouchers: integer('vouchers').notNull(),
    faceValueFen: bigint('face_value_fen', { mode: 'number' }).notNull(),
    subsidyDueFen: bigint('subsidy_due_fen', { mode: 'number' }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    confirmedBy: bigint('confirmed_by', { mode: 'number' }).references(() => account.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    approvedBy: bigint('approved_by', { mode: 'number' }).references(() => account.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    index('voucher_settlement_org_idx').on(t.orgId, t.state, t.id),
    index('voucher_settlement_merchant_idx').on(t.merchantId, t.id),
    check('voucher_settlement_state_check', sql`${t.state} in ('draft','confirmed','approved')`),
    check('voucher_settlement_period_check', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

// One redeemed voucher on a statement; a voucher is settled once (unique voucher_id).
export const settlementLine = pgTable(
  'voucher_settlement_line',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    settlementId: bigint('settlement_id', { mode: 'number' })
      .notNull()
      .references(() => settlement.id),
    voucherId: bigint('voucher_id', { mode: 'number' })
      .notNull()
      .references(() => voucher.id),
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => campaign.id),
    faceValueFen: integer('face_value_fen').notNull(),
    subsidyFen: integer('subsidy_fen').notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('voucher_settlement_line_voucher_uq').on(t.voucherId),
    index('voucher_settlement_line_settlement_idx').on(t.settlementId, t.id),
  ],
);
