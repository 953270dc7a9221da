import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.schema.js';
import { member } from '../member/member.schema.js';
import { merchant } from '../merchant/merchant.schema.js';
import { org } from '../org/org.schema.js';

// Voucher campaigns (消费券/补贴券) and the vouchers members claim. Money is in 分 (integers).
export const CAMPAIGN_KINDS = ['spring_festival', 'festival', 'birthday', 'general'] as const;
export const CAMPAIGN_MODES = ['first_come', 'lottery'] as const;
export const CAMPAIGN_STATES = ['draft', 'published', 'closed'] as const;
export const VOUCHER_STATES = ['issued', 'redeemed', 'expired', 'void'] as const;

export const campaign = pgTable(
  'voucher_campaign',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Eligibility is this org's subtree unless narrowed; scope for staff. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    mode: text('mode', { enum: CAMPAIGN_MODES }).notNull().default('first_come'),
    state: text('state', { enum: CAMPAIGN_STATES }).notNull().default('draft'),
    faceValueFen: integer('face_value_fen').notNull(),
    minSpendFen: integer('min_spend_fen').notNull().default(0),
    quantity: integer('quantity').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    perMemberLimit: integer('per_member_limit').notNull().default(1),
    /** Job types (member.job_type) that may claim; null: every member. */
    memberTypes: text('member_types').array(),
    /** Merchants where the voucher can be used; null with null categories: every listed merchant of the org. */
    merchantIds: bigint('merchant_ids', { mode: 'number' }).array(),
    categories: text('categories').array(),
    claimStartsAt: timestamp('claim_starts_at', { withTimezone: true }).notNull(),
    claimEndsAt: timestamp('claim_ends_at', { withTimezone: true }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    /** Lottery: members register until then; the draw follows. */
    registrationEndsAt: timestamp('registration_ends_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('voucher_campaign_org_idx').on(t.orgId, t.state),
    check('voucher_campaign_kind_check', sql`${t.kind} in ('spring_festival','festival','birthday','general')`),
    check('voucher_campaign_mode_check', sql`${t.mode} in ('first_come','lottery')`),
    check('voucher_campaign_state_check', sql`${t.state} in ('draft','published','closed')`),
    check(
      'voucher_campaign_money_check',
      sql`${t.faceValueFen} > 0 and ${t.minSpendFen} >= 0 and ${t.quantity} > 0 and ${t.perMemberLimit} > 0 and ${t.budgetFen} >= ${t.faceValueFen}::bigint * ${t.quantity}`,
    ),
    check(
      'voucher_campaign_window_check',
      sql`${t.claimStartsAt} < ${t.claimEndsAt} and ${t.validFrom} < ${t.validUntil}`,
    ),
  ],
);

// One claimed voucher. `seq` numbers a member's vouchers of a campaign (1..per_member_limit), so the
// unique index refuses a claim beyond the limit even under concurrency.
export const voucher = pgTable(
  'voucher',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => campaign.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    seq: integer('seq').notNull(),
    /** The short code printed under the QR and typed by a merchant without a camera. */
    code: text('code').notNull(),
    state: text('state', { enum: VOUCHER_STATES }).notNull().default('issued'),
    faceValueFen: integer('face_value_fen').notNull(),
    idempotencyKey: text('idempotency_key'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    redeemedMerchantId: bigint('redeemed_merchant_id', { mode: 'number' }).references(() => merchant.id),
  },
  (t) => [
    uniqueIndex('voucher_code_uq').on(t.code),
    uniqueIndex('voucher_member_seq_uq').on(t.campaignId, t.memberId, t.seq),
    uniqueIndex('voucher_idempotency_uq').on(t.accountId, t.idempotencyKey),
    index('voucher_account_idx').on(t.accountId, t.id),
    index('voucher_merchant_idx')
      .on(t.redeemedMerchantId, t.redeemedAt)
      .where(sql`${t.redeemedMerchantId} is not null`),
    index('voucher_campaign_claimed_idx').on(t.campaignId, t.claimedAt),
    index('voucher_campaign_state_idx').on(t.campaignId, t.state),
    check('voucher_state_check', sql`${t.state} in ('issued','redeemed','expired','void')`),
    check('voucher_redeemed_check', sql`(${t.state} = 'redeemed') = (${t.redeemedAt} is not null)`),
  ],
);

// The stock of a published campaign: one row, taken once per claim batch by one guarded UPDATE
// (claim.ts). Never below zero; `quantity - remaining` is the number of vouchers issued.
export const voucherStock = pgTable(
  'voucher_stock',
  {
    campaignId: bigint('campaign_id', { mode: 'number' })
      .primaryKey()
      .references(() => campaign.id),
    remaining: integer('remaining').notNull(),
  },
  (t) => [check('voucher_stock_remaining_check', sql`${t.remaining} >= 0`)],
);

// Yearly caps per member by kind (fen), set at an org for its subtree: the nearest ancestor's row
// for a kind wins; no row anywhere: the defaults (caps.ts). capFen null: no cap for that kind.
export const voucherCap = pgTable(
  'voucher_cap',
  {
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    capFen: bigint('cap_fen', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.kind] }),
    check('voucher_cap_check', sql`${t.capFen} is null or ${t.capFen} >= 0`),
  ],
);

// What a member received per kind and calendar year (China time), kept with the vouchers in the
// claim's transaction: the guarded upsert on this row is the cap check across all campaigns and
// the lock that orders two claims of one member in two campaigns of a kind.
export const voucherMemberTotal = pgTable(
  'voucher_member_total',
  {
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    year: integer('year').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    /** The cap that applied at the last claim (the upsert's guard reads it from the new row). */
    capFen: bigint('cap_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.kind, t.year] })],
);
