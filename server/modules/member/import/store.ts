import { sql } from 'drizzle-orm';
import type { AuditSource } from '../../../kernel/audit.js';
import { rows, type Connection, type Db } from '../../../kernel/db.js';
import type { UnionTarget } from './validate.js';

// The import's SQL. On PostgreSQL rows go in by COPY (the fastest way in: no statement to plan
// per batch, no parameters), into the import's own transaction as the file is read. On PGlite
// they go in batches as arrays through unnest(): one statement per batch, whatever its size.

/** One member ready to insert, identity already encrypted (the spool file holds these as JSON lines). */
export type InsertRow = [
  orgId: number,
  name: string,
  idNumberEnc: string,
  idNumberHash: string,
  gender: string,
  birthDate: string,
  phoneEnc: string | null,
  phoneHash: string | null,
  ethnicity: string | null,
  politicalStatus: string | null,
  education: string | null,
  householdType: string | null,
  migrantWorker: boolean,
  employer: string | null,
  post: string | null,
  jobType: string,
  joinedAt: string,
  cardNo: string | null,
];

const COLUMN_TYPES = [
  'bigint',
  'text',
  'text',
  'text',
  'text',
  'date',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'boolean',
  'text',
  'text',
  'text',
  'date',
  'text',
] as const;

export async function loadUnions(db: Db): Promise<Array<UnionTarget & { code: string; name: string }>> {
  return rows(db, sql`select id, code, name, path, type, status from org_ref`);
}

/** Which of these blind indexes are members already, with the union each belongs to. */
export async function existingHashes(db: Db, hashes: string[]): Promise<Map<string, number>> {
  if (hashes.length === 0) return new Map();
  const found = await rows<{ h: string; org: number }>(
    db,
    sql`select id_number_hash as h, org_id::int as org from member where id_number_hash = any(${sql.param(hashes)}::text[])`,
  );
  return new Map(found.map((r) => [r.h, r.org]));
}

export async function takenCards(db: Db, cards: string[]): Promise<Set<string>> {
  if (cards.length === 0) return new Set();
  const found = await rows<{ c: string }>(
    db,
    sql`select card_no as c from member where card_no = any(${sql.param(cards)}::text[])`,
  );
  return new Set(found.map((r) => r.c));
}

/**
 * Inserts a batch with one `imported` history entry each; a person who became a member since
 * the rows were checked is skipped (on conflict), and counted by the caller as existing.
 */
export async function insertBatch(tx: Db, batch: InsertRow[], source: AuditSource, note: string): Promise<number> {
  const columns = COLUMN_TYPES.map((type, i) => sql`${sql.param(batch.map((r) => r[i] ?? null))}::${sql.raw(type)}[]`);
  const [result] = await rows<{ n: number }>(
    tx,
    sql`
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
    select count(*)::int as n from ins`,
  );
  return result?.n ?? 0;
}

/** The counts of an import already committed by this job (a job picked up again after a crash). */
export async function committedResult(db: Db, jobId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await rows<{ after: Record<string, unknown> }>(
    db,
    sql`select after from audit_log where action = 'member.import' and target_type = 'job' and target_id = ${jobId} limit 1`,
  );
  return row?.after;
}

const MEMBER_COLUMNS =
  'id, org_id, name, id_number_enc, id_number_hash, gender, birth_date, phone_enc, phone_hash, ethnicity, ' +
  'political_status, education, household_type, migrant_worker, employer, post, job_type, joined_at, card_no, created_at, updated_at';
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: \N for null, and backslash, tab and line breaks escaped. */
export function copyValue(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : v;
}

/**
 * COPYs a batch with one `imported` history entry each, on the import's connection (its
 * transaction open). Ids are reserved first, so each history entry names its member. A person
 * who became a member since the rows were checked makes the COPY fail (unique violation): the
 * caller runs the import again, and that person then counts as existing.
 */
export async function copyBatch(
  conn: Connection,
  batch: InsertRow[],
  source: AuditSource,
  note: string,
): Promise<void> {
  const ids = await rows<{ id: number }>(
    conn.db,
    sql`select nextval(pg_get_serial_sequence('member', 'id')) as id from generate_series(1, ${batch.length}::int)`,
  );
  const at = source.at.toISOString();
  const who = `${source.actorId ?? '\\N'}\t${copyValue(source.actorName)}\t${copyValue(note)}\t${at}`;
  let members = '';
  let events = '';
  batch.forEach((r, i) => {
    const id = ids[i]?.id;
    members += `${id}\t${r.map(copyValue).join('\t')}\t${at}\t${at}\n`;
    events += `${id}\timported\t${r[0]}\t${who}\n`;
  });
  await conn.copyIn(`copy member (${MEMBER_COLUMNS}) from stdin`, members);
  await conn.copyIn('copy member_event (member_id, kind, org_id, actor_id, actor_name, note, at) from stdin', events);
}
