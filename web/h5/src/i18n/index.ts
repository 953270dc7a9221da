import { createI18n } from 'vue-i18n';
import { Locale } from 'vant';
import vantZhCN from 'vant/es/locale/lang/zh-CN';
import { setApiLanguage } from '../../../lib/api/client';
import { compileMessage, mergeMessages, type MessageTree } from '../../../lib/i18n';

// Every module's messages (modules/<module>/i18n.ts, [中文, English] pairs), one language each.
// The sign-in page needs only core's, in Chinese (the default and the fallback): those come with
// the first download; the other modules' load before any signed-in page (the router waits for
// `loadAllMessages`), and English only when someone chooses it.
const zhCore = import.meta.glob<MessageTree>('../modules/core/i18n.ts', {
  eager: true,
  query: '?lang=zh',
  import: 'default',
});
const zhModules = import.meta.glob<MessageTree>(['../modules/*/i18n.ts', '!../modules/core/i18n.ts'], {
  query: '?lang=zh',
  import: 'default',
});
const enModules = import.meta.glob<MessageTree>('../modules/*/i18n.ts', { query: '?lang=en', import: 'default' });

export type Lang = 'zh-CN' | 'en';
export const languages: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];

export const i18n = createI18n<[MessageTree], Lang, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': mergeMessages(zhCore), en: {} }, // the rest arrives with loadAllMessages(), loadEnglish()
  messageCompiler: compileMessage,
});

async function loadModules(loaders: Record<string, () => Promise<MessageTree>>): Promise<Record<string, MessageTree>> {
  return Object.fromEntries(await Promise.all(Object.entries(loaders).map(async ([f, load]) => [f, await load()])));
}

let chinese: Promise<void> | null = null;
/** Fetches the Chinese messages of every module but core, once. */
export function loadAllMessages(): Promise<void> {
  chinese ??= loadModules(zhModules).then((modules) => {
    i18n.global.setLocaleMessage('zh-CN', mergeMessages({ ...zhCore, ...modules }));
  });
  return chinese;
}

let english: Promise<void> | null = null;
/** Fetches the English messages (ours and Vant's) once. */
function loadEnglish(): Promise<void> {
  english ??= Promise.all([loadModules(enModules), import('vant/es/locale/lang/en-US')]).then(([modules, vant]) => {
    i18n.global.setLocaleMessage('en', mergeMessages(modules));
    Locale.add({ 'en-US': vant.default });
  });
  return english;
}

let latest: Lang = 'zh-CN';
let ready: Promise<void> = Promise.resolve();
/** Switches every layer at once: our messages, Vant's built-in texts, the API's error messages. */
export function applyLanguage(lang: Lang): Promise<void> {
  latest = lang;
  ready = (lang === 'en' ? loadEnglish() : Promise.resolve()).then(() => {
    if (latest !== lang) return; // a later choice won
    i18n.global.locale.value = lang;
    if (lang === 'en') Locale.use('en-US');
    else Locale.use('zh-CN', vantZhCN);
    setApiLanguage(lang);
    document.documentElement.lang = lang; // the tab's title follows (router.ts, showPageTitle)
  });
  return ready;
}

/** Settles when the language chosen last is ready to show (main.ts mounts the app after it). */
export function languageReady(): Promise<void> {
  return ready.catch(() => applyLanguage('zh-CN'));
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh-CN' || value === 'en';
}
