import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Clock } from '../../kernel/clock.js';
import { timingSafeEqualString, type Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { AppError, type Lang } from '../../kernel/errors.js';
import { merchantRef } from '../merchant/index.js';
import { memberRef, memberUnion } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { capText } from './caps.js';
import { categoriesOf, memberTypesOf, type CampaignRow } from './campaign.service.js';
import { claimEngine, type EngineCampaign, type IssuedVoucher, type MemberFacts } from './claim.js';
import { campaign, voucher, voucherStock, type VOUCHER_STATES } from './voucher.schema.js';

// The member's side of campaigns: what they may claim, the claim itself (through the engine in
// claim.ts), their vouchers and the short-lived signed QR a merchant scans.

export type { MemberFacts };

export async function memberFacts(db: Db, accountId: number): Promise<MemberFacts | null> {
  const u = await memberUnion(db, accountId);
  if (!u) return null;
  const [m] = await db
    .select({ status: memberRef.status, jobType: memberRef.jobType })
    .from(memberRef)
    .where(eq(memberRef.id, u.memberId));
  return m ? { ...u, ...m } : null;
}

/** Whether a member sees a campaign (its org's subtree) and may take part (active, job type). */
export function visibleTo(c: { orgPath: string }, m: MemberFacts): boolean {
  return m.path.startsWith(c.orgPath);
}
export function eligible(c: Pick<CampaignRow, 'memberTypes'> & { orgPath: string }, m: MemberFacts): boolean {
  if (!visibleTo(c, m) || m.status !== 'active') return false;
  const types = memberTypesOf(c);
  return !types || types.some((t) => t === m.jobType);
}

// Lottery campaigns: only the draw's winners claim (lottery.ts registers the check).
type LotteryGate = (db: Db, campaignId: number, memberId: number) => Promise<boolean>;
let lotteryGate: LotteryGate = async () => false;
/** lottery.ts tells the claim whether a member won a campaign's draw. */
export function registerLotteryGate(gate: LotteryGate): void {
  lotteryGate = gate;
}

interface CachedCampaign {
  row: CampaignRow;
  orgPath: string;
  orgName: string;
  loadedAt: number;
  /** What the engine needs, built once per load (eligibility included). */
  engine: EngineCampaign;
}
// Published terms never change; the state can (closed), which the engine checks in its transaction.
const CAMPAIGN_TTL_MS = 5_000;
const campaignCaches = new WeakMap<Db, Map<number, CachedCampaign>>();

async function campaignForClaim(db: Db, id: number, now: number): Promise<CachedCampaign | null> {
  let cache = campaignCaches.get(db);
  if (!cache) campaignCaches.set(db, (cache = new Map()));
  const hit = cache.get(id);
  if (hit && now - hit.loadedAt < CAMPAIGN_TTL_MS) return hit;
  const [found] = await db
    .select({ row: campaign, orgPath: orgRef.path, orgName: orgRef.name })
    .from(campaign)
    .innerJoin(orgRef, eq(orgRef.id, campaign.orgId))
    .where(eq(campaign.id, id));
  if (!found) return null;
  const { row, orgPath } = found;
  const terms = { memberTypes: memberTypesOf(row), orgPath }; // checked once per load, not per claim
  const entry: CachedCampaign = {
    ...found,
    loadedAt: now,
    engine: {
      id: row.id,
      kind: row.kind,
      faceValueFen: row.faceValueFen,
      perMemberLimit: row.perMemberLimit,
      admit: (m) => (!visibleTo(terms, m) ? 'NOT_FOUND' : eligible(terms, m) ? null : 'VOUCHER_NOT_ELIGIBLE'),
    },
  };
  if (found.row.state !== 'draft') cache.set(id, entry);
  return entry;
}

export function presentVoucher(
  v: IssuedVoucher,
  c: Pick<CampaignRow, 'name' | 'minSpendFen' | 'validFrom' | 'validUntil'>,
  now: Date,
) {
  const state: IssuedVoucher['state'] =
    v.state === 'issued' && now.getTime() > c.validUntil.getTime() ? 'expired' : v.state;
  return {
    id: v.id,
    code: v.code,
    campaignId: v.campaignId,
    campaignName: c.name,
    faceValueFen: v.faceValueFen,
    minSpendFen: c.minSpendFen,
    state,
    validFrom: c.validFrom.toISOString(),
    validUntil: c.validUntil.toISOString(),
    claimedAt: v.claimedAt.toISOString(),
  };
}

/** The voucher a request with this Idempotency-Key already got (a retry after a lost answer). */
async function alreadyAnswered(
  db: Db,
  accountId: number,
  campaignId: number,
  key: string | undefined,
): Promise<IssuedVoucher | null> {
  if (!key) return null;
  const [v] = await db
    .select()
    .from(voucher)
    .where(and(eq(voucher.accountId, accountId), eq(voucher.idempotencyKey, key)));
  if (!v) return null;
  if (v.campaignId !== campaignId) throw new AppError('VOUCHER_IDEMPOTENCY_MISMATCH');
  return v;
}

/**
 * A member claims a voucher. A first-come campaign open now goes straight to the engine, whose batch
 * resolves the member, eligibility and cap for all its claims in one statement, then decides (stock,
 * limit, cap, idempotency) and commits: one database round trip per request besides the session.
 * A lottery campaign (the gate needs the member) or one not open by this process's copy of the
 * campaign takes the checks here first, in the same order.
 */
export async function claimVoucher(
  deps: { db: Db; clock: Clock },
  accountId: number,
  campaignId: number,
  idempotencyKey: string | undefined,
  lang: Lang,
) {
  const now = deps.clock.now();
  const c = await campaignForClaim(deps.db, campaignId, now.getTime());
  if (!c || c.row.state === 'draft') throw new AppError('NOT_FOUND');
  const engine = claimEngine(deps.db, deps.clock);
  // Known sold out in this process: answered from memory, before any other database work (a
  // request with an Idempotency-Key first looks for the voucher a lost answer carried: one indexed read).
  const early = engine.known(campaignId, accountId);
  if (early) {
    const again = await alreadyAnswered(deps.db, accountId, campaignId, idempotencyKey);
    if (again) return presentVoucher(again, c.row, now);
    throw new AppError(early);
  }
  const t = now.getTime();
  const openNow = c.row.state === 'published' && t >= c.row.claimStartsAt.getTime() && t < c.row.claimEndsAt.getTime();
  if (!openNow || c.row.mode === 'lottery') {
    const m = await memberFacts(deps.db, accountId);
    const refusal = m ? c.engine.admit(m) : 'NOT_FOUND';
    if (refusal || !m) throw new AppError(refusal ?? 'NOT_FOUND');
    if (!openNow) throw new AppError('VOUCHER_NOT_OPEN');
    if (!(await lotteryGate(deps.db, campaignId, m.memberId))) throw new AppError('VOUCHER_NOT_ELIGIBLE');
  }
  // Without a key the request gets one of its own: a batch retried after a lost COMMIT finds it.
  const outcome = await engine.claim(c.engine, { accountId, key: idempotencyKey ?? `auto:${randomUUID()}` });
  if (!outcome.ok) {
    if (outcome.code === 'VOUCHER_CAP_REACHED' && outcome.capFen !== undefined)
      throw new AppError('VOUCHER_CAP_REACHED', [{ path: 'kind', message: capText(c.row.kind, outcome.capFen, lang) }]);
    throw new AppError(outcome.code);
  }
  return presentVoucher(outcome.voucher, c.row, now);
}

/** Published campaigns the member may take part in, open now or opening later, with their own claims
 * and, for a lottery, their registration (the lottery's function, passed in: lottery imports this file). */
export async function listMyCampaigns<R>(
  db: Db,
  accountId: number,
  now: Date,
  registrationOf: (db: Db, campaignId: number, memberId: number) => Promise<R | null>,
) {
  const m = await memberFacts(db, accountId);
  if (!m) return { items: [] };
  const found = await db
    .select({
      c: campaign,
      orgName: orgRef.name,
      orgPath: orgRef.path,
      remaining: voucherStock.remaining,
      claimedByMe: sql<number>`(select count(*)::int from voucher v where v.campaign_id = ${campaign.id} and v.member_id = ${m.memberId})`,
    })
    .from(campaign)
    .innerJoin(orgRef, eq(orgRef.id, campaign.orgId))
    .leftJoin(voucherStock, eq(voucherStock.campaignId, campaign.id))
    .where(
      and(eq(campaign.state, 'published'), gt(campaign.claimEndsAt, now), sql`${m.path} like ${orgRef.path} || '%'`),
    )
    .orderBy(campaign.claimStartsAt, campaign.id)
    .limit(100);
  const items = [];
  for (const r of found) {
    if (!r || !eligible({ ...r.c, orgPath: r.orgPath }, m)) continue;
    items.push({
      id: r.c.id,
      orgId: r.c.orgId,
      orgName: r.orgName,
      name: r.c.name,
      kind: r.c.kind,
      mode: r.c.mode,
      faceValueFen: r.c.faceValueFen,
      minSpendFen: r.c.minSpendFen,
      quantity: r.c.quantity,
      perMemberLimit: r.c.perMemberLimit,
      categories: categoriesOf(r.c),
      merchantIds: r.c.merchantIds ?? null,
      claimStartsAt: r.c.claimStartsAt.toISOString(),
      claimEndsAt: r.c.claimEndsAt.toISOString(),
      validFrom: r.c.validFrom.toISOString(),
      validUntil: r.c.validUntil.toISOString(),
      registrationEndsAt: r.c.registrationEndsAt?.toISOString() ?? null,
      open: now >= r.c.claimStartsAt && now < r.c.claimEndsAt,
      claimedByMe: r.claimedByMe,
      remaining: r.remaining ?? r.c.quantity,
      myRegistration: r.c.mode === 'lottery' ? await registrationOf(db, r.c.id, m.memberId) : null,
    });
  }
  return { items };
}

/** The member's vouchers, newest first, with where each can be used. */
export async function listMyVouchers(
  db: Db,
  accountId: number,
  state: (typeof VOUCHER_STATES)[number] | undefined,
  now: Date,
) {
  const found = await db
    .select({ v: voucher, c: campaign, merchantName: merchantRef.name })
    .from(voucher)
    .innerJoin(campaign, eq(campaign.id, voucher.campaignId))
    .leftJoin(merchantRef, eq(merchantRef.id, voucher.redeemedMerchantId))
    .where(eq(voucher.accountId, accountId))
    .orderBy(desc(voucher.id))
    .limit(200);
  const items = found
    .map(({ v, c, merchantName }) => ({
      ...presentVoucher(v, c, now),
      redeemedAt: v.redeemedAt?.toISOString() ?? null,
      redeemedMerchantName: merchantName,
      merchantsWhereValid: { merchantIds: c.merchantIds ?? null, categories: categoriesOf(c), orgId: c.orgId },
    }))
    .filter((v) => !state || v.state === state);
  return { items };
}

// The QR: `UHV1.<voucher id>.<expiry, unix s>.<HMAC>` signed with the kernel's key for 'voucher'.
export const VOUCHER_QR_TTL_MS = 60_000;
const QR_PREFIX = 'UHV1';

export async function voucherQr(db: Db, crypto: Crypto, accountId: number, id: number, now: Date) {
  const [found] = await db
    .select({ v: voucher, c: campaign })
    .from(voucher)
    .innerJoin(campaign, eq(campaign.id, voucher.campaignId))
    .where(and(eq(voucher.id, id), eq(voucher.accountId, accountId)));
  if (!found) throw new AppError('NOT_FOUND');
  const shown = presentVoucher(found.v, found.c, now);
  if (shown.state === 'redeemed') throw new AppError('VOUCHER_ALREADY_REDEEMED');
  if (shown.state !== 'issued') throw new AppError('VOUCHER_EXPIRED');
  const expiresAt = new Date(now.getTime() + VOUCHER_QR_TTL_MS);
  const body = `${QR_PREFIX}.${id}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return { token: `${body}.${crypto.sign('voucher', body)}`, expiresAt: expiresAt.toISOString(), code: found.v.code };
}

/** The voucher id a current, genuine QR token names; null for anything else (forged, expired, malformed). */
export function verifyVoucherToken(crypto: Crypto, token: string, now: Date): number | null {
  const parts = token.split('.');
  const [prefix, id, exp, sig] = parts;
  if (
    parts.length !== 4 ||
    prefix !== QR_PREFIX ||
    !id ||
    !exp ||
    !sig ||
    !/^\d{1,15}$/.test(id) ||
    !/^\d{1,12}$/.test(exp)
  )
    return null;
  if (!timingSafeEqualString(sig, crypto.sign('voucher', `${prefix}.${id}.${exp}`))) return null;
  if (Number(exp) * 1000 < now.getTime()) return null;
  return Number(id);
}
