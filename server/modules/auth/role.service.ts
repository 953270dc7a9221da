import { asc, desc, eq } from 'drizzle-orm';
import { hasPermission, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { role } from './auth.schema.js';
import { BUILTIN_ROLES } from './permissions.js';

export type RoleRow = typeof role.$inferSelect;

/** Brings the built-in roles' names and permissions up to date; keeps each role's MFA setting. */
export async function syncBuiltinRoles(db: Db): Promise<void> {
  for (const r of BUILTIN_ROLES) {
    await db
      .insert(role)
      .values({ ...r, builtin: true })
      .onConflictDoUpdate({
        target: role.code,
        set: { name: r.name, nameEn: r.nameEn, permissions: r.permissions, builtin: true },
      });
  }
}

export function listRoles(db: Db): Promise<RoleRow[]> {
  return db.select().from(role).orderBy(desc(role.builtin), asc(role.code));
}

export async function setRoleMfa(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  code: string,
  mfaRequired: boolean,
): Promise<RoleRow> {
  if (!hasPermission(actor, 'staff:role:manage')) throw new AppError('FORBIDDEN');
  const [before] = await tx.select().from(role).where(eq(role.code, code)).for('update');
  if (!before) throw new AppError('NOT_FOUND');
  const [after] = await tx.update(role).set({ mfaRequired }).where(eq(role.code, code)).returning();
  if (!after) throw new AppError('NOT_FOUND');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: null,
    action: 'role.update',
    targetType: 'role',
    targetId: code,
    before: { mfaRequired: before.mfaRequired },
    after: { mfaRequired },
  });
  return after;
}
