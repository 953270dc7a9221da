import { eq } from 'drizzle-orm';
import { allPermissions } from '../../kernel/access.js';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import type { Deps, RequestSession } from '../../kernel/context.js';
import { maskPhone } from '../../kernel/crypto.js';
import { AppError } from '../../kernel/errors.js';
import { orgRef } from '../org/index.js';
import { merchantOfMe } from './account.lookup.js';
import { account } from './auth.schema.js';
import { assertPasswordAllowed, hashPassword, verifyPassword } from './password.js';
import { revokeOtherSessions } from './session.js';
import { grantsOf } from './staff.service.js';
import { isTotpRequired } from './totp.service.js';

// The signed-in person's own account: who am I, change my password.

export async function getMe(deps: Deps, s: RequestSession) {
  const { actor } = s;
  const [row] = await deps.db
    .select({ acct: account, orgName: orgRef.name })
    .from(account)
    .leftJoin(orgRef, eq(orgRef.id, account.orgId))
    .where(eq(account.id, actor.accountId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const { acct } = row;
  const grants = (await grantsOf(deps.db, [acct.id])).get(acct.id) ?? [];
  return {
    id: acct.id,
    kind: acct.kind,
    username: acct.username,
    displayName: acct.displayName,
    phone: acct.phoneEnc ? maskPhone(deps.crypto.decrypt(acct.phoneEnc)) : null,
    merchant: acct.kind === 'merchant' ? await merchantOfMe(deps.db, acct.id) : null,
    org: acct.orgId && row.orgName ? { id: acct.orgId, name: row.orgName } : null,
    grants,
    permissions: actor.sessionState === 'active' ? allPermissions(actor) : [],
    totpEnabled: acct.totpEnabled,
    totpRequired: acct.kind === 'staff' && (await isTotpRequired(deps.db, deps.config.production, acct.id)),
    hasPassword: acct.passwordHash !== null,
    session: { state: actor.sessionState, expiresAt: s.expiresAt, idleTimeoutSeconds: Math.round(s.idleMs / 1000) },
  };
}

/** Changes the caller's password and ends their other sessions (a thief's among them); this one stays. */
export async function changePassword(
  deps: Deps,
  accountId: number,
  input: { currentPassword?: string | undefined; newPassword: string },
  source: AuditSource,
  currentToken: string,
): Promise<void> {
  const [acct] = await deps.db.select().from(account).where(eq(account.id, accountId));
  if (!acct) throw new AppError('UNAUTHENTICATED');
  if (acct.passwordHash) {
    if (!input.currentPassword)
      throw new AppError('VALIDATION_FAILED', [{ path: 'currentPassword', message: 'password.currentRequired' }]);
    if (!(await verifyPassword(acct.passwordHash, input.currentPassword))) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'currentPassword', message: 'password.wrong' }]);
    }
  }
  const phone = acct.phoneEnc ? deps.crypto.decrypt(acct.phoneEnc) : null;
  assertPasswordAllowed(
    input.newPassword,
    { username: acct.username, phone, displayName: acct.displayName },
    acct.kind,
    'newPassword',
  );
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(account)
      .set({ passwordHash, passwordChangedAt: source.at, updatedAt: source.at })
      .where(eq(account.id, accountId));
    await revokeOtherSessions(tx, deps.clock, accountId, currentToken);
    await writeAudit(tx, deps.crypto, source, {
      orgId: acct.orgId,
      action: 'auth.password_change',
      targetType: 'account',
      targetId: accountId,
    });
  });
}
