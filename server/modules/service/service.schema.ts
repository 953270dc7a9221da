import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
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

export const CATEGORIES = [
  'legal_aid',
  'hardship_help',
  'counselling',
  'health_check',
  'recuperation',
  'education',
  'travel',
  'policy',
] as const;
export const CHANNELS = ['online', 'counter', 'phone'] as const;
export const CASE_STATES = [
  'submitted',
  'accepted',
  'in_progress',
  'resolved',
  'rejected',
  'withdrawn',
  'transferred',
] as const;
/** States in which a case still waits for someone at the handling org. */
export const OPEN_STATES = ['submitted', 'accepted', 'in_progress', 'transferred'] as const;
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const AWAY_REASONS = ['leave', 'business_trip', 'other'] as const;

export type FormField = {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'choice' | 'attachment';
  required: boolean;
  options?: string[];
  maxLength?: number;
  min?: number;
  max?: number;
  multiple?: boolean;
};
export type Eligibility = { membersOnly: boolean; jobTypes: string[] | null };

// The service catalog. A row defined at an org applies to its subtree; a descendant overrides
// it with a row of its own (`overrides_id` = the base row) or hides it (`hidden`).
export const service = pgTable(
  'service',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    overridesId: bigint('overrides_id', { mode: 'number' }),
    category: text('category', { enum: CATEGORIES }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    form: jsonb('form').$type<FormField[]>().notNull(),
    eligibility: jsonb('eligibility').$type<Eligibility>().notNull(),
    handlingOrgId: bigint('handling_org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    deadlineDays: integer('deadline_days').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    hidden: boolean('hidden').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('service_org_idx').on(t.orgId),
    uniqueIndex('service_override_uq')
      .on(t.orgId, t.overridesId)
      .where(sql`${t.overridesId} is not null`),
    check('service_deadline_check', sql`${t.deadlineDays} between 1 and 90`),
  ],
);

// A service case (服务工单). "case" is an SQL keyword, hence service_case. Form answers are
// encrypted (they may hold health or hardship details); the applicant's contact too.
export const serviceCase = pgTable(
  'service_case',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    serviceId: bigint('service_id', { mode: 'number' })
      .notNull()
      .references(() => service.id),
    serviceName: text('service_name').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    form: jsonb('form').$type<FormField[]>().notNull(),
    fieldsEnc: text('fields_enc').notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    source: jsonb('source').$type<{ module: 'voice' | 'qa' | 'merchant'; id: number }>(),
    state: text('state', { enum: CASE_STATES }).notNull(),
    memberId: bigint('member_id', { mode: 'number' }).references(() => member.id),
    accountId: bigint('account_id', { mode: 'number' }).references(() => account.id),
    applicantName: text('applicant_name').notNull(),
    applicantPhoneEnc: text('applicant_phone_enc'),
    handlingOrgId: bigint('handling_org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    assigneeId: bigint('assignee_id', { mode: 'number' }).references(() => account.id),
    coverForId: bigint('cover_for_id', { mode: 'number' }).references(() => account.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    overdue: boolean('overdue').notNull().default(false),
    flagged: boolean('flagged').notNull().default(false),
    reopenCount: integer('reopen_count').notNull().default(0),
    resolution: text('resolution'),
    rejectReason: text('reject_reason'),
    rating: text('rating', { enum: RATINGS }),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    callback: jsonb('callback').$type<{ at: string; byName: string; reached: boolean; note: string }>(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    // A handler's queue: the handling org (a subtree's ids), state, newest first. It also holds
    // the queue's order (id) and filters (overdue, assignee, service), so a team's first page is
    // sorted and filtered from the index alone and only the page's rows are read from the table
    // (case.query.ts); without service_id, a service filter read ~2,000 rows to keep 20.
    index('service_case_queue_idx').on(
      t.handlingOrgId,
      t.state,
      t.createdAt.desc(),
      t.id.desc(),
      t.overdue,
      t.assigneeId,
      t.serviceId,
    ),
    // The list's capped count: equal keys only, so B-tree deduplication keeps it ~8 MB per
    // million cases (the queue index is ten times that). Counting a service center's 10,001
    // resolved 法律援助 cases read 539 pages of the queue index (every service's entries) and
    // reads 17 here: that count went 2.9 → 0.8 ms.
    index('service_case_count_idx').on(t.handlingOrgId, t.state, t.serviceId),
    // Cases resolved since a date ("closed this month" in the figures), with the org for the scope.
    index('service_case_resolved_idx')
      .on(t.resolvedAt, t.handlingOrgId)
      .where(sql`${t.state} = 'resolved'`),
    index('service_case_assignee_idx').on(t.assigneeId, t.state, t.createdAt.desc()),
    // The open cases (about 1% of them) newest first: team / overdue / queue views walk this small
    // index and stop after a page in scope instead of sorting a subtree's whole queue. The trailing
    // columns are what those views filter on (drizzle cannot say INCLUDE; as keys they serve the same).
    // NULLS FIRST matches `order by created_at desc, id desc` exactly (drizzle's desc() alone is NULLS LAST).
    index('service_case_open_idx')
      .on(
        t.createdAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
        t.handlingOrgId,
        t.assigneeId,
        t.overdue,
        t.serviceId,
        t.state,
      )
      .where(sql`${t.state} in ('submitted','accepted','in_progress','transferred')`),
    // A handler's own open cases (view=mine), newest first, with the handling org for the scope check.
    index('service_case_mine_idx')
      .on(t.assigneeId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.handlingOrgId)
      .where(sql`${t.state} in ('submitted','accepted','in_progress','transferred')`),
    // A service's cases by state, newest first: list filters on a service (view=all with a state)
    // read that service's entries instead of every case in the state.
    index('service_case_service_idx').on(
      t.serviceId,
      t.state,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.handlingOrgId,
    ),
    index('service_case_member_idx').on(t.memberId, t.createdAt.desc()),
    index('service_case_account_idx').on(t.accountId, t.createdAt.desc()),
    index('service_case_due_idx')
      .on(t.dueAt)
      .where(sql`${t.state} in ('submitted','accepted','in_progress','transferred') and not ${t.overdue}`),
    index('service_case_cover_idx')
      .on(t.coverForId)
      .where(sql`${t.coverForId} is not null`),
    check(
      'service_case_state_check',
      sql`${t.state} in ('submitted','accepted','in_progress','resolved','rejected','withdrawn','transferred')`,
    ),
    check('service_case_channel_check', sql`${t.channel} in ('online','counter','phone')`),
  ],
);

// The figures' source: per handling org, service and month of creation (China time), the
// counts the figures add up — cases, open, open and overdue, resolved with their handling
// seconds, rated, satisfied, and per channel cases, open and resolved — as columns, so a
// province's figures add a few ten thousand rows instead of a million cases. Statement triggers
// on service_case append rows (hand-written SQL in migrations 0018 and 0020; insert-only, as
// member_tally) and case_tally_compact() folds them. "Closed this month" depends on today, not on
// the month of creation, and is counted from service_case_resolved_idx instead.
export const caseTally = pgTable(
  'case_tally',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    handlingOrgId: bigint('handling_org_id', { mode: 'number' }).notNull(),
    serviceId: bigint('service_id', { mode: 'number' }).notNull(),
    createdMonth: date('created_month', { mode: 'string' }).notNull(),
    n: integer('n').notNull(),
    nOpen: integer('n_open').notNull(),
    nOverdue: integer('n_overdue').notNull(),
    nResolved: integer('n_resolved').notNull(),
    handleSeconds: doublePrecision('handle_seconds').notNull(),
    nRated: integer('n_rated').notNull(),
    nSatisfied: integer('n_satisfied').notNull(),
    nOnline: integer('n_online').notNull(),
    openOnline: integer('open_online').notNull(),
    resolvedOnline: integer('resolved_online').notNull(),
    nCounter: integer('n_counter').notNull(),
    openCounter: integer('open_counter').notNull(),
    resolvedCounter: integer('resolved_counter').notNull(),
    nPhone: integer('n_phone').notNull(),
    openPhone: integer('open_phone').notNull(),
    resolvedPhone: integer('resolved_phone').notNull(),
  },
  (t) => [index('case_tally_org_idx').on(t.handlingOrgId, t.createdMonth)],
);

// Every org that handles or once handled a case. The current one acts on it; the others keep
// read access to its history after a transfer (across regions too).
export const caseOrgAccess = pgTable(
  'case_org_access',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => serviceCase.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    current: boolean('current').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.orgId] }),
    index('case_org_access_org_idx').on(t.orgId, t.caseId),
    // 'Handled before a transfer' (view=all): the few non-current rows, so a scope of many orgs
    // reads them instead of every row of case_org_access.
    index('case_org_access_before_idx')
      .on(t.orgId, t.caseId)
      .where(sql`not ${t.current}`),
  ],
);

