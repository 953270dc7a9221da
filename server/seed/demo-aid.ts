import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { demoStaff } from './demo-staff.js';
import { CONSENT_SCOPES, CONSENT_VERSION } from '../modules/assistance/index.js';
// The assistance module's own demo data (its seed step calls this file): written through its schema files.
import { aidHouseholdTotal, aidProgramme, aidRecord, aidWish } from '../modules/assistance/aid/aid.schema.js';
import { hardshipConsent, hardshipFile } from '../modules/assistance/hardship/hardship.schema.js';
import { memberRef } from '../modules/member/index.js';

// Demo assistance: this year's programmes at the city (送温暖, 金秋助学) and at 瑞丰科技工会
// (节日慰问), records in every state for filed households, and a few 微心愿 of the demo member.
// Households: the filed hardship files already seeded (hardship demo), topped up to four with
// files of demo members at 瑞丰科技 when there are fewer.

/** A programme's categories, typed as the rules column wants them. */
const categories = (...c: Array<'deep' | 'relative' | 'sudden'>) => c;
export async function seedDemoAid(
  tx: Db,
  deps: Deps,
  ids: Map<string, number>,
  demoMemberAccountId: number | null,
): Promise<void> {
  const at = deps.clock.now();
  const year = new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
  const city = ids.get('city') ?? 0;
  const techco = ids.get('techco') ?? 0;
  const officer = await demoStaff(tx, 'grassroots');
  const head = await demoStaff(tx, 'head');
  const cityMgr = await demoStaff(tx, 'city');
  if (!officer || !head || !cityMgr) return;

  let files = await tx
    .select({
      id: hardshipFile.id,
      memberId: hardshipFile.memberId,
      orgId: hardshipFile.orgId,
      category: hardshipFile.category,
    })
    .from(hardshipFile)
    .where(and(eq(hardshipFile.state, 'filed'), eq(hardshipFile.orgId, techco)))
    .limit(4);
  if (files.length < 4) {
    const taken = files.map((f) => f.memberId);
    const more = await tx
      .select({ id: memberRef.id })
      .from(memberRef)
      .where(
        and(
          eq(memberRef.orgId, techco),
          isNull(memberRef.accountId),
          taken.length ? notInArray(memberRef.id, taken) : undefined,
          sql`not exists (select 1 from hardship_file hf where hf.member_id = ${memberRef.id})`,
        ),
      )
      .limit(4 - files.length);
    const cats = ['deep', 'relative', 'sudden', 'deep'] as const;
    for (const [i, m] of more.entries()) {
      const [c] = await tx
        .insert(hardshipConsent)
        .values({
          memberId: m.id,
          version: CONSENT_VERSION,
          scope: [...CONSENT_SCOPES],
          givenVia: 'staff',
          recordedBy: officer.id,
          givenAt: at,
        })
        .returning();
      const category = cats[i];
      if (!c || !category) throw new Error('seed: no consent row, or more members than categories');
      const [f] = await tx
        .insert(hardshipFile)
        .values({
          memberId: m.id,
          orgId: techco,
          consentId: c.id,
          state: 'filed',
          category,
          householdSize: 3,
          incomeBand: 'below_low_income',
          verifiedBy: officer.id,
          verifiedAt: at,
          filedAt: at,
          reviewDue: `${year + 1}-01-15`,
          createdBy: officer.id,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (!f) throw new Error('seed: hardship file insert returned no row');
      files = [...files, { id: f.id, memberId: m.id, orgId: techco, category: f.category }];
    }
  }

  const [warmth, school, festival] = await tx
    .insert(aidProgramme)
    .values(
      [
        {
          orgId: city,
          year,
          kind: 'winter_warmth' as const,
          name: `${year}年送温暖`,
          description: '元旦春节期间走访慰问困难职工家庭',
          budgetFen: 200_000_00,
          rules: {
            categories: categories(),
            amountFen: 1000_00,
            amountByCategory: { deep: 2000_00, sudden: 1500_00 },
            capFen: 3000_00,
            maxTimes: 2,
          },
        },
        {
          orgId: city,
          year,
          kind: 'education_aid' as const,
          name: `${year}年金秋助学`,
          description: '困难职工子女考入大学、高职的一次性助学金',
          budgetFen: 100_000_00,
          rules: {
            categories: categories('deep', 'relative'),
            amountFen: 3000_00,
            amountByCategory: {},
            capFen: 3000_00,
            maxTimes: 1,
          },
        },
        {
          orgId: techco,
          year,
          kind: 'festival' as const,
          name: `${year}年中秋节日慰问`,
          description: '月饼、米面油',
          budgetFen: 20_000_00,
          rules: { categories: categories(), amountFen: 300_00, amountByCategory: {}, capFen: 600_00, maxTimes: 2 },
        },
      ].map((p) => ({ ...p, createdBy: cityMgr.id, createdAt: at, updatedAt: at })),
    )
    .returning();
  if (!warmth || !school || !festival) return;

  // [programme, file index, state, form]
  const plan: Array<[typeof warmth, number, 'proposed' | 'approved' | 'paid' | 'rejected', 'cash' | 'goods']> = [
    [warmth, 0, 'paid', 'cash'],
    [warmth, 1, 'approved', 'cash'],
    [warmth, 2, 'proposed', 'cash'],
    [warmth, 3, 'proposed', 'cash'],
    [school, 0, 'approved', 'cash'],
    [school, 1, 'rejected', 'cash'],
    [festival, 0, 'paid', 'goods'],
    [festival, 2, 'paid', 'goods'],
  ];
  for (const [p, i, state, form] of plan) {
    const f = files[i];
    if (!f) continue;
    const amountFen = (f.category ? p.rules.amountByCategory[f.category] : undefined) ?? p.rules.amountFen ?? 100_00;
    const decided = state !== 'proposed';
    await tx.insert(aidRecord).values({
      programmeId: p.id,
      programmeOrgId: p.orgId,
      fileId: f.id,
      memberId: f.memberId,
      orgId: f.orgId,
      form,
      amountFen,
      goods: form === 'goods' ? '月饼一盒、米面油一套' : null,
      givenOn: new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
      state,
      proposedBy: officer.id,
      proposedByName: officer.name,
      proposedAt: at,
      decidedBy: decided ? head.id : null,
      decidedByName: decided ? head.name : null,
      decidedAt: decided ? at : null,
      rejectReason: state === 'rejected' ? '子女本年度未考入高校，不符合助学条件' : null,
      paidBy: state === 'paid' ? cityMgr.id : null,
      paidByName: state === 'paid' ? cityMgr.name : null,
      paidAt: state === 'paid' ? at : null,
      createdAt: at,
      updatedAt: at,
    });
    if (state === 'approved' || state === 'paid') {
      await tx
        .update(aidProgramme)
        .set({
          committedFen: sql`${aidProgramme.committedFen} + ${amountFen}`,
          paidFen: sql`${aidProgramme.paidFen} + ${state === 'paid' ? amountFen : 0}`,
        })
        .where(eq(aidProgramme.id, p.id));
      await tx
        .insert(aidHouseholdTotal)
        .values({ programmeId: p.id, fileId: f.id, committedFen: amountFen, times: 1 })
        .onConflictDoUpdate({
          target: [aidHouseholdTotal.programmeId, aidHouseholdTotal.fileId],
          set: {
            committedFen: sql`aid_household_total.committed_fen + ${amountFen}`,
            times: sql`aid_household_total.times + 1`,
          },
        });
    }
  }

  if (!demoMemberAccountId) return;
  const [me] = await tx
    .select({ id: memberRef.id, orgId: memberRef.orgId })
    .from(memberRef)
    .where(eq(memberRef.accountId, demoMemberAccountId));
  if (!me) return;
  const wish = { orgId: me.orgId, accountId: demoMemberAccountId, memberId: me.id, createdAt: at, updatedAt: at };
  await tx.insert(aidWish).values([
    {
      ...wish,
      title: '想给女儿买一套课外读物',
      story: '女儿今年上四年级，很爱看书，想给她买一套适合的课外读物。',
      estimatedFen: 200_00,
    },
    {
      ...wish,
      title: '一台二手笔记本电脑',
      story: '孩子上初中需要上网课查资料，家里没有电脑，希望有一台能用的旧电脑。',
      estimatedFen: 1500_00,
      state: 'published',
      reviewedBy: officer.id,
      publishedAt: at,
    },
    {
      ...wish,
      title: '冬天的一件厚棉衣',
      story: '母亲年纪大了怕冷，想给她添一件厚实的棉衣过冬。',
      estimatedFen: 300_00,
      state: 'fulfilled',
      reviewedBy: officer.id,
      publishedAt: at,
      donorKind: 'partner',
      donorName: '镇江某爱心企业',
      claimedAt: at,
      fulfilNote: '棉衣已由工会干部送到家中',
      fulfilledBy: officer.id,
      fulfilledAt: at,
    },
  ]);
}
