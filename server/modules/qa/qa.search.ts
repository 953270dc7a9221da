import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { homeChain } from './home.js';
import type { QaEntryRow } from './qa.schema.js';
import { conceptQuery, highlight, markWords, queryConcepts } from './segment.js';

// Search of the knowledge base as members see it: published, in force today, of the caller's
// home org or an ancestor. Ranking: how many of the query's concepts an entry holds (each
// concept counts once, whatever alternative matched; at least half of them must match), then
// ts_rank, then trigram similarity of the question to the query as typed (which also finds
// partial words the cutter split apart).

export interface SearchInput {
  q: string;
  category?: QaEntryRow['category'] | undefined;
  limit: number;
  today: string;
}

interface HitRow {
  id: number; kind: QaEntryRow['kind']; category: QaEntryRow['category']; question: string; answer: string; source: string | null;
  orgId: number; orgName: string; effectiveFrom: string | null; effectiveTo: string | null; score: number;
}

export async function searchEntries(db: Db, actor: Actor, input: SearchInput) {
  const concepts = queryConcepts(input.q);
  const orgIds = await homeChain(db, actor);
  const tokens = concepts.map((c) => c.word);
  if (orgIds.length === 0) return { items: [], tokens };
  const vector = sql`e.search_vector`;
  const raw = input.q.trim();
  const covered: SQL = concepts.length === 0
    ? sql`0`
    : sql.join(concepts.map((c) => sql`(${vector} @@ to_tsquery('simple', ${conceptQuery(c)}))::int`), sql` + `);
  const any: SQL = concepts.length === 0 ? sql`false` : sql`${vector} @@ to_tsquery('simple', ${concepts.map(conceptQuery).join(' | ')})`;
  const rank: SQL = concepts.length === 0 ? sql`0` : sql`ts_rank(${vector}, to_tsquery('simple', ${concepts.map(conceptQuery).join(' | ')}))`;
  const idList = sql.join(orgIds.map((id) => sql`${id}`), sql`, `);
  const found = await rows<HitRow>(db, sql`
    select e.id, e.kind, e.category, e.question, e.answer, e.source, e.org_id as "orgId", o.name as "orgName",
           e.effective_from::text as "effectiveFrom", e.effective_to::text as "effectiveTo",
           (${covered})::float8 + ${rank}::float8 + word_similarity(${raw}, e.question)::float8 as score
    from qa_entry e join org o on o.id = e.org_id
    where e.org_id in (${idList}) and e.status = 'published'
      and (e.effective_from is null or e.effective_from <= ${input.today}::date)
      and (e.effective_to is null or e.effective_to >= ${input.today}::date)
      ${input.category ? sql`and e.category = ${input.category}` : sql``}
      and ((${any} and (${covered}) * 2 >= ${concepts.length}) or ${raw} <% e.question)
    order by score desc, e.id
    limit ${input.limit}`);
  const words = markWords(concepts);
  return {
    tokens,
    items: found.map((h) => ({
      ...h, score: Math.round(Number(h.score) * 1000) / 1000,
      highlights: { question: highlight(h.question, words), answer: highlight(h.answer, words) },
    })),
  };
}
