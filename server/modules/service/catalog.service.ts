import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertOrgAccess, OutOfScopeError, pathInScope, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { orgRef } from '../org/index.js';
import { service, type Eligibility, type FormField, type ServiceRow } from './service.schema.js';

// The catalog: rows defined along the org tree, resolved into the catalog one org sees.

export const CATALOG = 'service:catalog:manage';
export const READ = 'service:case:read';

const handling = alias(orgRef, 'handling_org');

function selectServices(db: Db) {
  return db
    .select({ s: service, orgName: orgRef.name, orgPath: orgRef.path, handlingOrgName: handling.name })
    .from(service)
    .innerJoin(orgRef, eq(orgRef.id, service.orgId))
    .innerJoin(handling, eq(handling.id, service.handlingOrgId));
}
type Found = Awaited<ReturnType<ReturnType<typeof selectServices>['where']>>[number];

export function presentService({ s, orgName, handlingOrgName }: Found, inherited: boolean) {
  return {
    id: s.id,
    category: s.category,
    name: s.name,
    description: s.description,
    form: s.form,
    eligibility: s.eligibility,
    handlingOrgId: s.handlingOrgId,
    handlingOrgName,
    deadlineDays: s.deadlineDays,
    orgId: s.orgId,
    orgName,
    baseId: s.overridesId ?? s.id,
    overridesId: s.overridesId,
    inherited,
    active: s.active,
    hidden: s.hidden,
    sortOrder: s.sortOrder,
  };
}
export type ServiceView = ReturnType<typeof presentService>;

const ancestorIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/**
 * The effective catalog at the org with `path`: for each base service defined on the path, the
 * definition of the deepest org on it that has one. A hidden or inactive base drops the service;
 * an inactive override is passed over.
 */
export async function effectiveCatalog(db: Db, path: string): Promise<ServiceView[]> {
  const found = await selectServices(db).where(inArray(service.orgId, ancestorIds(path)));
  const byBase = new Map<number, Found>();
  const bases = new Map<number, Found>();
  for (const f of found) if (f.s.overridesId === null) bases.set(f.s.id, f);
  for (const f of found) {
    const base = f.s.overridesId ?? f.s.id;
    if (f.s.overridesId !== null && !f.s.active) continue;
    const prev = byBase.get(base);
    if (!prev || prev.orgPath.length < f.orgPath.length) byBase.set(base, f);
  }
  const ownOrgId = ancestorIds(path).at(-1);
  return [...byBase.entries()]
    .filter(([base, f]) => bases.get(base)?.s.active && !f.s.hidden && f.s.active)
    .map(([, f]) => presentService(f, f.s.orgId !== ownOrgId))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}

export async function orgPath(db: Db, orgId: number): Promise<string> {
  const [o] = await db.select({ path: orgRef.path }).from(orgRef).where(eq(orgRef.id, orgId));
  if (!o) throw new AppError('NOT_FOUND');
  return o.path;
}

/** Rows defined at one org (originals, overrides and hides), for the catalog editor. */
export async function definitionsAt(db: Db, orgId: number): Promise<ServiceView[]> {
  const found = await selectServices(db).where(eq(service.orgId, orgId)).orderBy(service.sortOrder, service.id);
  return found.map((f) => presentService(f, false));
}

export async function findService(db: Db, id: number): Promise<Found | undefined> {
  const [f] = await selectServices(db).where(eq(service.id, id));
  return f;
}

/** Staff read a definition made in their scope, or above their home org (it applies to them). */
export async function getServiceForStaff(db: Db, actor: Actor, id: number): Promise<ServiceView> {
  const f = await findService(db, id);
  if (!f) throw new AppError('NOT_FOUND');
  const home = actor.orgId ? await orgPath(db, actor.orgId) : '';
  const readable =
    ([READ, CATALOG] as const).some((p) => pathInScope(actor, p, f.orgPath)) || home.startsWith(f.orgPath);
  if (!readable) throw new OutOfScopeError('service', String(id));
  return presentService(f, false);
}

