// The home grid. A module that ships adds one entry here; nothing else on the home page changes.
import type { RouteLocationRaw } from 'vue-router';
import { usePrefsStore } from './stores/prefs';

export interface HomeEntry {
  key: string;
  /** Vant icon name. */
  icon: string;
  /** i18n key of the label. */
  title: string;
  /** Where the entry goes… */
  to?: RouteLocationRaw;
  /** …or what it does in place. */
  run?: () => void;
  /** For toggles: whether it is on now. */
  isOn?: () => boolean;
}

export const homeEntries: HomeEntry[] = [
  { key: 'mine', icon: 'user-o', title: 'entries.mine', to: { name: 'mine' } },
  { key: 'password', icon: 'lock', title: 'entries.password', to: { name: 'password' } },
  {
    key: 'large-text',
    icon: 'font-o',
    title: 'entries.largeText',
    run: () => usePrefsStore().toggleLargeText(),
    isOn: () => usePrefsStore().largeText,
  },
  { key: 'language', icon: 'exchange', title: 'entries.language', run: () => usePrefsStore().toggleLang() },
];
