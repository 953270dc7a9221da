import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { assertOrgAccess, hasPermission, pathInScope } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { randomBytes } from 'node:crypto';
import { maskName } from '../../kernel/crypto.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { currentFiledFile } from '../assistance/index.js';
import { NEW_EMPLOYMENT } from '../member/index.js';
import {
  DRAW_ALGORITHM,
  DRAW_ALGORITHM_TEXT,
  drawKeySql,
  pseudoIdOf,
  registrationWeight,
  rerunDraw,
  WEIGHT_RULE,
} from './lottery.draw.js';
import { eligible, memberFacts, type MemberFacts } from './claim.service.js';
import { draw, drawWinner, registration } from './lottery.schema.js';
import { campaign, voucher } from './voucher.schema.js';

// Lottery campaigns: registration while the window is open, the weighted draw (lottery.draw.ts),
// the published result, and the check the claim path asks (isLotteryWinner).

type CampaignRow = typeof campaign.$inferSelect;

const isNewEmployment = (jobType: string) => NEW_EMPLOYMENT.some((j) => j === jobType);

/** When registration for a lottery campaign closes: its registration end, else when claiming starts. */
export function registrationEndsAt(c: Pick<CampaignRow, 'claimStartsAt'> & { registrationEndsAt?: Date | null }): Date {
  return c.registrationEndsAt ?? c.claimStartsAt;
}

async function orgPath(db: Db, orgId: number): Promise<string | undefined> {
  const [o] = await rows<{ path: string }>(db, sql`select path from org_ref where id = ${orgId}`);
  return o?.path;
}

/** Whether a member may take part in a campaign: the claim engine's rule (subtree, active, job type). */
async function memberEligibleFor(db: Db, c: CampaignRow, m: MemberFacts): Promise<boolean> {
  const orgPathOfCampaign = await orgPath(db, c.orgId);
  return !!orgPathOfCampaign && eligible({ memberTypes: c.memberTypes, orgPath: orgPathOfCampaign }, m);
}

