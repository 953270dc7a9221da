import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.schema.js';
import { org } from '../org/org.schema.js';

// 工惠优享家: the partner businesses of a union's benefit network (PRODUCT.md §3.3).
export const MERCHANT_CATEGORIES = [
  'shopping',
  'dining',
  'culture',
  'fitness',
  'health',
  'education',
  'travel',
] as const;
// applied → (reviewed) approved → listed (agreement signed); warned and suspended while listed; exited or rejected end it.
export const MERCHANT_STATUSES = [
  'applied',
  'approved',
  'rejected',
  'listed',
  'warned',
  'suspended',
  'exited',
] as const;

export const merchant = pgTable(
  'merchant',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The union that runs the partnership: scope for its staff, and whose members it serves. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    licenceNo: text('licence_no').notNull(),
    categories: text('categories', { enum: MERCHANT_CATEGORIES }).array().notNull(),
    status: text('status', { enum: MERCHANT_STATUSES }).notNull().default('applied'),
    address: text('address').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    discountTerms: text('discount_terms').notNull().default(''),
    hours: text('hours').notNull().default(''),
    /** The open call the business answered (null for a merchant entered otherwise). */
    callId: bigint('call_id', { mode: 'number' }).references(() => merchantCall.id),
    contactName: text('contact_name').notNull().default(''),
    /** PII: the contact's phone, encrypted (kernel/crypto.ts); shown masked. */
    contactPhoneEnc: text('contact_phone_enc'),
    /** The bank account the union pays subsidies to, encrypted; shown masked. */
    settlementAccountEnc: text('settlement_account_enc'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('merchant_licence_uq').on(t.orgId, t.licenceNo),
    index('merchant_org_status_idx').on(t.orgId, t.status),
    index('merchant_call_idx').on(t.callId),
    check(
      'merchant_status_check',
      sql`${t.status} in ('applied','approved','rejected','listed','warned','suspended','exited')`,
    ),
  ],
);

export const MERCHANT_CALL_STATES = ['open', 'closed'] as const;

// 征集公告: a union's open call for partner businesses; applications come in while it is open.
export const merchantCall = pgTable(
  'merchant_call',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    categories: text('categories', { enum: MERCHANT_CATEGORIES }).array().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    state: text('state', { enum: MERCHANT_CALL_STATES }).notNull().default('open'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('merchant_call_org_idx').on(t.orgId, t.state),
    check('merchant_call_state_check', sql`${t.state} in ('open','closed')`),
  ],
);

// A merchant's service sites (门店); the first is also copied onto merchant.address/lat/lng.
export const merchantLocation = pgTable(
  'merchant_location',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
    position: integer('position').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
  },
  (t) => [uniqueIndex('merchant_location_uq').on(t.merchantId, t.position)],
);

export const MERCHANT_REVIEW_DECISIONS = ['approve', 'reject'] as const;

/** One line of a scoring sheet (review) or checklist (inspection). */
export interface ScoreLine {
  item: string;
  score: number;
  max: number;
  note?: string | undefined;
}

// The union's review of an application, with its scoring sheet.
export const merchantReview = pgTable(
  'merchant_review',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
    scores: jsonb('scores').$type<ScoreLine[]>().notNull(),
    total: integer('total').notNull(),
    max: integer('max').notNull(),
    decision: text('decision', { enum: MERCHANT_REVIEW_DECISIONS }).notNull(),
    reason: text('reason').notNull(),
    reviewerId: bigint('reviewer_id', { mode: 'number' }).references(() => account.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('merchant_review_merchant_idx').on(t.merchantId)],
);

// 合作协议: period, terms, categories; a new agreement replaces the previous one (renewal).
export const merchantAgreement = pgTable(
  'merchant_agreement',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    discountTerms: text('discount_terms').notNull(),
    categories: text('categories', { enum: MERCHANT_CATEGORIES }).array().notNull(),
    signedBy: bigint('signed_by', { mode: 'number' }).references(() => account.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('merchant_agreement_merchant_idx').on(t.merchantId),
    check('merchant_agreement_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

// 现场检查: a checklist score, photos (files kernel ids) and a note.
export const merchantInspection = pgTable(
  'merchant_inspection',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    items: jsonb('items').$type<ScoreLine[]>().notNull(),
    score: integer('score').notNull(),
    max: integer('max').notNull(),
    photos: text('photos')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    inspectorId: bigint('inspector_id', { mode: 'number' }).references(() => account.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('merchant_inspection_merchant_idx').on(t.merchantId, t.inspectedOn)],
);

// 年度考核: one per merchant and year.
export const merchantAssessment = pgTable(
  'merchant_assessment',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
    year: integer('year').notNull(),
    score: integer('score').notNull(),
    grade: text('grade').notNull(),
    note: text('note').notNull().default(''),
    assessorId: bigint('assessor_id', { mode: 'number' }).references(() => account.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('merchant_assessment_uq').on(t.merchantId, t.year)],
);

// A member's complaint about a merchant: handled as a case of the service center (case_id).
export const merchantComplaint = pgTable(
  'merchant_complaint',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('merchant_complaint_merchant_idx').on(t.merchantId, t.at)],
);

// Every step of a merchant's life (applied, reviewed, agreement, inspection, warning …).
export const merchantEvent = pgTable(
  'merchant_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => account.id),
    actorName: text('actor_name'),
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('merchant_event_merchant_idx').on(t.merchantId, t.at)],
);

// A merchant account (auth kind 'merchant') acts for one merchant.
export const merchantAccount = pgTable(
  'merchant_account',
  {
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    merchantId: bigint('merchant_id', { mode: 'number' })
      .notNull()
      .references(() => merchant.id),
  },
  (t) => [primaryKey({ columns: [t.accountId] }), index('merchant_account_merchant_idx').on(t.merchantId)],
);

// What other modules (voucher) read of a merchant: the view merchant_ref (hand-written migration).
// Contact phone and settlement account (ciphertext) stay out.
export const merchantRef = pgView('merchant_ref', {
  id: bigint('id', { mode: 'number' }).notNull(),
  orgId: bigint('org_id', { mode: 'number' }).notNull(),
  name: text('name').notNull(),
  categories: text('categories', { enum: MERCHANT_CATEGORIES }).array().notNull(),
  status: text('status', { enum: MERCHANT_STATUSES }).notNull(),
  address: text('address').notNull(),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
}).existing();
