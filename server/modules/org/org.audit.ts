import { inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { org } from './org.schema.js';

// How the audit log names the org module's actions and its records.

export const ORG_AUDIT_ACTIONS = {
  'org.create': { zh: '新建组织', en: 'Org created' },
  'org.update': { zh: '编辑组织', en: 'Org edited' },
  'org.close': { zh: '关闭组织', en: 'Org closed' },
  'org.reopen': { zh: '重新启用组织', en: 'Org reopened' },
  'org.move': { zh: '调整组织隶属', en: 'Org moved' },
  'org.delete': { zh: '删除组织', en: 'Org deleted' },
} as const satisfies Record<string, Label>;

export const ORG_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  org: {
    label: { zh: '组织', en: 'Org' },
    // The audit log's org column is named through this too.
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, wanted));
      return new Map(found.map((o) => [String(o.id), { label: o.name, link: '/orgs' }]));
    },
  },
};
