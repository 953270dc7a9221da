// The home grid. A module that ships adds one entry here; nothing else on the home page changes.
import type { RouteLocationRaw } from 'vue-router';
import { usePrefsStore } from './stores/prefs';
import { useMembershipStore } from './stores/membership';

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
  /** Shown only while this holds (e.g. members only); always shown when absent. */
  visible?: () => boolean;
}

// Membership decides four entries; until the server has answered none of them shows, so the grid
// never offers what the member cannot use.
const notMember = () => useMembershipStore().state === 'none';
const hasRecord = () => useMembershipStore().state === 'member';
const activeMember = () => useMembershipStore().isActiveMember;

export const homeEntries: HomeEntry[] = [
  { key: 'join', icon: 'add-o', title: 'entries.join', to: { name: 'join' }, visible: notMember },
  { key: 'card', icon: 'vip-card-o', title: 'entries.card', to: { name: 'card' }, visible: activeMember },
  { key: 'member-info', icon: 'idcard', title: 'entries.memberInfo', to: { name: 'member-info' }, visible: hasRecord },
  { key: 'transfer', icon: 'cluster-o', title: 'entries.transfer', to: { name: 'transfer' }, visible: activeMember },
  { key: 'services', icon: 'apps-o', title: 'service.entries.services', to: { name: 'services' } },
  { key: 'cases', icon: 'orders-o', title: 'service.entries.cases', to: { name: 'cases' } },
  { key: 'policy', icon: 'question-o', title: 'service.entries.policy', to: { name: 'policy' } },
  { key: 'voice', icon: 'comment-o', title: 'service.entries.voice', to: { name: 'voice' } },
  { key: 'inbox', icon: 'bell', title: 'service.entries.inbox', to: { name: 'inbox' } },
  { key: 'wishes', icon: 'gift-o', title: 'aid.entries.wishes', to: { name: 'wishes' } },
  {
    key: 'assistance',
    icon: 'gift-card-o',
    title: 'aid.entries.assistance',
    to: { name: 'assistance' },
    visible: hasRecord,
  },
  { key: 'hardship', icon: 'like-o', title: 'hardship.entry', to: { name: 'hardship' }, visible: hasRecord },
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
