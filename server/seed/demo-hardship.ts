import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { chinaDate } from '../kernel/clock.js';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { demoStaff } from './demo-staff.js';
import { type HardshipCause } from '../modules/assistance/index.js';
// The assistance module's own demo data (its seed step calls this file): written through its schema files.
import { hardshipConsent, hardshipFile, hardshipLine } from '../modules/assistance/hardship/hardship.schema.js';
import { memberRef } from '../modules/member/index.js';

// Demo hardship files: the city's and 丹阳's local lines, and at 瑞丰科技工会 a few households in
// every state — the demo member 周师傅 filed (深度困难, consent given on the H5), one review
// overdue, one being verified, one draft, one exited and watched. Household data is encrypted
// as the API stores it (incomes in fen).

type Person = {
  name: string;
  relation: string;
  age: number;
  health: string;
  disability: string;
  occupation: string;
  monthlyIncomeFen: number;
};
const person = (
  name: string,
  relation: string,
  age: number,
  yuan: number,
  health = 'healthy',
  disability = 'none',
  occupation = '',
): Person => ({ name, relation, age, health, disability, occupation, monthlyIncomeFen: yuan * 100 });

interface Plan {
  memberId: number;
  /** The union that keeps the file (瑞丰科技 unless named). */
  orgId?: number;
  via: 'member' | 'staff';
  state: 'draft' | 'verifying' | 'filed' | 'exited';
  category: 'deep' | 'relative' | 'sudden';
  causes: HardshipCause[];
  household: Person[];
  band: 'below_minimum' | 'below_low_income' | 'above_low_income';
  situation: string;
  reviewDue?: string;
  visited?: string;
  exit?: boolean;
  /** Opened this many days ago (default: today). */
  openedDaysAgo?: number;
}

export async function seedDemoHardship(tx: Db, deps: Deps, ids: Map<string, number>): Promise<void> {
  const at = deps.clock.now();
  const today = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const city = ids.get('city');
  const danyang = ids.get('danyang');
  const techco = ids.get('techco');
  if (!city || !danyang || !techco) return;
  const officer = await demoStaff(tx, 'grassroots');
  if (!officer) return;
  await tx
    .insert(hardshipLine)
    .values([
      { orgId: city, minimumLiving: 900, lowIncome: 1350, updatedBy: null, updatedAt: at },
      { orgId: danyang, minimumLiving: 830, lowIncome: 1250, updatedBy: null, updatedAt: at },
    ])
    .onConflictDoNothing();

  const [demo] = await tx
    .select({ id: memberRef.id })
    .from(memberRef)
    .where(and(eq(memberRef.orgId, techco), sql`${memberRef.accountId} is not null`))
    .limit(1);
  const others = await tx
    .select({ id: memberRef.id, name: memberRef.name })
    .from(memberRef)
    .where(
      and(
        eq(memberRef.orgId, techco),
        isNull(memberRef.accountId),
        sql`not exists (select 1 from hardship_file hf where hf.member_id = ${memberRef.id})`,
      ),
    )
    .limit(4);
  const enc = (v: unknown) => deps.crypto.encrypt(JSON.stringify(v));
  const visit = (notes: string, officerName: string) =>
    enc({ officerId: officer.id, officerName, visitedOn: `${year}-01-10`, notes });

  const plans: Plan[] = [];
  if (demo) {
    plans.push({
      memberId: demo.id,
      via: 'member',
      state: 'filed',
      category: 'deep',
      causes: ['serious_illness', 'schooling'],
      band: 'below_minimum',
      household: [
        person('周师傅', 'self', 43, 2100, 'healthy', 'none', '车间班组长'),
        person('刘女士', 'spouse', 41, 0, 'serious_illness', 'none', '无业'),
        person('周小雨', 'child', 16, 0, 'healthy', 'none', '高中生'),
      ],
      situation: '爱人确诊尿毒症，每周透析三次，自付医疗费用较高；孩子读高中。',
      reviewDue: `${year + 1}-01-20`,
      visited: '入户核实：家中陈设简陋，医疗票据齐全，情况属实。',
    });
  }
  const states = [
    {
      state: 'filed' as const,
      category: 'relative' as const,
      causes: ['unemployment', 'single_parent'] satisfies HardshipCause[],
      band: 'below_low_income' as const,
      household: [person('', 'self', 38, 1800), person('', 'child', 9, 0)],
      situation: '单亲家庭，前年下岗后在园区做保洁。',
      reviewDue: `${year}-01-05`,
      visited: '入户核实：租住公寓，收入证明属实。',
    },
    {
      state: 'verifying' as const,
      category: 'sudden' as const,
      causes: ['accident'] satisfies HardshipCause[],
      band: 'below_low_income' as const,
      household: [person('', 'self', 51, 1200, 'chronic', 'mild'), person('', 'spouse', 49, 1300)],
      situation: '上下班途中遭遇交通事故，右腿骨折，停工三个月。',
    },
    {
      state: 'draft' as const,
      category: 'relative' as const,
      causes: ['disability'] satisfies HardshipCause[],
      band: 'below_low_income' as const,
      household: [
        person('', 'self', 45, 2200, 'healthy', 'severe'),
        person('', 'parent', 76, 600, 'chronic'),
        person('', 'child', 12, 0),
      ],
      situation: '本人肢体残疾，赡养年迈母亲。',
    },
    {
      state: 'exited' as const,
      category: 'relative' as const,
      causes: ['schooling'] satisfies HardshipCause[],
      band: 'above_low_income' as const,
      household: [person('', 'self', 47, 3600), person('', 'spouse', 45, 2800), person('', 'child', 20, 0)],
      situation: '孩子已毕业工作，家庭收入恢复。',
      visited: '入户核实：情况属实。',
      exit: true,
    },
  ];
  for (const [i, m] of others.entries()) {
    const s = states[i];
    if (!s) break;
    plans.push({
      memberId: m.id,
      via: 'staff',
      ...s,
      household: s.household.map((p, j) => ({ ...p, name: j === 0 ? m.name : `家属${j}` })),
    });
  }

  plans.push(...(await unionHouseholds(tx, ids)));

  for (const p of plans) {
    const orgId = p.orgId ?? techco;
    // 瑞丰科技's officer keeps its files; the other unions' officers have no demo account.
    const by = orgId === techco ? officer : null;
    const opened = p.openedDaysAgo ? new Date(at.getTime() - p.openedDaysAgo * 86_400_000) : at;
    const later = (days: number) => new Date(opened.getTime() + days * 86_400_000);
    const [c] = await tx
      .insert(hardshipConsent)
      .values({
        memberId: p.memberId,
        version: '2025-1',
        scope: ['collect', 'verify', 'assist'],
        givenVia: p.via,
        recordedBy: p.via === 'staff' ? (by?.id ?? null) : null,
        givenAt: opened,
      })
      .returning({ id: hardshipConsent.id });
    if (!c) continue;
    const filed = p.state === 'filed' || p.state === 'exited';
    await tx.insert(hardshipFile).values({
      memberId: p.memberId,
      orgId,
      consentId: c.id,
      state: p.state,
      category: p.category,
      causes: p.causes,
      householdSize: p.household.length,
      incomeBand: p.band,
      sensitiveEnc: enc({ household: p.household, otherIncomeFen: 0, situation: p.situation }),
      source: 'staff',
      visitEnc: p.visited ? visit(p.visited, by?.name ?? '工会干部') : null,
      verifiedBy: p.visited ? (by?.id ?? null) : null,
      verifiedAt: p.visited ? (p.openedDaysAgo ? later(10) : new Date(`${year}-01-10T10:00:00+08:00`)) : null,
      filedAt: filed ? (p.openedDaysAgo ? later(20) : new Date(`${year - 1}-01-15T10:00:00+08:00`)) : null,
      reviewDue:
        p.state === 'filed' ? (p.reviewDue ?? (p.openedDaysAgo ? chinaDate(later(385)) : `${year + 1}-01-15`)) : null,
      exitedAt: p.exit ? at : null,
      exitReason: p.exit ? 'income_above_line' : null,
      exitNote: p.exit ? '收入连续 6 个月超过标准' : null,
      watchUntil: p.exit ? `${year + 1}${today.slice(4)}` : null,
      createdBy: by?.id ?? null,
      createdAt: opened,
      updatedAt: at,
    });
  }
}

