import { z } from 'zod';
import { HARDSHIP_CAUSES, type HARDSHIP_CATEGORIES, type INCOME_BANDS } from './hardship.schema.js';

// The household data kept encrypted in hardship_file.sensitive_enc, the income per head computed
// from it, and the category rules against the local lines (yuan per person per month):
//   below the minimum-living line → may be 深度困难 (deep) or 相对困难 (relative);
//   below the low-income line     → may be 相对困难 (relative);
//   意外致困 (sudden) needs the cause 意外事故 or 因灾, whatever the income.
// Money in the API is yuan (two decimals at most); the sensitive JSON keeps fen.

export type Category = (typeof HARDSHIP_CATEGORIES)[number];
export type IncomeBand = (typeof INCOME_BANDS)[number];

const yuan = z.number().min(0).max(1_000_000).multipleOf(0.01);

export const ZHouseholdMember = z.strictObject({
  name: z.string().trim().min(1).max(30),
  relation: z.enum(['self', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'other']),
  age: z.number().int().min(0).max(120),
  health: z.enum(['healthy', 'chronic', 'serious_illness']).default('healthy'),
  disability: z.enum(['none', 'mild', 'severe']).default('none'),
  occupation: z.string().trim().max(40).default(''),
  /** Yuan per month. */
  monthlyIncome: yuan,
});
export type HouseholdMember = z.infer<typeof ZHouseholdMember>;

/** What the PATCH accepts: every part optional (a draft is filled in over several visits). */
export const ZSensitiveInput = {
  household: z.array(ZHouseholdMember).min(1, 'hardship.household.required').max(20).optional(),
  /** Other household income per month (pensions, allowances, rent), yuan. */
  otherIncome: yuan.optional(),
  /** Free text on the situation: illness, debts, housing. */
  situation: z.string().trim().max(2000).optional(),
};

export interface Sensitive {
  household: Array<Omit<HouseholdMember, 'monthlyIncome'> & { monthlyIncomeFen: number }>;
  otherIncomeFen: number;
  situation: string;
}

/** Sensitive parts as stored (any part may be missing in a draft). */
const ZStoredSensitive = z.looseObject({
  household: z
    .array(ZHouseholdMember.omit({ monthlyIncome: true }).extend({ monthlyIncomeFen: z.number() }))
    .optional(),
  otherIncomeFen: z.number().optional(),
  situation: z.string().optional(),
});

export const EMPTY_SENSITIVE: Sensitive = { household: [], otherIncomeFen: 0, situation: '' };

export const toFen = (y: number) => Math.round(y * 100);
export const toYuan = (fen: number) => fen / 100;

/** Monthly income per head in fen, or null while no household is entered. */
export function incomePerHeadFen(s: Sensitive): number | null {
  if (s.household.length === 0) return null;
  const total = s.household.reduce((n, m) => n + m.monthlyIncomeFen, 0) + s.otherIncomeFen;
  return Math.floor(total / s.household.length);
}

export interface Lines {
  minimumLiving: number;
  lowIncome: number;
}

export function incomeBand(perHeadFen: number | null, lines: Lines | null): IncomeBand | null {
  if (perHeadFen === null || !lines) return null;
  if (perHeadFen < lines.minimumLiving * 100) return 'below_minimum';
  if (perHeadFen < lines.lowIncome * 100) return 'below_low_income';
  return 'above_low_income';
}

/** Which categories a household may be filed under, given its band and causes. */
export function allowedCategories(band: IncomeBand | null, causes: readonly string[]): Category[] {
  const out: Category[] = [];
  if (band === 'below_minimum') out.push('deep', 'relative');
  if (band === 'below_low_income') out.push('relative');
  if (causes.includes('accident') || causes.includes('disaster')) out.push('sudden');
  return out;
}

/** Field problems of a category choice (empty when it holds); `complete` asks for every part a filed file needs. */
export function categoryProblems(
  f: { category: Category | null; causes: readonly string[] },
  s: Sensitive,
  lines: Lines | null,
  complete: boolean,
): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (complete) {
    if (!f.category) problems.push({ path: 'category', message: 'hardship.category.required' });
    if (f.causes.length === 0) problems.push({ path: 'causes', message: 'hardship.causes.required' });
    if (s.household.length === 0) problems.push({ path: 'household', message: 'hardship.household.required' });
  }
  if (!f.category) return problems;
  const sudden = f.causes.includes('accident') || f.causes.includes('disaster');
  if (f.category === 'sudden') {
    if (!sudden && (complete || f.causes.length > 0))
      problems.push({ path: 'category', message: 'hardship.category.sudden' });
    return problems;
  }
  const perHead = incomePerHeadFen(s);
  if (perHead === null) return problems;
  if (!lines) return [...problems, { path: 'category', message: 'hardship.line.missing' }];
  const band = incomeBand(perHead, lines);
  if (f.category === 'deep' && band !== 'below_minimum')
    problems.push({ path: 'category', message: 'hardship.category.deep' });
  if (f.category === 'relative' && band === 'above_low_income')
    problems.push({ path: 'category', message: 'hardship.category.relative' });
  return problems;
}

export const ZCauses = z
  .array(z.enum(HARDSHIP_CAUSES))
  .max(HARDSHIP_CAUSES.length)
  .refine((a) => new Set(a).size === a.length, 'hardship.causes.unique');

export function readSensitive(decrypt: (t: string) => string, enc: string | null): Sensitive {
  return enc ? { ...EMPTY_SENSITIVE, ...ZStoredSensitive.parse(JSON.parse(decrypt(enc))) } : EMPTY_SENSITIVE;
}
