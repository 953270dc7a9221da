import { and } from 'drizzle-orm';
import { countUpTo } from '../../kernel/db.js';
import type { WorkbenchHook } from '../../kernel/module.js';
import { settlementConditions } from './settlement.service.js';
import { settlement } from './settlement.schema.js';

// Pending voucher work on 工作台: statements the merchant confirmed, waiting for the union's approval
// (the list GET /api/voucher-settlements?state=confirmed; index voucher_settlement_org_idx).
export const voucherWorkbench: WorkbenchHook = {
  todo: [
    {
      key: 'voucher.settlements',
      label: { zh: '待审批结算单', en: 'Settlement statements to approve' },
      permission: 'voucher:settlement:approve',
      path: '/voucher/settlements?state=confirmed',
      count: async (db, actor) =>
        (await countUpTo(db, settlement, and(...settlementConditions(actor, { state: 'confirmed' })))).total,
    },
  ],
};
