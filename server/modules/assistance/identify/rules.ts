import { z } from 'zod';
import type { JOB_TYPES } from '../../member/index.js';
import { RULE_CODES, type Reason, type RuleCode } from './identify.schema.js';
import { chinaDate } from '../../../kernel/clock.js';

// The identification rules (精准识别). Each is data an administrator tunes per org: enabled,
// weight (1–100) and its thresholds. The evaluation below is the one place a rule's meaning lives;
// the recompute job and the dry run both call it on the same facts (facts.ts), so their counts match.

export interface RuleSetting {
  code: RuleCode;
  enabled: boolean;
  weight: number;
  params: Record<string, unknown>;
}

/** The 新就业形态 kinds (member.schema NEW_EMPLOYMENT), the low-income job types the rule may name. */
export const NEW_EMPLOYMENT_KINDS = [
  'courier',
  'food_delivery',
  'truck_driver',
  'ride_hailing',
  'other_new',
] as const satisfies ReadonlyArray<(typeof JOB_TYPES)[number]>;

const jobTypes = z.array(z.enum(NEW_EMPLOYMENT_KINDS)).min(1).max(NEW_EMPLOYMENT_KINDS.length);

/** Each rule's parameters (strict: unknown keys are 400). */
export const RULE_PARAMS = {
  aid_cases: z.strictObject({ minCases: z.number().int().min(1).max(20) }),
  low_income_job: z.strictObject({ jobTypes, minDependants: z.number().int().min(0).max(10) }),
  work_injury: z.strictObject({ minCases: z.number().int().min(1).max(20) }),
  disability: z.strictObject({}),
  single_parent_disaster: z.strictObject({}),
  income_below_line: z.strictObject({ line: z.enum(['minimum_living', 'low_income']) }),
  relapse: z.strictObject({}),
} satisfies Record<RuleCode, z.ZodType>;

export const DEFAULT_RULES: RuleSetting[] = [
  { code: 'aid_cases', enabled: true, weight: 30, params: { minCases: 2 } },
  {
    code: 'low_income_job',
    enabled: true,
    weight: 20,
    params: { jobTypes: [...NEW_EMPLOYMENT_KINDS], minDependants: 2 },
  },
  { code: 'work_injury', enabled: true, weight: 25, params: { minCases: 1 } },
  { code: 'disability', enabled: true, weight: 25, params: {} },
  { code: 'single_parent_disaster', enabled: true, weight: 20, params: {} },
  { code: 'income_below_line', enabled: true, weight: 40, params: { line: 'low_income' } },
  { code: 'relapse', enabled: true, weight: 30, params: {} },
];

/** What each rule means, for the rule editor (zh-CN / en). */
export const RULE_TEXT: Record<RuleCode, { zh: string; en: string }> = {
  aid_cases: {
    zh: '本年度医疗救助或帮扶救助类服务工单达到 N 件',
    en: 'N or more medical-aid or hardship-help service cases this year',
  },
  low_income_job: {
    zh: '从事低收入新就业形态（快递、外卖等），且登记的赡养/抚养人口不少于 N 人',
    en: 'Works in a low-income new-employment job with at least N dependants noted',
  },
  work_injury: {
    zh: '本年度有涉及工伤的法律援助工单（纠纷类型或情况说明含“工伤”）',
    en: 'A legal-aid case this year about a work injury (its kind or summary mentions 工伤)',
  },
  disability: { zh: '会员情况中登记了残疾', en: "A disability is noted in the member's situation" },
  single_parent_disaster: {
    zh: '登记为单亲或因灾，或本年度帮扶救助工单的致困原因为单亲/因灾',
    en: 'Single parent or disaster noted, or a hardship-help case this year gives it as the cause',
  },
  income_below_line: {
    zh: '登记的家庭月人均收入低于当地标准（最低生活保障标准或低收入标准）',
    en: 'Reported income per head below the local line (minimum living or low income)',
  },
  relapse: {
    zh: '已退出帮扶档案、仍在防止返困观察期内，退出后又出现新的困难信号',
    en: 'An exited file still watched for relapse, with a new signal since the exit',
  },
};

/** A rule set's settings, every code present: defaults, then the given rows in order (ancestors first). */
/** The default setting of a rule. */
export function defaultRule(code: RuleCode): RuleSetting {
  const found = DEFAULT_RULES.find((d) => d.code === code);
  if (!found) throw new Error(`no default for rule ${code}`);
  return found;
}

export function mergeRules(
  ...layers: Array<Array<Pick<RuleSetting, 'code' | 'enabled' | 'weight' | 'params'>>>
): RuleSetting[] {
  const byCode = new Map<RuleCode, RuleSetting>(DEFAULT_RULES.map((r) => [r.code, { ...r, params: { ...r.params } }]));
  for (const layer of layers)
    for (const r of layer)
      byCode.set(r.code, { code: r.code, enabled: r.enabled, weight: r.weight, params: { ...r.params } });
  return RULE_CODES.flatMap((c) => byCode.get(c) ?? []); // every code has a default
}

export interface Situation {
  disability?: boolean;
  dependants?: number;
  /** Household income per head per month, yuan. */
  incomePerHead?: number;
  singleParent?: boolean;
  disaster?: boolean;
  note?: string;
}

