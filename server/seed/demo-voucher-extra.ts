import { sql } from 'drizzle-orm';
import type { Deps } from '../kernel/context.js';
import { rows, type Db } from '../kernel/db.js';
import { chinaDate } from '../kernel/clock.js';
import { currentFiledFile } from '../modules/assistance/index.js';
import { NEW_EMPLOYMENT } from '../modules/member/index.js';
import { chinaYear } from '../modules/voucher/caps.js';
import { pseudoIdOf, registrationWeight } from '../modules/voucher/lottery.draw.js';
import { registration } from '../modules/voucher/lottery.schema.js';
import { settlement, settlementLine } from '../modules/voucher/settlement.schema.js';
import { campaign, voucher, voucherMemberTotal, voucherStock } from '../modules/voucher/voucher.schema.js';
import { demoStaff } from './demo-staff.js';

// Lotteries, redemptions and settlement in the demo (after demo-voucher.ts): a lottery campaign
// in registration with members registered, and last Spring Festival's closed campaign with
// vouchers redeemed at the 餐饮 partner merchant and a statement the merchant confirmed.
// Deterministic: times from the clock, fixed codes, members taken in id order.

const DAY = 86_400_000;

export async function seedDemoVoucherExtra(tx: Db, deps: Deps, orgs: Map<string, number>, members: number) {
  const cityId = orgs.get('city');
  if (!cityId) return;
  const now = deps.clock.now();
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const officer = await demoStaff(tx, 'city');
  const [lottery] = await tx
    .insert(campaign)
    .values({
      orgId: cityId,
      name: '镇江市总工会 2027 春节抽签消费券',
      kind: 'spring_festival',
      mode: 'lottery',
      state: 'published',
      faceValueFen: 20_000,
      minSpendFen: 0,
      quantity: 300,
      budgetFen: 6_000_000,
      perMemberLimit: 1,
      registrationEndsAt: at(7),
      claimStartsAt: at(10),
      claimEndsAt: at(40),
      validFrom: at(10),
      validUntil: at(70),
      createdBy: officer?.id ?? null,
      createdAt: at(-3),
      updatedAt: at(-2),
      publishedAt: at(-2),
    })
    .returning({ id: campaign.id });
  if (!lottery || members === 0) return;
  await tx.insert(voucherStock).values({ campaignId: lottery.id, remaining: 300 });

  // Members with an account in the city's subtree, in id order: the last six redeemed last Spring
  // Festival's vouchers, the others (up to 40) registered for the lottery.
  const people = await rows<{ id: number; accountId: number; jobType: string; prior: boolean }>(
    tx,
    sql`select m.id, m.account_id as "accountId", m.job_type as "jobType",
          exists (select 1 from voucher v where v.member_id = m.id) as prior
        from member_ref m join org_ref o on o.id = m.org_id
        where m.account_id is not null and m.status = 'active'
          and o.path like (select path || '%' from org_ref where id = ${cityId})
        order by m.id limit 46`,
  );
  const registrants = people.slice(0, Math.max(0, people.length - 6));
  for (const [i, p] of registrants.entries()) {
    const f = {
      hardship: !!(await currentFiledFile(tx, Number(p.id))),
      newEmployment: NEW_EMPLOYMENT.some((j) => j === p.jobType),
      firstBenefit: !p.prior,
    };
    await tx.insert(registration).values({
      campaignId: lottery.id,
      memberId: Number(p.id),
      accountId: Number(p.accountId),
      pseudoId: pseudoIdOf(lottery.id, Number(p.id)),
      weight: registrationWeight(f),
      ...f,
      registeredAt: at(-2 + i / 50),
    });
  }

  // Last Spring Festival's campaign (demo-voucher.ts): six more members' vouchers, redeemed at the 餐饮 merchant.
  const [closed] = await tx
    .select({ id: campaign.id })
    .from(campaign)
    .where(sql`${campaign.name} = '镇江市总工会 2026 春节慰问消费券'`);
  const [dining] = await rows<{ id: number; orgId: number }>(
    tx,
    sql`select id, org_id as "orgId" from merchant_ref where status = 'listed' and 'dining' = any(categories) order by id limit 1`,
  );
  if (!closed || !dining) return;
  const redeemers = people.slice(-6).filter((p) => !p.prior);
  const lines: Array<{ id: number; redeemedAt: Date }> = [];
  for (const [i, p] of redeemers.entries()) {
    const claimedAt = at(-58 + i / 10);
    const redeemedAt = new Date(at(-50 + i).getTime() + 3 * 3600_000);
    const [v] = await tx
      .insert(voucher)
      .values({
        campaignId: closed.id,
        memberId: Number(p.id),
        accountId: Number(p.accountId),
        seq: 1,
        code: `DEMO2026SF${String(i + 2).padStart(2, '0')}`,
        state: 'redeemed',
        faceValueFen: 20_000,
        claimedAt,
        redeemedAt,
        redeemedMerchantId: Number(dining.id),
      })
      .returning({ id: voucher.id });
    await tx.insert(voucherMemberTotal).values({
      memberId: Number(p.id),
      kind: 'spring_festival',
      year: chinaYear(claimedAt),
      totalFen: 20_000,
      capFen: 50_000,
    });
    if (v) lines.push({ id: v.id, redeemedAt });
  }
  await tx
    .update(voucherStock)
    .set({ remaining: sql`${voucherStock.remaining} - ${lines.length}` })
    .where(sql`${voucherStock.campaignId} = ${closed.id}`);
  if (lines.length === 0) return;
  const [s] = await tx
    .insert(settlement)
    .values({
      merchantId: Number(dining.id),
      orgId: Number(dining.orgId),
      periodStart: chinaDate(at(-51)),
      periodEnd: chinaDate(at(-40)),
      state: 'confirmed',
      vouchers: lines.length,
      faceValueFen: 20_000 * lines.length,
      subsidyDueFen: 20_000 * lines.length,
      createdBy: officer?.id ?? null,
      createdAt: at(-39),
      confirmedAt: at(-38),
    })
    .returning({ id: settlement.id });
  if (!s) return;
  for (const l of lines)
    await tx.insert(settlementLine).values({
      settlementId: s.id,
      voucherId: l.id,
      campaignId: closed.id,
      faceValueFen: 20_000,
      subsidyFen: 20_000,
      redeemedAt: l.redeemedAt,
    });
}
