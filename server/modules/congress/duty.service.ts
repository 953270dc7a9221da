import { desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { cappedTotal, countUpTo, type Db } from '../../kernel/db.js';
import { memberOfAccount, memberRef } from '../member/index.js';
import { requireRepresentative } from './congress.access.js';
import { congressRepresentative } from './congress.schema.js';
import { congressDutyRecord, DUTY_KINDS } from './proposal.schema.js';

// 履职记录 (永不闭幕): what representatives do between sessions — visits (走访), opinions collected
// (收集意见), inspections (视察检查). A proposal may name the record it grew from.

export interface DutyRecordView {
  id: number;
  termId: number;
  representativeId: number;
  name: string;
  kind: (typeof DUTY_KINDS)[number];
  on: string;
  summary: string;
  createdAt: string;
}

function select(db: Db) {
  return db
    .select({
      id: congressDutyRecord.id,
      termId: congressDutyRecord.termId,
      representativeId: congressDutyRecord.representativeId,
      name: memberRef.name,
      kind: congressDutyRecord.kind,
      on: congressDutyRecord.on,
      summary: congressDutyRecord.summary,
      createdAt: congressDutyRecord.createdAt,
    })
    .from(congressDutyRecord)
    .innerJoin(congressRepresentative, eq(congressRepresentative.id, congressDutyRecord.representativeId))
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId));
}

type Row = Awaited<ReturnType<typeof select>>[number];
const view = (r: Row): DutyRecordView => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Records a duty of the caller, who must be an active representative of the term (403 otherwise). */
export async function addDutyRecord(
  tx: Db,
  actor: Actor,
  at: Date,
  input: { termId: number; kind: DutyRecordView['kind']; on: string; summary: string },
): Promise<DutyRecordView> {
  const rep = await requireRepresentative(tx, actor, input.termId);
  const [row] = await tx
    .insert(congressDutyRecord)
    .values({
      termId: input.termId,
      representativeId: rep.id,
      kind: input.kind,
      on: input.on,
      summary: input.summary,
      createdAt: at,
    })
    .returning({ id: congressDutyRecord.id });
  if (!row) throw new Error('duty record not inserted');
  const [found] = await select(tx).where(eq(congressDutyRecord.id, row.id));
  if (!found) throw new Error('duty record not found');
  return view(found);
}

/** The caller's duty records in every term they serve(d) in, newest first. */
export async function myDutyRecords(db: Db, actor: Actor): Promise<DutyRecordView[]> {
  const m = await memberOfAccount(db, actor.accountId);
  if (!m) return [];
  const seats = await db
    .select({ id: congressRepresentative.id })
    .from(congressRepresentative)
    .where(eq(congressRepresentative.memberId, m.id));
  if (seats.length === 0) return [];
  const found = await select(db)
    .where(
      inArray(
        congressDutyRecord.representativeId,
        seats.map((s) => s.id),
      ),
    )
    .orderBy(desc(congressDutyRecord.on), desc(congressDutyRecord.id))
    .limit(500);
  return found.map(view);
}

/** A term's duty records (the caller's scope is checked by the route), newest first. */
export async function termDutyRecords(
  db: Db,
  termId: number,
  page: number,
  pageSize: number,
): Promise<{ items: DutyRecordView[]; total: number; totalCapped: boolean }> {
  const where = eq(congressDutyRecord.termId, termId);
  const { total } = await countUpTo(db, congressDutyRecord, where);
  const found = await select(db)
    .where(where)
    .orderBy(desc(congressDutyRecord.on), desc(congressDutyRecord.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: found.map(view), ...cappedTotal(total) };
}
