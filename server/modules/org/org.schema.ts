import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  text,
  timestamp,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const ORG_TYPES = ['federation', 'grassroots', 'service_center', 'station'] as const;
export const ORG_LEVELS = ['national', 'province', 'city', 'county', 'town'] as const;
export const ORG_STATUSES = ['active', 'closed'] as const;

// The union tree. `path` is the materialised path of ids ("/1/4/17/"), so a subtree is one
// prefix match on an indexed column; the data scope of every module rests on it.
export const org = pgTable(
  'org',
  {
    // by default, not always: a new org takes its id from the sequence first, to build its path
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => org.id),
    path: text('path').notNull().unique(),
    depth: bigint('depth', { mode: 'number' }).notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    type: text('type', { enum: ORG_TYPES }).notNull(),
    level: text('level', { enum: ORG_LEVELS }),
    status: text('status', { enum: ORG_STATUSES }).notNull().default('active'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('org_parent_idx').on(t.parentId),
    // Scope checks (kernel/access.ts) read a subtree's ids by path prefix: with id in the key that
    // is an index-only range scan, instead of testing the pattern on every org of the table.
    index('org_path_prefix_idx').using('btree', sql`${t.path} text_pattern_ops`, t.id),
    check('org_type_check', sql`${t.type} in ('federation','grassroots','service_center','station')`),
    check('org_status_check', sql`${t.status} in ('active','closed')`),
    check('org_root_check', sql`(${t.parentId} is null) = (${t.depth} = 0)`),
  ],
);

export type OrgRow = typeof org.$inferSelect;

// What other modules read of an org (names, paths for scope, the tree): the view org_ref
// (migration 0026), not the table. Drizzle cannot insert into a view, so writes stay here.
export const orgRef = pgView('org_ref', {
  id: bigint('id', { mode: 'number' }).notNull(),
  parentId: bigint('parent_id', { mode: 'number' }),
  path: text('path').notNull(),
  depth: bigint('depth', { mode: 'number' }).notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  type: text('type', { enum: ORG_TYPES }).notNull(),
  level: text('level', { enum: ORG_LEVELS }),
  status: text('status', { enum: ORG_STATUSES }).notNull(),
}).existing();

// A counter bumped whenever org paths change (a move), so caches of grant scopes can tell they
// are stale without re-reading every grant on every request.
export const orgTree = pgTable('org_tree', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
