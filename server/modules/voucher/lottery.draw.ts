import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Label } from '../../kernel/errors.js';

// The published lottery algorithm (weighted sampling without replacement, Efraimidis–Spirakis),
// written twice on purpose: once as the SQL the server runs over every registration in one
// statement, once in plain TypeScript so anyone (and the tests) can re-run a draw from the
// published seed and registration list and get the same winners.

export const DRAW_ALGORITHM = 'wrs-sha256-v1';

export const DRAW_ALGORITHM_TEXT: Label = {
  zh:
    '加权不放回抽样（Efraimidis–Spirakis）：对每一位报名者，计算 h = SHA-256(种子 + ":" + 报名编号)，' +
    '取 h 的前 13 位十六进制数为整数 x（52 位），u = (x + 0.5) / 2^52，抽签值 k = -ln(u) / 权重；' +
    '按 k 从小到大（k 相同按报名编号）排序，前 N 名中签，N = 数量 ÷ 每人限领数（向下取整）。' +
    '种子在抽签时公布，任何人可用公布的种子和报名名单重新计算，得到相同的中签名单。',
  en:
    'Weighted sampling without replacement (Efraimidis–Spirakis): for each registrant, h = SHA-256(seed + ":" + ' +
    'registration id); x = the first 13 hex digits of h as an integer (52 bits); u = (x + 0.5) / 2^52; key ' +
    'k = -ln(u) / weight. Sort by k ascending (ties by registration id); the first N win, N = quantity ÷ ' +
    'per-member limit (rounded down). The seed is published with the draw: anyone can re-run it from the ' +
    'seed and the published registration list and obtain the same winners.',
};

/** How a registrant's weight is made (fixed when the member registers). */
export const WEIGHT_RULE: Label = {
  zh: '基础权重 1；有在档困难职工档案 +2；户外劳动者、新就业形态劳动者（快递员、外卖送餐员、货车司机、网约车司机等）+1；此前从未领取过消费券 +1。',
  en: 'Base weight 1; +2 with a filed hardship file; +1 for outdoor and new-employment workers (couriers, food delivery riders, truck drivers, ride-hailing drivers and other new forms of employment); +1 for members who never received a voucher before.',
};

export function registrationWeight(f: { hardship: boolean; newEmployment: boolean; firstBenefit: boolean }): number {
  return 1 + (f.hardship ? 2 : 0) + (f.newEmployment ? 1 : 0) + (f.firstBenefit ? 1 : 0);
}

/** The published pseudonymous registration id: 12 hex digits of SHA-256 of the campaign and member. */
export function pseudoIdOf(campaignId: number, memberId: number): string {
  return createHash('sha256').update(`voucher-lottery:${campaignId}:${memberId}`).digest('hex').slice(0, 12);
}

const TWO_52 = 4503599627370496;

/** The key of one registrant (TypeScript reference of drawKeySql). */
export function drawKey(seed: string, pseudoId: string, weight: number): number {
  const h = createHash('sha256').update(`${seed}:${pseudoId}`, 'utf8').digest('hex');
  const u = (parseInt(h.slice(0, 13), 16) + 0.5) / TWO_52;
  return -Math.log(u) / weight;
}

/** Re-runs a draw from the published inputs: the winners' pseudonymous ids in rank order. */
export function rerunDraw(seed: string, registrants: ReadonlyArray<{ pseudoId: string; weight: number }>, n: number) {
  return registrants
    .map((r) => ({ pseudoId: r.pseudoId, key: drawKey(seed, r.pseudoId, r.weight) }))
    .sort((a, b) => a.key - b.key || (a.pseudoId < b.pseudoId ? -1 : a.pseudoId > b.pseudoId ? 1 : 0))
    .slice(0, n)
    .map((r) => r.pseudoId);
}

/** The same key in SQL, over a registration row's `pseudo_id` and `weight` columns. */
export function drawKeySql(seed: string, alias = 'r'): SQL<number> {
  const pseudo = sql.raw(`${alias}.pseudo_id`);
  const weight = sql.raw(`${alias}.weight`);
  return sql<number>`(-ln(((('x' || substr(encode(sha256(convert_to(${seed}::text || ':' || ${pseudo}, 'UTF8')), 'hex'), 1, 13))::bit(52)::bigint)::float8 + 0.5) / ${TWO_52}::float8) / ${weight})`;
}
