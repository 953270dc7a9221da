import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.schema.js';
import { congressRepresentative, congressSession } from './congress.schema.js';

// 表决: motions put to a session, the voter roll frozen when a motion opens, and the secret ballots.
//
// WHAT CAN AND CANNOT BE LINKED (secret_electronic ballots)
// - congress_ballot holds (motion, receipt, choice) and nothing else: no voter id, no time, no
//   identity or serial column (its key is the random receipt), so no column can be joined or
//   ordered against the roll. Who has voted lives in congress_motion_roll.voted, apart.
// - A second ballot is refused atomically: the roll row is flipped `voted = false → true` by a
//   guarded UPDATE in the same transaction as the ballot insert (the row lock orders two racing
//   requests, the loser finds voted = true and inserts nothing). Ballots are written by the group
//   commit of ballot.engine.ts: the ballots that arrive together on one process commit in ONE
//   transaction, inserted in random order, so while a vote is open a database administrator who
//   reads system columns (xmin: the transaction id shared by the roll update and the ballot insert;
//   ctid: the physical position) sees at best a batch — and a single ballot when one voter is alone
//   in their batch (a quiet moment of the vote).
// - Closing the motion removes that residue from the live rows: it deletes every ballot and writes
//   them again ordered by receipt (random), and rewrites every roll row, all in the closing
//   transaction. After close every ballot and roll row carries the same xmin and the ballots' ctid
//   order is the receipts' (random) order.
// - What remains outside the tables' live rows (limits, not fixable in SQL): dead tuple versions
//   written during the vote stay on the heap pages until VACUUM (a superuser with pageinspect could
//   read their xmin), the WAL and any WAL archive or replica keep every write in order, and an
//   administrator watching the database live (statement logs with parameters, pg_stat_activity)
//   during the vote sees each transaction as it happens. Ballots are therefore not written to the
//   audit log either (an audit row per voter would link them); the roll says who voted.

export const MOTION_METHODS = ['secret_electronic', 'secret_paper', 'open'] as const;
export type MotionMethod = (typeof MOTION_METHODS)[number];
// draft → open (roll frozen, ballots or counts) → closed (result stored).
export const MOTION_STATES = ['draft', 'open', 'closed'] as const;
export const BALLOT_CHOICES = ['for', 'against', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

// 议题/表决事项: one matter put to the vote in a session, item by item.
export const congressMotion = pgTable(
  'congress_motion',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: bigint('session_id', { mode: 'number' })
      .notNull()
      .references(() => congressSession.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    method: text('method', { enum: MOTION_METHODS }).notNull(),
    state: text('state', { enum: MOTION_STATES }).notNull().default('draft'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Size of the roll frozen at opening: every active representative of the term then. */
    total: integer('total'),
    /** Representatives of the roll checked in when the motion opened. */
    presentAtOpen: integer('present_at_open'),
    // Paper ballots (secret_paper) and show-of-hands counts (open), entered by the tellers.
    paperIssued: integer('paper_issued'),
    paperReturned: integer('paper_returned'),
    paperFor: integer('paper_for'),
    paperAgainst: integer('paper_against'),
    paperAbstain: integer('paper_abstain'),
    paperInvalid: integer('paper_invalid'),
    // The result, stored at close.
    resultFor: integer('result_for'),
    resultAgainst: integer('result_against'),
    resultAbstain: integer('result_abstain'),
    resultInvalid: integer('result_invalid'),
    resultPresent: integer('result_present'),
    /** More paper ballots returned than issued: the vote is void (recorded, never passed). */
    void: boolean('void').notNull().default(false),
    passed: boolean('passed'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('congress_motion_session_idx').on(t.sessionId),
    check('congress_motion_method_check', sql`${t.method} in ('secret_electronic','secret_paper','open')`),
    check('congress_motion_state_check', sql`${t.state} in ('draft','open','closed')`),
  ],
);

// 表决名册: the representatives who may vote on a motion (frozen at opening) and whether they
// have voted. Never says how.
export const congressMotionRoll = pgTable(
  'congress_motion_roll',
  {
    motionId: bigint('motion_id', { mode: 'number' })
      .notNull()
      .references(() => congressMotion.id),
    representativeId: bigint('representative_id', { mode: 'number' })
      .notNull()
      .references(() => congressRepresentative.id),
    /** Checked in when the motion opened. */
    presentAtOpen: boolean('present_at_open').notNull(),
    voted: boolean('voted').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.representativeId] })],
);

// 选票: a secret electronic ballot. Deliberately nothing but the motion, the receipt the voter was
// given and the choice (see the top of this file).
export const congressBallot = pgTable(
  'congress_ballot',
  {
    motionId: bigint('motion_id', { mode: 'number' })
      .notNull()
      .references(() => congressMotion.id),
    /** Random (crypto.randomBytes), 10 characters of base32: published after close. */
    receipt: text('receipt').notNull(),
    choice: text('choice', { enum: BALLOT_CHOICES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.motionId, t.receipt] }),
    check('congress_ballot_choice_check', sql`${t.choice} in ('for','against','abstain')`),
  ],
);
