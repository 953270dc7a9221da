import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '../../auth/auth.schema.js';
import { member } from '../../member/member.schema.js';
import { org } from '../../org/org.schema.js';

// Hardship files (困难职工档案). GLOSSARY: hardship file, categories deep / relative / sudden.
export const HARDSHIP_CATEGORIES = ['deep', 'relative', 'sudden'] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];
export const HARDSHIP_CAUSES = [
  'serious_illness',
  'disability',
  'schooling',
  'single_parent',
  'unemployment',
  'disaster',
  'accident',
  'other',
] as const;
/** draft → verifying (home visit) → filed → (yearly review keeps it filed) → exited; `closed` = consent withdrawn. */
export const FILE_STATES = ['draft', 'verifying', 'filed', 'exited', 'closed'] as const;
/** States in which a member's file is current: at most one per member. */
export const CURRENT_FILE_STATES = ['draft', 'verifying', 'filed'] as const;
export const EXIT_REASONS = ['income_above_line', 'circumstances_changed', 'death', 'moved_away', 'other'] as const;
/** Where the household income per head stands against the org's lines (kept in clear so lists and rules can use it; the figures are encrypted). */
export const INCOME_BANDS = ['below_minimum', 'below_low_income', 'above_low_income'] as const;

// Each org's local lines (当地最低生活保障标准 / 低收入标准), yuan per person per month. An org
// without a row uses its nearest ancestor's.
export const hardshipLine = pgTable('hardship_line', {
  orgId: bigint('org_id', { mode: 'number' })
    .primaryKey()
    .references(() => org.id),
  minimumLiving: integer('minimum_living').notNull(),
  lowIncome: integer('low_income').notNull(),
  updatedBy: bigint('updated_by', { mode: 'number' }).references(() => account.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

// The member's consent to a hardship file: recorded before the file is created; withdrawing it
// closes the file and schedules deletion of the sensitive data.
export const hardshipConsent = pgTable(
  'hardship_consent',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    version: text('version').notNull(),
    scope: text('scope').array().notNull(),
    /** 'member' when given on the H5, 'staff' when recorded by an officer from a signed form. */
    givenVia: text('given_via', { enum: ['member', 'staff'] }).notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => account.id),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('hardship_consent_member_idx').on(t.memberId)],
);

export const hardshipFile = pgTable(
  'hardship_file',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => member.id),
    /** The org that keeps the file (the member's union when it was opened); scope hangs off it. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    consentId: bigint('consent_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipConsent.id),
    state: text('state', { enum: FILE_STATES }).notNull().default('draft'),
    category: text('category', { enum: HARDSHIP_CATEGORIES }),
    causes: text('causes')
      .array()
      .$type<HardshipCause[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    householdSize: integer('household_size'),
    incomeBand: text('income_band', { enum: INCOME_BANDS }),
    /** AES-GCM JSON: household members and their situation, incomes, health and disability, notes. */
    sensitiveEnc: text('sensitive_enc'),
    /** How the file came to be: an officer, an identification candidate, a 帮扶救助 case. */
    source: text('source', { enum: ['staff', 'candidate', 'case'] })
      .notNull()
      .default('staff'),
    caseId: bigint('case_id', { mode: 'number' }),
    visitEnc: text('visit_enc'),
    verifiedBy: bigint('verified_by', { mode: 'number' }).references(() => account.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    reviewDue: date('review_due', { mode: 'string' }),
    exitedAt: timestamp('exited_at', { withTimezone: true }),
    exitReason: text('exit_reason', { enum: EXIT_REASONS }),
    exitNote: text('exit_note'),
    /** After an exit the household is watched for relapse (防止返困) until this date. */
    watchUntil: date('watch_until', { mode: 'string' }),
    /** Consent withdrawn: the sensitive data is deleted at this time by the sweep. */
    purgeAt: timestamp('purge_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('hardship_file_current_uq')
      .on(t.memberId)
      .where(sql`${t.state} in ('draft', 'verifying', 'filed')`),
    index('hardship_file_org_idx').on(t.orgId, t.state),
    index('hardship_file_review_idx')
      .on(t.reviewDue)
      .where(sql`${t.state} = 'filed'`),
  ],
);

// Evidence attachments, bytes encrypted under storage (as case files are stored).
export const hardshipEvidence = pgTable(
  'hardship_evidence',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipFile.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hardship_evidence_file_idx').on(t.fileId)],
);

// The file's history: created, submitted for verification, visit recorded, filed, reviewed, exited, closed, reopened.
export const hardshipEvent = pgTable(
  'hardship_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipFile.id),
    kind: text('kind').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name'),
    noteEnc: text('note_enc'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hardship_event_file_idx').on(t.fileId, t.id)],
);

// Every time a staff member opens a file's sensitive data: shown to the member on the H5.
export const hardshipView = pgTable(
  'hardship_view',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipFile.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    viewerName: text('viewer_name').notNull(),
    viewerOrg: text('viewer_org').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hardship_view_file_idx').on(t.fileId, t.at)],
);
