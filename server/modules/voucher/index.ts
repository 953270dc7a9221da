// The voucher module's public surface (消费券/补贴券): campaigns, the claim engine, caps per kind,
// lotteries, redemption at merchants and settlement. Other modules import it only through this file.
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db.js';
import { defineModule } from '../../kernel/module.js';
import { seedDemoVouchers } from '../../seed/demo-voucher.js';
import { seedDemoVoucherExtra } from '../../seed/demo-voucher-extra.js';
import { registerOrgUsage } from '../org/index.js';
import { campaignRoutes } from './campaign.routes.js';
import { capsAt } from './caps.js';
import { capsRoutes } from './caps.routes.js';
import { claimRoutes } from './claim.routes.js';
import { memberFacts, registerLotteryGate, verifyVoucherToken } from './claim.service.js';
import { VOUCHER_AUDIT_ACTIONS, VOUCHER_AUDIT_TARGETS } from './voucher.audit.js';
import { VOUCHER_ERRORS, VOUCHER_FIELD_MESSAGES } from './voucher.errors.js';
import { voucherWorkbench } from './workbench.js';
import {
  LOTTERY_AUDIT_ACTIONS,
  LOTTERY_ERRORS,
  LOTTERY_FIELD_MESSAGES,
  REDEEM_ERRORS,
  SETTLEMENT_ERRORS,
} from './lottery.errors.js';
import { lotteryRoutes } from './lottery.routes.js';
import { isLotteryWinner, lotteryAllowsClaim, myRegistration } from './lottery.service.js';
import { redeemRoutes } from './redeem.routes.js';
import { settlementRoutes } from './settlement.routes.js';

// An org that runs campaigns or set caps cannot be deleted (it can be closed).
registerOrgUsage(async (tx, orgId) => {
  const [row] = await rows<{ used: boolean }>(
    tx,
    sql`select exists (select 1 from voucher_campaign where org_id = ${orgId})
      or exists (select 1 from voucher_cap where org_id = ${orgId}) as used`,
  );
  return row?.used ?? false;
});
// Only the draw's winners claim a lottery campaign.
registerLotteryGate(isLotteryWinner);

export const voucherModule = defineModule({
  name: 'voucher',
  permissions: {
    'voucher:campaign:read': { zh: '查看消费券活动及其实时数据', en: 'View voucher campaigns and their live figures' },
    'voucher:campaign:manage': {
      zh: '创建、发布、关闭消费券活动，设置领取上限，抽签',
      en: 'Create, publish and close voucher campaigns, set caps, run lottery draws',
    },
    'voucher:settlement:read': { zh: '查看商户结算单', en: 'View merchant settlement statements' },
    'voucher:settlement:approve': {
      zh: '生成、审批、导出商户结算单',
      en: 'Draw up, approve and export merchant settlement statements',
    },
  },
  errors: { ...VOUCHER_ERRORS, ...LOTTERY_ERRORS, ...REDEEM_ERRORS, ...SETTLEMENT_ERRORS },
  fieldMessages: { ...VOUCHER_FIELD_MESSAGES, ...LOTTERY_FIELD_MESSAGES },
  routes: [campaignRoutes, capsRoutes, claimRoutes, lotteryRoutes, redeemRoutes, settlementRoutes],
  seed: async ({ tx, deps, orgs, demoMember }) => {
    if (demoMember) await seedDemoVouchers(tx, deps, orgs, demoMember.accountId);
  },
  // After every step: the member accounts (13800000002–30) exist then; lottery registrations and redemptions need them.
  seedLast: async ({ tx, deps, orgs, members }) => seedDemoVoucherExtra(tx, deps, orgs, members),
  api: { verifyVoucherToken, capsAt, memberFacts, lotteryAllowsClaim, myRegistration },
  auditActions: { ...VOUCHER_AUDIT_ACTIONS, ...LOTTERY_AUDIT_ACTIONS },
  auditTargets: VOUCHER_AUDIT_TARGETS,
  workbench: voucherWorkbench,
});

export { CAMPAIGN_KINDS, CAMPAIGN_MODES, CAMPAIGN_STATES, VOUCHER_STATES } from './voucher.schema.js';
export { verifyVoucherToken } from './claim.service.js';
export { capsAt, DEFAULT_CAPS, type Caps } from './caps.js';
export { lotteryAllowsClaim, myRegistration, type MyRegistration } from './lottery.service.js';
