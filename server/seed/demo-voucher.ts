import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { demoStaff } from './demo-staff.js';
import { chinaYear } from '../modules/voucher/caps.js';
import { memberFacts } from '../modules/voucher/claim.service.js';
// The voucher module's own demo data (its seed step calls this file): written through its schema file.
import { campaign, voucher, voucherMemberTotal, voucherStock } from '../modules/voucher/voucher.schema.js';

// Demo campaigns of 镇江市总工会: one first-come campaign open now (the demo member 13800000001 can
// claim it), and last Spring Festival's campaign, closed, with the vouchers members claimed.
// Deterministic: the clock gives the times, the codes are fixed.

const DAY = 86_400_000;

export async function seedDemoVouchers(tx: Db, deps: Deps, orgs: Map<string, number>, demoAccountId: number) {
  const cityId = orgs.get('city');
  if (!cityId) return;
  const now = deps.clock.now();
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const officer = await demoStaff(tx, 'city');
  const [open] = await tx
    .insert(campaign)
    .values({
      orgId: cityId,
      name: '镇江市总工会 2026 冬季暖心消费券',
      kind: 'general',
      mode: 'first_come',
      state: 'published',
      faceValueFen: 5_000,
      minSpendFen: 10_000,
      quantity: 2_000,
      budgetFen: 10_000_000,
      perMemberLimit: 1,
      categories: ['shopping', 'dining', 'culture', 'fitness', 'health'],
      claimStartsAt: at(-1),
      claimEndsAt: at(30),
      validFrom: at(-1),
      validUntil: at(60),
      createdBy: officer?.id ?? null,
      createdAt: at(-3),
      updatedAt: at(-2),
      publishedAt: at(-2),
    })
    .returning({ id: campaign.id });
  if (open) await tx.insert(voucherStock).values({ campaignId: open.id, remaining: 2_000 });

  const [closed] = await tx
    .insert(campaign)
    .values({
      orgId: cityId,
      name: '镇江市总工会 2026 春节慰问消费券',
      kind: 'spring_festival',
      mode: 'first_come',
      state: 'closed',
      faceValueFen: 20_000,
      minSpendFen: 0,
      quantity: 500,
      budgetFen: 10_000_000,
      perMemberLimit: 1,
      claimStartsAt: at(-60),
      claimEndsAt: at(-40),
      validFrom: at(-60),
      validUntil: at(20),
      createdBy: officer?.id ?? null,
      createdAt: at(-70),
      updatedAt: at(-39),
      publishedAt: at(-65),
      closedAt: at(-39),
    })
    .returning({ id: campaign.id });
  if (!closed) return;
  // The demo member's voucher (when the member record exists: with demo members).
  const m = await memberFacts(tx, demoAccountId);
  let claimed = 0;
  if (m) {
    const claimedAt = at(-59);
    await tx.insert(voucher).values({
      campaignId: closed.id,
      memberId: m.memberId,
      accountId: demoAccountId,
      seq: 1,
      code: 'DEMO2026SF01',
      faceValueFen: 20_000,
      idempotencyKey: 'demo-seed',
      claimedAt,
    });
    await tx.insert(voucherMemberTotal).values({
      memberId: m.memberId,
      kind: 'spring_festival',
      year: chinaYear(claimedAt),
      totalFen: 20_000,
      capFen: 50_000,
    });
    claimed = 1;
  }
  await tx.insert(voucherStock).values({ campaignId: closed.id, remaining: 500 - claimed });
}
