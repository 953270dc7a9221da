// The merchant module's public surface (工惠优享家 合作商户): open calls, applications, review,
// agreements, the member directory, supervision (inspections, assessments, complaints, warnings,
// suspension, exit) and merchant accounts. Other modules import it only through this file.
import { count, eq } from 'drizzle-orm';
import { defineModule } from '../../kernel/module.js';
import { seedDemoMerchants } from '../../seed/demo-merchant.js';
import { registerMerchantLookup } from '../auth/index.js';
import { registerOrgUsage } from '../org/index.js';
import { MERCHANT_AUDIT_ACTIONS, MERCHANT_AUDIT_TARGETS } from './merchant.audit.js';
import { MERCHANT_ERRORS, MERCHANT_FIELD_MESSAGES } from './merchant.errors.js';
import { merchantAccepts, merchantOfAccount } from './merchant.lookup.js';
import { merchantPublicRoutes } from './merchant.public.routes.js';
import { merchantRoutes } from './merchant.routes.js';
import { merchant, merchantCall } from './merchant.schema.js';
import { withCheckChar } from './merchant.service.js';
import { merchantWorkbench } from './workbench.js';

// `GET /api/auth/me` names the merchant a merchant account acts for.
registerMerchantLookup(merchantOfAccount);

// An org running partner merchants or open calls is in use: it can be closed, not deleted.
registerOrgUsage(async (tx, orgId) => {
  const [m] = await tx.select({ n: count() }).from(merchant).where(eq(merchant.orgId, orgId));
  const [c] = await tx.select({ n: count() }).from(merchantCall).where(eq(merchantCall.orgId, orgId));
  return (m?.n ?? 0) + (c?.n ?? 0) > 0;
});

export const merchantModule = defineModule({
  name: 'merchant',
  permissions: {
    'merchant:merchant:read': { zh: '查看合作商户', en: 'View partner merchants' },
    'merchant:merchant:manage': {
      zh: '发布征集公告，审核商户申请，签订、续签、终止合作协议',
      en: 'Publish open calls, review applications, sign and end agreements',
    },
    'merchant:merchant:supervise': {
      zh: '检查考核合作商户，处理投诉，警告、暂停、恢复商户',
      en: 'Inspect and assess merchants, handle complaints, warn, suspend and reinstate',
    },
  },
  errors: MERCHANT_ERRORS,
  fieldMessages: MERCHANT_FIELD_MESSAGES,
  routes: [merchantPublicRoutes, merchantRoutes],
  seed: async ({ tx, deps, orgs, demoPasswordHash }) => {
    const city = orgs.get('city');
    if (city) await seedDemoMerchants(tx, deps, city, demoPasswordHash);
  },
  api: { merchantOfAccount, merchantAccepts, withCheckChar },
  workbench: merchantWorkbench,
  auditActions: MERCHANT_AUDIT_ACTIONS,
  auditTargets: MERCHANT_AUDIT_TARGETS,
});

export { MERCHANT_CATEGORIES, MERCHANT_STATUSES, merchantRef } from './merchant.schema.js';
export {
  merchantOfAccount,
  merchantAccepts,
  ACCEPTING_STATUSES,
  type MerchantOfAccount,
  type MerchantCategory,
  type MerchantStatus,
} from './merchant.lookup.js';
export { withCheckChar } from './merchant.service.js';
