import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { maskName, timingSafeEqualString, type Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { orgRef } from '../org/index.js';
import { member, type MemberRow } from './member.schema.js';

// 电子会员卡: the QR carries a short-lived token signed with a key outside the database, so a
// screenshot stops working within minutes and nobody can forge one. Verification tells a counter
// or a merchant only whether this is a current member, with a masked name and the union.

export const CARD_TTL_MS = 5 * 60_000;
const PREFIX = 'UHC1';

export async function issueCard(crypto: Crypto, m: MemberRow, orgName: string, now: Date) {
  const expiresAt = new Date(now.getTime() + CARD_TTL_MS);
  const body = `${PREFIX}.${m.id}.${Math.floor(expiresAt.getTime() / 1000)}`;
  const token = `${body}.${crypto.sign('card', body)}`;
  return {
    cardNo: m.cardNo,
    name: m.name,
    orgName,
    status: m.status,
    token,
    expiresAt: expiresAt.toISOString(),
    // the phone's clock may be off: the lifetime and the server's time let it count down correctly
    ttlSeconds: CARD_TTL_MS / 1000,
    serverTime: now.toISOString(),
    qrDataUrl: await QRCode.toDataURL(token, { margin: 1, width: 240, errorCorrectionLevel: 'M' }),
  };
}

/** The member id a current, genuine card token names; null for anything else. */
export function cardMemberId(crypto: Crypto, token: string, now: Date): number | null {
  const parts = token.split('.');
  const [prefix, id, exp, sig] = parts;
  if (parts.length !== 4 || prefix !== PREFIX || !id || !exp || !sig || !/^\d+$/.test(id) || !/^\d+$/.test(exp))
    return null;
  if (!timingSafeEqualString(sig, crypto.sign('card', `${prefix}.${id}.${exp}`))) return null;
  if (Number(exp) * 1000 < now.getTime()) return null;
  return Number(id);
}

export async function verifyCard(db: Db, crypto: Crypto, token: string, now: Date) {
  const id = cardMemberId(crypto, token, now);
  if (id === null) return { valid: false };
  const [row] = await db
    .select({ m: member, orgName: orgRef.name })
    .from(member)
    .innerJoin(orgRef, eq(orgRef.id, member.orgId))
    .where(eq(member.id, id));
  if (!row) return { valid: false };
  return {
    valid: row.m.status === 'active',
    name: maskName(row.m.name),
    orgName: row.orgName,
    status: row.m.status,
    cardNo: row.m.cardNo,
  };
}
