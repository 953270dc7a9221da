// Lists with tabs open on the caller's actionable work (issue 16: 服务工单 opened on an empty 我的工单
// while cases waited under 全部). The address decides when it says (a workbench card, a bell line);
// otherwise the first tab whose workbench counter has work; otherwise the list's usual tab.
import type { LocationQuery } from 'vue-router';
import { useWorkbenchStore } from '../stores/workbench';

/** The address's value for `name` when it is one of `allowed`. */
export function queryChoice<T extends string>(
  query: LocationQuery,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const v = query[name];
  return allowed.find((a) => a === v);
}

/** The address's comma list for `name`, keeping only allowed values. */
export function queryList<T extends string>(query: LocationQuery, name: string, allowed: readonly T[]): T[] {
  const v = query[name];
  const parts = typeof v === 'string' ? v.split(',') : [];
  return allowed.filter((a) => parts.includes(a));
}

/** The first tab whose counter (a workbench key) has work, once the counters are known; else `fallback`. */
export async function tabWithWork<T extends string>(choices: ReadonlyArray<[T, string]>, fallback: T): Promise<T> {
  const work = useWorkbenchStore();
  if (!work.loaded) await work.refresh();
  return choices.find(([, key]) => work.countOf(key) > 0)?.[0] ?? fallback;
}
