// A list that loads page after page as the member scrolls (van-list): items, the loading and
// finished flags van-list binds, and a reset for a new tab.
import { ref, type Ref } from 'vue';
import { errorMessage } from './feedback';

export function useFeed<R extends { items: unknown[]; total: number }>(
  fetchPage: (page: number) => Promise<R>,
  onPage?: (res: R) => void,
) {
  const items: Ref<R['items']> = ref([]);
  const loading = ref(false);
  const finished = ref(false);
  const error = ref(false);
  const errorText = ref('');
  let page = 0;

  async function loadMore(): Promise<void> {
    loading.value = true;
    try {
      const res = await fetchPage(page + 1);
      page += 1;
      items.value.push(...res.items);
      onPage?.(res);
      finished.value = items.value.length >= res.total || res.items.length === 0;
    } catch (err) {
      error.value = true;
      errorText.value = errorMessage(err);
    } finally {
      loading.value = false;
    }
  }

  function reset(): void {
    items.value = [];
    page = 0;
    finished.value = false;
    error.value = false;
    void loadMore();
  }

  return { items, loading, finished, error, errorText, loadMore, reset };
}
