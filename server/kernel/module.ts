import type { FastifyInstance } from 'fastify';
import type { Actor } from './access.js';
import type { Deps } from './context.js';
import type { Db } from './db.js';
import type { ErrorDef, Label } from './errors.js';
import type { JobHandler } from './jobs.js';

// A module tells the platform what it brings in one manifest, exported from its index.ts and
// listed once in server/modules.ts (MODULES). The app registers its routes, the error handler
// knows its codes, the permission catalogue lists its permissions, the job runner runs its jobs,
// and the demo seed runs its step — all by walking MODULES, so adding a module touches no registry.

/** What a demo-seed step is given: the demo orgs by key (see seed/demo.ts), the demo member's account. */
export interface SeedContext {
  tx: Db;
  deps: Deps;
  orgs: Map<string, number>;
  /** The demo member's account and phone (13800000001), if one was made. */
  demoMember: { accountId: number; phone: string } | null;
  /** Bulk members wanted (0 in most tests: steps that need members skip themselves). */
  members: number;
}

/** A background loop started with the app outside tests (e.g. the service sweep). */
export interface Loop {
  name: string;
  intervalMs: number;
  /** Also runs once as soon as the app is ready. */
  runAtStart?: boolean;
  run(deps: Deps): Promise<void>;
}

/**
 * One kind of work that waits on staff (工作台 待办): the workbench card, the bell's line and the
 * menu badge. `count` must be scoped exactly like the list behind `path` (kernel/access.ts), so the
 * number on the card is the number of rows the list shows; it is polled, so keep it an indexed count.
 */
export interface WorkbenchCounter {
  /** `module.thing`, stable: the console matches menu badges and default tabs on it. */
  key: string;
  label: Label;
  /** Only a caller holding this permission (at some org) gets the counter; checked when MODULES loads. */
  permission: string;
  /** The console path (with the list's filter as its query) that lists exactly the counted items. */
  path: string;
  count(db: Db, actor: Actor, now: Date): Promise<number>;
  /**
   * Its items are also counted by another counter (overdue cases are also to accept or someone's
   * open cases): shown on its own card, left out of the total and the menu badge so nothing counts twice.
   */
  overlaps?: boolean;
}

/** A figure of today for the caller's scope (工作台 今日数据): not work, just what happened. */
export interface WorkbenchFigure {
  key: string;
  label: Label;
  permission: string;
  /** Where the figure's rows can be seen, if somewhere. */
  path?: string;
  value(db: Db, actor: Actor, now: Date): Promise<number>;
}

/** What a module puts on the console's workbench; later modules declare theirs the same way. */
export interface WorkbenchHook {
  todo?: readonly WorkbenchCounter[];
  today?: readonly WorkbenchFigure[];
}

export interface ModuleDef {
  /** The module's folder name. */
  name: string;
  /** `module:entity:action` → label; the built-in roles (auth/permissions.ts) pick from these. */
  permissions?: Readonly<Record<string, Label>>;
  /** Error codes the module throws (AppError), with their HTTP status and messages. */
  errors?: Readonly<Record<string, ErrorDef>>;
  /** Messages for the field rules its schemas state (e.g. `.regex(PHONE, 'phone.invalid')`). */
  fieldMessages?: Readonly<Record<string, Label>>;
  /** Fastify plugins with the module's HTTP routes, registered in this order. */
  routes?: readonly ((app: FastifyInstance) => Promise<void>)[];
  /** Job kinds the module runs in the background (kernel/jobs.ts), by kind. */
  jobs?: Readonly<Record<string, (deps: Deps) => JobHandler>>;
  /** Periodic work started with the app (not in tests). */
  loops?: readonly Loop[];
  /** Loads the module's part of the demo data (seed/demo.ts runs the steps in MODULES order). */
  seed?: (ctx: SeedContext) => Promise<void>;
  /** The functions (and constants) other modules may call; types are exported beside the manifest. */
  api?: Readonly<Record<string, unknown>>;
  /** Pending-work counters and today's figures for the console's workbench (kernel/workbench.ts). */
  workbench?: WorkbenchHook;
}

/** Checks a manifest against ModuleDef and keeps its literal types (permission and error keys). */
export function defineModule<const M extends ModuleDef>(manifest: M): M {
  return manifest;
}

type Keys<T> = T extends Readonly<Record<infer K, unknown>> ? K & string : never;
/** The permissions declared by a list of manifests, as a union of literals. */
export type PermissionsOf<M extends ModuleDef> = M extends { permissions: infer P } ? Keys<P> : never;
/** The error codes declared by a list of manifests, as a union of literals. */
export type ErrorCodesOf<M extends ModuleDef> = M extends { errors: infer E } ? Keys<E> : never;
