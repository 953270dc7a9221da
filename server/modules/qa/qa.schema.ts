import { sql } from 'drizzle-orm';
import { bigint, check, customType, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { org } from '../org/org.schema.js';

export const QA_KINDS = ['qa', 'policy'] as const;
export const QA_CATEGORIES = [
  'labour_contract',
  'wages_hours',
  'social_insurance',
  'work_injury',
  'union',
  'rights',
  'assistance',
  'new_employment',
  'other',
] as const;
export const QA_STATUSES = ['draft', 'published', 'withdrawn'] as const;

/** A PostgreSQL text-search vector; written only through SQL (see qa.repo.ts), never read back. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// The knowledge base (政策解答): question–answer pairs and policy summaries of one org, inherited
// down the tree. `search_vector` holds the words cut in Node (PostgreSQL cannot segment Chinese).
export const qaEntry = pgTable(
  'qa_entry',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    kind: text('kind', { enum: QA_KINDS }).notNull().default('qa'),
    category: text('category', { enum: QA_CATEGORIES }).notNull(),
    question: text('question').notNull(),
    // lower(question), kept by PostgreSQL: search tests each candidate's question for the query's
    // words, and lower() on every candidate at query time cost more than the rest of the search.
    questionFolded: text('question_folded')
      .generatedAlwaysAs(sql`lower(question)`)
      .notNull(),
    answer: text('answer').notNull(),
    source: text('source'),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    status: text('status', { enum: QA_STATUSES }).notNull().default('draft'),
    searchVector: tsvector('search_vector').notNull(),
    editedBy: bigint('edited_by', { mode: 'number' }),
    editedByName: text('edited_by_name'),
    publishedBy: bigint('published_by', { mode: 'number' }),
    publishedByName: text('published_by_name'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // How often an answer was opened (the H5's 热门问题). Not indexed, so the increment is a HOT
    // update; the hot list sorts the few hundred entries one person can see.
    viewCount: integer('view_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('qa_entry_org_idx').on(t.orgId, t.status),
    index('qa_entry_search_idx').using('gin', t.searchVector),
    // The question's own words (weight A, see qa.service.ts searchVector): qa.search.ts picks its
    // candidates among them first.
    index('qa_entry_question_words_idx').using('gin', sql`ts_filter(${t.searchVector}, '{a}')`),
    index('qa_entry_question_trgm_idx').using('gin', sql`${t.question} gin_trgm_ops`),
    check('qa_entry_status_check', sql`${t.status} in ('draft','published','withdrawn')`),
    check(
      'qa_entry_dates_check',
      sql`${t.effectiveTo} is null or ${t.effectiveFrom} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`,
    ),
  ],
);

export type QaEntryRow = typeof qaEntry.$inferSelect;
