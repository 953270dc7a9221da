import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.schema.js';
import { congressRepresentative, congressTerm } from './congress.schema.js';

// 提案 (proposals) and 履职记录 (duty records) of a congress term. A proposal belongs to the term,
// not to a session: its handling carries across sessions until the proposer rates it. The state
// machine (proposal.service.ts) moves `state`; every move leaves an event row (the history).

export const PROPOSAL_STATES = [
  'cosigning', // 附议中: waiting for enough co-signers to accept
  'submitted', // 已提交: numbered, waiting for the committee's review
  'accepted', // 立案: waiting to be assigned to departments
  'converted', // 转意见建议 (final)
  'rejected', // 不立案 (final)
  'assigned', // 已交办: departments answer in the current round
  'answered', // 已答复: the lead department answered; the proposer rates
  'closed', // 办结: rated by the proposer
  'withdrawn', // 已撤回 (final)
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const COSIGNER_STATES = ['invited', 'accepted', 'declined'] as const;
export const REVIEW_DECISIONS = ['accept', 'convert', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const ASSIGNMENT_ROLES = ['lead', 'assisting'] as const;
export const PROPOSAL_RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type ProposalRating = (typeof PROPOSAL_RATINGS)[number];
export const DUTY_KINDS = ['visit', 'opinion', 'inspection'] as const;

const stateList = PROPOSAL_STATES.map((s) => `'${s}'`).join(',');

// 履职记录: a representative's work between sessions (走访, 收集意见, 视察); a proposal may name the record it grew from.
export const congressDutyRecord = pgTable(
  'congress_duty_record',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    termId: bigint('term_id', { mode: 'number' })
      .notNull()
      .references(() => congressTerm.id),
    representativeId: bigint('representative_id', { mode: 'number' })
      .notNull()
      .references(() => congressRepresentative.id),
    kind: text('kind', { enum: DUTY_KINDS }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('congress_duty_record_term_idx').on(t.termId, t.on),
    index('congress_duty_record_rep_idx').on(t.representativeId),
    check('congress_duty_record_kind_check', sql`${t.kind} in ('visit','opinion','inspection')`),
  ],
);

export const congressProposal = pgTable(
  'congress_proposal',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    termId: bigint('term_id', { mode: 'number' })
      .notNull()
      .references(() => congressTerm.id),
    /** 提案号, counted within the term; given when the proposal reaches `submitted`. */
    number: integer('number'),
    proposerId: bigint('proposer_id', { mode: 'number' })
      .notNull()
      .references(() => congressRepresentative.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    state: text('state', { enum: PROPOSAL_STATES }).notNull(),
    /** 办理轮次: 1, then 2 after the proposer's 不满意 (second handling). */
    round: integer('round').notNull().default(1),
    dutyRecordId: bigint('duty_record_id', { mode: 'number' }).references(() => congressDutyRecord.id),
    // The committee's review (提案审查): one decision with its written reason.
    reviewDecision: text('review_decision', { enum: REVIEW_DECISIONS }),
    reviewReason: text('review_reason'),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }).references(() => account.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('congress_proposal_number_uq').on(t.termId, t.number),
    index('congress_proposal_term_state_idx').on(t.termId, t.state),
    index('congress_proposal_proposer_idx').on(t.proposerId),
    check('congress_proposal_state_check', sql.raw(`state in (${stateList})`)),
    check('congress_proposal_round_check', sql`${t.round} >= 1`),
  ],
);

// 附议人: invited by the proposer; accepts or declines once.
export const congressProposalCosigner = pgTable(
  'congress_proposal_cosigner',
  {
    proposalId: bigint('proposal_id', { mode: 'number' })
      .notNull()
      .references(() => congressProposal.id),
    representativeId: bigint('representative_id', { mode: 'number' })
      .notNull()
      .references(() => congressRepresentative.id),
    state: text('state', { enum: COSIGNER_STATES }).notNull().default('invited'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.representativeId] }),
    index('congress_proposal_cosigner_rep_idx').on(t.representativeId),
    check('congress_proposal_cosigner_state_check', sql`${t.state} in ('invited','accepted','declined')`),
  ],
);

// 交办: a department (free text: departments are not orgs of the platform) handling the proposal in a
// round, as lead (主办) or assisting (协办). A return (退回) ends the assignment: returnedAt is set.
export const congressProposalAssignment = pgTable(
  'congress_proposal_assignment',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    proposalId: bigint('proposal_id', { mode: 'number' })
      .notNull()
      .references(() => congressProposal.id),
    department: text('department').notNull(),
    role: text('role', { enum: ASSIGNMENT_ROLES }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    round: integer('round').notNull(),
    assignedBy: bigint('assigned_by', { mode: 'number' }).references(() => account.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnReason: text('return_reason'),
  },
  (t) => [
    index('congress_proposal_assignment_proposal_idx').on(t.proposalId, t.round),
    check('congress_proposal_assignment_role_check', sql`${t.role} in ('lead','assisting')`),
  ],
);

// 答复: a department's written answer in a round (one per department and round).
export const congressProposalAnswer = pgTable(
  'congress_proposal_answer',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    proposalId: bigint('proposal_id', { mode: 'number' })
      .notNull()
      .references(() => congressProposal.id),
    department: text('department').notNull(),
    body: text('body').notNull(),
    round: integer('round').notNull(),
    answeredBy: bigint('answered_by', { mode: 'number' }).references(() => account.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('congress_proposal_answer_uq').on(t.proposalId, t.round, t.department)],
);

// 满意度测评: the proposer and each co-signer rate once per round.
export const congressProposalRating = pgTable(
  'congress_proposal_rating',
  {
    proposalId: bigint('proposal_id', { mode: 'number' })
      .notNull()
      .references(() => congressProposal.id),
    representativeId: bigint('representative_id', { mode: 'number' })
      .notNull()
      .references(() => congressRepresentative.id),
    round: integer('round').notNull(),
    rating: text('rating', { enum: PROPOSAL_RATINGS }).notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.representativeId, t.round] }),
    check('congress_proposal_rating_check', sql`${t.rating} in ('satisfied','basic','unsatisfied')`),
  ],
);

// The proposal's history (办理过程): who did what, when, with the note they wrote.
export const congressProposalEvent = pgTable(
  'congress_proposal_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    proposalId: bigint('proposal_id', { mode: 'number' })
      .notNull()
      .references(() => congressProposal.id),
    action: text('action').notNull(),
    /** The name shown (a representative's or the staff member's), kept as it was then. */
    by: text('by').notNull(),
    byAccountId: bigint('by_account_id', { mode: 'number' }).references(() => account.id),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('congress_proposal_event_proposal_idx').on(t.proposalId, t.at)],
);
