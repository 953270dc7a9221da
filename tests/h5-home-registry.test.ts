import { describe, expect, it } from 'vitest';

// The H5 home's registry (web/h5/src/homeEntries.ts): every module's home.ts gathered into the
// 服务 / 普惠 / 活动 sections, settings kept off the home, and a clash between modules refused.

interface Registry {
  homeSections: Array<{ key: string }>;
  homeEntries: Array<{ key: string; section: string; title: string }>;
  gatherHome: (modules: Record<string, { default: unknown }>) => unknown;
}
// Web code (bundler resolution, import.meta.glob): loaded by URL, out of this project's typecheck.
const load = async () => (await import(new URL('../web/h5/src/homeEntries.ts', import.meta.url).href)) as Registry;

describe('H5 home registry', () => {
  it('gathers the sections in page order and every module entry into one of them', async () => {
    const { homeSections, homeEntries } = await load();
    expect(homeSections.map((s) => s.key)).toEqual(['services', 'benefits', 'activities']);
    const keys = homeEntries.map((e) => e.key);
    for (const key of [
      'services',
      'cases',
      'policy',
      'voice',
      'inbox',
      'hardship',
      'wishes',
      'card',
      'transfer',
      'merchants',
      'campaigns',
      'vouchers',
    ])
      expect(keys).toContain(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(homeEntries.every((e) => homeSections.some((s) => s.key === e.section))).toBe(true);
  });

  it('keeps settings off the home (they live under 我的)', async () => {
    const { homeEntries } = await load();
    for (const e of homeEntries) expect(e.title).not.toMatch(/^entries\.(password|language|largeText|mine)$/);
  });

  it('refuses two modules claiming one entry or section, and an entry in a section nobody declared', async () => {
    const { gatherHome } = await load();
    const section = { key: 'services', order: 1, title: 't', empty: 'e' };
    const entry = { key: 'cases', section: 'services', order: 1, icon: 'i', title: 't', to: '/' };
    expect(() =>
      gatherHome({ a: { default: { sections: [section], entries: [entry] } }, b: { default: { entries: [entry] } } }),
    ).toThrow(/repeats the entry "cases"/);
    expect(() =>
      gatherHome({ a: { default: { sections: [section] } }, b: { default: { sections: [section] } } }),
    ).toThrow(/repeats the section "services"/);
    expect(() => gatherHome({ a: { default: { entries: [entry] } } })).toThrow(/names no section "services"/);
  });
});
