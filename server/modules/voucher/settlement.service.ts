import { and, eq, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { assertOrgAccess, orgCondition, type Actor } from '../../kernel/access.js';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import { CHINA_OFFSET_MS, chinaTime } from '../../kernel/clock.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Crypto } from '../../kernel/crypto.js';
import { countUpTo, rows, type Db } from '../../kernel/db.js';
import { AppError, type Lang } from '../../kernel/errors.js';
import { settlement, settlementLine, SETTLEMENT_STATES } from './settlement.schema.js';

// Settlement statements (结算单): the vouchers a merchant redeemed in a period and not settled
// before, their face value and the subsidy due (the face value: the agreement's discount terms
// are the merchant's own; the union pays what the voucher says). draft → confirmed by the
// merchant → approved by the union; exported to .xlsx for the finance office (audited).

/** What the voucher module reads of a merchant (the merchant module's view). */
const MERCHANT = sql.raw('merchant_ref');

type State = (typeof SETTLEMENT_STATES)[number];

async function merchantOf(db: Db, id: number) {
  const [m] = await rows<{ id: number; orgId: number; name: string }>(
    db,
    sql`select id, org_id as "orgId", name from ${MERCHANT} where id = ${id}`,
  );
  if (!m) throw new AppError('NOT_FOUND');
  return { ...m, id: Number(m.id), orgId: Number(m.orgId) };
}

/** The China-time instant a date (YYYY-MM-DD) starts. */
function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** Draws up a statement of the merchant's redeemed vouchers in the period not on any statement yet. */
export async function createSettlement(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  input: { merchantId: number; periodStart: string; periodEnd: string },
): Promise<number> {
  const m = await merchantOf(tx, input.merchantId);
  await assertOrgAccess(tx, actor, 'voucher:settlement:approve', m.orgId, 'voucher:settlement:read');
  const from = dayStart(input.periodStart);
  const to = new Date(dayStart(input.periodEnd).getTime() + 86_400_000);
  const [made] = await tx
    .insert(settlement)
    .values({
      merchantId: m.id,
      orgId: m.orgId,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      vouchers: 0,
      faceValueFen: 0,
      subsidyDueFen: 0,
      createdBy: actor.accountId,
      createdAt: env.source.at,
    })
    .returning({ id: settlement.id });
  if (!made) throw new AppError('CONFLICT');
  // Vouchers already on a statement are left out; two statements drawn up at once meet on the
  // unique voucher_id (the second answers 409).
  const [sum] = await rows<{ n: number; face: number }>(
    tx,
    sql`with added as (
          insert into ${settlementLine} (settlement_id, voucher_id, campaign_id, face_value_fen, subsidy_fen, redeemed_at)
          select ${made.id}, v.id, v.campaign_id, v.face_value_fen, v.face_value_fen, v.redeemed_at
          from voucher v
          where v.redeemed_merchant_id = ${m.id} and v.state = 'redeemed'
            and v.redeemed_at >= ${from} and v.redeemed_at < ${to}
            and not exists (select 1 from ${settlementLine} l where l.voucher_id = v.id)
          order by v.redeemed_at, v.id
          returning face_value_fen, subsidy_fen
        )
        select count(*)::int as n, coalesce(sum(face_value_fen), 0)::bigint as face from added`,
  );
  const n = sum?.n ?? 0;
  if (n === 0) throw new AppError('VOUCHER_SETTLEMENT_EMPTY');
  const face = Number(sum?.face ?? 0);
  await tx
    .update(settlement)
    .set({ vouchers: n, faceValueFen: face, subsidyDueFen: face })
    .where(eq(settlement.id, made.id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.orgId,
    action: 'voucher_settlement.create',
    targetType: 'voucher_settlement',
    targetId: made.id,
    after: {
      merchantId: m.id,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      vouchers: n,
      faceValueFen: face,
    },
  });
  return made.id;
}

const listColumns = sql`voucher_settlement.id, voucher_settlement.merchant_id as "merchantId", mr.name as "merchantName", voucher_settlement.org_id as "orgId",
  voucher_settlement.period_start as "periodStart", voucher_settlement.period_end as "periodEnd", voucher_settlement.state, voucher_settlement.vouchers,
  voucher_settlement.face_value_fen::bigint as "faceValueFen", voucher_settlement.subsidy_due_fen::bigint as "subsidyDueFen",
  voucher_settlement.created_at as "createdAt", voucher_settlement.confirmed_at as "confirmedAt", voucher_settlement.approved_at as "approvedAt"`;

interface SettlementRowRaw {
  id: number;
  merchantId: number;
  merchantName: string;
  orgId: number;
  periodStart: string;
  periodEnd: string;
  state: State;
  vouchers: number;
  faceValueFen: number | string;
  subsidyDueFen: number | string;
  createdAt: Date | string;
  confirmedAt: Date | string | null;
  approvedAt: Date | string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

function shape(r: SettlementRowRaw) {
  return {
    id: Number(r.id),
    merchantId: Number(r.merchantId),
    merchantName: r.merchantName,
    orgId: Number(r.orgId),
    periodStart: day(r.periodStart),
    periodEnd: day(r.periodEnd),
    state: r.state,
    vouchers: r.vouchers,
    faceValueFen: Number(r.faceValueFen),
    subsidyDueFen: Number(r.subsidyDueFen),
    createdAt: iso(r.createdAt) ?? '',
    confirmedAt: iso(r.confirmedAt),
    approvedAt: iso(r.approvedAt),
  };
}
export type SettlementView = ReturnType<typeof shape>;

/** The conditions of the staff list (scope first): also what a workbench count would use. */
export function settlementConditions(actor: Actor, f: { merchantId?: number; state?: State }): SQL[] {
  const c = [orgCondition(actor, 'voucher:settlement:read', settlement.orgId)];
  if (f.merchantId) c.push(eq(settlement.merchantId, f.merchantId));
  if (f.state) c.push(eq(settlement.state, f.state));
  return c;
}

export async function listSettlements(
  db: Db,
  actor: Actor,
  f: { merchantId?: number; state?: State; page: number; pageSize: number },
) {
  const where = and(...settlementConditions(actor, f));
  const found = await rows<SettlementRowRaw>(
    db,
    sql`select ${listColumns} from ${settlement} join ${MERCHANT} mr on mr.id = voucher_settlement.merchant_id
        where ${where} order by voucher_settlement.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  const total = await countUpTo(db, settlement, where);
  return { items: found.map(shape), ...total };
}

/** A merchant's own statements (merchant mode), newest first. */
export async function merchantSettlements(db: Db, merchantId: number) {
  const found = await rows<SettlementRowRaw>(
    db,
    sql`select ${listColumns} from ${settlement} join ${MERCHANT} mr on mr.id = voucher_settlement.merchant_id
        where voucher_settlement.merchant_id = ${merchantId} order by voucher_settlement.id desc limit 100`,
  );
  return found.map(shape);
}

async function loadOne(db: Db, id: number): Promise<SettlementView | undefined> {
  const [r] = await rows<SettlementRowRaw>(
    db,
    sql`select ${listColumns} from ${settlement} join ${MERCHANT} mr on mr.id = voucher_settlement.merchant_id where voucher_settlement.id = ${id}`,
  );
  return r ? shape(r) : undefined;
}

/** A statement in the caller's scope (404 outside it, audited by the HTTP layer). */
async function staffSettlement(db: Db, actor: Actor, id: number, approve: boolean): Promise<SettlementView> {
  const s = await loadOne(db, id);
  if (!s) throw new AppError('NOT_FOUND');
  await assertOrgAccess(
    db,
    actor,
    approve ? 'voucher:settlement:approve' : 'voucher:settlement:read',
    s.orgId,
    'voucher:settlement:read',
  );
  return s;
}

async function linesOf(db: Db, id: number) {
  const lines = await rows<{
    voucherId: number;
    code: string;
    campaignId: number;
    campaignName: string;
    faceValueFen: number;
    subsidyFen: number;
    redeemedAt: Date | string;
  }>(
    db,
    sql`select l.voucher_id as "voucherId", v.code, l.campaign_id as "campaignId", c.name as "campaignName",
               l.face_value_fen as "faceValueFen", l.subsidy_fen as "subsidyFen", l.redeemed_at as "redeemedAt"
        from ${settlementLine} l join voucher v on v.id = l.voucher_id join voucher_campaign c on c.id = l.campaign_id
        where l.settlement_id = ${id} order by l.redeemed_at, l.id`,
  );
  return lines.map((l) => ({
    ...l,
    voucherId: Number(l.voucherId),
    campaignId: Number(l.campaignId),
    redeemedAt: iso(l.redeemedAt) ?? '',
  }));
}

/** Budget used vs left for campaigns: committed (claimed, not void), spent (redeemed), left (budget − spent). */
export async function campaignBudgets(db: Db, campaignIds: number[]) {
  if (campaignIds.length === 0) return [];
  const found = await rows<{
    campaignId: number;
    name: string;
    budgetFen: number | string;
    committedFen: number | string;
    spentFen: number | string;
  }>(
    db,
    sql`select c.id as "campaignId", c.name, c.budget_fen as "budgetFen",
          coalesce((select sum(v.face_value_fen) from voucher v where v.campaign_id = c.id and v.state <> 'void'), 0) as "committedFen",
          coalesce((select sum(v.face_value_fen) from voucher v where v.campaign_id = c.id and v.state = 'redeemed'), 0) as "spentFen"
        from voucher_campaign c where c.id in (${sql.join(
          campaignIds.map((id) => sql`${id}`),
          sql`, `,
        )}) order by c.id`,
  );
  return found.map((b) => ({
    campaignId: Number(b.campaignId),
    name: b.name,
    budgetFen: Number(b.budgetFen),
    committedFen: Number(b.committedFen),
    spentFen: Number(b.spentFen),
    leftFen: Number(b.budgetFen) - Number(b.spentFen),
  }));
}

/** One statement with its lines and the budgets of the campaigns on it. */
export async function getSettlement(db: Db, actor: Actor, id: number) {
  const s = await staffSettlement(db, actor, id, false);
  const lines = await linesOf(db, id);
  return { ...s, lines, budgets: await campaignBudgets(db, [...new Set(lines.map((l) => l.campaignId))]) };
}

async function move(
  tx: Db,
  env: TxEnv,
  s: SettlementView,
  from: State,
  to: State,
  by: number,
  action: 'voucher_settlement.confirm' | 'voucher_settlement.approve',
) {
  const changed = await tx
    .update(settlement)
    .set(
      to === 'confirmed'
        ? { state: to, confirmedAt: env.source.at, confirmedBy: by }
        : { state: to, approvedAt: env.source.at, approvedBy: by },
    )
    .where(and(eq(settlement.id, s.id), eq(settlement.state, from)))
    .returning({ id: settlement.id });
  if (!changed[0]) throw new AppError('VOUCHER_SETTLEMENT_STATE');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: s.orgId,
    action,
    targetType: 'voucher_settlement',
    targetId: s.id,
    before: { state: from },
    after: { state: to },
  });
}

/** The union approves a statement the merchant confirmed. */
export async function approveSettlement(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<void> {
  const s = await staffSettlement(tx, actor, id, true);
  await move(tx, env, s, 'confirmed', 'approved', actor.accountId, 'voucher_settlement.approve');
}

/** The merchant confirms its own draft statement (another merchant's is not found). */
export async function confirmSettlement(
  tx: Db,
  env: TxEnv,
  merchant: { merchantId: number; accountId: number },
  id: number,
): Promise<SettlementView> {
  const s = await loadOne(tx, id);
  if (!s || s.merchantId !== merchant.merchantId) throw new AppError('NOT_FOUND');
  await move(tx, env, s, 'draft', 'confirmed', merchant.accountId, 'voucher_settlement.confirm');
  const after = await loadOne(tx, id);
  if (!after) throw new AppError('NOT_FOUND');
  return after;
}

const STATE_LABEL: Record<State, { zh: string; en: string }> = {
  draft: { zh: '待商户确认', en: 'Draft' },
  confirmed: { zh: '商户已确认', en: 'Confirmed by the merchant' },
  approved: { zh: '已审批', en: 'Approved' },
};
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The statement as an .xlsx for the finance office: a header block, one row per voucher, totals, budgets (audited). */
export async function exportSettlement(
  db: Db,
  crypto: Crypto,
  source: AuditSource,
  actor: Actor,
  id: number,
  lang: Lang,
): Promise<{ file: Buffer; settlement: SettlementView }> {
  const s = await getSettlement(db, actor, id);
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(zh ? '商户结算单' : 'Settlement statement');
  ws.columns = [{ width: 24 }, { width: 30 }, { width: 16 }, { width: 16 }, { width: 18 }];
  const bold = (cells: Array<string | number>) => (ws.addRow(cells).font = { bold: true });
  bold([zh ? '商户结算单' : 'Settlement statement', `#${s.id}`]);
  ws.addRow([zh ? '商户' : 'Merchant', s.merchantName]);
  ws.addRow([zh ? '结算期间' : 'Period', `${s.periodStart} — ${s.periodEnd}`]);
  ws.addRow([zh ? '状态' : 'State', STATE_LABEL[s.state][lang]]);
  ws.addRow([zh ? '核销张数' : 'Vouchers redeemed', s.vouchers]);
  ws.addRow([zh ? '面值合计（元）' : 'Face value total (yuan)', yuan(s.faceValueFen)]);
  ws.addRow([zh ? '应付补贴（元）' : 'Subsidy due (yuan)', yuan(s.subsidyDueFen)]);
  ws.addRow([]);
  bold(
    zh
      ? ['券码', '活动', '面值（元）', '补贴（元）', '核销时间']
      : ['Code', 'Campaign', 'Face value (yuan)', 'Subsidy (yuan)', 'Redeemed at'],
  );
  for (const l of s.lines)
    ws.addRow([
      l.code,
      l.campaignName,
      yuan(l.faceValueFen),
      yuan(l.subsidyFen),
      chinaTime(new Date(l.redeemedAt)).toISOString().slice(0, 16).replace('T', ' '),
    ]);
  ws.addRow([]);
  bold(
    zh
      ? ['活动', '预算（元）', '已领取（元）', '已核销（元）', '剩余（元）']
      : ['Campaign', 'Budget (yuan)', 'Committed (yuan)', 'Spent (yuan)', 'Left (yuan)'],
  );
  for (const b of s.budgets)
    ws.addRow([b.name, yuan(b.budgetFen), yuan(b.committedFen), yuan(b.spentFen), yuan(b.leftFen)]);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  await db.transaction((tx) =>
    writeAudit(tx, crypto, source, {
      orgId: s.orgId,
      action: 'voucher_settlement.export',
      targetType: 'voucher_settlement',
      targetId: s.id,
    }),
  );
  return { file, settlement: s };
}
