// The merchant module's public surface (工惠优享家 合作商户): open calls, applications, review,
// agreements, the member directory, supervision (inspections, assessments, complaints, warnings,
// suspension, exit) and merchant accounts. Other modules import it only through this file.
import { defineModule } from '../../kernel/module.js';
import { registerMerchantLookup } from '../auth/index.js';
import { merchantAccepts, merchantOfAccount } from './merchant.lookup.js';

// `GET /api/auth/me` names the merchant a merchant account acts for.
registerMerchantLookup(merchantOfAccount);

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
  api: { merchantOfAccount, merchantAccepts },
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
