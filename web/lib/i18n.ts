// Messages live with their module, each text once as a [中文, English] pair, so the two languages
// cannot drift apart: web/<app>/src/modules/<module>/i18n.ts. The apps import them as
// `i18n.ts?lang=zh` / `?lang=en`, which the build turns into the tree of that one language
// (web/vite.plugins.ts, `pickLanguage`), so a page downloads only the language it shows.
import type { MessageCompiler, MessageContext } from 'vue-i18n';

export type Pair = readonly [zh: string, en: string];
export interface Messages {
  [key: string]: Pair | Messages;
}
export interface MessageTree {
  [key: string]: string | MessageTree;
}

function isPair(v: Pair | Messages): v is Pair {
  return Array.isArray(v);
}

/** One language of a module's pairs: 0 = 中文, 1 = English. */
export function pickLanguage(messages: Messages, lang: 0 | 1): MessageTree {
  const out: MessageTree = {};
  for (const [k, v] of Object.entries(messages)) out[k] = isPair(v) ? v[lang] : pickLanguage(v, lang);
  return out;
}

/** The glob's modules (one language each) as one tree; two modules claiming one top-level key is a mistake. */
export function mergeMessages(modules: Record<string, MessageTree>): MessageTree {
  const all: MessageTree = {};
  for (const [file, tree] of Object.entries(modules)) {
    for (const [k, v] of Object.entries(tree)) {
      if (k in all) throw new Error(`i18n: ${file} repeats the top-level key "${k}"`);
      all[k] = v;
    }
  }
  return all;
}

// The messages use vue-i18n's named and list placeholders ({name}, {0}), literal text ({'{'}) and
// `a | b` plural cases. This compiler handles exactly those, so the apps leave out vue-i18n's
// full message compiler (__INTLIFY_DROP_MESSAGE_COMPILER__ in the Vite configs).
type Part = string | { named: string } | { list: number };

function parse(text: string): Part[] {
  const parts: Part[] = [];
  const re = /\{\s*('(?:[^'\\]|\\.)*'|[A-Za-z_$][\w$-]*|\d+)\s*\}/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    const inner = m[1] ?? '';
    if (inner.startsWith("'")) parts.push(inner.slice(1, -1).replace(/\\(.)/g, '$1'));
    else if (/^\d+$/.test(inner)) parts.push({ list: Number(inner) });
    else parts.push({ named: inner });
    at = re.lastIndex;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** A value as vue-i18n shows it: nothing for null/undefined, JSON for objects and arrays. */
function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function render(parts: Part[], ctx: MessageContext): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : display('named' in p ? ctx.named(p.named) : ctx.list(p.list))))
    .join('');
}

export const compileMessage: MessageCompiler = (message, { key }) => {
  if (typeof message !== 'string') return () => key;
  const cases = message.split(/\s*\|\s*/).map(parse);
  const first = cases[0] ?? [];
  if (cases.length === 1) return (ctx: MessageContext) => render(first, ctx);
  return (ctx: MessageContext) => ctx.plural(cases.map((c) => render(c, ctx)));
};
