// Error codes and field messages of the service module: catalog, cases, AB posts, attachments. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const SERVICE_ERRORS = {
  CASE_STATE: { status: 409, zh: '工单当前状态不允许此操作', en: "The case's state does not allow this" },
  CASE_REOPEN_EXPIRED: {
    status: 409,
    zh: '办结已超过 7 天，不能重新打开',
    en: 'More than 7 days since resolution; it cannot be reopened',
  },
  CASE_ALREADY_RATED: { status: 409, zh: '该工单已评价', en: 'This case has already been rated' },
  CASE_TRANSFER_SAME_ORG: { status: 400, zh: '不能转办给当前承办单位', en: 'The case is already with that org' },
  CASE_ASSIGNEE_INVALID: { status: 400, zh: '该人员不能办理此工单', en: 'That person cannot handle this case' },
  CASE_FILE_TYPE: {
    status: 415,
    zh: '只能上传 JPG、PNG、WebP 图片或 PDF 文件',
    en: 'Only JPG, PNG, WebP images and PDF files can be uploaded',
  },
  SERVICE_NOT_ELIGIBLE: { status: 403, zh: '您不符合该服务的申请条件', en: 'You are not eligible for this service' },
  SERVICE_INACTIVE: { status: 409, zh: '该服务已停用', en: 'This service is no longer offered' },
  SERVICE_OVERRIDE_EXISTS: { status: 409, zh: '本组织已调整过该服务', en: 'This org already overrides that service' },
  SERVICE_OVERRIDE_INVALID: {
    status: 400,
    zh: '只能调整上级组织定义的服务',
    en: 'Only a service defined by a parent org can be overridden',
  },
  POST_BACKUP_INVALID: {
    status: 400,
    zh: 'B 岗人员须为同一单位可办理工单的其他工作人员',
    en: 'The backup must be another case handler of the same org',
  },
} as const satisfies Record<string, ErrorDef>;

export const SERVICE_FIELD_MESSAGES = {
  'form.key': {
    zh: '字段标识须以小写字母开头，只含字母、数字和下划线（最多 40 位）',
    en: 'A field key starts with a lowercase letter; letters, digits and _ only (≤ 40)',
  },
  'form.keyDuplicate': { zh: '字段标识重复', en: 'Duplicate field key' },
  'form.optionsRequired': { zh: '选择题须填写选项', en: 'A choice field needs options' },
  'form.optionsDuplicate': { zh: '选项重复', en: 'Duplicate options' },
  'form.optionsOnlyChoice': { zh: '只有选择题可以设置选项', en: 'Only choice fields have options' },
  'form.notForType': { zh: '此设置不适用于该字段类型', en: 'This setting does not apply to the field type' },
  'form.minMax': { zh: '最小值不能大于最大值', en: 'The minimum must not exceed the maximum' },
  'form.notObject': { zh: '表单内容格式有误', en: 'The answers must be an object' },
  'form.unknownField': { zh: '表单中没有此项', en: 'The form has no such field' },
  'form.required': { zh: '此项为必填项', en: 'This field is required' },
  'form.text': { zh: '请填写文字', en: 'Enter text' },
  'form.tooLong': { zh: '内容过长', en: 'Too long' },
  'form.number': { zh: '请填写数字', en: 'Enter a number' },
  'form.range': { zh: '数值超出允许范围', en: 'The number is out of range' },
  'form.choice': { zh: '请从给定选项中选择', en: 'Choose from the options' },
  'form.attachment': { zh: '附件无效，请重新上传', en: 'The attachment is not valid; upload it again' },
  'form.tooMany': { zh: '表单项过多', en: 'Too many fields' },
  'service.handlingOrg': { zh: '承办单位须为本组织或其下级', en: 'The handling org must be this org or below it' },
  'service.noneOfCategory': { zh: '没有该类别的服务', en: 'No service of that category' },
  'eligibility.members_only': { zh: '该服务仅面向在会会员', en: 'This service is for members only' },
  'eligibility.job_type': { zh: '该服务仅面向特定就业形态的会员', en: 'This service is for certain job types only' },
  'case.staffOnly': { zh: '会员线上申请不能填写此项', en: 'Members applying online cannot set this' },
  'case.channel': { zh: '请选择登记渠道：柜面或电话', en: 'Choose the channel: counter or phone' },
  'case.applicant': {
    zh: '请选择会员，或填写非会员申请人的联系信息（二选一）',
    en: 'Give either a member or a contact, not both',
  },
  'case.state': { zh: '工单状态无效', en: 'Unknown case state' },
  'counter.oneKey': {
    zh: '请只提供手机号、身份证号或会员卡二维码中的一项',
    en: 'Give exactly one of phone, ID number or card QR',
  },
  'counter.cardInvalid': {
    zh: '会员卡二维码无效或已过期，请会员刷新后重试',
    en: 'The card QR is invalid or expired; ask the member to refresh it',
  },
  'file.missing': { zh: '请选择要上传的文件（字段 file）', en: 'Attach the file (field "file")' },
  'file.empty': { zh: '文件为空', en: 'The file is empty' },
} as const satisfies Record<string, Label>;
