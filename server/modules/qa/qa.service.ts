import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import {
  assertOrgAccess,
  OutOfScopeError,
  orgCondition,
  pathInScope,
  type Actor,
  type Permission,
} from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { anyOf, escapeLike, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { orgRef } from '../org/index.js';
import { qaEntry, type QaEntryRow } from './qa.schema.js';
import { documentText } from './segment.js';

// The knowledge base editor: drafts by editors, published by a reviewer who is not the last editor.

const READ = 'qa:entry:read';
export type QaFields = Pick<
  QaEntryRow,
  'kind' | 'category' | 'question' | 'answer' | 'source' | 'effectiveFrom' | 'effectiveTo'
>;

/** Question weighs most, then the answer, then source and category words. */
export function searchVector(e: Pick<QaEntryRow, 'question' | 'answer' | 'source'>): SQL {
  return sql`setweight(to_tsvector('simple', ${documentText(e.question)}), 'A')
    || setweight(to_tsvector('simple', ${documentText(e.answer)}), 'B')
    || setweight(to_tsvector('simple', ${documentText(e.source ?? '')}), 'C')`;
}

const entryColumns = {
  id: qaEntry.id,
  orgId: qaEntry.orgId,
  orgName: orgRef.name,
  kind: qaEntry.kind,
  category: qaEntry.category,
  question: qaEntry.question,
  answer: qaEntry.answer,
  source: qaEntry.source,
  effectiveFrom: qaEntry.effectiveFrom,
  effectiveTo: qaEntry.effectiveTo,
  status: qaEntry.status,
  editedBy: qaEntry.editedBy,
  editedByName: qaEntry.editedByName,
  publishedByName: qaEntry.publishedByName,
  publishedAt: qaEntry.publishedAt,
  createdAt: qaEntry.createdAt,
  updatedAt: qaEntry.updatedAt,
  orgPath: orgRef.path,
};
const selectEntries = (db: Db) => db.select(entryColumns).from(qaEntry).innerJoin(orgRef, eq(orgRef.id, qaEntry.orgId));
type EntryRow = Awaited<ReturnType<typeof selectEntries>>[number];

function present(e: EntryRow) {
  return {
    id: e.id,
    orgId: e.orgId,
    orgName: e.orgName,
    kind: e.kind,
    category: e.category,
    question: e.question,
    answer: e.answer,
    source: e.source,
    effectiveFrom: e.effectiveFrom,
    effectiveTo: e.effectiveTo,
    status: e.status,
    editedByName: e.editedByName,
    publishedByName: e.publishedByName,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type QaEntryView = ReturnType<typeof present>;

const snapshot = (e: Pick<QaEntryRow, keyof QaFields | 'status'>) => ({
  kind: e.kind,
  category: e.category,
  question: e.question,
  answer: e.answer,
  source: e.source,
  effectiveFrom: e.effectiveFrom,
  effectiveTo: e.effectiveTo,
  status: e.status,
});

async function loadEntry(db: Db, actor: Actor, id: number, permission: Permission = READ): Promise<EntryRow> {
  const [e] = await selectEntries(db).where(eq(qaEntry.id, id));
  if (!e) throw new AppError('NOT_FOUND');
  if (!pathInScope(actor, READ, e.orgPath)) throw new OutOfScopeError('qa_entry', String(id));
  if (!pathInScope(actor, permission, e.orgPath)) throw new AppError('FORBIDDEN');
  return e;
}

export async function getEntry(db: Db, actor: Actor, id: number): Promise<QaEntryView> {
  return present(await loadEntry(db, actor, id));
}

export interface EntryFilter {
  q?: string | undefined;
  status?: QaEntryRow['status'] | undefined;
  category?: QaEntryRow['category'] | undefined;
  kind?: QaEntryRow['kind'] | undefined;
  orgPath?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listEntries(db: Db, actor: Actor, f: EntryFilter) {
  const c: SQL[] = [orgCondition(actor, READ, qaEntry.orgId)];
  if (f.orgPath) c.push(sql`${orgRef.path} like ${f.orgPath + '%'}`);
  if (f.status) c.push(eq(qaEntry.status, f.status));
  if (f.category) c.push(eq(qaEntry.category, f.category));
  if (f.kind) c.push(eq(qaEntry.kind, f.kind));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    c.push(anyOf(ilike(qaEntry.question, like), ilike(qaEntry.answer, like)));
  }
  const where = and(...c);
  const [items, [n]] = await Promise.all([
    selectEntries(db)
      .where(where)
      .orderBy(desc(qaEntry.updatedAt), desc(qaEntry.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(qaEntry)
      .innerJoin(orgRef, eq(orgRef.id, qaEntry.orgId))
      .where(where),
  ]);
  return { items: items.map(present), total: n?.n ?? 0 };
}

function assertDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from)
    throw new AppError('VALIDATION_FAILED', [{ path: 'effectiveTo', message: 'time.range' }]);
}

export async function createEntry(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  input: QaFields & { orgId: number },
): Promise<number> {
  await assertOrgAccess(tx, actor, 'qa:entry:edit', input.orgId, READ);
  assertDates(input.effectiveFrom, input.effectiveTo);
  const at = env.source.at;
  const [made] = await tx
    .insert(qaEntry)
    .values({
      ...input,
      status: 'draft',
      searchVector: searchVector(input),
      editedBy: actor.accountId,
      editedByName: actor.displayName,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!made) throw new Error('qa insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: made.orgId,
    action: 'qa.create',
    targetType: 'qa_entry',
    targetId: made.id,
    after: snapshot(made),
  });
  return made.id;
}

export async function updateEntry(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  patch: Partial<QaFields>,
): Promise<void> {
  const before = await loadEntry(tx, actor, id, 'qa:entry:edit');
  const next = { ...before, ...patch };
  assertDates(next.effectiveFrom, next.effectiveTo);
  const [after] = await tx
    .update(qaEntry)
    .set({
      ...patch,
      status: 'draft',
      searchVector: searchVector(next),
      editedBy: actor.accountId,
      editedByName: actor.displayName,
      updatedAt: env.source.at,
    })
    .where(eq(qaEntry.id, id))
    .returning();
  if (!after) throw new AppError('NOT_FOUND');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: after.orgId,
    action: 'qa.update',
    targetType: 'qa_entry',
    targetId: id,
    before: snapshot(before),
    after: snapshot(after),
  });
}

/** Publishing needs a second person: the last editor cannot publish their own edit. */
export async function setPublished(tx: Db, env: TxEnv, actor: Actor, id: number, publish: boolean): Promise<void> {
  const e = await loadEntry(tx, actor, id, 'qa:entry:publish');
  if (publish ? e.status === 'published' : e.status !== 'published') throw new AppError('QA_STATE');
  if (publish && e.editedBy === actor.accountId) throw new AppError('QA_OWN_EDIT');
  const at = env.source.at;
  const set = publish
    ? {
        status: 'published' as const,
        publishedBy: actor.accountId,
        publishedByName: actor.displayName,
        publishedAt: at,
        updatedAt: at,
      }
    : { status: 'withdrawn' as const, updatedAt: at };
  // The state in the condition makes two reviewers racing each other answer 409 for the second.
  const [done] = await tx
    .update(qaEntry)
    .set(set)
    .where(and(eq(qaEntry.id, id), eq(qaEntry.status, e.status)))
    .returning({ id: qaEntry.id });
  if (!done) throw new AppError('QA_STATE');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: e.orgId,
    action: publish ? 'qa.publish' : 'qa.withdraw',
    targetType: 'qa_entry',
    targetId: id,
    before: { status: e.status },
    after: { status: set.status },
  });
}
