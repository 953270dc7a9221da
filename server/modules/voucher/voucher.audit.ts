import { eq, ilike, inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import { escapeLike } from '../../kernel/db.js';
import type { Label } from '../../kernel/errors.js';
import { merchantRef } from '../merchant/index.js';
import { settlement } from './settlement.schema.js';
import { campaign, voucher } from './voucher.schema.js';

/** `text` as an ILIKE pattern matching it anywhere, its wildcards taken literally. */
function containing(text: string): string {
  return `%${escapeLike(text.trim())}%`;
}

// How the audit log names the voucher module's actions and its records. A claim is not audited
// row by row (the voucher row is the record, with its time and account); staff actions are.

export const VOUCHER_AUDIT_ACTIONS = {
  'voucher_campaign.create': { zh: '创建消费券活动', en: 'Voucher campaign created' },
  'voucher_campaign.update': { zh: '编辑消费券活动', en: 'Voucher campaign edited' },
  'voucher_campaign.publish': { zh: '发布消费券活动', en: 'Voucher campaign published' },
  'voucher_campaign.close': { zh: '关闭消费券活动', en: 'Voucher campaign closed' },
  'voucher_cap.update': { zh: '设置年度慰问领取上限', en: 'Yearly benefit caps set' },
} as const satisfies Record<string, Label>;

export const VOUCHER_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  voucher_campaign: {
    label: { zh: '消费券活动', en: 'Voucher campaign' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: campaign.id, name: campaign.name })
        .from(campaign)
        .where(inArray(campaign.id, wanted));
      return new Map(found.map((c) => [String(c.id), { label: c.name, link: `/voucher/campaigns/${c.id}` }]));
    },
    // A campaign by part of its name: the audit log's target search.
    async find(text, { db }, limit) {
      if (text.trim() === '') return [];
      const found = await db
        .select({ id: campaign.id })
        .from(campaign)
        .where(ilike(campaign.name, containing(text)))
        .limit(limit);
      return found.map((c) => String(c.id));
    },
  },
  // A voucher reads as its code and campaign (a redemption's target); the console shows it on its campaign.
  voucher: {
    label: { zh: '消费券', en: 'Voucher' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: voucher.id, code: voucher.code, campaignId: voucher.campaignId, campaignName: campaign.name })
        .from(voucher)
        .innerJoin(campaign, eq(campaign.id, voucher.campaignId))
        .where(inArray(voucher.id, wanted));
      return new Map(
        found.map((v) => [
          String(v.id),
          { label: `${v.code} · ${v.campaignName}`, link: `/voucher/campaigns/${v.campaignId}` },
        ]),
      );
    },
    // A voucher by its code (exact, any case).
    async find(text, { db }, limit) {
      const code = text.trim().toUpperCase();
      if (code === '') return [];
      const found = await db.select({ id: voucher.id }).from(voucher).where(eq(voucher.code, code)).limit(limit);
      return found.map((v) => String(v.id));
    },
  },
  // A settlement statement reads as its merchant and period; the console lists them on one page.
  voucher_settlement: {
    label: { zh: '商户结算单', en: 'Settlement statement' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({
          id: settlement.id,
          merchantName: merchantRef.name,
          periodStart: settlement.periodStart,
          periodEnd: settlement.periodEnd,
        })
        .from(settlement)
        .innerJoin(merchantRef, eq(merchantRef.id, settlement.merchantId))
        .where(inArray(settlement.id, wanted));
      return new Map(
        found.map((s) => [
          String(s.id),
          { label: `${s.merchantName} ${s.periodStart}–${s.periodEnd}`, link: '/voucher/settlements' },
        ]),
      );
    },
    // The statements of merchants whose name contains the words.
    async find(text, { db }, limit) {
      if (text.trim() === '') return [];
      const found = await db
        .select({ id: settlement.id })
        .from(settlement)
        .innerJoin(merchantRef, eq(merchantRef.id, settlement.merchantId))
        .where(ilike(merchantRef.name, containing(text)))
        .limit(limit);
      return found.map((s) => String(s.id));
    },
  },
  voucher_cap: { label: { zh: '年度领取上限', en: 'Yearly caps' }, link: () => '/voucher/caps' },
};
