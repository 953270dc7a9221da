import { and } from 'drizzle-orm';
import { countUpTo } from '../../kernel/db.js';
import type { WorkbenchHook } from '../../kernel/module.js';
import { merchantConditions } from './merchant.query.js';
import { merchant } from './merchant.schema.js';

// Pending merchant work on 工作台: applications waiting for review (the list GET /api/merchant-applications?state=applied).
export const merchantWorkbench: WorkbenchHook = {
  todo: [
    {
      key: 'merchant.applications',
      label: { zh: '待审核商户申请', en: 'Merchant applications to review' },
      permission: 'merchant:merchant:manage',
      path: '/merchant/applications?state=applied',
      count: async (db, actor) =>
        (await countUpTo(db, merchant, and(...merchantConditions(actor, { statuses: ['applied'] })))).total,
    },
  ],
};
