import { and, eq, isNull, sql } from 'drizzle-orm';
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
  const visit = (notes: string) =>
    enc({ officerId: officer.id, officerName: officer.name, visitedOn: `${year}-01-10`, notes });

  const plans: Array<{
    memberId: number;
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
  }> = [];
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

  for (const p of plans) {
    const [c] = await tx
      .insert(hardshipConsent)
      .values({
        memberId: p.memberId,
        version: '2025-1',
        scope: ['collect', 'verify', 'assist'],
        givenVia: p.via,
        recordedBy: p.via === 'staff' ? officer.id : null,
        givenAt: at,
      })
      .returning({ id: hardshipConsent.id });
    if (!c) continue;
    const filed = p.state === 'filed' || p.state === 'exited';
    await tx.insert(hardshipFile).values({
      memberId: p.memberId,
      orgId: techco,
      consentId: c.id,
      state: p.state,
      category: p.category,
      causes: p.causes,
      householdSize: p.household.length,
      incomeBand: p.band,
      sensitiveEnc: enc({ household: p.household, otherIncomeFen: 0, situation: p.situation }),
      source: 'staff',
      visitEnc: p.visited ? visit(p.visited) : null,
      verifiedBy: p.visited ? officer.id : null,
      verifiedAt: p.visited ? new Date(`${year}-01-10T10:00:00+08:00`) : null,
      filedAt: filed ? new Date(`${year - 1}-01-15T10:00:00+08:00`) : null,
      reviewDue: p.state === 'filed' ? (p.reviewDue ?? `${year + 1}-01-15`) : null,
      exitedAt: p.exit ? at : null,
      exitReason: p.exit ? 'income_above_line' : null,
      exitNote: p.exit ? '收入连续 6 个月超过标准' : null,
      watchUntil: p.exit ? `${year + 1}${today.slice(4)}` : null,
      createdBy: officer.id,
      createdAt: at,
      updatedAt: at,
    });
  }
}
