import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import type { Deps } from '../../kernel/context.js';
import { maskPhone, randomDigits, timingSafeEqualString } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError, type ErrorCode } from '../../kernel/errors.js';
import { enqueueSms } from '../../kernel/outbox.js';
import { account, otpCode } from './auth.schema.js';
import { verifyPassword } from './password.js';
import { createSession, revokeSessionToken, sessionPolicy, type NewSession, type SessionState } from './session.js';
import { checkTotp, isTotpRequired } from './totp.service.js';

// Sign-in for staff (username + password [+ TOTP]), merchant accounts (username + password) and
// members (phone + password or code).
// Failures are audited too, so each attempt commits its audit row and its counters before the
// error is thrown (see `settle`).

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
export const OTP_TTL_MS = 5 * 60_000;
export const OTP_RESEND_MS = 60_000;
const OTP_MAX_ATTEMPTS = 5;
const OTP_PER_PHONE_HOUR = 5;
const OTP_PER_PHONE_DAY = 10;
const OTP_PER_IP_HOUR = 30;

export type LoginInput =
  { username: string; password: string } | { phone: string; password: string } | { phone: string; code: string };

export type LoginNext = 'done' | 'totp' | 'enroll_totp';

export interface LoginSuccess {
  accountId: number;
  next: LoginNext;
  session: NewSession;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode };
const fail = (code: ErrorCode): { ok: false; code: ErrorCode } => ({ ok: false, code });

async function settle<T>(db: Db, work: (tx: Db) => Promise<Outcome<T>>): Promise<T> {
  const outcome = await db.transaction(work);
  if (!outcome.ok) throw new AppError(outcome.code);
  return outcome.value;
}

type AccountRow = typeof account.$inferSelect;

interface Attempt {
  source: AuditSource;
  userAgent: string | null;
  previousToken: string | undefined;
}

export function login(deps: Deps, input: LoginInput, attempt: Attempt): Promise<LoginSuccess> {
  return settle(deps.db, async (tx) => {
    const now = deps.clock.now();
    const phone = 'phone' in input ? input.phone : null;
    const phoneHash = phone ? deps.crypto.blindIndex('phone', phone) : null;
    const lookup =
      'username' in input
        ? and(inArray(account.kind, ['staff', 'merchant']), eq(account.username, input.username))
        : and(eq(account.kind, 'member'), eq(account.phoneHash, phoneHash ?? ''));
    let [acct] = await tx.select().from(account).where(lookup).for('update');
    const who = 'username' in input ? { username: input.username } : { phone: maskPhone(phone ?? '') };
    const audit = (action: string, a: AccountRow | undefined, after: unknown = who) =>
      writeAudit(tx, deps.crypto, attempt.source, {
        orgId: a?.orgId ?? null,
        action,
        targetType: 'account',
        targetId: a?.id ?? null,
        after,
      });

    if (acct?.lockedUntil && acct.lockedUntil > now) {
      await audit('auth.login_refused_locked', acct);
      return fail('ACCOUNT_LOCKED');
    }

    if ('code' in input) {
      const codeOk = await consumeOtp(tx, deps, phoneHash ?? '', input.code);
      if (!codeOk) {
        await audit('auth.login_failed', acct, { ...who, method: 'code' });
        return fail('INVALID_CODE');
      }
      if (!acct) acct = await createMemberAccount(tx, deps, attempt.source, phone ?? '');
    } else if (!(await verifyPassword(acct?.passwordHash ?? null, input.password))) {
      if (acct) await recordFailure(tx, deps, attempt.source, acct);
      await audit('auth.login_failed', acct, { ...who, method: 'password' });
      return fail('INVALID_CREDENTIALS');
    }
    if (!acct) return fail('INVALID_CREDENTIALS');
    if (acct.status !== 'active') {
      await audit('auth.login_refused_disabled', acct);
      return fail('ACCOUNT_DISABLED');
    }

    let state: SessionState = 'active';
    if (acct.kind === 'staff' && acct.totpEnabled) state = 'mfa_pending';
    else if (acct.kind === 'staff' && (await isTotpRequired(tx, deps.config.production, acct.id))) state = 'mfa_enroll';
    await tx
      .update(account)
      .set({ failedLogins: 0, lockedUntil: null, ...(state === 'active' ? { lastLoginAt: now } : {}) })
      .where(eq(account.id, acct.id));
    if (attempt.previousToken) await revokeSessionToken(tx, deps.clock, attempt.previousToken);
    const session = await createSession(tx, deps.clock, sessionPolicy(deps.config), {
      accountId: acct.id,
      kind: acct.kind,
      state,
      ip: attempt.source.ip,
      userAgent: attempt.userAgent,
    });
    const next: LoginNext = state === 'active' ? 'done' : state === 'mfa_pending' ? 'totp' : 'enroll_totp';
    await writeAudit(
      tx,
      deps.crypto,
      { ...attempt.source, actorId: acct.id, actorName: acct.username ?? acct.displayName },
      {
        orgId: acct.orgId,
        action: 'auth.login',
        targetType: 'account',
        targetId: acct.id,
        after: { method: 'code' in input ? 'code' : 'password', next },
      },
    );
    return { ok: true, value: { accountId: acct.id, next, session } };
  });
}

