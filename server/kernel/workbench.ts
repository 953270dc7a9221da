import { isPermission } from './access.js';
import type { WorkbenchCounter, WorkbenchFigure, WorkbenchHook } from './module.js';

// The workbench's counters and figures, gathered from the manifests when server/modules.ts loads
// (as permissions and error codes are), so the workbench module reads them without importing
// MODULES (which imports it).

const counters: WorkbenchCounter[] = [];
const figures: WorkbenchFigure[] = [];

/** Adds a module's workbench hook; a duplicate key or an undeclared permission stops the app from loading. */
export function registerWorkbench(moduleName: string, hook: WorkbenchHook): void {
  for (const item of [...(hook.todo ?? []), ...(hook.today ?? [])]) {
    if (!isPermission(item.permission))
      throw new Error(`${moduleName}: workbench item ${item.key} names an unknown permission ${item.permission}`);
    if ([...counters, ...figures].some((c) => c.key === item.key))
      throw new Error(`${moduleName}: workbench key ${item.key} declared twice`);
  }
  counters.push(...(hook.todo ?? []));
  figures.push(...(hook.today ?? []));
}

/** Every module's counters and figures, in MODULES order. */
export function workbenchItems(): { todo: readonly WorkbenchCounter[]; today: readonly WorkbenchFigure[] } {
  return { todo: counters, today: figures };
}
