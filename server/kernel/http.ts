import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ERRORS, errorMessage, isDatabaseUnavailable, type ErrorCode, type ErrorDetail, type Lang } from './errors.js';

// Shapes and helpers shared by every route: the error body, lists, paging, localised messages.

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const ZPageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** Present and true when `total` is a floor: the list counted no further (see ARCHITECTURE.md, Lists). */
    totalCapped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The error responses a route may give, for the OpenAPI document and the serializer. */
export const errorResponses = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  429: ZErrorBody,
  503: ZErrorBody,
};

export const ZId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const ZIdParams = z.strictObject({ id: ZId });

export function langOf(req: FastifyRequest): Lang {
  const header = req.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'zh';
}

// Messages for the rules our own schemas state (e.g. `.regex(PHONE, 'phone.invalid')`).
const FIELD_MESSAGES: Record<string, Record<Lang, string>> = {
  'phone.invalid': { zh: '请输入正确的手机号码', en: 'Enter a valid mainland mobile number' },
  'code.invalid': { zh: '代码只能包含字母、数字、连字符和下划线', en: 'Use letters, digits, - and _ only' },
  'username.invalid': { zh: '用户名为 3-32 位字母、数字、点、连字符或下划线', en: 'Use 3-32 letters, digits, dots, - or _' },
  'otp.invalid': { zh: '请输入 6 位数字验证码', en: 'Enter the 6-digit code' },
  'login.shape': { zh: '请提供用户名和密码，或手机号和密码/验证码', en: 'Give a username and password, or a phone with a password or code' },
  'password.tooShort': { zh: '密码至少 8 位', en: 'At least 8 characters' },
  'password.tooLong': { zh: '密码最多 128 位', en: 'At most 128 characters' },
  'password.common': { zh: '密码过于常见，容易被猜到', en: 'This password is too common' },
  'password.containsUsername': { zh: '密码不能包含用户名', en: 'The password must not contain the username' },
  'password.containsPhone': { zh: '密码不能包含手机号', en: 'The password must not contain the phone number' },
  'password.wrong': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'password.currentRequired': { zh: '请输入当前密码', en: 'Enter the current password' },
  'time.range': { zh: '开始时间不能晚于结束时间', en: 'The start must not be after the end' },
  'parent.required': { zh: '请选择上级组织', en: 'Choose a parent org' },
  'settings.tooLarge': { zh: '设置内容过大', en: 'Settings are too large' },
  'idNumber.format': { zh: '身份证号应为 18 位，前 17 位为数字，末位为数字或 X', en: 'An ID number has 17 digits and a final digit or X' },
  'idNumber.province': { zh: '身份证号的地区代码无效', en: 'The ID number has no valid region code' },
  'idNumber.birthDate': { zh: '身份证号中的出生日期无效', en: 'The birth date in the ID number is not valid' },
  'idNumber.checkDigit': { zh: '身份证号校验位不正确，请核对', en: 'The check digit of the ID number is wrong' },
  'name.invalid': { zh: '请输入真实姓名（2-30 个字）', en: 'Enter the real name (2-30 characters)' },
  'date.invalid': { zh: '请输入有效日期（YYYY-MM-DD）', en: 'Enter a valid date (YYYY-MM-DD)' },
  'date.future': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'reason.required': { zh: '请填写原因', en: 'Give a reason' },
  'MEMBER_EXISTS.inScope': { zh: '此人已是会员，可在花名册中查看该记录', en: 'Already a member; see the record in the roster' },
  'import.unreadable': { zh: '这一格的文字没有读取完整（含无法识别的字符），请核对后重新导入该行', en: 'This cell could not be read intact (it holds an unreadable character); check it and import the row again' },
  'MEMBER_EXISTS.self': { zh: '您已是工会会员，无需再次申请', en: 'You are already a member' },
  'MEMBER_EXISTS.elsewhere': { zh: '此人已是其他工会的会员，请通过会员关系转接办理', en: 'Already a member of another union; use a transfer' },
  'ORG_NOT_GRASSROOTS': { zh: '请选择基层工会', en: 'Choose a grassroots union' },
  // Service center: forms, applications, counter mode, attachments.
  'form.key': { zh: '字段标识须以小写字母开头，只含字母、数字和下划线（最多 40 位）', en: 'A field key starts with a lowercase letter; letters, digits and _ only (≤ 40)' },
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
  'case.applicant': { zh: '请选择会员，或填写非会员申请人的联系信息（二选一）', en: 'Give either a member or a contact, not both' },
  'case.state': { zh: '工单状态无效', en: 'Unknown case state' },
  'counter.oneKey': { zh: '请只提供手机号、身份证号或会员卡二维码中的一项', en: 'Give exactly one of phone, ID number or card QR' },
  'counter.cardInvalid': { zh: '会员卡二维码无效或已过期，请会员刷新后重试', en: 'The card QR is invalid or expired; ask the member to refresh it' },
  'file.missing': { zh: '请选择要上传的文件（字段 file）', en: 'Attach the file (field "file")' },
  'file.empty': { zh: '文件为空', en: 'The file is empty' },
  // Hardship files (assistance/hardship): category rules against the local lines, lifecycle.
  'hardship.line.order': { zh: '低收入标准不能低于最低生活保障标准', en: 'The low-income line must not be below the minimum-living line' },
  'hardship.line.missing': { zh: '本组织及上级均未设置当地最低生活保障和低收入标准，请先设置', en: 'No local lines are set for this org or above it; set them first' },
  'hardship.category.required': { zh: '请选择困难类别', en: 'Choose a category' },
  'hardship.causes.required': { zh: '请至少选择一项致困原因', en: 'Choose at least one cause' },
  'hardship.household.required': { zh: '请填写家庭成员及其收入情况', en: 'Enter the household members and their incomes' },
  'hardship.category.deep': { zh: '深度困难要求家庭月人均收入低于当地最低生活保障标准', en: 'Deep hardship needs a monthly income per head below the local minimum-living line' },
  'hardship.category.relative': { zh: '相对困难要求家庭月人均收入低于当地低收入标准', en: 'Relative hardship needs a monthly income per head below the local low-income line' },
  'hardship.category.sudden': { zh: '意外致困要求致困原因包含“意外事故”或“因灾”', en: 'Sudden hardship needs the cause 意外事故 (accident) or 因灾 (disaster)' },
  'hardship.causes.unique': { zh: '致困原因重复', en: 'Duplicate causes' },
  'hardship.visit.required': { zh: '请先记录入户核实情况', en: 'Record the home visit first' },
  'hardship.visit.future': { zh: '核实日期不能晚于今天', en: 'The visit date cannot be in the future' },
  'hardship.review.category': { zh: '调整类别时请选择新的困难类别', en: 'Choose the new category' },
  'hardship.review.exitReason': { zh: '退出时请选择退出原因', en: 'Choose the exit reason' },
  'hardship.exit.months': { zh: '收入超过标准时请填写持续月数', en: 'Give for how many months the income has been above the line' },
  'hardship.consent.version': { zh: '同意书版本已更新，请刷新后重新阅读并同意', en: 'The consent text has changed; reload, read it and consent again' },
  'hardship.consent.none': { zh: '没有可撤回的同意', en: 'There is no consent to withdraw' },
  // Member import: reasons per cell and per file ({n} is filled in by the importer).
  'import.required': { zh: '此项为必填项', en: 'This field is required' },
  'import.invalid': { zh: '内容无效', en: 'Invalid value' },
  'import.tooLong': { zh: '内容过长（最多 {n} 个字）', en: 'Too long (at most {n} characters)' },
  'import.idNumberAsNumber': { zh: '身份证号被 Excel 存成了数字，末几位已丢失；请将该列设为文本格式后重新填写', en: 'Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again' },
  'import.gender.invalid': { zh: '性别请填写“男”或“女”', en: 'Enter 男 or 女' },
  'import.gender.mismatch': { zh: '性别与身份证号不符，身份证号显示为{n}', en: 'The gender does not match the ID number ({n})' },
  'import.householdType': { zh: '户籍类型请填写：城镇、农村或农村（农民工）', en: 'Use 城镇, 农村 or 农村（农民工）' },
  'import.jobType': { zh: '就业形态请填写：普通职工、快递员、外卖骑手、货车司机、网约车司机或其他新就业形态', en: 'Use one of the listed employment types' },
  'import.union.unknown': { zh: '找不到该工会，请填写基层工会的代码或完整名称', en: 'No such union; give a grassroots union\'s code or full name' },
  'import.union.ambiguous': { zh: '有多个同名工会，请改填工会代码', en: 'Several unions have this name; use the code' },
  'import.union.outOfScope': { zh: '该工会不在您的管理范围内', en: 'This union is outside your scope' },
  'import.union.closed': { zh: '该工会已关闭', en: 'This union is closed' },
  'import.duplicateInFile': { zh: '身份证号与本文件第 {n} 行重复', en: 'Same ID number as line {n} of this file' },
  'import.cardTaken': { zh: '该会员卡号已被其他会员使用', en: 'This card number belongs to another member' },
  'import.cardDuplicate': { zh: '会员卡号与本文件第 {n} 行重复', en: 'Same card number as line {n} of this file' },
  'import.file.missing': { zh: '请选择要导入的文件（字段 file）', en: 'Attach the file (field "file")' },
  'import.file.notSupported': { zh: '只能导入 .xlsx 工作簿或 CSV 文件', en: 'Only .xlsx workbooks and CSV files can be imported' },
  'import.file.broken': { zh: '文件已损坏或格式不正确，请用 Excel 另存为 .xlsx 后再试', en: 'The file is damaged or malformed; save it again as .xlsx' },
  'import.file.tooLarge': { zh: '文件内容过大，请拆分后分批导入', en: 'The file holds too much; split it' },
  'import.file.noHeader': { zh: '找不到表头行，请使用导入模板（首行为列名）', en: 'No header row found; use the template (column names first)' },
  'import.file.tooManyRows': { zh: '超过 {n} 行，请拆分后分批导入', en: 'More than {n} rows; split the file' },
  'import.file.missingColumns': { zh: '缺少必填列：{n}', en: 'Required columns missing: {n}' },
  // Precise identification (assistance/identify).
  'identify.assignee': { zh: '走访人员须为在职工作人员，且其精准识别权限覆盖该会员所在工会', en: 'The visitor must be active staff whose identification grant covers the member\'s union' },
  'identify.dueDatePast': { zh: '走访期限不能早于今天', en: 'The due date cannot be in the past' },
  'identify.ruleDuplicate': { zh: '同一规则只能出现一次', en: 'Each rule may appear once' },
  // Input refused at the edge for every route (kernel/input.ts).
  'input.nul': { zh: '不能包含空字符（\\u0000）', en: 'Must not contain NUL characters (\\u0000)' },
  'input.surrogate': { zh: '包含无法识别的字符（不成对的 UTF-16 代理项）', en: 'Contains an unreadable character (a lone UTF-16 surrogate)' },
  'input.utf8': { zh: '请求内容不是有效的 UTF-8 文本', en: 'The request body is not valid UTF-8' },
  'input.tooDeep': { zh: '内容嵌套层级过深（最多 64 层）', en: 'Nested too deeply (at most 64 levels)' },
  // Privacy and scope (issue 14): the consent scope a use of hardship data needs.
  'hardship.consent.scope.collect': { zh: '授权范围缺少“收集家庭、收入和健康信息”（collect）', en: 'The consent does not include collecting household, income and health data (collect)' },
  'hardship.consent.scope.verify': { zh: '授权范围缺少“入户核实”（verify）', en: 'The consent does not include verification and the home visit (verify)' },
  'hardship.consent.scope.assist': { zh: '授权范围缺少“用于帮扶救助”（assist）', en: 'The consent does not include use for assistance (assist)' },
  // Password strength (auth, issue 14).
  'password.weak': { zh: '密码强度不足，容易被猜到：请加长，避免常见词、键盘顺序、重复字符和日期', en: 'Too easy to guess: make it longer and avoid common words, keyboard runs, repeats and dates' },
  'password.classes': { zh: '工作人员密码至少包含大写字母、小写字母、数字、符号中的三类', en: 'Staff passwords need three of: upper-case letters, lower-case letters, digits, symbols' },
  // Member import (issue 14 items 2 and 17).
  'import.errorsCapped': { zh: '共 {total} 行有错误，本文件只列出前 {n} 行；请改正这些行后重新导入，其余错误行会再次列出', en: '{total} rows have faults; this file lists the first {n}. Correct them and import again to see the rest' },
  'import.file.mostlyBad': { zh: '错误行已超过 {n} 行，且多于正确的行：请确认文件按导入模板填写、各列与表头对应后重新导入', en: 'More than {n} rows have faults, more than are right: check the file follows the template, columns under their headers, and import again' },
  'import.otherUnion': { zh: '此人已是其他工会的会员，请通过会员关系转接办理', en: 'This person is already a member of another union; use a membership transfer' },
};