async function loadCampaign(db: Db, id: number, lock = false): Promise<CampaignRow> {
  const q = db.select().from(campaign).where(eq(campaign.id, id));
  const [c] = lock ? await q.for('update') : await q;
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/** The member behind a member actor, and the lottery campaign it may see (404 when not visible). */
async function memberAndLottery(db: Db, actor: Actor, campaignId: number) {
  const m = await memberFacts(db, actor.accountId);
  const c = await loadCampaign(db, campaignId);
  if (!m || c.state === 'draft') throw new AppError('NOT_FOUND');
  if (c.mode !== 'lottery') throw new AppError('VOUCHER_NOT_LOTTERY');
  return { m, c };
}

async function isDrawn(db: Db, campaignId: number): Promise<boolean> {
  const [d] = await db.select({ id: draw.campaignId }).from(draw).where(eq(draw.campaignId, campaignId));
  return !!d;
}

export interface MyRegistration {
  registeredAt: string;
  pseudoId: string;
  weight: number;
  /** null before the draw. */
  won: boolean | null;
  rank: number | null;
}

/** The member's registration for one campaign with its outcome (for the member's campaign list and the draw page). */
export async function myRegistration(db: Db, campaignId: number, memberId: number): Promise<MyRegistration | null> {
  const [r] = await rows<{ registeredAt: Date; pseudoId: string; weight: number; drawn: boolean; rank: number | null }>(
    db,
    sql`select r.registered_at as "registeredAt", r.pseudo_id as "pseudoId", r.weight,
          exists (select 1 from ${draw} d where d.campaign_id = r.campaign_id) as drawn, w.rank
        from ${registration} r
        left join ${drawWinner} w on w.campaign_id = r.campaign_id and w.member_id = r.member_id
        where r.campaign_id = ${campaignId} and r.member_id = ${memberId}`,
  );
  if (!r) return null;
  return {
    registeredAt: new Date(r.registeredAt).toISOString(),
    pseudoId: r.pseudoId,
    weight: r.weight,
    won: r.drawn ? r.rank !== null : null,
    rank: r.rank,
  };
}

/** Registers the member for a lottery while registration is open; a second registration answers the first. */
export async function register(tx: Db, env: TxEnv, actor: Actor, campaignId: number): Promise<MyRegistration> {
  const { m, c } = await memberAndLottery(tx, actor, campaignId);
  const now = env.source.at;
  if (c.state !== 'published' || now >= registrationEndsAt(c) || (await isDrawn(tx, c.id)))
    throw new AppError('VOUCHER_REGISTRATION_CLOSED');
  if (!(await memberEligibleFor(tx, c, m))) throw new AppError('VOUCHER_REGISTRATION_NOT_ELIGIBLE');
  const hardship = !!(await currentFiledFile(tx, m.memberId));
  const newEmployment = isNewEmployment(m.jobType);
  const [prior] = await tx.select({ n: count() }).from(voucher).where(eq(voucher.memberId, m.memberId));
  const firstBenefit = (prior?.n ?? 0) === 0;
  const inserted = await tx
    .insert(registration)
    .values({
      campaignId: c.id,
      memberId: m.memberId,
      accountId: actor.accountId,
      pseudoId: pseudoIdOf(c.id, m.memberId),
      weight: registrationWeight({ hardship, newEmployment, firstBenefit }),
      hardship,
      newEmployment,
      firstBenefit,
      registeredAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: registration.id });
  if (inserted[0])
    await writeAudit(tx, env.crypto, env.source, {
      orgId: c.orgId,
      action: 'voucher_registration.create',
      targetType: 'voucher_campaign',
      targetId: c.id,
    });
  const mine = await myRegistration(tx, c.id, m.memberId);
  if (!mine) throw new AppError('CONFLICT');
  return mine;
}

/** Withdraws the member's registration while registration is open. */
export async function withdraw(tx: Db, env: TxEnv, actor: Actor, campaignId: number): Promise<void> {
  const { m, c } = await memberAndLottery(tx, actor, campaignId);
  if (c.state !== 'published' || env.source.at >= registrationEndsAt(c) || (await isDrawn(tx, c.id)))
    throw new AppError('VOUCHER_REGISTRATION_CLOSED');
  const gone = await tx
    .delete(registration)
    .where(and(eq(registration.campaignId, c.id), eq(registration.memberId, m.memberId)))
    .returning({ id: registration.id });
  if (!gone[0]) throw new AppError('NOT_FOUND');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.orgId,
    action: 'voucher_registration.delete',
    targetType: 'voucher_campaign',
    targetId: c.id,
  });
}

/** A staff caller's campaign, checked against scope (404 outside what it may read, 403 without `manage`). */
async function staffCampaign(db: Db, actor: Actor, id: number, manage: boolean): Promise<CampaignRow> {
  const c = await loadCampaign(db, id, manage);
  await assertOrgAccess(
    db,
    actor,
    manage ? 'voucher:campaign:manage' : 'voucher:campaign:read',
    c.orgId,
    'voucher:campaign:read',
  );
  if (c.mode !== 'lottery') throw new AppError('VOUCHER_NOT_LOTTERY');
  return c;
}

/** How many members win a campaign: each winner may claim the full per-member limit. */
export function winnerSlots(c: Pick<CampaignRow, 'quantity' | 'perMemberLimit'>): number {
  return Math.floor(c.quantity / c.perMemberLimit);
}

/**
 * The draw: one set-based statement ranks every registration by its key and stores the first
 * `winnerSlots` as winners. The seed is the officer's, or 32 random hex digits.
 */
