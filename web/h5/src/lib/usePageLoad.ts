// What a page shows before its content: loading at first, then either the content or the error
// (PageState binds both, with a retry that calls `load` again).
import { ref } from 'vue';
import { errorMessage } from './feedback';

export function usePageLoad(task: () => Promise<void>) {
  const loading = ref(true);
  const loadError = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      await task();
    } catch (err) {
      loadError.value = errorMessage(err);
    } finally {
      loading.value = false;
    }
  }

  return { loading, loadError, load };
}
