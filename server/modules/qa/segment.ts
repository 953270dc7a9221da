import fs from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { projectRoot } from '../../kernel/paths.js';
import { PHRASES, STOPWORDS, SYNONYMS } from './synonyms.js';

// Chinese words for full-text search. PostgreSQL cannot cut Chinese into words, so Node does:
// jieba (with our dictionary of union and labour-law terms) in search mode, plus Intl.Segmenter
// pieces of each word, so a document is found by the whole term or by its parts. The words are
// stored space-separated and indexed with to_tsvector('simple', …) — the same on PGlite and
// PostgreSQL.

const jieba = Jieba.withDict(dict);
const terms = fs
  // read from the source tree: the build (tsc) copies no text files into dist/
  .readFileSync(path.join(projectRoot, 'server/modules/qa/terms.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
// A high frequency makes jieba keep each term whole.
jieba.loadDict(Buffer.from(terms.map((t) => `${t} 200000 n`).join('\n'), 'utf8'));

const icu = new Intl.Segmenter('zh', { granularity: 'word' });
const WORD = /^[\p{L}\p{N}]+$/u;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function icuWords(text: string): string[] {
  return [...icu.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

const isWord = (w: string) => WORD.test(w);

/** The words a document is indexed under: search-mode jieba words and the ICU pieces of each. */
export function documentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of jieba.cutForSearch(normalise(text), true)) {
    if (!isWord(w)) continue;
    out.push(w);
    if (w.length > 1) for (const p of icuWords(w)) if (p !== w && isWord(p)) out.push(p);
  }
  return out;
}

/** Text for to_tsvector('simple', …). */
export function documentText(text: string): string {
  return documentWords(text).join(' ');
}

/**
 * One meaning the searcher asked for: found if the document holds any alternative, where an
 * alternative is a list of words that must all occur (a word, or the parts of a longer word).
 */
export interface Concept {
  word: string;
  alternatives: string[][];
  /** How many of the alternatives, from the first, are the word itself or its parts (the rest are synonyms). */
  own: number;
}

function partsOf(word: string): string[][] {
  const alts: string[][] = [];
  const sub = jieba.cutForSearch(word, true).filter((w) => w !== word && w.length > 1 && isWord(w));
  // The longer sub-words that together cover the word (工伤认定 → 工伤 + 认定).
  const cover = sub.filter((w) => !sub.some((o) => o !== w && o.includes(w)));
  if (cover.length > 1 && cover.join('').length >= word.length) alts.push(cover);
  const pieces = icuWords(word).filter(isWord);
  if (pieces.length > 1) alts.push(pieces);
  return alts;
}

function alternativesOf(word: string): Pick<Concept, 'alternatives' | 'own'> {
  const own: string[][] = [[word], ...partsOf(word)];
  const alts = [...own];
  for (const syn of SYNONYMS[word] ?? []) {
    const cut = jieba.cut(syn, true).filter(isWord);
    alts.push(cut.length > 0 ? cut : [syn]);
  }
  const seen = new Set<string>();
  const unique = (a: string[]) => {
    const key = a.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  // The word's own alternatives come first and stay first: duplicates drop from the synonyms.
  const alternatives = alts.filter(unique);
  return { alternatives, own: new Set(own.map((a) => a.join(' '))).size };
}

/** A query cut into concepts; question words (怎么, 哪些 …) drop out unless nothing else is left. */
export function queryConcepts(query: string): Concept[] {
  let text = normalise(query);
  for (const [from, to] of PHRASES) text = text.replaceAll(from, to);
  const words = [...new Set(jieba.cut(text, true).filter(isWord))];
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  return (meaningful.length > 0 ? meaningful : words).slice(0, 12).map((word) => ({ word, ...alternativesOf(word) }));
}

const quote = (w: string) => `'${w.replace(/['\\]/g, '')}'`;

/** A concept as to_tsquery('simple', …) text: ('工伤认定' | ('工伤' & '认定')). */
export function conceptQuery(c: Concept): string {
  return `(${c.alternatives.map((alt) => (alt.length === 1 ? quote(alt[0] ?? '') : `(${alt.map(quote).join(' & ')})`)).join(' | ')})`;
}

/** Every way of picking `k` of `items`, in order. */
function picks<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  const [first, ...rest] = items;
  if (items.length < k || first === undefined) return []; // k ≥ 1 here, so `first` exists when long enough
  return [...picks(rest, k - 1).map((p) => [first, ...p]), ...picks(rest, k)];
}

/** Beyond this many picks the tsquery grows too long to be worth it (8 concepts give 70). */
const MAX_PICKS = 35;

/**
 * The search rule — at least half of the concepts — as one to_tsquery('simple', …) text that the
 * GIN index answers without reading rows: any pick of ⌈n/2⌉ concepts, all present. Where the
 * picks would be too many, any one concept (looser; the rule is checked again per row anyway).
 */
export function ruleQuery(concepts: Concept[]): string | null {
  if (concepts.length === 0) return null;
  const parts = concepts.map(conceptQuery);
  const chosen = picks(parts, Math.ceil(parts.length / 2));
  if (chosen.length > MAX_PICKS) return parts.join(' | ');
  return chosen.map((p) => (p.length === 1 ? p[0] : `(${p.join(' & ')})`)).join(' | ');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The text HTML-escaped, with every occurrence of the given words wrapped in <em>. Ranges are
 * found on the raw text and merged, so overlapping words give one mark and no markup is split.
 */
export function highlight(text: string, words: string[]): string {
  const lower = normalise(text);
  // NFKC can change lengths (full-width letters keep theirs; ligatures would not): mark nothing then.
  const usable = lower.length === text.length;
  const marks: Array<[number, number]> = [];
  if (usable) {
    for (const w of new Set(words.map(normalise))) {
      if (!w) continue;
      for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) marks.push([i, i + w.length]);
    }
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  for (const [s0, e] of marks) {
    if (e <= at) continue;
    const s = Math.max(s0, at);
    out += escapeHtml(text.slice(at, s)) + '<em>' + escapeHtml(text.slice(s, e)) + '</em>';
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}

/** The words worth marking for a set of concepts: every alternative's words of two or more characters, or the single-character query word itself. */
export function markWords(concepts: Concept[]): string[] {
  const words = new Set<string>();
  for (const c of concepts) {
    for (const alt of c.alternatives) for (const w of alt) if (w.length > 1 || w === c.word) words.add(w);
  }
  return [...words];
}
