// Member preferences that live on the device: language and large-text mode (适老化).
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { applyLanguage, isLang, type Lang } from '../i18n';

const LANG_KEY = 'uh.h5.lang';
const LARGE_KEY = 'uh.h5.largeText';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // private mode or storage full: the choice lasts for this visit only
  }
}

export const usePrefsStore = defineStore('prefs', () => {
  const stored = read(LANG_KEY);
  const lang = ref<Lang>(isLang(stored) ? stored : 'zh-CN');
  const largeText = ref(read(LARGE_KEY) === '1');

  watch(
    lang,
    (value) => {
      applyLanguage(value);
      write(LANG_KEY, value);
    },
    { immediate: true },
  );
  watch(
    largeText,
    (on) => {
      document.documentElement.classList.toggle('uh-large', on);
      write(LARGE_KEY, on ? '1' : '0');
    },
    { immediate: true },
  );

  function toggleLargeText(): void {
    largeText.value = !largeText.value;
  }
  function toggleLang(): void {
    lang.value = lang.value === 'zh-CN' ? 'en' : 'zh-CN';
  }

  return { lang, largeText, toggleLargeText, toggleLang };
});
