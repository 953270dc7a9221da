import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission } from '../modules.js';

export type { Permission };
import { AppError, type Label } from './errors.js';
import { rows, type Db } from './db.js';

// Data scope: the one mechanism every query on org-owned data goes through. A grant is a role
// at an org and reaches that org's subtree, found by a prefix match on the org's materialised
// path. Outside scope, a record does not exist for the caller (404), and the attempt is audited
// by the HTTP layer.
//
// The one place outside the org module that names the `org` table (by raw SQL, never written):
// scope is the kernel's shared mechanism and every module's records hang off the org tree, so
// the kernel does not import the org module (which imports the kernel). Modules read orgs through
// org's `orgRef` view (org_ref) instead.

export interface ActorGrant {
  id: number;
  roleCode: string;
  orgId: number;
  path: string;
  permissions: string[];
}

export interface Actor {
  accountId: number;
  kind: 'staff' | 'member' | 'merchant';
  username: string | null;
  displayName: string;
  orgId: number | null;
  sessionState: 'active' | 'mfa_pending' | 'mfa_enroll';
  grants: ActorGrant[];
}

// Every permission of every module, with its labels: filled from MODULES when server/modules.ts loads.
const catalogue = new Map<string, Label>();

/** Adds a module's permissions (server/modules.ts, from the manifests, whose keys make up Permission). */
export function registerPermissions(table: Readonly<Record<string, Label>>): void {
  for (const [code, label] of Object.entries(table)) catalogue.set(code, label);
}

/** Every permission with its labels, in MODULES order. */
export function permissionCatalogue(): ReadonlyMap<string, Label> {
  if (catalogue.size === 0) throw new Error('no permissions registered: load server/modules.ts first');
  return catalogue;
}

/** Whether a stored code names a permission of some module (grants and roles hold plain strings). */
export function isPermission(code: string): code is Permission {
  return catalogue.has(code);
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((g) => g.permissions.includes(permission));
}

export function allPermissions(actor: Actor): string[] {
  return [...new Set(actor.grants.flatMap((g) => g.permissions))].sort();
}

/** The subtree roots where `permission` holds, without roots already covered by another. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  return scopePathsOf(actor, permission);
}

function scopePathsOf(actor: Actor, permission: string): string[] {
  const paths = actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.path);
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

export function pathInScope(actor: Actor, permission: Permission, path: string): boolean {
  return scopePaths(actor, permission).some((p) => path.startsWith(p));
}

/** pathInScope for a code read from the database (a role's or grant's list), which no type checks. */
export function storedPermissionInScope(actor: Actor, code: string, path: string): boolean {
  return scopePathsOf(actor, code).some((p) => path.startsWith(p));
}

/** `org.path` condition for the caller's scope; `false` when the caller has no such grant. */
export function pathCondition(actor: Actor, permission: Permission, pathColumn: AnyPgColumn | SQL): SQL {
  const paths = scopePaths(actor, permission);
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(
    paths.map((p) => sql`${pathColumn} like ${p + '%'}`),
    sql` or `,
  )})`;
}

/** Condition on a table's org id column: the org lies in the caller's scope for `permission`. */
export function orgCondition(actor: Actor, permission: Permission, orgIdColumn: AnyPgColumn | SQL): SQL {
  const paths = scopePaths(actor, permission);
  if (paths.length === 0) return sql`false`;
  return sql`${orgIdColumn} in (select scope_org.id from org scope_org where ${pathCondition(actor, permission, sql`scope_org.path`)})`;
}

export class OutOfScopeError extends AppError {
  constructor(
    readonly targetType: string,
    readonly targetId: string,
  ) {
    super('NOT_FOUND');
  }
}

/**
 * Checks that `orgId` lies in the caller's scope: 404 (audited) when the caller cannot even read
 * there, 403 when it can read but `permission` does not reach it. Returns the org's path.
 */
export async function assertOrgAccess(
  db: Db,
  actor: Actor,
  permission: Permission,
  orgId: number,
  readPermission: Permission,
): Promise<string> {
  const [found] = await rows<{ path: string }>(db, sql`select path from org where id = ${orgId}`);
  if (!found || !pathInScope(actor, readPermission, found.path)) throw new OutOfScopeError('org', String(orgId));
  if (!pathInScope(actor, permission, found.path)) throw new AppError('FORBIDDEN');
  return found.path;
}
