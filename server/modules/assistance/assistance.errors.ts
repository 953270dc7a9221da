// Error codes and field messages of the assistance module: hardship files, aid, wishes, identification. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const ASSISTANCE_ERRORS = {
  HARDSHIP_STATE: {
    status: 409,
    zh: '困难档案当前状态不允许此操作',
    en: "The hardship file's state does not allow this",
  },
  HARDSHIP_NO_CONSENT: {
    status: 409,
    zh: '该职工尚未同意建立困难档案（或已撤回同意），请先记录本人同意',
    en: 'The member has not consented to a hardship file (or withdrew consent); record consent first',
  },
  HARDSHIP_FILE_EXISTS: {
    status: 409,
    zh: '该职工已有在档或办理中的困难档案',
    en: 'The member already has a current hardship file',
  },
  HARDSHIP_NOT_HELP_CASE: {
    status: 400,
    zh: '只有会员本人的帮扶救助工单可以建档',
    en: "Only a member's 帮扶救助 (hardship help) case can open a file",
  },
  AID_PROGRAMME_CLOSED: { status: 409, zh: '该帮扶项目已关闭', en: 'This assistance programme is closed' },
  AID_RECORD_STATE: {
    status: 409,
    zh: '该帮扶记录当前状态不允许此操作',
    en: "The assistance record's state does not allow this",
  },
  AID_BUDGET_EXCEEDED: { status: 409, zh: '超出帮扶项目预算余额', en: "This would exceed the programme's budget" },
  AID_CAP_EXCEEDED: {
    status: 409,
    zh: '超出该户本年度在此项目的帮扶上限',
    en: "This would exceed the household's cap in this programme",
  },
  AID_NOT_ELIGIBLE: {
    status: 409,
    zh: '该户不符合此帮扶项目的条件',
    en: 'This household is not eligible for the programme',
  },
  AID_OWN_PROPOSAL: {
    status: 403,
    zh: '不能审批自己提出的帮扶，请由工会负责人审批',
    en: 'You cannot decide on your own proposal; the head of the union must',
  },
  AID_BUDGET_BELOW_COMMITTED: {
    status: 409,
    zh: '预算不能低于已承诺金额',
    en: 'The budget cannot be less than what is already committed',
  },
  WISH_STATE: { status: 409, zh: '该心愿当前状态不允许此操作', en: "The wish's state does not allow this" },
  WISH_OWN: { status: 403, zh: '不能认领自己的心愿', en: 'You cannot claim your own wish' },
  HARDSHIP_CONSENT_SCOPE: {
    status: 409,
    zh: '职工本人的授权范围不包括此项用途，请先记录新的同意',
    en: "The member's consent does not cover this use; record a new consent first",
  },
} as const satisfies Record<string, ErrorDef>;

export const ASSISTANCE_FIELD_MESSAGES = {
  'hardship.line.order': {
    zh: '低收入标准不能低于最低生活保障标准',
    en: 'The low-income line must not be below the minimum-living line',
  },
  'hardship.line.missing': {
    zh: '本组织及上级均未设置当地最低生活保障和低收入标准，请先设置',
    en: 'No local lines are set for this org or above it; set them first',
  },
  'hardship.category.required': { zh: '请选择困难类别', en: 'Choose a category' },
  'hardship.causes.required': { zh: '请至少选择一项致困原因', en: 'Choose at least one cause' },
  'hardship.household.required': {
    zh: '请填写家庭成员及其收入情况',
    en: 'Enter the household members and their incomes',
  },
  'hardship.category.deep': {
    zh: '深度困难要求家庭月人均收入低于当地最低生活保障标准',
    en: 'Deep hardship needs a monthly income per head below the local minimum-living line',
  },
  'hardship.category.relative': {
    zh: '相对困难要求家庭月人均收入低于当地低收入标准',
    en: 'Relative hardship needs a monthly income per head below the local low-income line',
  },
  'hardship.category.sudden': {
    zh: '意外致困要求致困原因包含“意外事故”或“因灾”',
    en: 'Sudden hardship needs the cause 意外事故 (accident) or 因灾 (disaster)',
  },
  'hardship.causes.unique': { zh: '致困原因重复', en: 'Duplicate causes' },
  'hardship.visit.required': { zh: '请先记录入户核实情况', en: 'Record the home visit first' },
  'hardship.visit.future': { zh: '核实日期不能晚于今天', en: 'The visit date cannot be in the future' },
  'hardship.review.category': { zh: '调整类别时请选择新的困难类别', en: 'Choose the new category' },
  'hardship.review.exitReason': { zh: '退出时请选择退出原因', en: 'Choose the exit reason' },
  'hardship.exit.months': {
    zh: '收入超过标准时请填写持续月数',
    en: 'Give for how many months the income has been above the line',
  },
  'hardship.consent.version': {
    zh: '同意书版本已更新，请刷新后重新阅读并同意',
    en: 'The consent text has changed; reload, read it and consent again',
  },
  'hardship.consent.none': { zh: '没有可撤回的同意', en: 'There is no consent to withdraw' },
  'identify.assignee': {
    zh: '走访人员须为在职工作人员，且其精准识别权限覆盖该会员所在工会',
    en: "The visitor must be active staff whose identification grant covers the member's union",
  },
  'identify.dueDatePast': { zh: '走访期限不能早于今天', en: 'The due date cannot be in the past' },
  'identify.ruleDuplicate': { zh: '同一规则只能出现一次', en: 'Each rule may appear once' },
  'hardship.consent.scope.collect': {
    zh: '授权范围缺少“收集家庭、收入和健康信息”（collect）',
    en: 'The consent does not include collecting household, income and health data (collect)',
  },
  'hardship.consent.scope.verify': {
    zh: '授权范围缺少“入户核实”（verify）',
    en: 'The consent does not include verification and the home visit (verify)',
  },
  'hardship.consent.scope.assist': {
    zh: '授权范围缺少“用于帮扶救助”（assist）',
    en: 'The consent does not include use for assistance (assist)',
  },
} as const satisfies Record<string, Label>;