/** Second step of a staff sign-in: the authenticator code turns a pending session into a full one. */
export function completeTotp(
  deps: Deps,
  accountId: number,
  code: string,
  attempt: Attempt & { previousToken: string },
): Promise<LoginSuccess> {
  return settle(deps.db, async (tx) => {
    const [acct] = await tx.select().from(account).where(eq(account.id, accountId)).for('update');
    if (!acct) return fail('UNAUTHENTICATED');
    const now = deps.clock.now();
    if (acct.lockedUntil && acct.lockedUntil > now) return fail('ACCOUNT_LOCKED');
    const ok = await checkTotp(tx, deps, acct, code);
    if (!ok) {
      const locked = await recordFailure(tx, deps, attempt.source, acct);
      if (locked) await revokeSessionToken(tx, deps.clock, attempt.previousToken);
      await writeAudit(tx, deps.crypto, attempt.source, {
        orgId: acct.orgId,
        action: 'auth.totp_failed',
        targetType: 'account',
        targetId: acct.id,
      });
      return fail(locked ? 'ACCOUNT_LOCKED' : 'INVALID_TOTP');
    }
    await tx.update(account).set({ failedLogins: 0, lastLoginAt: now }).where(eq(account.id, acct.id));
    await revokeSessionToken(tx, deps.clock, attempt.previousToken);
    const session = await createSession(tx, deps.clock, sessionPolicy(deps.config), {
      accountId: acct.id,
      kind: acct.kind,
      state: 'active',
      ip: attempt.source.ip,
      userAgent: attempt.userAgent,
    });
    await writeAudit(tx, deps.crypto, attempt.source, {
      orgId: acct.orgId,
      action: 'auth.totp_ok',
      targetType: 'account',
      targetId: acct.id,
    });
    return { ok: true, value: { accountId: acct.id, next: 'done', session } };
  });
}

/** Counts a failure; the fifth in a row locks the account for 15 minutes. Returns true when it locked. */
async function recordFailure(tx: Db, deps: Deps, source: AuditSource, acct: AccountRow): Promise<boolean> {
  const failures = acct.failedLogins + 1;
  if (failures < LOCK_AFTER_FAILURES) {
    await tx.update(account).set({ failedLogins: failures }).where(eq(account.id, acct.id));
    return false;
  }
  const lockedUntil = new Date(deps.clock.now().getTime() + LOCK_MS);
  await tx.update(account).set({ failedLogins: 0, lockedUntil }).where(eq(account.id, acct.id));
  await writeAudit(tx, deps.crypto, source, {
    orgId: acct.orgId,
    action: 'auth.lockout',
    targetType: 'account',
    targetId: acct.id,
    after: { lockedUntil, failures },
  });
  return true;
}

