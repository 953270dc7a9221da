import { eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import type { Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import { account } from './auth.schema.js';
import { accountGrants } from './session.js';

// What other modules ask of an account beyond the account_ref view: its phone (ciphertext and
// blind index stay in this module's table), a member account made for the demo, and a staff
// account acting as if signed in.

export interface AccountContact {
  displayName: string;
  phoneEnc: string | null;
  phoneHash: string | null;
}

/** An account's name and stored phone (encrypted, and its blind index), or undefined. */
export async function findAccountContact(db: Db, accountId: number): Promise<AccountContact | undefined> {
  const [a] = await db
    .select({ displayName: account.displayName, phoneEnc: account.phoneEnc, phoneHash: account.phoneHash })
    .from(account)
    .where(eq(account.id, accountId));
  return a;
}

/** SQL for the phone blind index of an account, as a subquery, for lookups that stay one statement. */
export function accountPhoneHash(accountId: number | SQL): SQL<string | null> {
  return sql<string | null>`(select ${account.phoneHash} from ${account} where ${account.id} = ${accountId})`;
}

export interface NewMemberAccount {
  displayName: string;
  phone: string;
  passwordHash: string;
  at: Date;
}

/** A member account (phone sign-in) with a password already hashed; returns its id. */
export async function createMemberAccount(tx: Db, crypto: Crypto, input: NewMemberAccount): Promise<number> {
  const [a] = await tx
    .insert(account)
    .values({
      kind: 'member',
      displayName: input.displayName,
      passwordHash: input.passwordHash,
      passwordChangedAt: input.at,
      phoneEnc: crypto.encrypt(input.phone),
      phoneHash: crypto.blindIndex('phone', input.phone),
    })
    .returning({ id: account.id });
  if (!a) throw new Error('account insert returned no row');
  return a.id;
}

/** A staff account as the services see it signed in: its grants with their roles' permissions (null if none). */
export async function staffActor(db: Db, username: string): Promise<Actor | null> {
  const [a] = await db
    .select({ id: account.id, displayName: account.displayName, orgId: account.orgId })
    .from(account)
    .where(eq(account.username, username));
  if (!a) return null;
  const grants = await accountGrants(db, a.id);
  if (grants.length === 0) return null;
  return {
    accountId: a.id,
    kind: 'staff',
    username,
    displayName: a.displayName,
    orgId: a.orgId,
    sessionState: 'active',
    grants,
  };
}

export interface NewMerchantAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  /** The union running the partnership (the merchant's org); the account holds no grant there. */
  orgId: number;
  at?: Date | undefined;
}

/**
 * A merchant account (username sign-in, no staff grants) with a password already hashed; returns
 * its id. A taken username is 409 USERNAME_TAKEN on the `username` field.
 */
export async function createMerchantAccount(tx: Db, input: NewMerchantAccount): Promise<number> {
  try {
    const [a] = await tx
      .insert(account)
      .values({
        kind: 'merchant',
        username: input.username,
        displayName: input.displayName,
        orgId: input.orgId,
        passwordHash: input.passwordHash,
        passwordChangedAt: input.at ?? null,
        ...(input.at ? { createdAt: input.at, updatedAt: input.at } : {}),
      })
      .returning({ id: account.id });
    if (!a) throw new Error('account insert returned no row');
    return a.id;
  } catch (err) {
    if (isUniqueViolation(err, 'account_username_unique'))
      throw new AppError('USERNAME_TAKEN', [{ path: 'username', message: 'USERNAME_TAKEN' }]);
    throw err;
  }
}

/** Whether a username is free (no account of any kind holds it). */
export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const [a] = await db.select({ id: account.id }).from(account).where(eq(account.username, username));
  return a !== undefined;
}

// The merchant behind a merchant account, for `GET /api/auth/me`: the merchant module registers it
// (auth cannot import merchant, which imports auth).
type MerchantOfAccount = (db: Db, accountId: number) => Promise<{ id: number; name: string } | undefined>;
let merchantLookup: MerchantOfAccount | undefined;

/** Called once by the merchant module's index.ts. */
export function registerMerchantLookup(fn: MerchantOfAccount): void {
  merchantLookup = fn;
}

export async function merchantOfMe(db: Db, accountId: number): Promise<{ id: number; name: string } | null> {
  return (await merchantLookup?.(db, accountId)) ?? null;
}
