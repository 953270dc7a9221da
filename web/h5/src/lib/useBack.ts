import { useRouter, type RouteLocationRaw } from 'vue-router';

/** The nav bar's back arrow: back in history when there is one, else to `fallback`. */
export function useBack(fallback: RouteLocationRaw = { name: 'home' }) {
  const router = useRouter();
  return (): void => {
    if (window.history.state?.back) router.back();
    else void router.replace(fallback);
  };
}
