// The voucher module's public surface (消费券/补贴券): campaigns, the claim engine, caps per kind,
// lotteries, redemption at merchants and settlement. Other modules import it only through this file.
import { defineModule } from '../../kernel/module.js';
import {
  LOTTERY_AUDIT_ACTIONS,
  LOTTERY_ERRORS,
  LOTTERY_FIELD_MESSAGES,
  REDEEM_ERRORS,
  SETTLEMENT_ERRORS,
} from './lottery.errors.js';
import { lotteryRoutes } from './lottery.routes.js';
import { lotteryAllowsClaim, myRegistration } from './lottery.service.js';
import { redeemRoutes } from './redeem.routes.js';
import { settlementRoutes } from './settlement.routes.js';

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
  errors: { ...LOTTERY_ERRORS, ...REDEEM_ERRORS, ...SETTLEMENT_ERRORS },
  fieldMessages: { ...LOTTERY_FIELD_MESSAGES },
  routes: [lotteryRoutes, redeemRoutes, settlementRoutes],
  api: { lotteryAllowsClaim, myRegistration },
  auditActions: { ...LOTTERY_AUDIT_ACTIONS },
});

export { lotteryAllowsClaim, myRegistration, type MyRegistration } from './lottery.service.js';
