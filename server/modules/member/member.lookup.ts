import { eq, sql } from 'drizzle-orm';
import type { Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { normaliseIdNumber } from './id-number.js';
import { member, type MemberRow } from './member.schema.js';

// What other modules ask of a member beyond the member_ref view: lookups by the keys a person
// presents, the sealed 身份证号 and phone for lists that mask them, and the row lock that
// serialises changes about one member. The blind indexes and ciphertext stay in this module's
// table; other modules never join them.

/** How a member is looked up: the phone or 身份证号 a person gives (hashed here), or the record id. */
export type MemberKey = { phone: string } | { idNumber: string } | { id: number };

/** The member a key names (a phone may name several: the first), or undefined. */
export async function findMember(db: Db, crypto: Crypto, key: MemberKey): Promise<MemberRow | undefined> {
  const where =
    'phone' in key
      ? eq(member.phoneHash, crypto.blindIndex('phone', key.phone))
      : 'idNumber' in key
        ? eq(member.idNumberHash, crypto.blindIndex('idNumber', normaliseIdNumber(key.idNumber)))
        : eq(member.id, key.id);
  const [found] = await db.select().from(member).where(where).limit(1);
  return found;
}

export interface SealedIdentity {
  idNumberEnc: string;
  phoneEnc: string | null;
}

/** The encrypted 身份证号 and phone of each member in `ids` (for lists that show them masked or revealed). */
export async function sealedIdentities(db: Db, ids: readonly number[]): Promise<Map<number, SealedIdentity>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: member.id, idNumberEnc: member.idNumberEnc, phoneEnc: member.phoneEnc })
    .from(member)
    .where(sql`${member.id} = any(${sql.param([...new Set(ids)])}::bigint[])`);
  return new Map(found.map(({ id, ...sealed }) => [id, sealed]));
}

/**
 * Locks a member's row for the rest of the caller's transaction (`share`: others may read and
 * share-lock it; `update`: one at a time), so decisions about one member (consent, files) queue.
 */
export async function lockMember(
  tx: Db,
  id: number,
  strength: 'share' | 'update',
): Promise<{ id: number; orgId: number } | undefined> {
  const [m] = await tx
    .select({ id: member.id, orgId: member.orgId })
    .from(member)
    .where(eq(member.id, id))
    .for(strength);
  return m;
}