async function createMemberAccount(tx: Db, deps: Deps, source: AuditSource, phone: string): Promise<AccountRow> {
  const [created] = await tx
    .insert(account)
    .values({
      kind: 'member',
      displayName: `会员${phone.slice(-4)}`,
      phoneEnc: deps.crypto.encrypt(phone),
      phoneHash: deps.crypto.blindIndex('phone', phone),
      createdAt: deps.clock.now(),
      updatedAt: deps.clock.now(),
    })
    .returning();
  if (!created) throw new Error('account insert returned no row');
  await writeAudit(
    tx,
    deps.crypto,
    { ...source, actorId: created.id },
    {
      orgId: null,
      action: 'account.create',
      targetType: 'account',
      targetId: created.id,
      after: { kind: 'member', phone: maskPhone(phone) },
    },
  );
  return created;
}

const otpHash = (deps: Deps, phoneHash: string, code: string) => deps.crypto.blindIndex('otp', `${phoneHash}:${code}`);

async function consumeOtp(tx: Db, deps: Deps, phoneHash: string, code: string): Promise<boolean> {
  const now = deps.clock.now();
  const [latest] = await tx
    .select()
    .from(otpCode)
    .where(and(eq(otpCode.phoneHash, phoneHash), isNull(otpCode.usedAt), gt(otpCode.expiresAt, now)))
    .orderBy(desc(otpCode.createdAt))
    .limit(1)
    .for('update');
  if (!latest || latest.attempts >= OTP_MAX_ATTEMPTS) return false;
  if (!timingSafeEqualString(latest.codeHash, otpHash(deps, phoneHash, code))) {
    await tx
      .update(otpCode)
      .set({ attempts: latest.attempts + 1 })
      .where(eq(otpCode.id, latest.id));
    return false;
  }
  await tx.update(otpCode).set({ usedAt: now }).where(eq(otpCode.id, latest.id));
  return true;
}

/** Sends a sign-in code by SMS, within the per-phone and per-IP limits. */
export function requestOtp(deps: Deps, phone: string, source: AuditSource): Promise<void> {
  return settle(deps.db, async (tx) => {
    const now = deps.clock.now().getTime();
    const phoneHash = deps.crypto.blindIndex('phone', phone);
    const since = (ms: number) => new Date(now - ms);
    const [counts] = await tx
      .select({
        lastMinute: sql<number>`count(*) filter (where ${otpCode.createdAt} > ${since(OTP_RESEND_MS)})::int`,
        lastHour: sql<number>`count(*) filter (where ${otpCode.createdAt} > ${since(3_600_000)})::int`,
        lastDay: sql<number>`count(*)::int`,
      })
      .from(otpCode)
      .where(and(eq(otpCode.phoneHash, phoneHash), gt(otpCode.createdAt, since(86_400_000))));
    if (
      counts &&
      (counts.lastMinute > 0 || counts.lastHour >= OTP_PER_PHONE_HOUR || counts.lastDay >= OTP_PER_PHONE_DAY)
    ) {
      return fail('OTP_TOO_FREQUENT');
    }
    const [byIp] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(otpCode)
      .where(and(eq(otpCode.ip, source.ip ?? ''), gt(otpCode.createdAt, since(3_600_000))));
    if (byIp && byIp.n >= OTP_PER_IP_HOUR) return fail('RATE_LIMITED');
    const code = randomDigits(6);
    await tx.insert(otpCode).values({
      phoneHash,
      codeHash: otpHash(deps, phoneHash, code),
      ip: source.ip,
      createdAt: new Date(now),
      expiresAt: new Date(now + OTP_TTL_MS),
    });
    await enqueueSms(tx, deps.crypto, { phone, template: 'login_code', params: { code } });
    await writeAudit(tx, deps.crypto, source, {
      orgId: null,
      action: 'auth.otp_sent',
      targetType: 'phone',
      targetId: maskPhone(phone),
    });
    return { ok: true, value: undefined };
  });
}
