import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  pgView,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { org } from '../org/org.schema.js';

export const ACCOUNT_KINDS = ['staff', 'member', 'merchant'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

// A person who signs in: staff (username + password [+ TOTP]), member (phone + password / code) or
// merchant (a partner business of the benefit network: username + password, no grants).
// The phone is PII: stored encrypted, found through its keyed blind index.
export const account = pgTable(
  'account',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
    username: text('username').unique(),
    displayName: text('display_name').notNull(),
    orgId: bigint('org_id', { mode: 'number' }).references(() => org.id),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    passwordHash: text('password_hash'),
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('account_kind_phone_uq').on(t.kind, t.phoneHash),
    index('account_org_idx').on(t.orgId),
    check('account_kind_check', sql`${t.kind} in ('staff','member','merchant')`),
    check('account_staff_check', sql`${t.kind} <> 'staff' or (${t.username} is not null and ${t.orgId} is not null)`),
    check('account_merchant_check', sql`${t.kind} <> 'merchant' or ${t.username} is not null`),
    check('account_member_check', sql`${t.kind} <> 'member' or ${t.phoneHash} is not null`),
  ],
);

// What other modules read of an account (a display name, its org): the view account_ref (migration
// 0026). The phone's ciphertext and blind index are not in it: see account.lookup.ts.
export const accountRef = pgView('account_ref', {
  id: bigint('id', { mode: 'number' }).notNull(),
  kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
  displayName: text('display_name').notNull(),
  orgId: bigint('org_id', { mode: 'number' }),
  status: text('status', { enum: ['active', 'disabled'] }).notNull(),
}).existing();

export const role = pgTable('role', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  permissions: text('permissions').array().notNull(),
  mfaRequired: boolean('mfa_required').notNull().default(false),
  builtin: boolean('builtin').notNull().default(false),
});

// A grant is a role at an org; it reaches the org's whole subtree.
export const staffGrant = pgTable(
  'staff_grant',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    roleCode: text('role_code')
      .notNull()
      .references(() => role.code),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => org.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => account.id),
  },
  (t) => [uniqueIndex('staff_grant_uq').on(t.accountId, t.roleCode, t.orgId), index('staff_grant_org_idx').on(t.orgId)],
);

// Sessions live in the database so app processes stay stateless. Only the SHA-256 of the
// cookie value is stored: a leaked table cannot be replayed.
export const session = pgTable(
  'session',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => account.id),
    state: text('state', { enum: ['active', 'mfa_pending', 'mfa_enroll'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_account_idx').on(t.accountId)],
);

export const otpCode = pgTable(
  'otp_code',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    ip: text('ip'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('otp_code_phone_idx').on(t.phoneHash, t.createdAt), index('otp_code_ip_idx').on(t.ip, t.createdAt)],
);
