// Error codes and field messages of the voucher module. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const VOUCHER_ERRORS = {
  VOUCHER_CAMPAIGN_PUBLISHED: {
    status: 409,
    zh: '活动已发布，条款不能再修改',
    en: 'The campaign is published; its terms cannot be changed',
  },
  VOUCHER_CAMPAIGN_STATE: {
    status: 409,
    zh: '该活动当前状态不允许此操作',
    en: "The campaign's state does not allow this",
  },
  VOUCHER_SOLD_OUT: { status: 409, zh: '消费券已领完', en: 'All vouchers have been claimed' },
  VOUCHER_LIMIT_REACHED: {
    status: 409,
    zh: '您已达到本活动的领取数量上限',
    en: 'You have claimed as many vouchers of this campaign as allowed',
  },
  VOUCHER_CAP_REACHED: {
    status: 409,
    zh: '超过本年度该类慰问的领取上限',
    en: "This would pass this year's cap for this kind of benefit",
  },
  VOUCHER_NOT_OPEN: { status: 409, zh: '不在领取时间内', en: 'Claiming is not open now' },
  VOUCHER_NOT_ELIGIBLE: {
    status: 403,
    zh: '您不符合本活动的领取条件',
    en: 'You are not eligible for this campaign',
  },
  VOUCHER_IDEMPOTENCY_MISMATCH: {
    status: 409,
    zh: '该请求标识已用于其他活动的领取',
    en: 'This Idempotency-Key was already used for another campaign',
  },
  VOUCHER_ALREADY_REDEEMED: { status: 409, zh: '该券已核销', en: 'This voucher has already been redeemed' },
  VOUCHER_EXPIRED: { status: 409, zh: '该券已过期', en: 'This voucher has expired' },
} as const satisfies Record<string, ErrorDef>;

export const VOUCHER_FIELD_MESSAGES = {
  'voucher.claimWindow': { zh: '领取结束时间须晚于开始时间', en: 'The claim window must end after it starts' },
  'voucher.validWindow': { zh: '有效期结束须晚于开始', en: 'The validity must end after it starts' },
  'voucher.validAfterClaim': {
    zh: '有效期须在领取结束之后才截止',
    en: 'The validity must not end before the claim window does',
  },
  'voucher.budget': {
    zh: '预算不能少于面值乘以数量',
    en: 'The budget must cover face value × quantity',
  },
  'voucher.minSpend': {
    zh: '使用门槛须不低于面值或为0',
    en: 'The minimum spend must be 0 or at least the face value',
  },
  'voucher.perMemberLimit': {
    zh: '每人限领数量不能超过总数量',
    en: 'The per-member limit cannot exceed the quantity',
  },
  'voucher.registrationEnds': {
    zh: '抽签活动须设置报名截止时间，且早于领取开始',
    en: 'A lottery needs a registration end before claiming starts',
  },
  'voucher.merchants': {
    zh: '所选商户不存在或不在本组织范围内',
    en: 'A chosen merchant does not exist or is not in this org',
  },
  'voucher.duplicates': { zh: '列表中有重复项', en: 'The list has duplicates' },
  'voucher.fen': { zh: '金额以分为单位，须为整数', en: 'Amounts are in fen, whole numbers' },
} as const satisfies Record<string, Label>;

/** The names of the caps in the 409's detail: 春节慰问每人每年不超过500元. */
export const CAP_NAMES: Record<string, Label> = {
  spring_festival: { zh: '春节慰问', en: 'Spring Festival gifts' },
  festival: { zh: '节日慰问', en: 'Festival gifts' },
  birthday: { zh: '生日慰问', en: 'Birthday gifts' },
  general: { zh: '普惠消费券', en: 'General vouchers' },
};