/** A field's message: one of ours above, an error code's own message, or the text as given. */
export function fieldMessage(key: string, lang: Lang): string {
  const own = FIELD_MESSAGES[key]?.[lang];
  if (own) return own;
  return key in ERRORS ? errorMessage(key as ErrorCode, lang) : key;
}

const zodLocales = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function localiseIssue(item: ValidationItem, lang: Lang): ErrorDetail {
  const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const own = item.message && FIELD_MESSAGES[item.message];
  if (own) return { path, message: own[lang] };
  if (item.keyword === 'invalid_type' && item.message?.endsWith('received undefined')) {
    return { path, message: lang === 'zh' ? '此项为必填项' : 'This field is required' };
  }
  if (item.keyword === 'unrecognized_keys') {
    const keys = Array.isArray(item.params.keys) ? item.params.keys.join(', ') : '';
    return { path: path || keys, message: lang === 'zh' ? `不允许的字段：${keys}` : `Unknown field: ${keys}` };
  }
  const issue = { code: item.keyword, path: [], message: item.message ?? '', ...item.params, input: undefined };
  const result = zodLocales[lang](issue as Parameters<(typeof zodLocales)['zh']>[0]);
  const message = typeof result === 'string' ? result : result?.message;
  return { path, message: message ?? item.message ?? 'invalid' };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, details: ErrorDetail[] = []) {
  const lang = langOf(req);
  const status = new AppError(code).status;
  const body = { error: { code, message: errorMessage(code, lang), details, requestId: String(req.id) } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Seconds a client waits before retrying after DATABASE_UNAVAILABLE (a failover takes a few). */
const DATABASE_RETRY_AFTER_S = '5';

/** Maps anything thrown to the error shape. Unknown errors: 500, a generic message, logged. */
export function toErrorReply(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req);
  if (err instanceof AppError) {
    return sendError(req, reply, err.code, err.details.map((d) => ({ path: d.path, message: fieldMessage(d.message, lang) })));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return sendError(req, reply, 'VALIDATION_FAILED', err.validation.map((v) => localiseIssue(v, lang)));
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, url: req.url }, 'response failed its schema');
    return sendError(req, reply, 'INTERNAL');
  }
  if (isDatabaseUnavailable(err)) {
    // The transaction was rolled back or its COMMIT's answer was lost; a fresh connection serves the retry.
    req.log.warn({ err }, 'database unavailable');
    return sendError(req, reply.header('retry-after', DATABASE_RETRY_AFTER_S), 'DATABASE_UNAVAILABLE');
  }
  const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status === 413) return sendError(req, reply, 'PAYLOAD_TOO_LARGE');
  if (status === 415) return sendError(req, reply, 'UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return sendError(req, reply, 'RATE_LIMITED');
  if (status >= 400 && status < 500) return sendError(req, reply, 'BAD_REQUEST');
  req.log.error({ err }, 'unhandled error');
  return sendError(req, reply, 'INTERNAL');
}

/** Answers 403 to a state-changing request sent from another site (CSRF defence beside SameSite). */
export function registerOriginCheck(app: FastifyInstance, publicOrigin: string | undefined) {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const fetchSite = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    const own = publicOrigin ?? `${req.protocol}://${req.host}`;
    if (fetchSite === 'cross-site' || (origin !== undefined && origin !== own)) {
      return sendError(req, reply, 'FORBIDDEN_ORIGIN');
    }
  });
}
