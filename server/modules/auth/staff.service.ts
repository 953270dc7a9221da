import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  assertOrgAccess,
  orgCondition,
  OutOfScopeError,
  pathInScope,
  storedPermissionInScope,
  type Actor,
  type Permission,
} from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { maskPhone, type Crypto } from '../../kernel/crypto.js';
import { escapeLike, rows, type Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import { orgRef } from '../org/index.js';
import { account, role, staffGrant } from './auth.schema.js';
import { assertPasswordAllowed, hashPassword } from './password.js';
import { revokeAccountSessions } from './session.js';
import type { Clock } from '../../kernel/clock.js';

// Staff accounts and their grants. A staff member is visible where their home org is; a grant can
// only be given at an org within the giver's own `staff:grant:manage` scope, and only for a role
// whose every permission the giver holds there (no one hands out more than they have). The same
// rule guards every other management action (edit, disable, enable, password reset, unlock, grants):
// the target's every grant must lie in the officer's scope with a role the officer could have given
// there, or whoever resets its password signs in with more than they hold. Nobody manages their own
// account here: "my account" (me.service.ts) asks for the current password.

const READ = 'staff:account:read';
const UPDATE = 'staff:account:update';
const GRANT = 'staff:grant:manage';

export interface GrantView {
  id: number;
  roleCode: string;
  roleName: string;
  orgId: number;
  orgName: string;
  createdAt: Date;
}

export interface StaffView {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  orgId: number;
  orgName: string;
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  grants: GrantView[];
  /** The caller may edit, disable, enable, reset and unlock this account / change its grants. */
  manageable: boolean;
  grantsManageable: boolean;
}

export async function grantsOf(db: Db, accountIds: number[]): Promise<Map<number, GrantView[]>> {
  const out = new Map<number, GrantView[]>();
  if (accountIds.length === 0) return out;
  const found = await db
    .select({
      accountId: staffGrant.accountId,
      id: staffGrant.id,
      roleCode: staffGrant.roleCode,
      roleName: role.name,
      orgId: staffGrant.orgId,
      orgName: orgRef.name,
      createdAt: staffGrant.createdAt,
    })
    .from(staffGrant)
    .innerJoin(role, eq(role.code, staffGrant.roleCode))
    .innerJoin(orgRef, eq(orgRef.id, staffGrant.orgId))
    .where(inArray(staffGrant.accountId, accountIds))
    .orderBy(asc(staffGrant.id));
  for (const { accountId, ...g } of found) out.set(accountId, [...(out.get(accountId) ?? []), g]);
  return out;
}

interface HeldGrant {
  accountId: number;
  path: string;
  permissions: string[];
}

/** Each account's grants as scope sees them: the org's path and the role's permissions. */
async function heldGrants(db: Db, accountIds: number[]): Promise<Map<number, HeldGrant[]>> {
  const out = new Map<number, HeldGrant[]>();
  if (accountIds.length === 0) return out;
  const found = await rows<HeldGrant>(
    db,
    sql`select g.account_id as "accountId", o.path, r.permissions from staff_grant g join role r on r.code = g.role_code join org_ref o on o.id = g.org_id
        where g.account_id in (${sql.join(
          accountIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  for (const g of found) out.set(g.accountId, [...(out.get(g.accountId) ?? []), g]);
  return out;
}

/** True when every grant lies in the actor's `permission` scope with a role the actor could grant there. */
function withinReach(actor: Actor, permission: Permission, grants: HeldGrant[]): boolean {
  return grants.every(
    (g) =>
      pathInScope(actor, permission, g.path) && g.permissions.every((p) => storedPermissionInScope(actor, p, g.path)),
  );
}

/** The rule `loadManaged` enforces, as a yes/no for lists (home path and grants already loaded). */
function mayManage(
  actor: Actor,
  id: number,
  homePath: string,
  held: HeldGrant[],
  permission: Permission,
  homePermission: Permission = permission,
): boolean {
  return id !== actor.accountId && pathInScope(actor, homePermission, homePath) && withinReach(actor, permission, held);
}

const staffColumns = {
  id: account.id,
  username: account.username,
  displayName: account.displayName,
  phoneEnc: account.phoneEnc,
  orgId: account.orgId,
  orgName: orgRef.name,
  orgPath: orgRef.path,
  status: account.status,
  totpEnabled: account.totpEnabled,
  lockedUntil: account.lockedUntil,
  lastLoginAt: account.lastLoginAt,
  createdAt: account.createdAt,
};

const selectStaff = (db: Db) => db.select(staffColumns).from(account).innerJoin(orgRef, eq(orgRef.id, account.orgId));
type StaffRow = Awaited<ReturnType<typeof selectStaff>>[number];

async function present(db: Db, crypto: Crypto, actor: Actor, found: StaffRow[]): Promise<StaffView[]> {
  const ids = found.map((s) => s.id);
  const grants = await grantsOf(db, ids);
  const held = await heldGrants(db, ids);
  return found.map(({ phoneEnc, orgPath, ...s }) => ({
    ...s,
    username: s.username ?? '',
    orgId: s.orgId ?? 0,
    phone: phoneEnc ? maskPhone(crypto.decrypt(phoneEnc)) : null,
    grants: grants.get(s.id) ?? [],
    manageable: mayManage(actor, s.id, orgPath, held.get(s.id) ?? [], UPDATE),
    grantsManageable: mayManage(actor, s.id, orgPath, held.get(s.id) ?? [], GRANT, READ),
  }));
}

export interface StaffFilter {
  q?: string | undefined;
  orgId?: number | undefined;
  status?: 'active' | 'disabled' | undefined;
  page: number;
  pageSize: number;
}

export async function listStaff(db: Db, crypto: Crypto, actor: Actor, f: StaffFilter) {
  const conditions: SQL[] = [eq(account.kind, 'staff'), orgCondition(actor, READ, account.orgId)];
  if (f.orgId) {
    const path = await assertOrgAccess(db, actor, READ, f.orgId, READ);
    conditions.push(sql`${orgRef.path} like ${path + '%'}`);
  }
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const match = or(ilike(account.username, pattern), ilike(account.displayName, pattern));
    if (match) conditions.push(match);
  }
  if (f.status) conditions.push(eq(account.status, f.status));
  const where = and(...conditions);
  const [total] = await db
    .select({ n: count() })
    .from(account)
    .innerJoin(orgRef, eq(orgRef.id, account.orgId))
    .where(where);
  const found = await selectStaff(db)
    .where(where)
    .orderBy(asc(orgRef.path), asc(account.username))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: await present(db, crypto, actor, found), total: total?.n ?? 0 };
}

/** A staff account the caller may see with `permission` at its home org; 404 when out of scope. */
async function loadStaff(db: Db, actor: Actor, id: number, permission: Permission = READ, lock = false) {
  const query = db
    .select({ acct: account, path: orgRef.path })
    .from(account)
    .innerJoin(orgRef, eq(orgRef.id, account.orgId))
    .where(and(eq(account.id, id), eq(account.kind, 'staff')));
  const [found] = lock ? await query.for('update', { of: account }) : await query;
  if (!found) throw new AppError('NOT_FOUND');
  if (!pathInScope(actor, READ, found.path)) throw new OutOfScopeError('account', String(id));
  if (!pathInScope(actor, permission, found.path)) throw new AppError('FORBIDDEN');
  return found.acct;
}

/**
 * A staff account the caller may manage: not their own (403 STAFF_SELF), home org in scope (404 /
 * 403 as `loadStaff`), and no grant beyond the caller (403 STAFF_OUTRANKS). The account row stays
 * locked to the end of the transaction, so a grant given meanwhile (addGrant locks it too) waits
 * and is not missed.
 */
async function loadManaged(
  tx: Db,
  actor: Actor,
  id: number,
  permission: Permission,
  homePermission: Permission = permission,
) {
  if (id === actor.accountId) throw new AppError('STAFF_SELF');
  const target = await loadStaff(tx, actor, id, homePermission, true);
  const held = (await heldGrants(tx, [id])).get(id) ?? [];
  if (!withinReach(actor, permission, held)) throw new AppError('STAFF_OUTRANKS');
  return target;
}

export async function getStaff(db: Db, crypto: Crypto, actor: Actor, id: number): Promise<StaffView> {
  await loadStaff(db, actor, id);
  const found = await selectStaff(db).where(eq(account.id, id));
  const [view] = await present(db, crypto, actor, found);
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

function snapshot(a: typeof account.$inferSelect, crypto: Crypto) {
  return {
    username: a.username,
    displayName: a.displayName,
    orgId: a.orgId,
    status: a.status,
    phone: a.phoneEnc ? maskPhone(crypto.decrypt(a.phoneEnc)) : null,
  };
}

async function withUniqueChecks<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, 'account_username_unique'))
      throw new AppError('USERNAME_TAKEN', [{ path: 'username', message: 'USERNAME_TAKEN' }]);
    if (isUniqueViolation(err, 'account_kind_phone_uq'))
      throw new AppError('PHONE_TAKEN', [{ path: 'phone', message: 'PHONE_TAKEN' }]);
    throw err;
  }
}

export interface NewStaff {
  username: string;
  displayName: string;
  orgId: number;
  password: string;
  phone?: string | null | undefined;
}

export async function createStaff(tx: Db, env: TxEnv, actor: Actor, input: NewStaff): Promise<number> {
  await assertOrgAccess(tx, actor, 'staff:account:create', input.orgId, READ);
  assertPasswordAllowed(input.password, input, 'staff');
  const now = env.source.at;
  const passwordHash = await hashPassword(input.password);
  const [created] = await withUniqueChecks(() =>
    tx
      .insert(account)
      .values({
        kind: 'staff',
        username: input.username,
        displayName: input.displayName,
        orgId: input.orgId,
        phoneEnc: input.phone ? env.crypto.encrypt(input.phone) : null,
        phoneHash: input.phone ? env.crypto.blindIndex('phone', input.phone) : null,
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  if (!created) throw new Error('account insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: input.orgId,
    action: 'staff.create',
    targetType: 'account',
    targetId: created.id,
    after: snapshot(created, env.crypto),
  });
  return created.id;
}

export interface StaffPatch {
  displayName?: string | undefined;
  phone?: string | null | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export async function updateStaff(
  tx: Db,
  env: TxEnv,
  clock: Clock,
  actor: Actor,
  id: number,
  patch: StaffPatch,
): Promise<void> {
  const before = await loadManaged(tx, actor, id, UPDATE);
  const phoneChange =
    patch.phone === undefined
      ? {}
      : {
          phoneEnc: patch.phone ? env.crypto.encrypt(patch.phone) : null,
          phoneHash: patch.phone ? env.crypto.blindIndex('phone', patch.phone) : null,
        };
  const [after] = await withUniqueChecks(() =>
    tx
      .update(account)
      .set({ displayName: patch.displayName, status: patch.status, ...phoneChange, updatedAt: env.source.at })
      .where(eq(account.id, id))
      .returning(),
  );
  if (!after) throw new AppError('NOT_FOUND');
  if (patch.status === 'disabled') await revokeAccountSessions(tx, clock, id);
  await writeAudit(tx, env.crypto, env.source, {
    orgId: before.orgId,
    action:
      patch.status && patch.status !== before.status
        ? `staff.${patch.status === 'disabled' ? 'disable' : 'enable'}`
        : 'staff.update',
    targetType: 'account',
    targetId: id,
    before: snapshot(before, env.crypto),
    after: snapshot(after, env.crypto),
  });
}

export async function resetStaffPassword(
  tx: Db,
  env: TxEnv,
  clock: Clock,
  actor: Actor,
  id: number,
  newPassword: string,
): Promise<void> {
  const target = await loadManaged(tx, actor, id, UPDATE);
  const phone = target.phoneEnc ? env.crypto.decrypt(target.phoneEnc) : null;
  assertPasswordAllowed(
    newPassword,
    { username: target.username, phone, displayName: target.displayName },
    'staff',
    'newPassword',
  );
  await tx
    .update(account)
    .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: env.source.at, updatedAt: env.source.at })
    .where(eq(account.id, id));
  await revokeAccountSessions(tx, clock, id);
  await writeAudit(tx, env.crypto, env.source, {
    orgId: target.orgId,
    action: 'staff.password_reset',
    targetType: 'account',
    targetId: id,
  });
}

export async function unlockStaff(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<void> {
  const target = await loadManaged(tx, actor, id, UPDATE);
  await tx.update(account).set({ failedLogins: 0, lockedUntil: null }).where(eq(account.id, id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: target.orgId,
    action: 'staff.unlock',
    targetType: 'account',
    targetId: id,
    before: { lockedUntil: target.lockedUntil },
    after: { lockedUntil: null },
  });
}

export async function addGrant(
  tx: Db,
  env: TxEnv,
  clock: Clock,
  actor: Actor,
  accountId: number,
  input: { roleCode: string; orgId: number },
): Promise<GrantView> {
  const target = await loadManaged(tx, actor, accountId, GRANT, READ);
  const orgPath = await assertOrgAccess(tx, actor, GRANT, input.orgId, 'org:org:read');
  const [found] = await tx.select().from(role).where(eq(role.code, input.roleCode));
  if (!found) throw new AppError('VALIDATION_FAILED', [{ path: 'roleCode', message: 'NOT_FOUND' }]);
  if (!found.permissions.every((p) => storedPermissionInScope(actor, p, orgPath)))
    throw new AppError('ROLE_EXCEEDS_OWN');
  let inserted: { id: number } | undefined;
  try {
    [inserted] = await tx
      .insert(staffGrant)
      .values({
        accountId,
        roleCode: input.roleCode,
        orgId: input.orgId,
        createdBy: actor.accountId,
        createdAt: env.source.at,
      })
      .returning({ id: staffGrant.id });
  } catch (err) {
    if (isUniqueViolation(err, 'staff_grant_uq')) throw new AppError('GRANT_EXISTS');
    throw err;
  }
  if (!inserted) throw new Error('grant insert returned no row');
  await revokeAccountSessions(tx, clock, accountId);
  await writeAudit(tx, env.crypto, env.source, {
    orgId: input.orgId,
    action: 'grant.create',
    targetType: 'account',
    targetId: accountId,
    after: { grantId: inserted.id, roleCode: input.roleCode, orgId: input.orgId, accountOrgId: target.orgId },
  });
  const grant = (await grantsOf(tx, [accountId])).get(accountId)?.find((g) => g.id === inserted.id);
  if (!grant) throw new Error('grant vanished');
  return grant;
}

export async function removeGrant(
  tx: Db,
  env: TxEnv,
  clock: Clock,
  actor: Actor,
  accountId: number,
  grantId: number,
): Promise<void> {
  await loadManaged(tx, actor, accountId, GRANT, READ);
  const [grant] = await tx
    .select()
    .from(staffGrant)
    .where(and(eq(staffGrant.id, grantId), eq(staffGrant.accountId, accountId)));
  if (!grant) throw new AppError('NOT_FOUND');
  await assertOrgAccess(tx, actor, GRANT, grant.orgId, 'org:org:read');
  await tx.delete(staffGrant).where(eq(staffGrant.id, grantId));
  await revokeAccountSessions(tx, clock, accountId);
  await writeAudit(tx, env.crypto, env.source, {
    orgId: grant.orgId,
    action: 'grant.delete',
    targetType: 'account',
    targetId: accountId,
    before: { grantId, roleCode: grant.roleCode, orgId: grant.orgId },
  });
}

/** True when staff belong to the org or hold grants there (so it cannot be deleted). */
export async function orgHasStaff(tx: Db, orgId: number): Promise<boolean> {
  const [row] = await rows<{ used: boolean }>(
    tx,
    sql`select exists(select 1 from account where org_id = ${orgId}) or exists(select 1 from staff_grant where org_id = ${orgId}) as used`,
  );
  return row?.used ?? false;
}
