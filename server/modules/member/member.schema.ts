import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { org } from '../org/org.schema.js';
import { account } from '../auth/auth.schema.js';

export const MEMBER_STATUSES = ['active', 'transferring', 'left', 'deceased'] as const;
export const JOB_TYPES = ['regular', 'courier', 'food_delivery', 'truck_driver', 'ride_hailing', 'other_new'] as const;
/** The 新就业形态 kinds among the job types. */
export const NEW_EMPLOYMENT: ReadonlyArray<(typeof JOB_TYPES)[number]> = [
  'courier',
  'food_delivery',
  'truck_driver',
  'ride_hailing',
  'other_new',
];
export const HOUSEHOLD_TYPES = ['urban', 'rural'] as const;
export const GENDERS = ['male', 'female'] as const;

// The member registry (会员实名制数据库): one row per person across the whole federation, kept
// unique by the blind index of the 身份证号. ID number and phone are stored encrypted.
export const member = pgTable(
  'member',
  {
    // By default, not always: the import reserves ids (nextval) to COPY members and their history together.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    accountId: bigint('account_id', { mode: 'number' }).references(() => account.id),
    name: text('name').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    ethnicity: text('ethnicity'),
    politicalStatus: text('political_status'),
    education: text('education'),
    householdType: text('household_type', { enum: HOUSEHOLD_TYPES }),
    migrantWorker: boolean('migrant_worker').notNull().default(false),
    employer: text('employer'),
    post: text('post'),
    jobType: text('job_type', { enum: JOB_TYPES }).notNull().default('regular'),
    status: text('status', { enum: MEMBER_STATUSES }).notNull().default('active'),
    joinedAt: date('joined_at', { mode: 'string' }).notNull(),
    cardNo: text('card_no'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_id_number_uq').on(t.idNumberHash),
    uniqueIndex('member_card_no_uq').on(t.cardNo),
    uniqueIndex('member_account_uq').on(t.accountId),
    index('member_phone_idx').on(t.phoneHash),
    // Roster filters are a subtree plus job type and/or status: all three from one index (bench/FINDINGS.md §1).
    index('member_org_job_idx').on(t.orgId, t.jobType, t.status),
    index('member_name_idx').using('btree', sql`${t.name} text_pattern_ops`),
    index('member_joined_idx').on(t.joinedAt),
    check('member_status_check', sql`${t.status} in ('active','transferring','left','deceased')`),
    check('member_gender_check', sql`${t.gender} in ('male','female')`),
  ],
);

// What other modules read of a member (name, union, status, job type — for lists, scope and
// rules): the view member_ref (migration 0026). The 身份证号 and phone (ciphertext and blind
// index) are not in it: the member module's functions answer those (member.lookup.ts).
export const memberRef = pgView('member_ref', {
  id: bigint('id', { mode: 'number' }).notNull(),
  orgId: bigint('org_id', { mode: 'number' }).notNull(),
  accountId: bigint('account_id', { mode: 'number' }),
  name: text('name').notNull(),
  gender: text('gender', { enum: GENDERS }).notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  employer: text('employer'),
  post: text('post'),
  jobType: text('job_type', { enum: JOB_TYPES }).notNull(),
  status: text('status', { enum: MEMBER_STATUSES }).notNull(),
}).existing();

// Member counts per (org, job type, status), written by statement triggers on member (hand-written
// SQL in migration 0017): the roster's total for its common filters is a sum over a few hundred
// rows instead of a count over up to a million. One row per change statement, never updated, so
// a long import holds no lock that other writes wait on; compactMemberTally() folds them.
export const memberTally = pgTable(
  'member_tally',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    jobType: text('job_type').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('member_tally_key_idx').on(t.orgId, t.jobType, t.status)],
);

// Everything that happened to a member record, newest last: the history shown on the record.
export const memberEvent = pgTable(
  'member_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    kind: text('kind').notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name'),
    note: text('note'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('member_event_member_idx').on(t.memberId, t.id)],
);

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;

// 入会申请: a worker asks a grassroots union to take them in; the union's officer decides.
export const joinRequest = pgTable(
  'join_request',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    channel: text('channel', { enum: ['online', 'counter', 'phone', 'app'] })
      .notNull()
      .default('online'),
    /** The form as submitted; ID number and phone inside are encrypted. */
    form: jsonb('form').$type<Record<string, unknown>>().notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('pending'),
    reason: text('reason'),
    memberId: bigint('member_id', { mode: 'number' }).references(() => member.id),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('join_request_org_idx').on(t.orgId, t.status),
    uniqueIndex('join_request_one_pending_uq')
      .on(t.accountId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

// 会员关系转接: out of one union, into another; each side approves its own step.
export const transfer = pgTable(
  'transfer',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    fromOrgId: bigint('from_org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    toOrgId: bigint('to_org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    status: text('status', { enum: ['pending_out', 'pending_in', 'completed', 'rejected', 'cancelled'] })
      .notNull()
      .default('pending_out'),
    reason: text('reason'),
    rejectReason: text('reject_reason'),
    requestedBy: bigint('requested_by', { mode: 'number' }).notNull(),
    outDecidedBy: bigint('out_decided_by', { mode: 'number' }),
    outDecidedAt: timestamp('out_decided_at', { withTimezone: true }),
    inDecidedBy: bigint('in_decided_by', { mode: 'number' }),
    inDecidedAt: timestamp('in_decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('transfer_from_idx').on(t.fromOrgId, t.status),
    index('transfer_to_idx').on(t.toOrgId, t.status),
    uniqueIndex('transfer_one_open_uq')
      .on(t.memberId)
      .where(sql`${t.status} in ('pending_out','pending_in')`),
  ],
);

// A member's request to correct their own record; the union's officer decides.
export const correction = pgTable(
  'correction',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    /** Requested new values; a phone inside is encrypted. */
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('pending'),
    reason: text('reason'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('correction_org_idx').on(t.orgId, t.status)],
);

export type MemberRow = typeof member.$inferSelect;
