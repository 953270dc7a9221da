// Build plugins both web apps use (imported by web/admin/vite.config.ts and web/h5/vite.config.ts).
import type { Plugin } from 'vite';
import { tsImport } from 'tsx/esm/api';
import { pickLanguage, type Messages } from './lib/i18n.ts';

/**
 * `modules/<module>/i18n.ts?lang=zh` (or `?lang=en`): the module's `[中文, English]` pairs as the
 * tree of one language, so that a chunk carries only the language it serves. The files stay
 * written as pairs (one place per text); the other language is left out at build time.
 */
export function messagesPerLanguage(): Plugin {
  return {
    name: 'uh:messages-per-language',
    enforce: 'post',
    async transform(_code, id) {
      const match = /\/i18n\.ts\?lang=(zh|en)$/.exec(id);
      if (!match) return null;
      // The file is data (an object literal, maybe built from shared pairs such as
      // shared/case-states.ts): the source file itself is evaluated in Node, imports and all.
      const file = id.slice(0, id.indexOf('?'));
      const mod = (await tsImport(file, import.meta.url)) as { default: Messages };
      const tree = pickLanguage(mod.default, match[1] === 'en' ? 1 : 0);
      // JSON.parse of one string is parsed faster than the same object literal.
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(tree))});`, map: null };
    },
  };
}
