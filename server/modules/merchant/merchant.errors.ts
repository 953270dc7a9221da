import type { ErrorDef, Label } from '../../kernel/errors.js';

export const MERCHANT_ERRORS = {
  MERCHANT_LICENCE_EXISTS: {
    status: 409,
    zh: '该统一社会信用代码已向本工会提交过申请',
    en: 'This licence number has already applied to this union',
  },
  MERCHANT_STATE: { status: 409, zh: '该商户当前状态不允许此操作', en: "The merchant's status does not allow this" },
  MERCHANT_CALL_CLOSED: {
    status: 409,
    zh: '该征集公告不在征集期内',
    en: 'The open call is not accepting applications',
  },
  MERCHANT_ASSESSMENT_EXISTS: {
    status: 409,
    zh: '该商户本年度已有考核结果',
    en: 'The merchant already has an assessment for that year',
  },
} as const satisfies Record<string, ErrorDef>;

export const MERCHANT_FIELD_MESSAGES = {
  'merchant.licenceNo': {
    zh: '请输入有效的统一社会信用代码（18 位，末位为校验码）',
    en: 'Enter a valid unified social credit code (18 characters, the last a check character)',
  },
  'merchant.categoryNotInCall': {
    zh: '该类别不在本次征集范围内',
    en: 'This category is not part of the open call',
  },
  'merchant.latLng': { zh: '纬度和经度需同时提供', en: 'Give both latitude and longitude' },
  'merchant.scoreOverMax': { zh: '得分不能超过该项满分', en: "The score must not exceed the item's maximum" },
  'merchant.reasonRequired': { zh: '请填写原因', en: 'Give the reason' },
  'merchant.period': { zh: '结束日期不能早于开始日期', en: 'The end date must not be before the start date' },
  'merchant.window': { zh: '截止时间须晚于开始时间', en: 'The closing time must be after the opening time' },
  'merchant.settlementAccount': {
    zh: '请输入有效的结算账号（6–32 位数字）',
    en: 'Enter a valid settlement account (6–32 digits)',
  },
  'merchant.categories': { zh: '请至少选择一个类别', en: 'Choose at least one category' },
  'merchant.locations': { zh: '请至少填写一个经营地址', en: 'Give at least one address' },
} as const satisfies Record<string, Label>;
