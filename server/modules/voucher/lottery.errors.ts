import type { ErrorDef, Label } from '../../kernel/errors.js';

// Error codes and audit labels of lotteries, redemption and settlement (merged into the voucher manifest).
export const LOTTERY_ERRORS = {
  VOUCHER_NOT_LOTTERY: { status: 409, zh: '该活动不是抽签活动', en: 'This campaign is not a lottery' },
  VOUCHER_REGISTRATION_CLOSED: {
    status: 409,
    zh: '报名未开始或已截止',
    en: 'Registration for this lottery is not open',
  },
  VOUCHER_REGISTRATION_NOT_ELIGIBLE: {
    status: 403,
    zh: '您不符合本次活动的参与条件',
    en: 'You are not eligible for this campaign',
  },
  VOUCHER_DRAW_TOO_EARLY: { status: 409, zh: '报名截止后才能抽签', en: 'The draw comes after registration closes' },
  VOUCHER_ALREADY_DRAWN: { status: 409, zh: '本次活动已经抽签', en: 'This lottery has already been drawn' },
  VOUCHER_NOT_DRAWN: { status: 404, zh: '本次活动尚未抽签', en: 'This lottery has not been drawn yet' },
} as const satisfies Record<string, ErrorDef>;

export const REDEEM_ERRORS = {
  VOUCHER_NOT_VALID_HERE: {
    status: 403,
    zh: '该券不能在本商户使用',
    en: 'This voucher cannot be used at this merchant',
  },
  MERCHANT_SUSPENDED: {
    status: 403,
    zh: '商户已被暂停合作，暂不能核销消费券',
    en: 'The merchant is suspended and cannot redeem vouchers',
  },
} as const satisfies Record<string, ErrorDef>;

export const SETTLEMENT_ERRORS = {
  VOUCHER_SETTLEMENT_STATE: {
    status: 409,
    zh: '结算单当前状态不允许此操作',
    en: "The statement's state does not allow this",
  },
  VOUCHER_SETTLEMENT_EMPTY: {
    status: 409,
    zh: '该期间没有待结算的核销记录',
    en: 'No redeemed vouchers left to settle in this period',
  },
} as const satisfies Record<string, ErrorDef>;

export const LOTTERY_FIELD_MESSAGES = {
  'settlement.period': { zh: '结算期间的开始日期不能晚于结束日期', en: 'The period must start on or before its end' },
} as const satisfies Record<string, Label>;

export const LOTTERY_AUDIT_ACTIONS = {
  'voucher_registration.create': { zh: '报名抽签', en: 'Registered for a lottery' },
  'voucher_registration.delete': { zh: '撤回抽签报名', en: 'Withdrew a lottery registration' },
  'voucher_draw.create': { zh: '抽签', en: 'Lottery drawn' },
  'voucher.redeem': { zh: '核销消费券', en: 'Voucher redeemed' },
  'voucher_settlement.create': { zh: '生成结算单', en: 'Settlement statement drawn up' },
  'voucher_settlement.confirm': { zh: '商户确认结算单', en: 'Settlement statement confirmed by the merchant' },
  'voucher_settlement.approve': { zh: '审批结算单', en: 'Settlement statement approved' },
  'voucher_settlement.export': { zh: '导出结算单', en: 'Settlement statement exported' },
} as const satisfies Record<string, Label>;
