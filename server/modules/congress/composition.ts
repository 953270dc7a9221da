import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.js';
import type { Lang } from '../../kernel/errors.js';
import { memberRef } from '../member/index.js';
import { orgRef } from '../org/index.js';
import type { CongressRules } from './congress.rules.js';
import { congressRepresentative } from './congress.schema.js';

// The composition of a term's active representatives against the rules: 中层以上管理人员和领导人员
// at most managerMaxShare (an error above), 一线职工 the main body (a warning below
// frontlineMinShare), women in proportion to the workforce of the body's org subtree (a warning
// when below the workforce's share by more than womenTolerance).

export interface Composition {
  total: number;
  counts: { frontline: number; technical: number; manager: number; other: number; women: number; men: number };
  shares: { frontline: number; technical: number; manager: number; other: number; women: number };
  workforce: { members: number; women: number; womenShare: number };
  rules: Array<{ code: string; held: boolean; level: 'error' | 'warning'; detail: string }>;
}

const share = (n: number, total: number) => (total === 0 ? 0 : n / total);
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Whether the manager share is within the rule (exactly at the limit holds). */
export function managerShareHeld(rules: CongressRules, managers: number, total: number): boolean {
  // Compared as integers: managers / total ≤ max, without a fraction's rounding at the edge.
  return managers * 1000 <= Math.round(rules.managerMaxShare * 1000) * total;
}

export async function compositionOf(
  db: Db,
  termId: number,
  orgPath: string,
  rules: CongressRules,
  lang: Lang,
): Promise<Composition> {
  const reps = await db
    .select({ category: congressRepresentative.category, gender: memberRef.gender, n: count() })
    .from(congressRepresentative)
    .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
    .where(and(eq(congressRepresentative.termId, termId), eq(congressRepresentative.state, 'active')))
    .groupBy(congressRepresentative.category, memberRef.gender);
  const counts = { frontline: 0, technical: 0, manager: 0, other: 0, women: 0, men: 0 };
  for (const r of reps) {
    counts[r.category] += r.n;
    if (r.gender === 'female') counts.women += r.n;
    else counts.men += r.n;
  }
  const total = counts.women + counts.men;
  const wf = await db
    .select({ gender: memberRef.gender, n: count() })
    .from(memberRef)
    .innerJoin(orgRef, eq(orgRef.id, memberRef.orgId))
    .where(and(eq(memberRef.status, 'active'), sql`${orgRef.path} like ${orgPath + '%'}`))
    .groupBy(memberRef.gender);
  const wfMembers = wf.reduce((s, r) => s + r.n, 0);
  const wfWomen = wf.find((r) => r.gender === 'female')?.n ?? 0;
  const shares = {
    frontline: share(counts.frontline, total),
    technical: share(counts.technical, total),
    manager: share(counts.manager, total),
    other: share(counts.other, total),
    women: share(counts.women, total),
  };
  const womenShare = share(wfWomen, wfMembers);
  const zh = lang === 'zh';
  return {
    total,
    counts,
    shares,
    workforce: { members: wfMembers, women: wfWomen, womenShare },
    rules: [
      {
        code: 'manager_share',
        level: 'error',
        held: managerShareHeld(rules, counts.manager, total),
        detail: zh
          ? `中层以上管理人员和领导人员 ${counts.manager}/${total} 人，占 ${pct(shares.manager)}（上限 ${pct(rules.managerMaxShare)}）`
          : `Managers ${counts.manager}/${total}, ${pct(shares.manager)} (at most ${pct(rules.managerMaxShare)})`,
      },
      {
        code: 'frontline_share',
        level: 'warning',
        held: counts.frontline * 1000 >= Math.round(rules.frontlineMinShare * 1000) * total,
        detail: zh
          ? `一线职工 ${counts.frontline}/${total} 人，占 ${pct(shares.frontline)}（应不低于 ${pct(rules.frontlineMinShare)}）`
          : `Frontline workers ${counts.frontline}/${total}, ${pct(shares.frontline)} (at least ${pct(rules.frontlineMinShare)})`,
      },
      {
        code: 'women_share',
        level: 'warning',
        held: wfMembers === 0 || shares.women + rules.womenTolerance >= womenShare - 1e-9,
        detail: zh
          ? `女职工代表 ${counts.women}/${total} 人，占 ${pct(shares.women)}；职工中女性占 ${pct(womenShare)}（${wfWomen}/${wfMembers}）`
          : `Women ${counts.women}/${total}, ${pct(shares.women)}; women in the workforce ${pct(womenShare)} (${wfWomen}/${wfMembers})`,
      },
    ],
  };
}