/** Everything the rules read about one member; built by facts.ts. */
export interface MemberFacts {
  memberId: number;
  orgId: number;
  path: string;
  jobType: string;
  aidCases: number;
  aidLast: number | null;
  injuryCases: number;
  injuryLast: number | null;
  causeNotes: number;
  causeLast: number | null;
  situation: Situation | null;
  situationAt: number | null;
  exitedAt: number | null;
}

export interface Line {
  minimumLiving: number;
  lowIncome: number;
}

const fmtYuan = (n: number) => `${n} 元`;

/** The reasons that fire for a member under a rule set (enabled rules only), best first. */
export function evaluate(f: MemberFacts, rules: RuleSetting[], line: Line | null): Reason[] {
  const out: Reason[] = [];
  const rule = (code: RuleCode) => rules.find((r) => r.code === code && r.enabled);
  const push = (r: RuleSetting, detail: string, count: number) =>
    out.push({ code: r.code, weight: r.weight, detail, count });
  const s = f.situation;
  const sinceExit: number[] = [];

  const aid = rule('aid_cases');
  if (aid && f.aidCases >= Number(aid.params.minCases ?? 2)) {
    push(aid, `本年度医疗救助/帮扶救助工单 ${f.aidCases} 件`, f.aidCases);
  }
  if (f.exitedAt !== null && f.aidLast !== null && f.aidLast > f.exitedAt) sinceExit.push(1);

  const job = rule('low_income_job');
  const listed: unknown = job?.params.jobTypes;
  const kinds = Array.isArray(listed) ? listed.filter((k) => typeof k === 'string') : [];
  if (
    job &&
    kinds.includes(f.jobType) &&
    s?.dependants !== undefined &&
    s.dependants >= Number(job.params.minDependants ?? 2)
  ) {
    push(job, `新就业形态（${JOB_TEXT[f.jobType] ?? f.jobType}），赡养/抚养 ${s.dependants} 人`, s.dependants);
  }

  const injury = rule('work_injury');
  if (injury && f.injuryCases >= Number(injury.params.minCases ?? 1))
    push(injury, `本年度涉及工伤的法律援助工单 ${f.injuryCases} 件`, f.injuryCases);
  if (f.exitedAt !== null && f.injuryLast !== null && f.injuryLast > f.exitedAt) sinceExit.push(1);

  const situationNew = f.exitedAt !== null && f.situationAt !== null && f.situationAt > f.exitedAt;
  const dis = rule('disability');
  if (dis && s?.disability) {
    push(dis, '会员情况登记：残疾', 1);
    if (situationNew) sinceExit.push(1);
  }

  const spd = rule('single_parent_disaster');
  const noted = [s?.singleParent ? '单亲' : null, s?.disaster ? '因灾' : null].filter(Boolean);
  if (spd && (noted.length || f.causeNotes > 0)) {
    const parts = [
      noted.length ? `会员情况登记：${noted.join('、')}` : null,
      f.causeNotes ? `帮扶救助工单致困原因为单亲/因灾 ${f.causeNotes} 件` : null,
    ].filter(Boolean);
    push(spd, parts.join('；'), noted.length + f.causeNotes);
    if (situationNew && noted.length) sinceExit.push(1);
  }
  if (f.exitedAt !== null && f.causeLast !== null && f.causeLast > f.exitedAt) sinceExit.push(1);

  const inc = rule('income_below_line');
  if (inc && line && s?.incomePerHead !== undefined) {
    const which = inc.params.line === 'minimum_living' ? 'minimum_living' : 'low_income';
    const limit = which === 'minimum_living' ? line.minimumLiving : line.lowIncome;
    if (s.incomePerHead < limit) {
      push(
        inc,
        `家庭月人均收入 ${fmtYuan(s.incomePerHead)}，低于当地${which === 'minimum_living' ? '最低生活保障标准' : '低收入标准'} ${fmtYuan(limit)}`,
        1,
      );
      if (situationNew) sinceExit.push(1);
    }
  }

  const relapse = rule('relapse');
  if (relapse && f.exitedAt !== null && sinceExit.length > 0) {
    push(
      relapse,
      `已退出帮扶档案（${chinaDate(f.exitedAt)}），观察期内出现 ${sinceExit.length} 项新的困难信号`,
      sinceExit.length,
    );
  }
  return out.sort((a, b) => b.weight - a.weight);
}

export const scoreOf = (reasons: Reason[]) => reasons.reduce((n, r) => n + r.weight, 0);

/** New evidence since a dismissal: a reason not present then, or a count that grew. */
export function hasNewEvidence(reasons: Reason[], fingerprint: Record<string, number>): boolean {
  return reasons.some((r) => {
    const before = fingerprint[r.code];
    return before === undefined || r.count > before;
  });
}

export const fingerprintOf = (reasons: Reason[]): Record<string, number> =>
  Object.fromEntries(reasons.map((r) => [r.code, r.count]));

const JOB_TEXT: Record<string, string> = {
  courier: '快递员',
  food_delivery: '外卖骑手',
  truck_driver: '货车司机',
  ride_hailing: '网约车司机',
  other_new: '其他新就业形态',
};