// Households on file at the other unions, so every officer's 帮扶统计 has categories and causes:
// [union, category, causes, situation] — filed a year ago, reviewed this year.
const UNION_HOUSEHOLDS: Array<[string, Plan['category'], HardshipCause[], string]> = [
  ['logistics', 'sudden', ['accident'], '送件途中发生交通事故，腿部骨折，停工两个月。'],
  ['logistics', 'relative', ['serious_illness'], '爱人患慢性肾病，长期服药。'],
  ['logistics', 'relative', ['schooling', 'single_parent'], '单亲家庭，两个孩子上学。'],
  ['logistics', 'deep', ['serious_illness', 'disability'], '本人患病致残，无法继续跑单。'],
  ['college', 'relative', ['serious_illness'], '父亲癌症术后化疗，医疗自付较多。'],
  ['college', 'sudden', ['disaster'], '老家房屋因暴雨受损。'],
  ['drivers', 'relative', ['unemployment'], '车辆贷款未还清，货源减少，收入下降。'],
  ['drivers', 'sudden', ['accident'], '运输途中车辆侧翻，本人受伤。'],
  ['drivers', 'deep', ['serious_illness', 'schooling'], '本人心脏手术，孩子读大学。'],
  ['hengshen', 'relative', ['single_parent'], '离异后独自抚养孩子。'],
  ['hengshen', 'relative', ['schooling'], '两个孩子同时上大学。'],
  ['hengshen', 'deep', ['disability', 'other'], '家中两人残疾，收入低。'],
  ['glasses', 'sudden', ['disaster'], '店铺遭遇火灾。'],
  ['glasses', 'relative', ['unemployment', 'serious_illness'], '工厂减员后失业，爱人患病。'],
];

async function unionHouseholds(tx: Db, ids: Map<string, number>): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const key of [...new Set(UNION_HOUSEHOLDS.map(([k]) => k))]) {
    const orgId = ids.get(key);
    if (!orgId) continue;
    const wanted = UNION_HOUSEHOLDS.filter(([k]) => k === key);
    const people = await tx
      .select({ id: memberRef.id, name: memberRef.name })
      .from(memberRef)
      .where(and(eq(memberRef.orgId, orgId), isNull(memberRef.accountId), eq(memberRef.status, 'active')))
      // the union's last members: the identification demo (demo-identify.ts) picks its first ones
      .orderBy(desc(memberRef.id))
      .limit(wanted.length);
    for (const [i, m] of people.entries()) {
      const w = wanted[i];
      if (!w) break;
      const [, category, causes, situation] = w;
      plans.push({
        memberId: m.id,
        orgId,
        via: 'staff',
        state: 'filed',
        category,
        causes,
        band: category === 'deep' ? 'below_minimum' : 'below_low_income',
        household: [
          person(m.name, 'self', 40 + i, category === 'deep' ? 700 : 1200),
          person('家属1', 'spouse', 38 + i, 800),
        ],
        situation,
        visited: '入户核实：情况属实。',
        openedDaysAgo: 20 + ((plans.length * 29) % 330),
      });
    }
  }
  return plans;
}
