// The signed-in member's congress seats (GET /api/me/congress). The home shows 我的职代会 only to a
// member who holds a seat; the first look at the home asks once, the congress page asks again.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { congressApi, type Seat } from '../api/congress';
import { useSessionStore } from './session';

export const useCongressStore = defineStore('congress', () => {
  const session = useSessionStore();
  const seats = ref<Seat[]>([]);
  /** Whether the server has answered for this person (a failure counts: no entry rather than a broken one). */
  const known = ref(false);
  let pending: Promise<Seat[]> | null = null;

  /** Asks the server; errors propagate to the caller (the congress page shows them). */
  function refresh(): Promise<Seat[]> {
    pending ??= congressApi
      .mine()
      .then((r) => (seats.value = r.seats))
      .finally(() => {
        known.value = true;
        pending = null;
      });
    return pending;
  }

  /** For the home entry: asks once in the background, then answers from what it knows. */
  function holdsSeat(): boolean {
    if (!known.value && !pending && session.me) refresh().catch(() => undefined);
    return seats.value.length > 0;
  }

  // Another person signing in on this device must not see the previous one's seats.
  watch(
    () => session.me?.id,
    (now, before) => {
      if (now !== before) {
        seats.value = [];
        known.value = false;
      }
    },
  );

  const hasSeat = computed(() => seats.value.length > 0);
  return { seats, known, hasSeat, refresh, holdsSeat };
});
