import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.schema.js';
import { member } from '../member/member.schema.js';
import { org } from '../org/org.schema.js';

// 职工代表大会 (PRODUCT.md §3.4): a body per enterprise or institution, its terms (届), their
// representatives and sessions (次), and who checked in at each session. Votes, proposals and
// evaluations have schema files of their own beside this one.

// 职代会: one per enterprise or institution; its org is the enterprise's union (scope for staff).
export const congressBody = pgTable(
  'congress_body',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('congress_body_org_name_uq').on(t.orgId, t.name)],
);

// 届: a term of three to five years (the rules say how long); "二届七次" is term 2, session 7.
export const congressTerm = pgTable(
  'congress_term',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    bodyId: bigint('body_id', { mode: 'number' })
      .notNull()
      .references(() => congressBody.id),
    number: integer('number').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('congress_term_number_uq').on(t.bodyId, t.number),
    check('congress_term_period_check', sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

export const REPRESENTATIVE_CATEGORIES = ['frontline', 'technical', 'manager', 'other'] as const;
export type RepresentativeCategory = (typeof REPRESENTATIVE_CATEGORIES)[number];
// active while serving; replaced (a successor took the seat) or left (the seat fell vacant) end it.
export const REPRESENTATIVE_STATES = ['active', 'replaced', 'left'] as const;

// 职工代表: a member serving in a term, by delegation (代表团/组). A replacement ends the row
// (state, endedOn, reason) and points at the successor, so the term keeps its history.
export const congressRepresentative = pgTable(
  'congress_representative',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    termId: bigint('term_id', { mode: 'number' })
      .notNull()
      .references(() => congressTerm.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    delegation: text('delegation').notNull(),
    category: text('category', { enum: REPRESENTATIVE_CATEGORIES }).notNull(),
    state: text('state', { enum: REPRESENTATIVE_STATES }).notNull().default('active'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    /** The representative who took this seat (set when state is replaced). */
    successorId: bigint('successor_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('congress_representative_member_uq').on(t.termId, t.memberId),
    index('congress_representative_term_idx').on(t.termId, t.state),
    index('congress_representative_member_idx').on(t.memberId),
    check('congress_representative_category_check', sql`${t.category} in ('frontline','technical','manager','other')`),
    check('congress_representative_state_check', sql`${t.state} in ('active','replaced','left')`),
  ],
);

// planned (notice out) → open (in session: check-in, votes, evaluations) → closed.
export const SESSION_STATES = ['planned', 'open', 'closed'] as const;

/** One line of a session's agenda (议程). */
export interface AgendaItem {
  title: string;
  presenter?: string | undefined;
  minutes?: number | undefined;
}

// 次: a meeting of the term, with its topics and agenda. documentsSentAt is when the documents
// went to the representatives (the rules want it at least N days before startsAt); publishedAt
// and reportedAt record 厂务公开 and the report to the higher union (compliance record).
export const congressSession = pgTable(
  'congress_session',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    termId: bigint('term_id', { mode: 'number' })
      .notNull()
      .references(() => congressTerm.id),
    /** 次, counted within the term. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
    documentsSentAt: timestamp('documents_sent_at', { withTimezone: true }),
    state: text('state', { enum: SESSION_STATES }).notNull().default('planned'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Resolutions published to the workforce (厂务公开). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Reported to the higher union (rules: within N working days of closing). */
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    /** The random token in the check-in QR shown at the venue (rotated when the session opens). */
    checkInToken: text('check_in_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('congress_session_number_uq').on(t.termId, t.number),
    index('congress_session_starts_idx').on(t.termId, t.startsAt),
    check('congress_session_state_check', sql`${t.state} in ('planned','open','closed')`),
  ],
);

// 会议文件: what representatives receive before the session (text; a file id when uploaded).
export const congressDocument = pgTable(
  'congress_document',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: bigint('session_id', { mode: 'number' })
      .notNull()
      .references(() => congressSession.id),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    fileId: text('file_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('congress_document_session_idx').on(t.sessionId)],
);

export const ATTENDANCE_VIA = ['qr', 'staff'] as const;

// 签到: one row per representative present at a session.
export const congressAttendance = pgTable(
  'congress_attendance',
  {
    sessionId: bigint('session_id', { mode: 'number' })
      .notNull()
      .references(() => congressSession.id),
    representativeId: bigint('representative_id', { mode: 'number' })
      .notNull()
      .references(() => congressRepresentative.id),
    via: text('via', { enum: ATTENDANCE_VIA }).notNull(),
    /** The staff account that recorded it (via staff). */
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => account.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.representativeId] }),
    check('congress_attendance_via_check', sql`${t.via} in ('qr','staff')`),
  ],
);

// The procedural rules in force for an org's subtree (nearest ancestor's row wins, else the
// defaults of congress.rules.ts): a city federation can set its jurisdiction's rules once.
export const congressRules = pgTable('congress_rules', {
  orgId: bigint('org_id', { mode: 'number' })
    .primaryKey()
    .references(() => org.id),
  rules: jsonb('rules').notNull(),
  updatedBy: bigint('updated_by', { mode: 'number' }).references(() => account.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
