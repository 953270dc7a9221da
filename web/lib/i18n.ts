// Messages live with their module, each text once as a [中文, English] pair, so the two languages
// cannot drift apart: web/<app>/src/modules/<module>/i18n.ts, gathered by each app's i18n/index.ts
// with import.meta.glob. `splitMessages` turns the pairs into one vue-i18n tree per language.
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

function pick(messages: Messages, lang: 0 | 1): MessageTree {
  const out: MessageTree = {};
  for (const [k, v] of Object.entries(messages)) out[k] = isPair(v) ? v[lang] : pick(v, lang);
  return out;
}

/** The glob's modules as one tree per language; two modules claiming one top-level key is a mistake. */
export function splitMessages(modules: Record<string, { default: Messages }>): { zh: MessageTree; en: MessageTree } {
  const all: Messages = {};
  for (const [file, mod] of Object.entries(modules)) {
    for (const [k, v] of Object.entries(mod.default)) {
      if (k in all) throw new Error(`i18n: ${file} repeats the top-level key "${k}"`);
      all[k] = v;
    }
  }
  return { zh: pick(all, 0), en: pick(all, 1) };
}
