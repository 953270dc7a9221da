import { sql } from 'drizzle-orm';
import type { AuditSource } from '../../../kernel/audit.js';
import { rows, type Db } from '../../../kernel/db.js';
import type { UnionTarget } from './validate.js';

// The import's SQL. Rows go in batches as arrays through unnest(): one statement and one round
// trip per batch, whatever its size, and far below the 65,535-parameter limit of a VALUES list.

/** One member ready to insert, identity already encrypted (the spool file holds these as JSON lines). */
export type InsertRow = [
  orgId: number, name: string, idNumberEnc: string, idNumberHash: string, gender: string, birthDate: string,
  phoneEnc: string | null, phoneHash: string | null, ethnicity: string | null, politicalStatus: string | null,
  education: string | null, householdType: string | null, migrantWorker: boolean, employer: string | null,
  post: string | null, jobType: string, joinedAt: string, cardNo: string | null,
];

const COLUMN_TYPES = [
  'bigint', 'text', 'text', 'text', 'text', 'date', 'text', 'text', 'text', 'text',
  'text', 'text', 'boolean', 'text', 'text', 'text', 'date', 'text',
] as const;

export async function loadUnions(db: Db): Promise<Array<UnionTarget & { code: string; name: string }>> {
  return rows(db, sql`select id, code, name, path, type, status from org`);
}

/** Which of these blind indexes are members already (anywhere: the answer names no union). */
export async function existingHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const found = await rows<{ h: string }>(db, sql`select id_number_hash as h from member where id_number_hash = any(${sql.param(hashes)}::text[])`);
  return new Set(found.map((r) => r.h));
}

export async function takenCards(db: Db, cards: string[]): Promise<Set<string>> {
  if (cards.length === 0) return new Set();
  const found = await rows<{ c: string }>(db, sql`select card_no as c from member where card_no = any(${sql.param(cards)}::text[])`);
  return new Set(found.map((r) => r.c));
}

/**
 * Inserts a batch with one `imported` history entry each; a person who became a member since
 * the rows were checked is skipped (on conflict), and counted by the caller as existing.
 */
export async function insertBatch(tx: Db, batch: InsertRow[], source: AuditSource, note: string): Promise<number> {
  const columns = COLUMN_TYPES.map((type, i) => sql`${sql.param(batch.map((r) => r[i] ?? null))}::${sql.raw(type)}[]`);
  const [result] = await rows<{ n: number }>(tx, sql`
    with ins as (
      insert into member (org_id, name, id_number_enc, id_number_hash, gender, birth_date, phone_enc, phone_hash,
        ethnicity, political_status, education, household_type, migrant_worker, employer, post, job_type, joined_at, card_no,
        created_at, updated_at)
      select t.*, ${source.at}::timestamptz, ${source.at}::timestamptz from unnest(${sql.join(columns, sql`, `)}) as t
      on conflict (id_number_hash) do nothing
      returning id, org_id
    ), ev as (
      insert into member_event (member_id, kind, org_id, actor_id, actor_name, note, at)
      select id, 'imported', org_id, ${source.actorId}::bigint, ${source.actorName}::text, ${note}::text, ${source.at}::timestamptz from ins
    )
    select count(*)::int as n from ins`);
  return result?.n ?? 0;
}

/** The counts of an import already committed by this job (a job picked up again after a crash). */
export async function committedResult(db: Db, jobId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await rows<{ after: Record<string, unknown> }>(
    db, sql`select after from audit_log where action = 'member.import' and target_type = 'job' and target_id = ${jobId} limit 1`,
  );
  return row?.after;
}
