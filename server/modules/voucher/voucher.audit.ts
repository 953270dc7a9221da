import { inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { campaign } from './voucher.schema.js';

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
  },
  voucher_cap: { label: { zh: '年度领取上限', en: 'Yearly caps' }, link: () => '/voucher/caps' },
};
