import { inArray, sql, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../kernel/clock.js';
import type { TxEnv } from '../../kernel/context.js';
import { writeAudit } from '../../kernel/audit.js';
import type { Db } from '../../kernel/db.js';
import type { Label, Lang } from '../../kernel/errors.js';
import { pathIds } from '../org/index.js';
import { CAP_NAMES } from './voucher.errors.js';
import { CAMPAIGN_KINDS, voucherCap } from './voucher.schema.js';

// Yearly caps per member by kind (ACFTU rules: 春节 ≤ 500 元, each other festival ≤ 200 元,
// birthday ≤ 300 元; general vouchers have none). An org may set its own for its subtree; the
// nearest ancestor's setting of a kind wins, and without any the defaults apply.

export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type Caps = Record<CampaignKind, number | null>;

export const DEFAULT_CAPS: Caps = { spring_festival: 50_000, festival: 20_000, birthday: 30_000, general: null };

/** The caps in force at an org (its path), each from the nearest ancestor that set it, else the default. */
export async function capsAt(db: Db, orgPath: string): Promise<Caps> {
  const chain = pathIds(orgPath); // root first
  const set = await db
    .select({ orgId: voucherCap.orgId, kind: voucherCap.kind, capFen: voucherCap.capFen })
    .from(voucherCap)
    .where(inArray(voucherCap.orgId, chain));
  const caps: Caps = { ...DEFAULT_CAPS };
  for (const kind of CAMPAIGN_KINDS) {
    const nearest = set
      .filter((r) => r.kind === kind)
      .sort((a, b) => chain.indexOf(b.orgId) - chain.indexOf(a.orgId))[0];
    if (nearest) caps[kind] = nearest.capFen;
  }
  return caps;
}

/** The cap of one kind at an org (fen), null when none. */
export async function capAt(db: Db, orgPath: string, kind: CampaignKind): Promise<number | null> {
  return (await capsAt(db, orgPath))[kind];
}

/**
 * SQL for a lateral join: the setting of a kind nearest above an org path (the same rule as capsAt),
 * as `(is_set, cap_fen)`; no row: the default applies (capOfSetting).
 */
export function capSettingAt(orgPath: SQL, kind: CampaignKind): SQL {
  const chain = sql`string_to_array(trim(both '/' from ${orgPath}), '/')::bigint[]`;
  return sql`(select true as is_set, vc.cap_fen from ${voucherCap} vc
    where vc.kind = ${kind} and vc.org_id = any(${chain})
    order by array_position(${chain}, vc.org_id) desc limit 1)`;
}

/** The cap (fen, null: none) from what capSettingAt found. */
export function capOfSetting(kind: CampaignKind, isSet: boolean | null, capFen: number | string | null): number | null {
  if (!isSet) return DEFAULT_CAPS[kind];
  return capFen === null ? null : Number(capFen);
}

/** Sets an org's caps (the kinds given; null: no cap there); audited. */
export async function setCaps(tx: Db, env: TxEnv, orgId: number, caps: Partial<Caps>): Promise<void> {
  const at = env.source.at;
  for (const kind of CAMPAIGN_KINDS) {
    if (!(kind in caps)) continue;
    const capFen = caps[kind] ?? null;
    await tx
      .insert(voucherCap)
      .values({ orgId, kind, capFen, updatedAt: at })
      .onConflictDoUpdate({ target: [voucherCap.orgId, voucherCap.kind], set: { capFen, updatedAt: at } });
  }
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: 'voucher_cap.update',
    targetType: 'voucher_cap',
    targetId: orgId,
    after: caps,
  });
}

/** 春节慰问每人每年不超过500元: the cap named in the 409. */
export function capText(kind: CampaignKind, capFen: number, lang: Lang): string {
  const name: Label = CAP_NAMES[kind] ?? CAP_NAMES.general ?? { zh: '', en: '' };
  const yuan = capFen % 100 === 0 ? String(capFen / 100) : (capFen / 100).toFixed(2);
  return lang === 'zh' ? `${name.zh}每人每年不超过${yuan}元` : `${name.en}: at most ¥${yuan} per member per year`;
}

/** The China calendar year of an instant (caps count per calendar year in China). */
export const chinaYear = (at: Date): number => Number(chinaDate(at).slice(0, 4));
