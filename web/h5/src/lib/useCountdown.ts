import { onBeforeUnmount, ref } from 'vue';

/** A seconds counter that runs down to zero (e.g. "resend code in 59 s"). */
export function useCountdown() {
  const remaining = ref(0);
  let timer: ReturnType<typeof setInterval> | undefined;

  function start(seconds: number): void {
    clearInterval(timer);
    remaining.value = seconds;
    timer = setInterval(() => {
      remaining.value -= 1;
      if (remaining.value <= 0) clearInterval(timer);
    }, 1000);
  }

  onBeforeUnmount(() => clearInterval(timer));
  return { remaining, start };
}
