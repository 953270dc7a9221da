import { sql } from 'drizzle-orm';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { rows, type Db } from '../../kernel/db.js';
import { holdsPermission } from '../auth/index.js';
import { pathIds } from '../org/index.js';
import {
  alert,
  alertItem,
  alertNotice,
  voiceItemTopic,
  type AlertTopicRow,
  type VoiceItemRow,
} from './voice.schema.js';
import { CHINA_OFFSET_MS, chinaTime } from '../../kernel/clock.js';

// The alert rules (舆情监测预警), run in the transaction that stores a new voice item.
// Keyword: the item holds a keyword of an active topic of its org or an ancestor → one alert now.
// Trend: for each matched topic, count(this week) ≥ max(3, 2 × mean of the 8 weeks before) →
// one alert per topic and week at the topic's org; later items of that week join it.

const WEEK_MS = 7 * 86400_000;
export const TREND_WEEKS = 8;
export const TREND_MIN = 3;
export const TREND_FACTOR = 2;

/** Monday 00:00 China time of the week holding `at`: the instant and its date. */
export function weekStart(at: Date): { at: Date; date: string } {
  const local = chinaTime(at);
  const back = (local.getUTCDay() + 6) % 7;
  const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back);
  return { at: new Date(monday - CHINA_OFFSET_MS), date: new Date(monday).toISOString().slice(0, 10) };
}

export const trendThreshold = (baseline: number) => Math.max(TREND_MIN, TREND_FACTOR * baseline);

const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Topics of the org chain whose keywords occur in the text, with the keywords found. */
export function matchTopics<T extends Pick<AlertTopicRow, 'id' | 'orgId' | 'name' | 'keywords'>>(
  topics: T[],
  text: string,
) {
  const hay = squash(text);
  return topics
    .map((t) => ({ topic: t, keywords: t.keywords.filter((k) => hay.includes(squash(k))) }))
    .filter((m) => m.keywords.length > 0);
}

/** A notice of a raised alert, for the staff whose read grant reaches its org. */
interface AlertNotice {
  alertId: number;
  orgPath: string;
  title: string;
  body: string;
  at: Date;
}

async function notify(tx: Db, { alertId, orgPath, title, body, at }: AlertNotice): Promise<void> {
  // Everyone active whose grant with voice:alert:read reaches the alert's org.
  const staff = await rows<{ id: number }>(
    tx,
    sql`
    select a.id from account_ref a
    where a.kind = 'staff' and a.status = 'active' and ${holdsPermission(sql`a.id`, 'voice:alert:read', orgPath)}`,
  );
  if (staff.length > 0)
    await tx.insert(alertNotice).values(staff.map((s) => ({ accountId: s.id, alertId, title, body, createdAt: at })));
}

export async function applyAlertRules(tx: Db, env: TxEnv, item: VoiceItemRow, orgPath: string): Promise<void> {
  const at = env.source.at;
  const chain = pathIds(orgPath);
  const topics = await rows<AlertTopicRow & { path: string }>(
    tx,
    sql`
    select t.id, t.org_id as "orgId", t.name, t.keywords, o.path from alert_topic t join org_ref o on o.id = t.org_id
    where t.active and t.org_id in (${sql.join(
      chain.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const matches = matchTopics(topics, `${item.title}\n${item.content}`);
  if (matches.length === 0) return;
  await tx
    .insert(voiceItemTopic)
    .values(matches.map((m) => ({ itemId: item.id, topicId: m.topic.id, keywords: m.keywords, createdAt: at })));

  const keywords = [...new Set(matches.flatMap((m) => m.keywords))];
  const [kw] = await tx
    .insert(alert)
    .values({
      orgId: item.orgId,
      kind: 'keyword',
      topicIds: matches.map((m) => m.topic.id),
      keywords,
      createdAt: at,
    })
    .returning({ id: alert.id });
  if (!kw) throw new Error('alert insert returned no row');
  await tx.insert(alertItem).values({ alertId: kw.id, itemId: item.id });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: item.orgId,
    action: 'alert.raise',
    targetType: 'alert',
    targetId: kw.id,
    after: { kind: 'keyword', keywords, itemId: item.id },
  });
  await notify(tx, {
    alertId: kw.id,
    orgPath,
    title: `舆情预警：出现敏感词“${keywords.join('、')}”`,
    body: item.title,
    at,
  });

  const week = weekStart(at);
  const from = new Date(week.at.getTime() - TREND_WEEKS * WEEK_MS);
  for (const { topic } of matches) {
    const tp = topic.path;
    const [c] = await rows<{ cur: number; prev: number }>(
      tx,
      sql`
      select count(*) filter (where created_at >= ${week.at.toISOString()}::timestamptz)::int as cur,
             count(*) filter (where created_at < ${week.at.toISOString()}::timestamptz)::int as prev
      from voice_item_topic where topic_id = ${topic.id} and created_at >= ${from.toISOString()}::timestamptz`,
    );
    const cur = c?.cur ?? 0;
    const baseline = (c?.prev ?? 0) / TREND_WEEKS;
    if (cur < trendThreshold(baseline)) continue;
    const [raised] = await tx
      .insert(alert)
      .values({
        orgId: topic.orgId,
        kind: 'trend',
        topicIds: [topic.id],
        keywords: topic.keywords,
        trendTopicId: topic.id,
        weekStart: week.date,
        count: cur,
        baseline,
        createdAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: alert.id });
    if (raised) {
      // the alert stands on every item of the topic this week
      await tx.execute(sql`insert into alert_item (alert_id, item_id)
        select ${raised.id}, item_id from voice_item_topic where topic_id = ${topic.id} and created_at >= ${week.at.toISOString()}::timestamptz`);
      await writeAudit(tx, env.crypto, env.source, {
        orgId: topic.orgId,
        action: 'alert.raise',
        targetType: 'alert',
        targetId: raised.id,
        after: { kind: 'trend', topicId: topic.id, count: cur, baseline },
      });
      await notify(tx, {
        alertId: raised.id,
        orgPath: tp,
        title: `舆情预警：话题“${topic.name}”本周已有 ${cur} 件，明显高于平常`,
        body: `前 ${TREND_WEEKS} 周平均每周 ${baseline.toFixed(1)} 件`,
        at,
      });
    } else {
      await tx.execute(sql`with a as (update alert set count = ${cur} where trend_topic_id = ${topic.id} and week_start = ${week.date}::date returning id)
        insert into alert_item (alert_id, item_id) select id, ${item.id} from a on conflict do nothing`);
    }
  }
}
