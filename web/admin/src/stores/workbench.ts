// The caller's pending work (GET /api/workbench/pending), shared by the bell, the menu badges, the
// workbench page and the lists that open on the tab holding work. Short polling, not server-sent
// events: the counts are scoped per caller, so an event would only tell each console to ask again —
// the same query a poll makes — while an open stream per console tab pins a connection through
// every proxy and app process, and needs every module's writes to publish. A poll works the same on
// PGlite and on PostgreSQL with any number of app processes (ARCHITECTURE.md, Workbench).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { workbenchApi, type Todo } from '../api/workbench';

/** How often the counters are asked again while the tab is visible. */
export const POLL_MS = 20_000;

/** A counter that went up since the last answer: the bell announces it. */
export interface Rise {
  todo: Todo;
  added: number;
}

/** The console path's page ('/service/cases?view=mine' → '/service/cases'). */
export const pathOf = (path: string) => path.split('?')[0] ?? path;

export const useWorkbenchStore = defineStore('workbench', () => {
  const todo = ref<Todo[]>([]);
  const total = ref(0);
  const loaded = ref(false);
  /** The rises of the latest answer (empty on the first one: what was there at sign-in is not news). */
  const rises = ref<Rise[]>([]);
  let timer: ReturnType<typeof setInterval> | undefined;
  let inFlight: Promise<void> | null = null;

  /**
   * Takes a fresh list of counters (from a poll or the workbench page) and notes what rose;
   * `quiet` after the caller's own step (accepting a case adds to their cases under way: not news).
   */
  function apply(next: Todo[], nextTotal: number, quiet = false): void {
    const before = new Map(todo.value.map((t) => [t.key, t.count]));
    rises.value =
      loaded.value && !quiet
        ? next.flatMap((t) => {
            const added = t.count - (before.get(t.key) ?? 0);
            return added > 0 && !t.overlaps ? [{ todo: t, added }] : [];
          })
        : [];
    todo.value = next;
    total.value = nextTotal;
    loaded.value = true;
  }

  /** Asks for the counters now; `quiet` after the caller's own step (see apply). */
  async function refresh(quiet = false): Promise<void> {
    inFlight ??= workbenchApi
      .pending()
      .then((r) => apply(r.todo, r.total, quiet))
      .catch(() => undefined) // a missed poll is retried by the next one
      .finally(() => (inFlight = null));
    return inFlight;
  }

  const onVisibility = () => {
    if (document.visibilityState === 'visible') void refresh();
  };

  /** Polls while the console is open and the tab visible; asks at once when the tab shows again. */
  function start(): void {
    if (timer) return;
    void refresh();
    timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    document.addEventListener('visibilitychange', onVisibility);
  }

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
    document.removeEventListener('visibilitychange', onVisibility);
    todo.value = [];
    total.value = 0;
    loaded.value = false;
    rises.value = [];
  }

  const countOf = (key: string) => todo.value.find((t) => t.key === key)?.count ?? 0;

  /** The menu badge of a console page: its counters, each item once. */
  const badgeOf = (page: string) =>
    todo.value.reduce((n, t) => n + (!t.overlaps && pathOf(t.path) === page ? t.count : 0), 0);

  return { todo, total, loaded, rises, apply, refresh, start, stop, countOf, badgeOf };
});
