import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { homeChain } from '../member/index.js';
import { QA_CATEGORIES, type QaEntryRow } from './qa.schema.js';
import { visibleEntries, type EntryListRow } from './qa.search.js';

// What the policy Q&A page shows before anyone types: the questions people open most (then the
// newest), and the categories that hold entries, to browse. Opening an answer counts a view.

export interface HotInput {
  category?: QaEntryRow['category'] | undefined;
  limit: number;
  today: string;
}

interface HotRow extends EntryListRow {
  views: number;
}

export async function hotEntries(db: Db, actor: Actor, input: HotInput) {
  const orgIds = await homeChain(db, actor);
  if (orgIds.length === 0) return { items: [], categories: [] };
  const [items, counts] = await Promise.all([
    rows<HotRow>(
      db,
      sql`select e.id, e.kind, e.category, e.question, e.answer, e.source, e.org_id as "orgId", o.name as "orgName",
             e.effective_from::text as "effectiveFrom", e.effective_to::text as "effectiveTo", e.view_count as views
      from qa_entry e join org_ref o on o.id = e.org_id
      where ${visibleEntries(orgIds, input.today, input.category)}
      order by e.view_count desc, e.published_at desc nulls last, e.id desc
      limit ${input.limit}`,
    ),
    rows<{ category: QaEntryRow['category']; entries: number }>(
      db,
      sql`select e.category, count(*)::int as entries from qa_entry e
      where ${visibleEntries(orgIds, input.today)} group by e.category`,
    ),
  ]);
  const byCategory = new Map(counts.map((c) => [c.category, c.entries]));
  return {
    items,
    // In the dictionary's order, so the page lays them out the same way every time.
    categories: QA_CATEGORIES.filter((c) => byCategory.has(c)).map((c) => ({
      category: c,
      entries: byCategory.get(c) ?? 0,
    })),
  };
}

/**
 * Counts one opening of an answer the person may read; false when they may not (not theirs to
 * see, a draft, out of force). Not audited: a read, not a change of any record's meaning.
 */
export async function recordView(db: Db, actor: Actor, id: number, today: string): Promise<boolean> {
  const orgIds = await homeChain(db, actor);
  if (orgIds.length === 0) return false;
  const done = await rows<{ id: number }>(
    db,
    sql`update qa_entry e set view_count = e.view_count + 1
      where e.id = ${id} and ${visibleEntries(orgIds, today)} returning e.id`,
  );
  return done.length > 0;
}
