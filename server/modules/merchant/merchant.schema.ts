import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('merchant_licence_uq').on(t.orgId, t.licenceNo),
    index('merchant_org_status_idx').on(t.orgId, t.status),
    check(
      'merchant_status_check',
      sql`${t.status} in ('applied','approved','rejected','listed','warned','suspended','exited')`,
    ),
  ],
);
