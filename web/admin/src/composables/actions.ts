// Building ActionButtons' entries one line each: its data-test, its message key, what it runs, and
// anything else (type, show, loading…) in `more`.
import type { ButtonAction } from '../components/ActionButtons.vue';

export function button(
  test: string,
  label: string,
  run: () => unknown,
  more: Partial<ButtonAction> = {},
): ButtonAction {
  return { test, label, run, ...more };
}
