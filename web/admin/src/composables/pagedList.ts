// The list-page pattern (a table filled from one paged GET, a pager, tabs or filters that go back
// to page 1) in one place, so a new list page only says how to fetch its rows.
import { reactive, ref, type Ref } from 'vue';
import type { Page } from '../../../lib/api/client';
import { showError } from './errors';

export interface Paging {
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export function usePagedList<T>(fetchPage: (paging: Paging) => Promise<Page<T>>, pageSize = 20) {
  const rows: Ref<T[]> = ref([]);
  const total = ref(0);
  /** The server stopped counting at `total` (a list that caps its count, e.g. cases, members). */
  const totalCapped = ref(false);
  const loading = ref(false);
  const paging = reactive<Paging>({ page: 1, pageSize });
  let latest = 0;

  /** Loads the current page; an answer that arrives after a newer request is dropped. */
  async function fetchRows(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const res = await fetchPage({ page: paging.page, pageSize: paging.pageSize });
      if (ticket !== latest) return;
      rows.value = res.items;
      total.value = res.total;
      totalCapped.value = res.totalCapped ?? false;
    } catch (err) {
      if (ticket === latest) showError(err);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** New filters or a new tab: back to the first page. */
  function search(): void {
    paging.page = 1;
    void fetchRows();
  }

  return { rows, total, totalCapped, loading, paging, fetchRows, search };
}

/** What usePagedList gives a page; PagedTable takes it whole. */
export type PagedList<T> = ReturnType<typeof usePagedList<T>>;

/** What PagedTable exposes to its page (a staff row opens its grants). */
export interface PagedTableHandle<T> {
  toggleRowExpansion: (row: T, expanded?: boolean) => void;
}
