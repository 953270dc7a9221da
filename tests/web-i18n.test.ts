import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import { compileMessage, mergeMessages, pickLanguage, type Messages, type MessageTree } from '../web/lib/i18n.js';

// The web apps leave vue-i18n's message compiler out and compile with web/lib/i18n.ts: every
// message of both apps, in both languages, must read exactly as vue-i18n's own compiler reads it.

const APPS = ['admin', 'h5'] as const;
const VALUES = { name: '周师傅', n: 3, org: '京口区总工会', at: '2026-12-07', to: '镇江市', count: 2, total: 9 };

async function moduleMessages(app: string): Promise<Record<string, Messages>> {
  const dir = path.resolve('web', app, 'src/modules');
  const out: Record<string, Messages> = {};
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name, 'i18n.ts');
    if (!fs.existsSync(file)) continue;
    const mod: { default: Messages } = await import(pathToFileURL(file).href);
    out[file] = mod.default;
  }
  return out;
}

function leaves(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
}

describe('messages per language', () => {
  it('picks one language of the pairs; a top-level key claimed twice is refused', () => {
    const pairs: Messages = { a: { hello: ['你好，{name}', 'Hello, {name}'] }, b: ['是', 'Yes'] };
    expect(pickLanguage(pairs, 0)).toEqual({ a: { hello: '你好，{name}' }, b: '是' });
    expect(pickLanguage(pairs, 1)).toEqual({ a: { hello: 'Hello, {name}' }, b: 'Yes' });
    expect(() => mergeMessages({ 'x.ts': { a: 'x' }, 'y.ts': { a: 'y' } })).toThrow(
      /y\.ts repeats the top-level key "a"/,
    );
  });

  it('placeholders, list values, literals and plural cases render as vue-i18n renders them', () => {
    const messages = {
      named: '{name}，您好，共 {n} 条',
      list: '{0} / {1}',
      literal: "邮箱 {'{'}name{'}'} 与 {'@'}",
      plural: '无 | 一条 | {n} 条',
      text: '纯文本：不含占位符。',
    };
    const ours = createI18n({
      legacy: false,
      locale: 'zh',
      messages: { zh: messages },
      messageCompiler: compileMessage,
    });
    const theirs = createI18n({ legacy: false, locale: 'zh', messages: { zh: messages } });
    for (const [key, args] of [
      ['named', [VALUES]],
      ['list', [['甲', '乙']]],
      ['literal', []],
      ['plural', [0]],
      ['plural', [1]],
      ['plural', [5, { n: 5 }]],
      ['text', []],
    ] as const) {
      const mine = Reflect.apply(ours.global.t, ours.global, [key, ...args]);
      expect(mine).toBe(Reflect.apply(theirs.global.t, theirs.global, [key, ...args]));
    }
    expect(ours.global.t('plural', 5, { named: { n: 5 } })).toBe('5 条');
  });

  it.each(APPS)('every message of the %s app, in both languages, reads as with vue-i18n’s compiler', async (app) => {
    const modules = await moduleMessages(app);
    expect(Object.keys(modules).length).toBeGreaterThan(3);
    for (const lang of [0, 1] as const) {
      const tree = mergeMessages(
        Object.fromEntries(Object.entries(modules).map(([f, m]) => [f, pickLanguage(m, lang)])),
      );
      const ours = createI18n({ legacy: false, locale: 'l', messages: { l: tree }, messageCompiler: compileMessage });
      const theirs = createI18n({ legacy: false, locale: 'l', messages: { l: tree }, missingWarn: false });
      const keys = leaves(tree);
      expect(keys.length).toBeGreaterThan(100);
      for (const key of keys) expect(ours.global.t(key, VALUES), key).toBe(theirs.global.t(key, VALUES));
    }
  });
});
