import { createI18n } from 'vue-i18n';
import { Locale } from 'vant';
import vantZhCN from 'vant/es/locale/lang/zh-CN';
import vantEnUS from 'vant/es/locale/lang/en-US';
import { setApiLanguage } from '../../../lib/api/client';
import { splitMessages, type Messages, type MessageTree } from '../../../lib/i18n';

// Every module's messages (modules/<module>/i18n.ts, [中文, English] pairs), one tree per language.
const { zh: zhCN, en } = splitMessages(
  import.meta.glob<{ default: Messages }>('../modules/*/i18n.ts', { eager: true }),
);

export type Lang = 'zh-CN' | 'en';
export const languages: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];

export const i18n = createI18n<[MessageTree], Lang, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** Switches every layer at once: our messages, Vant's built-in texts, the API's error messages. */
export function applyLanguage(lang: Lang): void {
  i18n.global.locale.value = lang;
  if (lang === 'en') Locale.use('en-US', vantEnUS);
  else Locale.use('zh-CN', vantZhCN);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  document.title = i18n.global.t('app.brand');
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh-CN' || value === 'en';
}
