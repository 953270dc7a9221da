import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { homeChain } from '../member/index.js';
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
//
// Step (1) reads every entry that satisfies the rule, thousands for a common word. The pick
// takes the entries whose question holds the most concepts, so where the question alone
// satisfies the rule the entry outranks every entry whose question does not. Those are found
// without reading rows, by a second GIN index over the question's words (the weight-A part of
// search_vector); when at least CANDIDATES of them (with the trigram matches) hold half the
// concepts by the substring test, the pick is made among them, and only otherwise among every
// entry of the rule, in a second statement. The picks differ only where a question holds a
// concept's characters without being cut into that word.

export interface SearchInput {
  q: string;
  category?: QaEntryRow['category'] | undefined;
  limit: number;
  today: string;
  /** Pick among every entry of the rule, never the questions alone first (tests compare the two). */
  everyMatch?: boolean;
}

/**
 * What a question that asks in the searcher's own words (受伤, not only its synonym 工伤) gains
 * per concept: less than a concept found (1) so coverage still ranks first.
 */
const OWN_WORD_IN_QUESTION = 0.5;

/** How many entries, picked cheaply, get the full ranking. */
const CANDIDATES = 50;

/** An entry as a person's list shows it (search hits, hot questions), with its union's name. */
export interface EntryListRow {
  id: number;
  kind: QaEntryRow['kind'];
  category: QaEntryRow['category'];
  question: string;
  answer: string;
  source: string | null;
  orgId: number;
  orgName: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

interface HitRow extends EntryListRow {
  score: number;
}

/**
 * 1 when the question (lower-cased) holds every word of some alternative of the concept, else 0 —
 * summed over the concepts; `ownWords`: only the alternatives that are the word or its parts.
 */
function inQuestion(concepts: Concept[], ownWords = false): SQL {
  if (concepts.length === 0) return sql`0`;
  const alt = (words: string[]) =>
    sql`(${sql.join(
      words.map((w) => sql`strpos(e.question_folded, ${w}) > 0`),
      sql` and `,
    )})`;
  return sql.join(
    concepts.map(
      (c) => sql`(${sql.join((ownWords ? c.alternatives.slice(0, c.own) : c.alternatives).map(alt), sql` or `)})::int`,
    ),
    sql` + `,
  );
}

/**
 * The entries a person reads (`e` is qa_entry): published, in force on `today` (a China date), of
 * their home org or one of its ancestors (`homeChain`), optionally of one category.
 */
export function visibleEntries(orgIds: number[], today: string, category?: QaEntryRow['category']): SQL {
  return sql`e.org_id in (${sql.join(
    orgIds.map((id) => sql`${id}`),
    sql`, `,
  )}) and e.status = 'published'
      and (e.effective_from is null or e.effective_from <= ${today}::date)
      and (e.effective_to is null or e.effective_to >= ${today}::date)
      ${category ? sql`and e.category = ${category}` : sql``}`;
}

export async function searchEntries(db: Db, actor: Actor, input: SearchInput) {
  const concepts = queryConcepts(input.q);
  const orgIds = await homeChain(db, actor);
  const tokens = concepts.map((c) => c.word);
  if (orgIds.length === 0) return { items: [], tokens };
  const raw = input.q.trim();
  const visible = visibleEntries(orgIds, input.today, input.category);
  const rule = ruleQuery(concepts);
  const anyConcept = concepts.map(conceptQuery).join(' | ');
  // One index condition per branch of the union: with both in one OR, PostgreSQL rechecks the OR
  // on every row (the trigram index is lossy), reading search_vector for each. No entry is in two
  // branches, so they are appended without a search for duplicates.
  const candidates = (indexed: SQL) => sql`select e.id, ${inQuestion(concepts)} as pre, length(e.question) as len
      from qa_entry e where ${visible} and ${indexed}`;
  // The rule over a vector: the whole entry's, or (quick pick) its question's words alone.
  const ruleOver = (vector: SQL) => (rule === null ? null : sql`${vector} @@ to_tsquery('simple', ${rule})`);
  const byRule = ruleOver(sql`e.search_vector`);
  const similar = sql`${raw} <% e.question`;
  const bySimilarity = candidates(byRule === null ? similar : sql`${similar} and not (${byRule})`);
  // `scored` is materialised so the outer query uses its figures instead of computing them (and
  // reading search_vector) again for the filter and the order.
  const covered: SQL =
    concepts.length === 0
      ? sql`0`
      : sql.join(
          concepts.map((c) => sql`(e.search_vector @@ to_tsquery('simple', ${conceptQuery(c)}))::int`),
          sql` + `,
        );
  const rank: SQL = concepts.length === 0 ? sql`0` : sql`ts_rank(e.search_vector, to_tsquery('simple', ${anyConcept}))`;
  const ranked = (candidate: SQL) =>
    rows<HitRow & { held: number }>(
      db,
      sql`
    with candidate as (${candidate}
    ), picked as (
      select id from candidate order by pre desc, len, id limit ${CANDIDATES}
    ), scored as materialized (
      select e.id, e.kind, e.category, e.question, e.answer, e.source, e.org_id, e.effective_from, e.effective_to,
             (${covered}) as covered, ${inQuestion(concepts, true)} as worded, ${rank}::float8 as rank,
             word_similarity(${raw}, e.question)::float8 as similar, ${raw} <% e.question as alike
      from picked join qa_entry e on e.id = picked.id
    )
    select s.id, s.kind, s.category, s.question, s.answer, s.source, s.org_id as "orgId", (select o.name from org_ref o where o.id = s.org_id) as "orgName",
           s.effective_from::text as "effectiveFrom", s.effective_to::text as "effectiveTo",
           s.covered::float8 + ${sql.raw(String(OWN_WORD_IN_QUESTION))} * s.worded + s.rank + s.similar as score,
           (select count(*)::int from candidate where pre * 2 >= ${concepts.length}) as held
    from scored s
    where (s.covered > 0 and s.covered * 2 >= ${concepts.length}) or s.alike
    order by score desc, s.id
    limit ${input.limit}`,
    );
  const pickAmong = (among: SQL) => ranked(sql`${candidates(among)} union all ${bySimilarity}`);
  const byQuestion = ruleOver(sql`ts_filter(e.search_vector, '{a}')`);
  let found: Awaited<ReturnType<typeof ranked>>;
  if (byRule === null || byQuestion === null) found = await ranked(bySimilarity);
  else if (input.everyMatch) found = await pickAmong(byRule);
  else {
    found = await pickAmong(byQuestion);
    // Too few questions satisfy the rule (or nothing was found): pick among every entry of the rule.
    if ((found[0]?.held ?? 0) < CANDIDATES) found = await pickAmong(byRule);
  }
  const words = markWords(concepts);
  return {
    tokens,
    items: found.map(({ held: _held, ...h }) => ({
      ...h,
      score: Math.round(Number(h.score) * 1000) / 1000,
      highlights: { question: highlight(h.question, words), answer: highlight(h.answer, words) },
    })),
  };
}
