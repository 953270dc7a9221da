// The member's home: sections (服务, 普惠, 活动 …) and their entries. Each module declares its own in
// `modules/<module>/home.ts` (default export `{ sections?, entries? } satisfies HomeContribution`), gathered here by glob as the
// console gathers `modules/*/routes.ts`: a module that ships adds its entries, or a section of its
// own, in that one file; the home page and this file stay as they are.
import type { RouteLocationRaw } from 'vue-router';

export interface HomeEntry {
  key: string;
  /** The section it goes in (a HomeSection key). */
  section: string;
  /** Place within the section, low first. */
  order: number;
  /** Vant icon name. */
  icon: string;
  /** i18n key of the label. */
  title: string;
  to: RouteLocationRaw;
  /** Shown only while this holds (e.g. members only); always shown when absent. */
  visible?: () => boolean;
  /** A count on the entry (unread messages); none at 0. */
  badge?: () => number;
}

export interface HomeSection {
  key: string;
  /** Place on the page, low first. */
  order: number;
  /** i18n key of the heading. */
  title: string;
  /** i18n key of what the section says while no module has given it an entry. */
  empty: string;
  /** Vant icon of the empty state. */
  emptyIcon?: string;
}

export interface HomeContribution {
  sections?: HomeSection[];
  entries?: HomeEntry[];
}

/** Sections and entries in page order; a module repeating another's key is a mistake. */
export function gatherHome(modules: Record<string, { default: HomeContribution }>): {
  sections: HomeSection[];
  entries: HomeEntry[];
} {
  const sections = new Map<string, HomeSection>();
  const entries = new Map<string, HomeEntry>();
  for (const [file, mod] of Object.entries(modules)) {
    for (const s of mod.default.sections ?? []) {
      if (sections.has(s.key)) throw new Error(`home: ${file} repeats the section "${s.key}"`);
      sections.set(s.key, s);
    }
    for (const e of mod.default.entries ?? []) {
      if (entries.has(e.key)) throw new Error(`home: ${file} repeats the entry "${e.key}"`);
      entries.set(e.key, e);
    }
  }
  for (const e of entries.values())
    if (!sections.has(e.section)) throw new Error(`home: entry "${e.key}" names no section "${e.section}"`);
  const byOrder = <T extends { order: number; key: string }>(a: T, b: T) =>
    a.order - b.order || a.key.localeCompare(b.key);
  return { sections: [...sections.values()].sort(byOrder), entries: [...entries.values()].sort(byOrder) };
}

export const { sections: homeSections, entries: homeEntries } = gatherHome(
  import.meta.glob<{ default: HomeContribution }>('./modules/*/home.ts', { eager: true }),
);
