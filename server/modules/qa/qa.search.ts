import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { homeChain } from './home.js';
import type { QaEntryRow } from './qa.schema.js';
import { conceptQuery, highlight, markWords, queryConcepts, ruleQuery, type Concept } from './segment.js';

// Search of the knowledge base as members see it: published, in force today, of the caller's
// home org or an ancestor. Ranking: how many of the query's concepts an entry holds (each
// concept counts once, whatever alternative matched; at least half of them must match), a half
// for each concept its question holds in the searcher's own word rather than a synonym, then
// ts_rank, then trigram similarity of the question to the query as typed (which also finds
// partial words the cutter split apart).
//
// In two steps, because the full ranking is dear: search_vector is large and stored out of line
// (TOAST), and every test on it fetches and decompresses it again. Ranking every match of a common
// word (工伤 is in a quarter of the entries) that way cost ~35 µs an entry. So: (1) the GIN
// index alone finds the entries that satisfy the rule (ruleQuery), and the trigram index those
// whose question looks like the query; of these, the CANDIDATES whose *question* holds most
// concepts (a plain substring test on a short column, shortest question first) go on to (2) the
// full ranking above.

export interface SearchInput {
  q: string;
  category?: QaEntryRow['category'] | undefined;
  limit: number;
  today: string;
}

/**
 * What a question that asks in the searcher's own words (受伤, not only its synonym 工伤) gains
 * per concept: less than a concept found (1) so coverage still ranks first.
 */
const OWN_WORD_IN_QUESTION = 0.5;

/** How many entries, picked cheaply, get the full ranking. */
const CANDIDATES = 50;

interface HitRow {
  id: number; kind: QaEntryRow['kind']; category: QaEntryRow['category']; question: string; answer: string; source: string | null;
  orgId: number; orgName: string; effectiveFrom: string | null; effectiveTo: string | null; score: number;
}

/**
 * 1 when the question (lower-cased) holds every word of some alternative of the concept, else 0 —
 * summed over the concepts; `ownWords`: only the alternatives that are the word or its parts.
 */
function inQuestion(concepts: Concept[], ownWords = false): SQL {
  if (concepts.length === 0) return sql`0`;
  const alt = (words: string[]) => sql`(${sql.join(words.map((w) => sql`strpos(e.question_folded, ${w}) > 0`), sql` and `)})`;
  return sql.join(concepts.map((c) => sql`(${sql.join((ownWords ? c.alternatives.slice(0, c.own) : c.alternatives).map(alt), sql` or `)})::int`), sql` + `);
}

export async function searchEntries(db: Db, actor: Actor, input: SearchInput) {
  const concepts = queryConcepts(input.q);
  const orgIds = await homeChain(db, actor);
  const tokens = concepts.map((c) => c.word);
  if (orgIds.length === 0) return { items: [], tokens };
  const raw = input.q.trim();
  const visible = sql`e.org_id in (${sql.join(orgIds.map((id) => sql`${id}`), sql`, `)}) and e.status = 'published'
      and (e.effective_from is null or e.effective_from <= ${input.today}::date)
      and (e.effective_to is null or e.effective_to >= ${input.today}::date)
      ${input.category ? sql`and e.category = ${input.category}` : sql``}`;
  const rule = ruleQuery(concepts);
  // One index condition per branch of the union: with both in one OR, PostgreSQL rechecks the OR
  // on every row (the trigram index is lossy), reading search_vector for each.
  const candidates = (indexed: SQL) => sql`select e.id, ${inQuestion(concepts)} as pre, length(e.question) as len
      from qa_entry e where ${visible} and ${indexed}`;
  // `scored` is materialised so the outer query uses its figures instead of computing them (and
  // reading search_vector) again for the filter and the order.
  const covered: SQL = concepts.length === 0
    ? sql`0`
    : sql.join(concepts.map((c) => sql`(e.search_vector @@ to_tsquery('simple', ${conceptQuery(c)}))::int`), sql` + `);
  const rank: SQL = concepts.length === 0 ? sql`0` : sql`ts_rank(e.search_vector, to_tsquery('simple', ${concepts.map(conceptQuery).join(' | ')}))`;
  const found = await rows<HitRow>(db, sql`
    with candidate as (
      ${rule === null ? sql`` : sql`${candidates(sql`e.search_vector @@ to_tsquery('simple', ${rule})`)} union `}
      ${candidates(sql`${raw} <% e.question`)}
    ), picked as (
      select id from candidate order by pre desc, len, id limit ${CANDIDATES}
    ), scored as materialized (
      select e.id, (${covered}) as covered, ${inQuestion(concepts, true)} as worded, ${rank}::float8 as rank, word_similarity(${raw}, e.question)::float8 as similar
      from picked join qa_entry e on e.id = picked.id
    )
    select e.id, e.kind, e.category, e.question, e.answer, e.source, e.org_id as "orgId", o.name as "orgName",
           e.effective_from::text as "effectiveFrom", e.effective_to::text as "effectiveTo",
           s.covered::float8 + ${sql.raw(String(OWN_WORD_IN_QUESTION))} * s.worded + s.rank + s.similar as score
    from scored s join qa_entry e on e.id = s.id join org o on o.id = e.org_id
    where (s.covered > 0 and s.covered * 2 >= ${concepts.length}) or ${raw} <% e.question
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
