import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.schema.js';
import { congressRepresentative, congressSession, congressTerm } from './congress.schema.js';

// 民主评议 (evaluations of a report, item by item, by the representatives present at a session),
// the follow-ups 不满意 comments become, and 联席会议 (joint meetings between sessions, confirmed
// by the next session). The 厂务公开 page reads these with the sessions' resolutions.

// draft (items being written) → open (present representatives rate) → closed (results shown to all).
export const EVALUATION_STATES = ['draft', 'open', 'closed'] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

// 满意 / 基本满意 / 不满意 / 不了解.
export const EVALUATION_RATINGS = ['satisfied', 'basic', 'unsatisfied', 'unknown'] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

export const FOLLOWUP_STATES = ['open', 'done'] as const;
export type FollowupState = (typeof FOLLOWUP_STATES)[number];

// An evaluation of a report at a session, e.g. 2026年度安全生产工作报告.
export const congressEvaluation = pgTable(
  'congress_evaluation',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: bigint('session_id', { mode: 'number' })
      .notNull()
      .references(() => congressSession.id),
    title: text('title').notNull(),
    state: text('state', { enum: EVALUATION_STATES }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('congress_evaluation_session_idx').on(t.sessionId),
    check('congress_evaluation_state_check', sql`${t.state} in ('draft','open','closed')`),
  ],
);

// 评议项: one line of the report the representatives rate (工伤保险缴纳, 职业健康检查, …).
export const congressEvaluationItem = pgTable(
  'congress_evaluation_item',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: bigint('evaluation_id', { mode: 'number' })
      .notNull()
      .references(() => congressEvaluation.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (t) => [uniqueIndex('congress_evaluation_item_position_uq').on(t.evaluationId, t.position)],
);

// One representative's rating of one item. The unique index makes "once" hold under concurrency:
// of two simultaneous ratings of an item by one representative, exactly one is stored.
export const congressEvaluationRating = pgTable(
  'congress_evaluation_rating',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: bigint('evaluation_id', { mode: 'number' })
      .notNull()
      .references(() => congressEvaluation.id),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => congressEvaluationItem.id),
    representativeId: bigint('representative_id', { mode: 'number' })
      .notNull()
      .references(() => congressRepresentative.id),
    rating: text('rating', { enum: EVALUATION_RATINGS }).notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('congress_evaluation_rating_once_uq').on(t.itemId, t.representativeId),
    index('congress_evaluation_rating_evaluation_idx').on(t.evaluationId, t.representativeId),
    check('congress_evaluation_rating_rating_check', sql`${t.rating} in ('satisfied','basic','unsatisfied','unknown')`),
  ],
);

// 整改跟踪: what a 不满意 comment became — an owner department, a deadline and, when done, the
// result; reported to a later session (reportSessionId, else the term's next session).
export const congressFollowup = pgTable(
  'congress_followup',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => congressEvaluationItem.id),
    /** The rating whose comment this follows up (null when staff wrote it from the item alone). */
    ratingId: bigint('rating_id', { mode: 'number' }).references(() => congressEvaluationRating.id),
    owner: text('owner').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    state: text('state', { enum: FOLLOWUP_STATES }).notNull().default('open'),
    result: text('result'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** The session it is reported to. */
    reportSessionId: bigint('report_session_id', { mode: 'number' }).references(() => congressSession.id),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('congress_followup_item_idx').on(t.itemId),
    check('congress_followup_state_check', sql`${t.state} in ('open','done')`),
  ],
);

// 联席会议: between sessions the joint meeting of the delegation heads decides what cannot wait;
// the next session confirms it (confirmedSessionId, confirmedAt).
export const congressJointMeeting = pgTable(
  'congress_joint_meeting',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    termId: bigint('term_id', { mode: 'number' })
      .notNull()
      .references(() => congressTerm.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    topic: text('topic').notNull(),
    decisions: text('decisions').notNull(),
    confirmedSessionId: bigint('confirmed_session_id', { mode: 'number' }).references(() => congressSession.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('congress_joint_meeting_term_idx').on(t.termId, t.heldOn)],
);
