// Live figures on the congress pages (presence at check-in, the vote board): load, then load again
// every `ms` while the page is visible and `live()` holds; never two requests at once, and a
// hidden tab stops polling and catches up when shown again.
import { onBeforeUnmount, onMounted, ref, watch } from 'vue';

export function usePoll(load: () => Promise<void>, ms: number, live: () => boolean = () => true) {
  const visible = ref(document.visibilityState === 'visible');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;

  async function tick(): Promise<void> {
    clearTimeout(timer);
    if (!inFlight) {
      inFlight = true;
      try {
        await load();
      } finally {
        inFlight = false;
      }
    }
    if (visible.value && live()) timer = setTimeout(() => void tick(), ms);
  }
  const onVisibility = () => (visible.value = document.visibilityState === 'visible');
  watch(visible, (v) => (v ? void tick() : clearTimeout(timer)));
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    void tick();
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    clearTimeout(timer);
  });
  return { refresh: tick };
}
