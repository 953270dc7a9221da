import { inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { merchant, merchantCall } from './merchant.schema.js';

// How the audit log names the merchant module's actions and its records.

export const MERCHANT_AUDIT_ACTIONS = {
  'merchant.call_create': { zh: '发布商户征集公告', en: 'Open call published' },
  'merchant.call_update': { zh: '修改商户征集公告', en: 'Open call edited' },
  'merchant.call_close': { zh: '截止商户征集公告', en: 'Open call closed' },
  'merchant.apply': { zh: '商户提交入驻申请', en: 'Merchant application submitted' },
  'merchant.review': { zh: '审核商户申请', en: 'Merchant application reviewed' },
  'merchant.agreement': { zh: '签订商户合作协议', en: 'Merchant agreement signed' },
  'merchant.inspection': { zh: '登记商户现场检查', en: 'Merchant inspection recorded' },
  'merchant.assessment': { zh: '登记商户年度考核', en: 'Merchant yearly assessment recorded' },
  'merchant.warn': { zh: '警告合作商户', en: 'Merchant warned' },
  'merchant.suspend': { zh: '暂停合作商户', en: 'Merchant suspended' },
  'merchant.reinstate': { zh: '恢复合作商户', en: 'Merchant reinstated' },
  'merchant.exit': { zh: '合作商户退出', en: 'Merchant exited' },
  'merchant.account_create': { zh: '新建商户账号', en: 'Merchant account created' },
  'merchant.complaint': { zh: '会员投诉合作商户', en: 'Member complaint about a merchant' },
} as const satisfies Record<string, Label>;

export const MERCHANT_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  merchant: {
    label: { zh: '合作商户', en: 'Partner merchant' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: merchant.id, name: merchant.name })
        .from(merchant)
        .where(inArray(merchant.id, wanted));
      return new Map(found.map((m) => [String(m.id), { label: m.name, link: `/merchant/merchants/${m.id}` }]));
    },
  },
  merchant_call: {
    label: { zh: '商户征集公告', en: 'Merchant open call' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: merchantCall.id, title: merchantCall.title })
        .from(merchantCall)
        .where(inArray(merchantCall.id, wanted));
      return new Map(found.map((c) => [String(c.id), { label: c.title, link: '/merchant/calls' }]));
    },
  },
};
