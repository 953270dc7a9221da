import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { account } from '../../auth/auth.schema.js';
import { member } from '../../member/member.schema.js';
import { org } from '../../org/org.schema.js';
import { hardshipFile } from '../hardship/hardship.schema.js';

// Assistance (帮扶): programmes with budgets, assistance records with an approval chain, 微心愿.
// Money is integer fen. GLOSSARY kinds: winter_warmth 送温暖, education_aid 金秋助学, medical_aid 医疗救助.
export const PROGRAMME_KINDS = [
  'winter_warmth',
  'education_aid',
  'medical_aid',
  'festival',
  'small_wish',
  'other',
] as const;
export const PROGRAMME_STATES = ['open', 'closed'] as const;
/** proposed → approved → paid; proposed → rejected; proposed/approved → cancelled. */
export const RECORD_STATES = ['proposed', 'approved', 'paid', 'rejected', 'cancelled'] as const;
export const RECORD_FORMS = ['cash', 'goods'] as const;
/** submitted → published → claimed → fulfilled; submitted → rejected; submitted/published → withdrawn (by the worker). */
export const WISH_STATES = ['submitted', 'published', 'claimed', 'fulfilled', 'rejected', 'withdrawn'] as const;
export const DONOR_KINDS = ['org', 'partner', 'member'] as const;

export type ProgrammeRules = {
  /** Hardship categories eligible; empty = every filed household. */
  categories: Array<'deep' | 'relative' | 'sudden'>;
  /** Standard amount per household (fen), and per category where it differs. */
  amountFen: number | null;
  amountByCategory: Partial<Record<'deep' | 'relative' | 'sudden', number>>;
  /** Most a household may receive from this programme in its year (fen), and how many times. */
  capFen: number | null;
  maxTimes: number | null;
};

// A programme belongs to an org and a year; it serves households in that org's subtree.
// committed = approved + paid; left = budget − committed. The CHECKs are the last line: the
// approval's conditional UPDATE never lets committed pass the budget.
export const aidProgramme = pgTable(
  'aid_programme',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: PROGRAMME_KINDS }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    committedFen: bigint('committed_fen', { mode: 'number' }).notNull().default(0),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    rules: jsonb('rules').$type<ProgrammeRules>().notNull(),
    state: text('state', { enum: PROGRAMME_STATES }).notNull().default('open'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('aid_programme_org_idx').on(t.orgId, t.year),
    check(
      'aid_programme_budget_check',
      sql`${t.budgetFen} >= 0 and ${t.committedFen} >= 0 and ${t.paidFen} >= 0 and ${t.committedFen} <= ${t.budgetFen} and ${t.paidFen} <= ${t.committedFen}`,
    ),
    check('aid_programme_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);

// One assistance to one household (a hardship file) from one programme.
export const aidRecord = pgTable(
  'aid_record',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    programmeId: bigint('programme_id', { mode: 'number' })
      .notNull()
      .references(() => aidProgramme.id),
    /** The programme's org: approvals and payment happen there. */
    programmeOrgId: bigint('programme_org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipFile.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    /** The household's org (the file's): proposals come from there. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    form: text('form', { enum: RECORD_FORMS }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    goods: text('goods'),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    state: text('state', { enum: RECORD_STATES }).notNull().default('proposed'),
    note: text('note'),
    proposedBy: bigint('proposed_by', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    proposedByName: text('proposed_by_name').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => account.id),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    paidBy: bigint('paid_by', { mode: 'number' }).references(() => account.id),
    paidByName: text('paid_by_name'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledBy: bigint('cancelled_by', { mode: 'number' }).references(() => account.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('aid_record_programme_idx').on(t.programmeId, t.state),
    index('aid_record_org_idx').on(t.orgId, t.state),
    index('aid_record_porg_idx').on(t.programmeOrgId, t.state),
    index('aid_record_member_idx').on(t.memberId),
    index('aid_record_file_idx').on(t.fileId),
    check('aid_record_amount_check', sql`${t.amountFen} > 0`),
    check('aid_record_goods_check', sql`${t.form} = 'cash' or ${t.goods} is not null`),
    check('aid_record_approver_check', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.proposedBy}`),
  ],
);

// What one household has been committed from one programme (its year): the cap is enforced
// by a conditional upsert on this row, so two approvals at once cannot pass it.
export const aidHouseholdTotal = pgTable(
  'aid_household_total',
  {
    programmeId: bigint('programme_id', { mode: 'number' })
      .notNull()
      .references(() => aidProgramme.id),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipFile.id),
    committedFen: bigint('committed_fen', { mode: 'number' }).notNull(),
    times: integer('times').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.fileId] }),
    check('aid_household_total_check', sql`${t.committedFen} >= 0 and ${t.times} >= 0`),
  ],
);

// 微心愿: a worker's small wish, published anonymously; a donor claims and fulfils it.
export const aidWish = pgTable(
  'aid_wish',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The worker's union: staff there review it. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    memberId: bigint('member_id', { mode: 'number' }).references(() => member.id),
    title: text('title').notNull(),
    story: text('story').notNull(),
    estimatedFen: bigint('estimated_fen', { mode: 'number' }).notNull(),
    state: text('state', { enum: WISH_STATES }).notNull().default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }).references(() => account.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    donorKind: text('donor_kind', { enum: DONOR_KINDS }),
    donorName: text('donor_name'),
    donorAccountId: bigint('donor_account_id', { mode: 'number' }).references(() => account.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    fulfilNote: text('fulfil_note'),
    fulfilledBy: bigint('fulfilled_by', { mode: 'number' }).references(() => account.id),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('aid_wish_board_idx').on(t.state, t.publishedAt),
    index('aid_wish_org_idx').on(t.orgId, t.state),
    index('aid_wish_account_idx').on(t.accountId),
    check('aid_wish_value_check', sql`${t.estimatedFen} > 0`),
  ],
);