// The case's timeline: every step, with who, where and when.
export const caseEvent = pgTable(
  'case_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => serviceCase.id),
    kind: text('kind').notNull(),
    fromState: text('from_state', { enum: CASE_STATES }),
    toState: text('to_state', { enum: CASE_STATES }),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name'),
    actorKind: text('actor_kind', { enum: ['staff', 'member', 'system'] }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }),
    note: text('note'),
    internal: boolean('internal').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_event_case_idx').on(t.caseId, t.id)],
);

// Uploaded files: first owned by the uploader, then bound to a case.
export const caseFile = pgTable(
  'case_file',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' }).references(() => serviceCase.id),
    uploaderId: bigint('uploader_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_file_case_idx').on(t.caseId)],
);

// AB posts: each staff member's backup, and when they are away. `cover_active` records that A's
// cases were moved to B for the current away period (so the sweep moves them exactly once each way).
export const servicePost = pgTable('service_post', {
  accountId: bigint('account_id', { mode: 'number' })
    .primaryKey()
    .references(() => account.id),
  backupId: bigint('backup_id', { mode: 'number' }).references(() => account.id),
  awayFrom: timestamp('away_from', { withTimezone: true }),
  awayUntil: timestamp('away_until', { withTimezone: true }),
  awayReason: text('away_reason', { enum: AWAY_REASONS }),
  awayNote: text('away_note'),
  coverActive: boolean('cover_active').notNull().default(false),
  coverBy: bigint('cover_by', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

// The in-app inbox (站内信) of any account, member or staff.
export const inboxMessage = pgTable(
  'inbox_message',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    caseId: bigint('case_id', { mode: 'number' }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // Newest first by the event's time, the order the inbox reads.
  (t) => [index('inbox_account_idx').on(t.accountId, t.createdAt.desc(), t.id.desc())],
);

export type ServiceRow = typeof service.$inferSelect;
export type CaseRow = typeof serviceCase.$inferSelect;
export type CaseState = (typeof CASE_STATES)[number];