export async function runDraw(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  campaignId: number,
  seedIn: string | undefined,
): Promise<{ seed: string; algorithm: string; winners: number; registrations: number }> {
  const c = await staffCampaign(tx, actor, campaignId, true);
  if (c.state !== 'published') throw new AppError('VOUCHER_REGISTRATION_CLOSED');
  if (env.source.at < registrationEndsAt(c)) throw new AppError('VOUCHER_DRAW_TOO_EARLY');
  if (await isDrawn(tx, c.id)) throw new AppError('VOUCHER_ALREADY_DRAWN');
  const seed = seedIn ?? randomBytes(16).toString('hex');
  const result = await drawInto(tx, c.id, seed, winnerSlots(c));
  await tx.insert(draw).values({
    campaignId: c.id,
    seed,
    algorithm: DRAW_ALGORITHM,
    registrations: result.registrations,
    winners: result.winners,
    drawnAt: env.source.at,
    drawnBy: actor.accountId,
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.orgId,
    action: 'voucher_draw.create',
    targetType: 'voucher_campaign',
    targetId: c.id,
    after: { seed, algorithm: DRAW_ALGORITHM, ...result },
  });
  return { seed, algorithm: DRAW_ALGORITHM, ...result };
}

/**
 * The draw itself (also what the bench times): one read-only statement ranks every registration
 * by its key and keeps the first `slots` (PostgreSQL may run it with parallel workers, which a
 * statement that writes cannot use); the winners are then stored in rank order.
 */
export async function drawInto(
  db: Db,
  campaignId: number,
  seed: string,
  slots: number,
): Promise<{ winners: number; registrations: number }> {
  const ranked = await rows<{ memberId: number; pseudoId: string; weight: number; k: number }>(
    db,
    sql`select r.member_id as "memberId", r.pseudo_id as "pseudoId", r.weight, ${drawKeySql(seed)} as k
        from ${registration} r where r.campaign_id = ${campaignId}
        order by k, r.pseudo_id collate "C" limit ${slots}`,
  );
  const [total] = await db.select({ n: count() }).from(registration).where(eq(registration.campaignId, campaignId));
  const winners = ranked.map((w, i) => ({
    campaignId,
    rank: i + 1,
    memberId: Number(w.memberId),
    pseudoId: w.pseudoId,
    weight: w.weight,
    drawKey: Number(w.k),
  }));
  for (let i = 0; i < winners.length; i += 5000) await db.insert(drawWinner).values(winners.slice(i, i + 5000));
  return { winners: winners.length, registrations: total?.n ?? 0 };
}

/** Re-runs the published draw over the stored registrations, without storing: the same winners, in the same order. */
export async function verifyDraw(db: Db, actor: Actor, campaignId: number) {
  const c = await visibleDrawnCampaign(db, actor, campaignId);
  const [d] = await db.select().from(draw).where(eq(draw.campaignId, c.id));
  if (!d) throw new AppError('VOUCHER_NOT_DRAWN');
  const again = await rows<{ pseudoId: string }>(
    db,
    sql`select r.pseudo_id as "pseudoId" from ${registration} r where r.campaign_id = ${c.id}
        order by ${drawKeySql(d.seed)}, r.pseudo_id collate "C" limit ${d.winners}`,
  );
  const stored = await db
    .select({ pseudoId: drawWinner.pseudoId })
    .from(drawWinner)
    .where(eq(drawWinner.campaignId, c.id))
    .orderBy(asc(drawWinner.rank));
  const same = again.length === stored.length && again.every((r, i) => r.pseudoId === stored[i]?.pseudoId);
  return { seed: d.seed, algorithm: d.algorithm, winners: stored.length, matches: same };
}

