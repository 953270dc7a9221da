import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.schema.js';
import { member } from '../member/member.schema.js';
import { campaign } from './voucher.schema.js';

// Lottery campaigns (抽签): members register during the window, a published weighted draw picks
// the winners, who then claim. The weight and its reasons are fixed when the member registers,
// so the draw reads one table and anyone holding the published list can re-run it.
export const registration = pgTable(
  'voucher_registration',
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
    /** Pseudonymous id published with the draw (12 hex digits of SHA-256 of campaign and member). */
    pseudoId: text('pseudo_id').notNull(),
    weight: integer('weight').notNull(),
    hardship: boolean('hardship').notNull(),
    newEmployment: boolean('new_employment').notNull(),
    firstBenefit: boolean('first_benefit').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('voucher_registration_member_uq').on(t.campaignId, t.memberId),
    uniqueIndex('voucher_registration_pseudo_uq').on(t.campaignId, t.pseudoId),
    check('voucher_registration_weight_check', sql`${t.weight} between 1 and 100`),
  ],
);

// One draw per lottery campaign: the seed, when, by whom, how many took part and won.
export const draw = pgTable('voucher_draw', {
  campaignId: bigint('campaign_id', { mode: 'number' })
    .primaryKey()
    .references(() => campaign.id),
  seed: text('seed').notNull(),
  algorithm: text('algorithm').notNull(),
  registrations: integer('registrations').notNull(),
  winners: integer('winners').notNull(),
  drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull(),
  drawnBy: bigint('drawn_by', { mode: 'number' }).references(() => account.id),
});

// The winners in rank order (lowest key first).
export const drawWinner = pgTable(
  'voucher_draw_winner',
  {
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => campaign.id),
    rank: integer('rank').notNull(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    pseudoId: text('pseudo_id').notNull(),
    weight: integer('weight').notNull(),
    drawKey: doublePrecision('draw_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.rank] }),
    uniqueIndex('voucher_draw_winner_member_uq').on(t.campaignId, t.memberId),
    index('voucher_draw_winner_member_idx').on(t.memberId),
  ],
);
