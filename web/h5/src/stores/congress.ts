// The signed-in member's congress seats (GET /api/me/congress) and the bodies whose 厂务公开 they
// may read (GET /api/me/congress/publications). The home shows 我的职代会 only to a
// member who holds a seat; the first look at the home asks once, the congress page asks again.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { congressApi, type PublicationEntry, type Seat } from '../api/congress';
import { useSessionStore } from './session';

export const useCongressStore = defineStore('congress', () => {
  const session = useSessionStore();
  const seats = ref<Seat[]>([]);
  /** Whether the server has answered for this person (a failure counts: no entry rather than a broken one). */
  const known = ref(false);
  let pending: Promise<Seat[]> | null = null;
  // 厂务公开: the bodies whose published record this member may read (a seat is not needed).
  const publications = ref<PublicationEntry[]>([]);
  const publicationsKnown = ref(false);
  let publicationsPending: Promise<PublicationEntry[]> | null = null;

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

  function refreshPublications(): Promise<PublicationEntry[]> {
    publicationsPending ??= congressApi
      .publications()
      .then((items) => (publications.value = items))
      .finally(() => {
        publicationsKnown.value = true;
        publicationsPending = null;
      });
    return publicationsPending;
  }

  /** For the 厂务公开 home entry: asks once in the background, like holdsSeat. */
  function readsPublication(): boolean {
    if (!publicationsKnown.value && !publicationsPending && session.me) refreshPublications().catch(() => undefined);
    return publications.value.length > 0;
  }

  // Another person signing in on this device must not see the previous one's seats.
  watch(
    () => session.me?.id,
    (now, before) => {
      if (now !== before) {
        seats.value = [];
        known.value = false;
        publications.value = [];
        publicationsKnown.value = false;
      }
    },
  );

  const hasSeat = computed(() => seats.value.length > 0);
  return {
    seats,
    known,
    hasSeat,
    refresh,
    holdsSeat,
    publications,
    publicationsKnown,
    refreshPublications,
    readsPublication,
  };
});
