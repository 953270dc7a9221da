// The console speaks zh-CN first and English second. The choice is kept in localStorage, sent to
// the API as Accept-Language (so server messages match) and switches Element Plus's own texts.
import { computed, ref } from 'vue';
import { createI18n } from 'vue-i18n';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import elEn from 'element-plus/es/locale/lang/en';
import { setApiLanguage } from '../api/client';
import { splitMessages, type Messages, type MessageTree } from '../../../lib/i18n';

// Every module's messages (modules/<module>/i18n.ts, [中文, English] pairs), one tree per language.
const { zh: zhCN, en } = splitMessages(
  import.meta.glob<{ default: Messages }>('../modules/*/i18n.ts', { eager: true }),
);
type MessageSchema = MessageTree;

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

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initial,
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export const currentLocale = ref<Locale>(initial);
export const elementLocale = computed(() => (currentLocale.value === 'en' ? elEn : elZhCn));

function apply(locale: Locale): void {
  i18n.global.locale.value = locale;
  currentLocale.value = locale;
  setApiLanguage(locale);
  document.documentElement.lang = locale;
}

export function setLocale(locale: Locale): void {
  apply(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

apply(initial);
