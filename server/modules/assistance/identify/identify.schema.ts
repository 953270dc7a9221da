import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { account } from '../../auth/auth.schema.js';
import { member } from '../../member/member.schema.js';
import { org } from '../../org/org.schema.js';

// Precise identification (精准识别). GLOSSARY: identify.
/** The rule codes; each rule's meaning, weight and parameters are in identify/rules.ts. */
export const RULE_CODES = [
  'aid_cases',
  'low_income_job',
  'work_injury',
  'disability',
  'single_parent_disaster',
  'income_below_line',
  'relapse',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
export type Reason = { code: RuleCode; weight: number; detail: string; count: number };
/** What fired for a member when a candidate was dismissed: rule code → evidence count. */
export type Fingerprint = Record<string, number>;

// Rules as data: an org's rows override the defaults (identify/rules.ts) and its ancestors' rows,
// code by code; an org without rows uses its nearest ancestor's.
export const identifyRule = pgTable(
  'identify_rule',
  {
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    code: text('code', { enum: RULE_CODES }).notNull(),
    enabled: boolean('enabled').notNull(),
    weight: integer('weight').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => account.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.code] })],
);

// Registry facts the rules need that the member record lacks (disability, dependants, income per
// head, single parent, disaster). Sensitive: the whole situation is one AES-GCM JSON; rows are sparse.
export const memberSituation = pgTable('member_situation', {
  memberId: bigint('member_id', { mode: 'number' })
    .primaryKey()
    .references(() => member.id),
  dataEnc: text('data_enc').notNull(),
  updatedBy: bigint('updated_by', { mode: 'number' }).references(() => account.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

// The computed list: one row per flagged member, replaced subtree by subtree by the recompute job.
export const identifyCandidate = pgTable(
  'identify_candidate',
  {
    memberId: bigint('member_id', { mode: 'number' })
      .primaryKey()
      .references(() => member.id),
    /** The member's org when computed; scope hangs off it. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    score: integer('score').notNull(),
    reasons: jsonb('reasons').$type<Reason[]>().notNull(),
    /** Hidden by a dismissal until then, unless new evidence fired since. */
    hiddenUntil: timestamp('hidden_until', { withTimezone: true }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('identify_candidate_org_idx').on(t.orgId, t.score.desc(), t.memberId)],
);

export const identifyDismissal = pgTable(
  'identify_dismissal',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    reason: text('reason').notNull(),
    fingerprint: jsonb('fingerprint').$type<Fingerprint>().notNull(),
    dismissedBy: bigint('dismissed_by', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
  },
  (t) => [index('identify_dismissal_member_idx').on(t.memberId, t.until)],
);

// Home visits (入户走访) assigned from the list to a staff member in scope, with a due date.
export const identifyVisit = pgTable(
  'identify_visit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    assigneeId: bigint('assignee_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** AES-GCM: the officer's instructions may describe the household. */
    noteEnc: text('note_enc'),
    state: text('state', { enum: ['open', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    createdBy: bigint('created_by', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('identify_visit_member_idx').on(t.memberId),
    index('identify_visit_assignee_idx')
      .on(t.assigneeId, t.state)
      .where(sql`${t.state} = 'open'`),
  ],
);
