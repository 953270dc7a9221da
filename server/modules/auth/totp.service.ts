import { eq, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import type { Deps } from '../../kernel/context.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { account } from './auth.schema.js';
import { verifyPassword } from './password.js';
import { PERSONAL_DATA_PERMISSIONS } from './permissions.js';

// TOTP second factor (RFC 6238, 30-second steps, ±1 step of drift). A used step is remembered,
// so a code cannot be replayed within its window.
const ISSUER = 'UnionHub 智慧工会';

type AccountRow = typeof account.$inferSelect;

/**
 * True when a role held by the account demands TOTP (its `mfaRequired` switch) or, in production,
 * when it holds a permission that shows or exports personal data (administrators hold them all).
 */
export async function isTotpRequired(tx: Db, production: boolean, accountId: number): Promise<boolean> {
  const sensitive = production ? PERSONAL_DATA_PERMISSIONS : [];
  const [row] = await rows<{ required: boolean }>(
    tx,
    sql`select exists(select 1 from staff_grant g join role r on r.code = g.role_code
                      where g.account_id = ${accountId}
                        and (r.mfa_required or r.permissions && ${`{${sensitive.join(',')}}`}::text[])) as required`,
  );
  return row?.required ?? false;
}

export async function checkTotp(tx: Db, deps: Deps, acct: AccountRow, code: string): Promise<boolean> {
  if (!acct.totpSecretEnc) return false;
  const result = await verify({
    secret: deps.crypto.decrypt(acct.totpSecretEnc),
    token: code,
    epoch: Math.floor(deps.clock.now().getTime() / 1000),
    epochTolerance: 30,
    ...(acct.totpLastStep ? { afterTimeStep: acct.totpLastStep } : {}),
  });
  if (!result.valid || !('timeStep' in result)) return false;
  await tx.update(account).set({ totpLastStep: result.timeStep }).where(eq(account.id, acct.id));
  return true;
}

export async function setupTotp(deps: Deps, accountId: number, source: AuditSource) {
  return deps.db.transaction(async (tx) => {
    const [acct] = await tx.select().from(account).where(eq(account.id, accountId)).for('update');
    if (!acct || acct.kind !== 'staff') throw new AppError('FORBIDDEN');
    if (acct.totpEnabled) throw new AppError('CONFLICT');
    const secret = generateSecret();
    await tx
      .update(account)
      .set({ totpSecretEnc: deps.crypto.encrypt(secret), totpLastStep: null })
      .where(eq(account.id, accountId));
    await writeAudit(tx, deps.crypto, source, {
      orgId: acct.orgId,
      action: 'auth.totp_setup',
      targetType: 'account',
      targetId: accountId,
    });
    const otpauthUrl = generateURI({ issuer: ISSUER, label: acct.username ?? String(acct.id), secret });
    return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
  });
}

export async function enableTotp(deps: Deps, accountId: number, code: string, source: AuditSource): Promise<void> {
  const ok = await deps.db.transaction(async (tx) => {
    const [acct] = await tx.select().from(account).where(eq(account.id, accountId)).for('update');
    if (!acct?.totpSecretEnc) throw new AppError('TOTP_NOT_SETUP');
    if (acct.totpEnabled) throw new AppError('CONFLICT');
    if (!(await checkTotp(tx, deps, acct, code))) return false;
    await tx.update(account).set({ totpEnabled: true, updatedAt: deps.clock.now() }).where(eq(account.id, accountId));
    await writeAudit(tx, deps.crypto, source, {
      orgId: acct.orgId,
      action: 'auth.totp_enable',
      targetType: 'account',
      targetId: accountId,
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
    return true;
  });
  if (!ok) throw new AppError('INVALID_TOTP');
}

export async function disableTotp(deps: Deps, accountId: number, password: string, source: AuditSource): Promise<void> {
  const [acct] = await deps.db.select().from(account).where(eq(account.id, accountId));
  if (!acct) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(acct.passwordHash, password)))
    throw new AppError('VALIDATION_FAILED', [{ path: 'password', message: 'password.wrong' }]);
  await deps.db.transaction(async (tx) => {
    if (await isTotpRequired(tx, deps.config.production, accountId)) throw new AppError('TOTP_REQUIRED');
    await tx
      .update(account)
      .set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null, updatedAt: deps.clock.now() })
      .where(eq(account.id, accountId));
    await writeAudit(tx, deps.crypto, source, {
      orgId: acct.orgId,
      action: 'auth.totp_disable',
      targetType: 'account',
      targetId: accountId,
      before: { totpEnabled: acct.totpEnabled },
      after: { totpEnabled: false },
    });
  });
}
