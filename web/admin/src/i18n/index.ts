// The console speaks zh-CN first and English second. The choice is kept in localStorage, sent to
// the API as Accept-Language (so server messages match) and switches Element Plus's own texts.
// Chinese (the default, and the fallback) is in the first download; English, ours and Element
// Plus's, is fetched only when someone chooses it.
import { computed, ref, shallowRef } from 'vue';
import { createI18n } from 'vue-i18n';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import type { Language } from 'element-plus/es/locale';
import { setApiLanguage } from '../api/client';
import { compileMessage, mergeMessages, type MessageTree } from '../../../lib/i18n';

// Every module's messages (modules/<module>/i18n.ts, [中文, English] pairs), one language each.
const zhCN = mergeMessages(
  import.meta.glob<MessageTree>('../modules/*/i18n.ts', { eager: true, query: '?lang=zh', import: 'default' }),
);
const enModules = import.meta.glob<MessageTree>('../modules/*/i18n.ts', { query: '?lang=en', import: 'default' });

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'unionhub.admin.lang';

function isLocale(value: string | null): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const initial = readStoredLocale();

export const i18n = createI18n<[MessageTree], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en: {} }, // English arrives with loadEnglish()
  messageCompiler: compileMessage,
});

export const currentLocale = ref<Locale>('zh-CN');
const elEn = shallowRef<Language | null>(null);
export const elementLocale = computed(() => (currentLocale.value === 'en' && elEn.value ? elEn.value : elZhCn));

let english: Promise<void> | null = null;
/** Fetches the English messages (ours and Element Plus's) once. */
function loadEnglish(): Promise<void> {
  english ??= Promise.all([
    Promise.all(Object.entries(enModules).map(async ([file, load]) => [file, await load()] as const)),
    import('element-plus/es/locale/lang/en'),
  ]).then(([modules, el]) => {
    i18n.global.setLocaleMessage('en', mergeMessages(Object.fromEntries(modules)));
    elEn.value = el.default;
  });
  return english;
}

async function apply(locale: Locale): Promise<void> {
  if (locale === 'en') await loadEnglish();
  i18n.global.locale.value = locale;
  currentLocale.value = locale;
  setApiLanguage(locale);
  document.documentElement.lang = locale;
}

export async function setLocale(locale: Locale): Promise<void> {
  await apply(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Settles when the saved language is ready to show (main.ts mounts the app after it). */
export const i18nReady: Promise<void> = apply(initial).catch(() => apply('zh-CN'));
