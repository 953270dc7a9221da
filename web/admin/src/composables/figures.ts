import { reactive, ref } from 'vue';
import { showError } from './errors';

/** What every statistics page asks with: an org of the caller's scope and a period. */
export interface FiguresRange {
  orgId?: number;
  from?: string;
  to?: string;
}

/** FiguresFilters' values: an org (none: the caller's whole scope) and a period. */
export interface FiguresFilterValues {
  orgId: number | undefined;
  range: [string, string] | null;
}

/**
 * A statistics page's state (FiguresFilters' org and period, the figures, loading) and its load.
 * `fetch` receives the range; a page with more filters (服务统计's granularity) adds them there.
 */
export function useFigures<F>(fetch: (range: FiguresRange) => Promise<F>) {
  const filters = reactive<FiguresFilterValues>({ orgId: undefined, range: null });
  const figures = ref<F | null>(null);
  const loading = ref(false);
  const range = (): FiguresRange => ({ orgId: filters.orgId, from: filters.range?.[0], to: filters.range?.[1] });

  async function load(): Promise<void> {
    loading.value = true;
    try {
      figures.value = await fetch(range());
    } catch (err) {
      showError(err);
    } finally {
      loading.value = false;
    }
  }
  return { filters, figures, loading, range, load };
}
