import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { pathIds } from '../org/index.js';
import { congressRules } from './congress.schema.js';

// The procedural rules of a workers' congress. Defaults follow 《企业民主管理规定》 and the
// 上海市职工代表大会条例; an org may set its own for its subtree (a jurisdiction's federation sets
// them once), and the nearest ancestor's setting wins. Shares are fractions (0.2 = 20%); a
// fraction given as numerator/denominator stays exact at the edges (two thirds of 100 is 67).

export const ZCongressRules = z.strictObject({
  /** Quorum: present ≥ ceil(total × quorumNumerator / quorumDenominator) of ALL representatives. */
  quorumNumerator: z.number().int().min(1).max(100),
  quorumDenominator: z.number().int().min(1).max(100),
  /** A motion passes with for > total × passNumerator / passDenominator (total = all on the roll). */
  passNumerator: z.number().int().min(1).max(100),
  passDenominator: z.number().int().min(1).max(100),
  /** 中层以上管理人员和领导人员: at most this share of the representatives (an error when above). */
  managerMaxShare: z.number().min(0).max(1),
  /** 一线职工 should be the main body: a warning below this share. */
  frontlineMinShare: z.number().min(0).max(1),
  /** 女职工 in proportion to the workforce: a warning when the share falls below the workforce's by more than this. */
  womenTolerance: z.number().min(0).max(1),
  minSessionsPerYear: z.number().int().min(0).max(12),
  /** Documents reach the representatives at least this many days before a session. */
  noticeDays: z.number().int().min(0).max(60),
  /** Resolutions are reported to the higher union within this many working days of closing. */
  reportWorkingDays: z.number().int().min(1).max(60),
  termYearsMin: z.number().int().min(1).max(10),
  termYearsMax: z.number().int().min(1).max(10),
  /** Co-signers (附议) a proposal needs before it reaches the committee. */
  cosignMin: z.number().int().min(0).max(50),
  /** Days a department has to return a mis-assigned proposal. */
  returnWindowDays: z.number().int().min(0).max(60),
  /** Days a department has to answer an assigned proposal, unless the assignment says otherwise. */
  answerDays: z.number().int().min(1).max(365),
});
export type CongressRules = z.infer<typeof ZCongressRules>;

export const DEFAULT_RULES: CongressRules = {
  quorumNumerator: 2,
  quorumDenominator: 3,
  passNumerator: 1,
  passDenominator: 2,
  managerMaxShare: 0.2,
  frontlineMinShare: 0.5,
  womenTolerance: 0.05,
  minSessionsPerYear: 1,
  noticeDays: 7,
  reportWorkingDays: 7,
  termYearsMin: 3,
  termYearsMax: 5,
  cosignMin: 2,
  returnWindowDays: 3,
  answerDays: 30,
};

/** The fewest present for a quorum of `total` (two thirds of 100 → 67; of 99 → 66). */
export function quorumOf(rules: CongressRules, total: number): number {
  return Math.ceil((total * rules.quorumNumerator) / rules.quorumDenominator);
}

/** Whether `votesFor` carries a motion of `total` representatives (more than half: 50 of 100 fails, 51 passes). */
export function carries(rules: CongressRules, votesFor: number, total: number): boolean {
  return votesFor * rules.passDenominator > total * rules.passNumerator;
}

/** The rules in force at an org (its path): the nearest ancestor's setting, else the defaults. */
export async function rulesAt(db: Db, orgPath: string): Promise<CongressRules> {
  const chain = pathIds(orgPath); // root first
  const set = await db.select().from(congressRules).where(inArray(congressRules.orgId, chain));
  const nearest = set.sort((a, b) => chain.indexOf(b.orgId) - chain.indexOf(a.orgId))[0];
  if (!nearest) return DEFAULT_RULES;
  // Stored settings are partial; a setting written by an older version may lack newer keys.
  const parsed = ZCongressRules.partial().safeParse(nearest.rules);
  return { ...DEFAULT_RULES, ...(parsed.success ? parsed.data : {}) };
}

/** Sets an org's rules for its subtree (the keys given; the rest inherit); audited. */
export async function setRules(tx: Db, env: TxEnv, orgId: number, rules: Partial<CongressRules>): Promise<void> {
  const at = env.source.at;
  await tx
    .insert(congressRules)
    .values({ orgId, rules, updatedBy: env.source.actorId, updatedAt: at })
    .onConflictDoUpdate({ target: congressRules.orgId, set: { rules, updatedBy: env.source.actorId, updatedAt: at } });
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: 'congress_rules.update',
    targetType: 'org',
    targetId: orgId,
    after: rules,
  });
}