export interface ServiceInput {
  category: ServiceRow['category'];
  name: string;
  description?: string | null;
  form: FormField[];
  eligibility?: Eligibility;
  handlingOrgId?: number;
  deadlineDays: number;
  sortOrder?: number;
  hidden?: boolean;
  active?: boolean;
}

async function checkHandlingOrg(db: Db, definingPath: string, handlingOrgId: number): Promise<void> {
  const path = await orgPath(db, handlingOrgId).catch(() => '');
  if (!path.startsWith(definingPath))
    throw new AppError('VALIDATION_FAILED', [{ path: 'handlingOrgId', message: 'service.handlingOrg' }]);
}

export async function createService(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  input: ServiceInput & { orgId: number; overridesId?: number | null },
): Promise<number> {
  const path = await assertOrgAccess(tx, actor, CATALOG, input.orgId, READ);
  if (input.overridesId) {
    const base = await findService(tx, input.overridesId);
    if (!base || base.s.overridesId !== null || base.s.orgId === input.orgId || !path.startsWith(base.orgPath)) {
      throw new AppError('SERVICE_OVERRIDE_INVALID', [{ path: 'overridesId', message: 'SERVICE_OVERRIDE_INVALID' }]);
    }
    const [dup] = await tx
      .select({ id: service.id })
      .from(service)
      .where(and(eq(service.orgId, input.orgId), eq(service.overridesId, input.overridesId)));
    if (dup) throw new AppError('SERVICE_OVERRIDE_EXISTS');
  }
  const handlingOrgId = input.handlingOrgId ?? input.orgId;
  await checkHandlingOrg(tx, path, handlingOrgId);
  const now = env.source.at;
  const [row] = await tx
    .insert(service)
    .values({
      orgId: input.orgId,
      overridesId: input.overridesId ?? null,
      category: input.category,
      name: input.name,
      description: input.description ?? null,
      form: input.form,
      eligibility: input.eligibility ?? { membersOnly: true, jobTypes: null },
      handlingOrgId,
      deadlineDays: input.deadlineDays,
      sortOrder: input.sortOrder ?? 0,
      hidden: input.hidden ?? false,
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('service insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: row.orgId,
    action: 'service.create',
    targetType: 'service',
    targetId: row.id,
    after: auditView(row),
  });
  return row.id;
}

export async function updateService(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  patch: Partial<ServiceInput>,
): Promise<void> {
  const f = await findService(tx, id);
  if (!f) throw new AppError('NOT_FOUND');
  const path = await assertOrgAccess(tx, actor, CATALOG, f.s.orgId, READ);
  if (patch.handlingOrgId !== undefined) await checkHandlingOrg(tx, path, patch.handlingOrgId);
  const [after] = await tx
    .update(service)
    .set({ ...patch, updatedAt: env.source.at })
    .where(eq(service.id, id))
    .returning();
  if (!after) throw new AppError('NOT_FOUND');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: after.orgId,
    action: 'service.update',
    targetType: 'service',
    targetId: id,
    before: auditView(f.s),
    after: auditView(after),
  });
}

const auditView = (s: ServiceRow) => ({
  category: s.category,
  name: s.name,
  overridesId: s.overridesId,
  handlingOrgId: s.handlingOrgId,
  deadlineDays: s.deadlineDays,
  eligibility: s.eligibility,
  hidden: s.hidden,
  active: s.active,
  fields: s.form.map((x) => `${x.key}:${x.type}${x.required ? '*' : ''}`),
});

/** Whether a member (job type, or none) may apply; the reason when not. */
export function eligibilityOf(e: Eligibility, memberJobType: string | null): 'members_only' | 'job_type' | null {
  if (memberJobType === null) return e.membersOnly || e.jobTypes ? 'members_only' : null;
  if (e.jobTypes && !e.jobTypes.includes(memberJobType)) return 'job_type';
  return null;
}

export const rootPath = async (db: Db) => {
  const [o] = await db
    .select({ path: orgRef.path })
    .from(orgRef)
    .where(sql`${orgRef.parentId} is null`)
    .limit(1);
  return o?.path ?? '/';
};
