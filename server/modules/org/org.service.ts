import { eq, sql } from 'drizzle-orm';
import { assertOrgAccess, pathInScope, OutOfScopeError, type Actor } from '../../kernel/access.js';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import type { Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import {
  bumpTreeVersion,
  findOrgById,
  lockOrg,
  nextOrgId,
  rewriteSubtreePaths,
  type OrgWithCount,
} from './org.repo.js';
import { org, type OrgRow } from './org.schema.js';

// The rules of the org tree. Every function takes the caller and checks scope itself.

const READ = 'org:org:read';
const TREE_LOCK = 7340003; // serialises moves, so two moves cannot build a cycle together

export interface OrgInput {
  code: string;
  name: string;
  type: OrgRow['type'];
  level?: OrgRow['level'] | undefined;
  contactPerson?: string | null | undefined;
  contactPhone?: string | null | undefined;
  address?: string | null | undefined;
  settings?: Record<string, unknown> | undefined;
}

export interface OrgPatch extends Partial<OrgInput> {
  status?: OrgRow['status'] | undefined;
}

interface Env {
  crypto: Crypto;
  source: AuditSource;
}

/** An org the caller can read; 404 otherwise (audited when it exists outside scope). */
export async function getOrg(db: Db, actor: Actor, id: number): Promise<OrgWithCount> {
  const found = await findOrgById(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  if (!pathInScope(actor, READ, found.path)) throw new OutOfScopeError('org', String(id));
  return found;
}

/** The fields written to the audit log for an org (no settings blobs). */
function snapshot(o: OrgRow) {
  return {
    code: o.code,
    name: o.name,
    type: o.type,
    level: o.level,
    status: o.status,
    parentId: o.parentId,
    path: o.path,
    contactPerson: o.contactPerson,
    contactPhone: o.contactPhone,
    address: o.address,
  };
}

async function withCodeCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, 'org_code_unique'))
      throw new AppError('ORG_CODE_TAKEN', [{ path: 'code', message: 'ORG_CODE_TAKEN' }]);
    throw err;
  }
}

export async function createOrg(
  tx: Db,
  env: Env,
  actor: Actor,
  parentId: number,
  input: OrgInput,
): Promise<OrgWithCount> {
  await assertOrgAccess(tx, actor, 'org:org:create', parentId, READ);
  const parent = await lockOrg(tx, parentId);
  if (!parent) throw new AppError('NOT_FOUND');
  if (parent.status === 'closed') throw new AppError('ORG_CLOSED');
  const id = await nextOrgId(tx);
  const now = env.source.at;
  const [created] = await withCodeCheck(() =>
    tx
      .insert(org)
      .values({
        id,
        parentId,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        code: input.code,
        name: input.name,
        type: input.type,
        level: input.level ?? null,
        contactPerson: input.contactPerson ?? null,
        contactPhone: input.contactPhone ?? null,
        address: input.address ?? null,
        settings: input.settings ?? {},
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  if (!created) throw new Error('org insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: id,
    action: 'org.create',
    targetType: 'org',
    targetId: id,
    after: snapshot(created),
  });
  return { ...created, childCount: 0 };
}

export async function updateOrg(tx: Db, env: Env, actor: Actor, id: number, patch: OrgPatch): Promise<OrgWithCount> {
  await assertOrgAccess(tx, actor, 'org:org:update', id, READ);
  const before = await lockOrg(tx, id);
  if (!before) throw new AppError('NOT_FOUND');
  if (patch.status && patch.status !== before.status && before.parentId === null) throw new AppError('ORG_ROOT');
  const now = env.source.at;
  const closedAt =
    patch.status === undefined || patch.status === before.status
      ? before.closedAt
      : patch.status === 'closed'
        ? now
        : null;
  const [after] = await withCodeCheck(() =>
    tx
      .update(org)
      .set({ ...patch, closedAt, updatedAt: now })
      .where(eq(org.id, id))
      .returning(),
  );
  if (!after) throw new AppError('NOT_FOUND');
  const action =
    patch.status && patch.status !== before.status
      ? patch.status === 'closed'
        ? 'org.close'
        : 'org.reopen'
      : 'org.update';
  await writeAudit(tx, env.crypto, env.source, {
    orgId: id,
    action,
    targetType: 'org',
    targetId: id,
    before: snapshot(before),
    after: snapshot(after),
  });
  const fresh = await findOrgById(tx, id);
  if (!fresh) throw new AppError('NOT_FOUND');
  return fresh;
}

export async function moveOrg(tx: Db, env: Env, actor: Actor, id: number, newParentId: number): Promise<OrgWithCount> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
  await assertOrgAccess(tx, actor, 'org:org:move', id, READ);
  await assertOrgAccess(tx, actor, 'org:org:move', newParentId, READ);
  const moving = await lockOrg(tx, id);
  const parent = await lockOrg(tx, newParentId);
  if (!moving || !parent) throw new AppError('NOT_FOUND');
  if (moving.parentId === null) throw new AppError('ORG_ROOT');
  if (parent.path.startsWith(moving.path))
    throw new AppError('ORG_CYCLE', [{ path: 'parentId', message: 'ORG_CYCLE' }]);
  if (parent.status === 'closed') throw new AppError('ORG_CLOSED');
  const newPath = `${parent.path}${id}/`;
  if (newPath !== moving.path) {
    await rewriteSubtreePaths(tx, { from: moving.path, to: newPath, depthDelta: parent.depth + 1 - moving.depth });
    await bumpTreeVersion(tx);
    await tx.update(org).set({ parentId: newParentId, updatedAt: env.source.at }).where(eq(org.id, id));
  }
  const moved = await findOrgById(tx, id);
  if (!moved) throw new AppError('NOT_FOUND');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: id,
    action: 'org.move',
    targetType: 'org',
    targetId: id,
    before: { parentId: moving.parentId, path: moving.path },
    after: { parentId: newParentId, path: moved.path },
  });
  return moved;
}

// Modules whose records belong to an org register a check here; an org that any check finds in
// use cannot be deleted (it can be closed).
type UsageCheck = (tx: Db, orgId: number) => Promise<boolean>;
const usageChecks = new Set<UsageCheck>();

export function registerOrgUsage(check: UsageCheck): void {
  usageChecks.add(check);
}

export async function deleteOrg(tx: Db, env: Env, actor: Actor, id: number): Promise<void> {
  await assertOrgAccess(tx, actor, 'org:org:delete', id, READ);
  const target = await lockOrg(tx, id);
  if (!target) throw new AppError('NOT_FOUND');
  if (target.parentId === null) throw new AppError('ORG_ROOT');
  const [children] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(org)
    .where(eq(org.parentId, id));
  if ((children?.n ?? 0) > 0) throw new AppError('ORG_NOT_EMPTY');
  for (const inUse of usageChecks) if (await inUse(tx, id)) throw new AppError('ORG_NOT_EMPTY');
  await tx.delete(org).where(eq(org.id, id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: target.parentId,
    action: 'org.delete',
    targetType: 'org',
    targetId: id,
    before: snapshot(target),
  });
}
