// How many messages wait unread: the badges on the tab bar, the home's bell and its 消息 entry.
// Asked again when a tab page opens; the inbox page sets it as it reads.
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { inboxApi } from '../api/service';
import { useSessionStore } from './session';

export const useInboxStore = defineStore('inbox', () => {
  const session = useSessionStore();
  const unread = ref(0);
  let pending: Promise<number> | null = null;

  /** Asks the server; a failure keeps the last count (a badge is not worth an error toast). */
  function refresh(): Promise<number> {
    if (!session.me) return Promise.resolve(unread.value);
    pending ??= inboxApi
      .unread()
      .then((n) => (unread.value = n))
      .catch(() => unread.value)
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function set(n: number): void {
    unread.value = Math.max(0, n);
  }

  // Another person signing in on this device starts from their own count.
  watch(
    () => session.me?.id,
    (now, before) => {
      if (now !== before) unread.value = 0;
    },
  );

  return { unread, refresh, set };
});

/** A badge's content: nothing at 0, "99+" past 99. */
export function badgeOf(n: number): string | undefined {
  if (n <= 0) return undefined;
  return n > 99 ? '99+' : String(n);
}
