// Error codes and field messages of the member module: roster, join/transfer/correction workflows, import, card. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { ErrorDef, Label, Lang } from '../../kernel/errors.js';
import { fieldMessage } from '../../kernel/http.js';

export const MEMBER_ERRORS = {
  MEMBER_EXISTS: { status: 409, zh: '此人已是工会会员', en: 'This person is already a member' },
  JOIN_PENDING: { status: 409, zh: '已有待审核的入会申请', en: 'A join request is already waiting for review' },
  TRANSFER_OPEN: {
    status: 409,
    zh: '该会员已有进行中的关系转接',
    en: 'This member already has a transfer in progress',
  },
  NOT_A_MEMBER: { status: 404, zh: '尚未加入工会', en: 'Not a member yet' },
  MEMBER_NOT_ACTIVE: { status: 409, zh: '该会员当前状态不允许此操作', en: "The member's status does not allow this" },
  REQUEST_DECIDED: { status: 409, zh: '该申请已处理', en: 'This request has already been decided' },
  ORG_NOT_GRASSROOTS: { status: 400, zh: '会员只能隶属于基层工会', en: 'Members belong to grassroots unions only' },
  IMPORT_FILE_REJECTED: { status: 400, zh: '文件无法导入', en: 'The file cannot be imported' },
  IMPORT_TOO_LARGE: { status: 413, zh: '文件过大，请拆分后分批导入', en: 'The file is too large; split it' },
  MEMBER_CARD_INACTIVE: {
    status: 409,
    zh: '您已不是在册会员，电子会员卡不可用',
    en: 'You are no longer a current member; the member card is not available',
  },
  IMPORT_ERRORS_EXPIRED: {
    status: 410,
    zh: '错误行文件已超过保留期限并已删除，如需请重新导入',
    en: 'The file of bad rows passed its retention period and was deleted; import again if you need it',
  },
} as const satisfies Record<string, ErrorDef>;

