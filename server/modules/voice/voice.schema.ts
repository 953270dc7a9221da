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
import { org } from '../org/org.schema.js';

export const VOICE_KINDS = ['suggestion', 'complaint', 'request'] as const;
export const VOICE_STATUSES = ['open', 'replied', 'closed'] as const;
export const ALERT_KINDS = ['keyword', 'trend'] as const;
export const ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;

// 职工心声: what a member sends to a union. `account_id` links the item to its sender for the
// member's own pages only; staff answers never carry it (nor a name unless `show_name`).
export const voiceItem = pgTable(
  'voice_item',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    kind: text('kind', { enum: VOICE_KINDS }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    showName: boolean('show_name').notNull().default(false),
    publishConsent: boolean('publish_consent').notNull().default(false),
    status: text('status', { enum: VOICE_STATUSES }).notNull().default('open'),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: bigint('replied_by', { mode: 'number' }),
    replierName: text('replier_name'),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    caseId: bigint('case_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('voice_item_org_idx').on(t.orgId, t.createdAt),
    index('voice_item_account_idx').on(t.accountId, t.id),
    index('voice_item_published_idx')
      .on(t.orgId, t.publishedAt)
      .where(sql`${t.published}`),
    check('voice_item_status_check', sql`${t.status} in ('open','replied','closed')`),
    check('voice_item_consent_check', sql`not ${t.published} or ${t.publishConsent}`),
  ],
);

// A topic groups sensitive keywords (欠薪: 欠薪, 拖欠工资, 讨薪); kept per org, inherited down the tree.
export const alertTopic = pgTable(
  'alert_topic',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('alert_topic_org_name_uq').on(t.orgId, t.name)],
);

// Which topics an item matched when it arrived: the weekly counts of the trend rule come from here.
export const voiceItemTopic = pgTable(
  'voice_item_topic',
  {
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => voiceItem.id),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => alertTopic.id),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.topicId] }),
    index('voice_item_topic_topic_idx').on(t.topicId, t.createdAt),
  ],
);

// 舆情预警: a keyword hit on one item, or a topic's week well above its usual level.
export const alert = pgTable(
  'alert',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    topicIds: jsonb('topic_ids').$type<number[]>().notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    /** Trend alerts: the topic (one alert per topic and week), the week, its count and the usual level. */
    trendTopicId: bigint('trend_topic_id', { mode: 'number' }).references(() => alertTopic.id),
    weekStart: date('week_start', { mode: 'string' }),
    count: integer('count'),
    baseline: doublePrecision('baseline'),
    status: text('status', { enum: ALERT_STATUSES }).notNull().default('open'),
    note: text('note'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedByName: text('acknowledged_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByName: text('closed_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('alert_org_idx').on(t.orgId, t.status, t.createdAt),
    uniqueIndex('alert_trend_week_uq').on(t.trendTopicId, t.weekStart),
    check('alert_status_check', sql`${t.status} in ('open','acknowledged','closed')`),
  ],
);

export const alertItem = pgTable(
  'alert_item',
  {
    alertId: bigint('alert_id', { mode: 'number' })
      .notNull()
      .references(() => alert.id),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => voiceItem.id),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.itemId] }), index('alert_item_item_idx').on(t.itemId)],
);

// In-app notices to staff about alerts (the staff side has no other inbox yet).
export const alertNotice = pgTable(
  'alert_notice',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    alertId: bigint('alert_id', { mode: 'number' })
      .notNull()
      .references(() => alert.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('alert_notice_account_idx').on(t.accountId, t.id)],
);

export type VoiceItemRow = typeof voiceItem.$inferSelect;
export type AlertRow = typeof alert.$inferSelect;
export type AlertTopicRow = typeof alertTopic.$inferSelect;
