import { hasPermission, isPermission, type Actor } from '../../kernel/access.js';
import type { Db } from '../../kernel/db.js';
import { workbenchItems } from '../../kernel/workbench.js';

// The console's workbench (工作台): every module's pending-work counters and today's figures
// (declared in the manifests, gathered in kernel/workbench.ts), for the caller's scope. A counter
// of a permission the caller does not hold is left out, not shown as 0. The counts run one after
// another: they are a handful of indexed counts, and in parallel they would hold as many pool
// connections per poll of every open console.

const holds = (actor: Actor, permission: string) => isPermission(permission) && hasPermission(actor, permission);

export interface TodoItem {
  key: string;
  zh: string;
  en: string;
  count: number;
  path: string;
  overlaps: boolean;
}

export interface FigureItem {
  key: string;
  zh: string;
  en: string;
  value: number;
  path: string | null;
}

export async function pendingWork(db: Db, actor: Actor, now: Date): Promise<TodoItem[]> {
  const todo: TodoItem[] = [];
  for (const c of workbenchItems().todo) {
    if (!holds(actor, c.permission)) continue;
    const count = await c.count(db, actor, now);
    todo.push({ key: c.key, ...c.label, count, path: c.path, overlaps: c.overlaps ?? false });
  }
  return todo;
}

/** The pending work without counting an item twice (counters that overlap others are left out). */
export const totalOf = (todo: readonly TodoItem[]) => todo.reduce((n, t) => n + (t.overlaps ? 0 : t.count), 0);

export async function todayFigures(db: Db, actor: Actor, now: Date): Promise<FigureItem[]> {
  const today: FigureItem[] = [];
  for (const f of workbenchItems().today) {
    if (!holds(actor, f.permission)) continue;
    today.push({ key: f.key, ...f.label, value: await f.value(db, actor, now), path: f.path ?? null });
  }
  return today;
}