/** Staff who may read the campaign, or a member eligible for it or registered: the draw is public to them. */
async function visibleDrawnCampaign(db: Db, actor: Actor, campaignId: number): Promise<CampaignRow> {
  const c = await loadCampaign(db, campaignId);
  if (actor.kind === 'staff') {
    const path = await orgPath(db, c.orgId);
    if (!path || !hasPermission(actor, 'voucher:campaign:read') || !pathInScope(actor, 'voucher:campaign:read', path))
      throw new AppError('NOT_FOUND');
  } else {
    const m = await memberFacts(db, actor.accountId);
    if (!m || c.state === 'draft') throw new AppError('NOT_FOUND');
    if (!(await memberEligibleFor(db, c, m)) && !(await myRegistration(db, c.id, m.memberId)))
      throw new AppError('NOT_FOUND');
  }
  if (c.mode !== 'lottery') throw new AppError('VOUCHER_NOT_LOTTERY');
  return c;
}

/** The published draw: seed, algorithm, weight rule, winners (masked name and pseudonymous id). */
export async function publishedDraw(db: Db, actor: Actor, campaignId: number) {
  const c = await visibleDrawnCampaign(db, actor, campaignId);
  const [d] = await db.select().from(draw).where(eq(draw.campaignId, c.id));
  if (!d) throw new AppError('VOUCHER_NOT_DRAWN');
  const winners = await rows<{ rank: number; pseudoId: string; weight: number; name: string | null }>(
    db,
    sql`select w.rank, w.pseudo_id as "pseudoId", w.weight, m.name
        from ${drawWinner} w left join member_ref m on m.id = w.member_id
        where w.campaign_id = ${c.id} order by w.rank`,
  );
  const mine =
    actor.kind === 'member'
      ? await (async () => {
          const m = await memberFacts(db, actor.accountId);
          return m ? myRegistration(db, c.id, m.memberId) : null;
        })()
      : null;
  return {
    campaignId: c.id,
    seed: d.seed,
    algorithm: d.algorithm,
    algorithmText: DRAW_ALGORITHM_TEXT,
    weights: WEIGHT_RULE,
    registrations: d.registrations,
    drawnAt: d.drawnAt.toISOString(),
    winners: winners.map((w) => ({
      rank: w.rank,
      memberRef: { name: maskName(w.name ?? ''), pseudoId: w.pseudoId },
      weight: w.weight,
    })),
    myRegistration: mine,
  };
}

/** Staff: a lottery's registrations, paged (pseudonymous id, masked name, weight): the list a draw is re-run from. */
export async function listRegistrations(db: Db, actor: Actor, campaignId: number, page: number, pageSize: number) {
  const c = await staffCampaign(db, actor, campaignId, false);
  const items = await rows<{ id: number; pseudoId: string; weight: number; name: string | null; registeredAt: Date }>(
    db,
    sql`select r.id, r.pseudo_id as "pseudoId", r.weight, m.name, r.registered_at as "registeredAt"
        from ${registration} r left join member_ref m on m.id = r.member_id
        where r.campaign_id = ${c.id} order by r.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const [total] = await db.select({ n: count() }).from(registration).where(eq(registration.campaignId, c.id));
  return {
    items: items.map((r) => ({
      id: r.id,
      memberRef: { name: maskName(r.name ?? ''), pseudoId: r.pseudoId },
      weight: r.weight,
      registeredAt: new Date(r.registeredAt).toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

/**
 * For the claim path: whether a member may claim a campaign as far as the lottery goes —
 * always for first-come campaigns; for a lottery, only a winner of its draw.
 */
export async function lotteryAllowsClaim(db: Db, c: Pick<CampaignRow, 'id' | 'mode'>, memberId: number) {
  if (c.mode !== 'lottery') return true;
  const [w] = await db
    .select({ rank: drawWinner.rank })
    .from(drawWinner)
    .where(and(eq(drawWinner.campaignId, c.id), eq(drawWinner.memberId, memberId)));
  return !!w;
}

/** The claim engine's lottery gate: whether a member won the campaign's draw. */
export async function isLotteryWinner(db: Db, campaignId: number, memberId: number): Promise<boolean> {
  return lotteryAllowsClaim(db, { id: campaignId, mode: 'lottery' }, memberId);
}

export { rerunDraw };
