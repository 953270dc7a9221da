import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db.js';
import { memberNameOfAccount } from '../member/index.js';
import type { VoiceItemRow } from './voice.schema.js';

// How voice items leave the server. Staff answers are built here and nowhere else, so the rule
// "the sender stays unknown to staff unless they chose to show their name" lives in one query:
// no account id is ever selected, and the name only under `show_name`.

interface StaffRow {
  id: number;
  orgId: number;
  orgName: string;
  kind: VoiceItemRow['kind'];
  title: string;
  content: string;
  status: VoiceItemRow['status'];
  showName: boolean;
  authorName: string | null;
  publishConsent: boolean;
  published: boolean;
  publishedAt: Date | string | null;
  reply: string | null;
  repliedAt: Date | string | null;
  replierName: string | null;
  caseId: number | null;
  alerted: boolean;
  topics: string[] | null;
  createdAt: Date | string;
}

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function selectStaffItems(db: Db, where: SQL, tail: SQL = sql``) {
  const found = await rows<StaffRow>(
    db,
    sql`
    select v.id, v.org_id as "orgId", o.name as "orgName", v.kind, v.title, v.content, v.status, v.show_name as "showName",
      case when v.show_name then coalesce(
        ${memberNameOfAccount(sql`v.account_id`)},
        (select a.display_name from account_ref a where a.id = v.account_id)) end as "authorName",
      v.publish_consent as "publishConsent", v.published, v.published_at as "publishedAt", v.reply, v.replied_at as "repliedAt",
      v.replier_name as "replierName", v.case_id as "caseId",
      exists (select 1 from alert_item ai where ai.item_id = v.id) as alerted,
      (select json_agg(t.name order by t.name) from voice_item_topic vt join alert_topic t on t.id = vt.topic_id where vt.item_id = v.id) as topics,
      v.created_at as "createdAt"
    from voice_item v join org_ref o on o.id = v.org_id
    where ${where} ${tail}`,
  );
  return found.map(({ authorName, topics, publishedAt, repliedAt, createdAt, ...v }) => ({
    ...v,
    author: v.showName && authorName ? { name: authorName } : null,
    topics: topics ?? [],
    publishedAt: iso(publishedAt),
    repliedAt: iso(repliedAt),
    createdAt: iso(createdAt) ?? '',
  }));
}
export type VoiceItemView = Awaited<ReturnType<typeof selectStaffItems>>[number];

/** The sender's own view of their items. */
export async function selectOwnItems(db: Db, where: SQL, tail: SQL = sql``) {
  const found = await rows<Omit<StaffRow, 'authorName' | 'alerted' | 'topics' | 'replierName' | 'publishedAt'>>(
    db,
    sql`
    select v.id, v.org_id as "orgId", o.name as "orgName", v.kind, v.title, v.content, v.show_name as "showName",
      v.publish_consent as "publishConsent", v.published, v.status, v.reply, v.replied_at as "repliedAt", v.case_id as "caseId",
      v.created_at as "createdAt"
    from voice_item v join org_ref o on o.id = v.org_id
    where ${where} ${tail}`,
  );
  return found.map((v) => ({
    id: v.id,
    orgId: v.orgId,
    orgName: v.orgName,
    kind: v.kind,
    title: v.title,
    content: v.content,
    showName: v.showName,
    publishConsent: v.publishConsent,
    published: v.published,
    status: v.status,
    reply: v.reply,
    repliedAt: iso(v.repliedAt),
    caseId: v.caseId,
    createdAt: iso(v.createdAt) ?? '',
  }));
}

export async function countItems(db: Db, where: SQL): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from voice_item v join org_ref o on o.id = v.org_id where ${where}`,
  );
  return r?.n ?? 0;
}