export const MEMBER_FIELD_MESSAGES = {
  'phone.invalid': { zh: '请输入正确的手机号码', en: 'Enter a valid mainland mobile number' },
  'idNumber.format': {
    zh: '身份证号应为 18 位，前 17 位为数字，末位为数字或 X',
    en: 'An ID number has 17 digits and a final digit or X',
  },
  'idNumber.province': { zh: '身份证号的地区代码无效', en: 'The ID number has no valid region code' },
  'idNumber.birthDate': { zh: '身份证号中的出生日期无效', en: 'The birth date in the ID number is not valid' },
  'idNumber.checkDigit': { zh: '身份证号校验位不正确，请核对', en: 'The check digit of the ID number is wrong' },
  'name.invalid': { zh: '请输入真实姓名（2-30 个字）', en: 'Enter the real name (2-30 characters)' },
  'date.invalid': { zh: '请输入有效日期（YYYY-MM-DD）', en: 'Enter a valid date (YYYY-MM-DD)' },
  'date.future': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'reason.required': { zh: '请填写原因', en: 'Give a reason' },
  'MEMBER_EXISTS.inScope': {
    zh: '此人已是会员，可在花名册中查看该记录',
    en: 'Already a member; see the record in the roster',
  },
  'import.unreadable': {
    zh: '这一格的文字没有读取完整（含无法识别的字符），请核对后重新导入该行',
    en: 'This cell could not be read intact (it holds an unreadable character); check it and import the row again',
  },
  'MEMBER_EXISTS.self': { zh: '您已是工会会员，无需再次申请', en: 'You are already a member' },
  'MEMBER_EXISTS.elsewhere': {
    zh: '此人已是其他工会的会员，请通过会员关系转接办理',
    en: 'Already a member of another union; use a transfer',
  },
  ORG_NOT_GRASSROOTS: { zh: '请选择基层工会', en: 'Choose a grassroots union' },
  'import.required': { zh: '此项为必填项', en: 'This field is required' },
  'import.invalid': { zh: '内容无效', en: 'Invalid value' },
  'import.tooLong': { zh: '内容过长（最多 {n} 个字）', en: 'Too long (at most {n} characters)' },
  'import.idNumberAsNumber': {
    zh: '身份证号被 Excel 存成了数字，末几位已丢失；请将该列设为文本格式后重新填写',
    en: 'Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again',
  },
  'import.gender.invalid': { zh: '性别请填写“男”或“女”', en: 'Enter 男 or 女' },
  'import.gender.mismatch': {
    zh: '性别与身份证号不符，身份证号显示为{n}',
    en: 'The gender does not match the ID number ({n})',
  },
  'import.householdType': { zh: '户籍类型请填写：城镇、农村或农村（农民工）', en: 'Use 城镇, 农村 or 农村（农民工）' },
  'import.jobType': {
    zh: '就业形态请填写：普通职工、快递员、外卖骑手、货车司机、网约车司机或其他新就业形态',
    en: 'Use one of the listed employment types',
  },
  'import.union.unknown': {
    zh: '找不到该工会，请填写基层工会的代码或完整名称',
    en: "No such union; give a grassroots union's code or full name",
  },
  'import.union.ambiguous': { zh: '有多个同名工会，请改填工会代码', en: 'Several unions have this name; use the code' },
  'import.union.outOfScope': { zh: '该工会不在您的管理范围内', en: 'This union is outside your scope' },
  'import.union.closed': { zh: '该工会已关闭', en: 'This union is closed' },
  'import.duplicateInFile': { zh: '身份证号与本文件第 {n} 行重复', en: 'Same ID number as line {n} of this file' },
  'import.cardTaken': { zh: '该会员卡号已被其他会员使用', en: 'This card number belongs to another member' },
  'import.cardDuplicate': { zh: '会员卡号与本文件第 {n} 行重复', en: 'Same card number as line {n} of this file' },
  'import.file.missing': { zh: '请选择要导入的文件（字段 file）', en: 'Attach the file (field "file")' },
  'import.file.notSupported': {
    zh: '只能导入 .xlsx 工作簿或 CSV 文件',
    en: 'Only .xlsx workbooks and CSV files can be imported',
  },
  'import.file.broken': {
    zh: '文件已损坏或格式不正确，请用 Excel 另存为 .xlsx 后再试',
    en: 'The file is damaged or malformed; save it again as .xlsx',
  },
  'import.file.tooLarge': { zh: '文件内容过大，请拆分后分批导入', en: 'The file holds too much; split it' },
  'import.file.noHeader': {
    zh: '找不到表头行，请使用导入模板（首行为列名）',
    en: 'No header row found; use the template (column names first)',
  },
  'import.file.tooManyRows': { zh: '超过 {n} 行，请拆分后分批导入', en: 'More than {n} rows; split the file' },
  'import.file.missingColumns': { zh: '缺少必填列：{n}', en: 'Required columns missing: {n}' },
  'import.errorsCapped': {
    zh: '共 {total} 行有错误，本文件只列出前 {n} 行；请改正这些行后重新导入，其余错误行会再次列出',
    en: '{total} rows have faults; this file lists the first {n}. Correct them and import again to see the rest',
  },
  'import.file.mostlyBad': {
    zh: '错误行已超过 {n} 行，且多于正确的行：请确认文件按导入模板填写、各列与表头对应后重新导入',
    en: 'More than {n} rows have faults, more than are right: check the file follows the template, columns under their headers, and import again',
  },
  'import.otherUnion': {
    zh: '此人已是其他工会的会员，请通过会员关系转接办理',
    en: 'This person is already a member of another union; use a membership transfer',
  },
} as const satisfies Record<string, Label>;
const OWN: Readonly<Record<string, Label | undefined>> = MEMBER_FIELD_MESSAGES;

/**
 * A member field message, found here first: the import's row checks and error file run in
 * worker threads and unit tests that never load MODULES (where the HTTP layer's table is filled).
 */
export function memberFieldMessage(key: string, lang: Lang): string {
  return OWN[key]?.[lang] ?? fieldMessage(key, lang);
}
