// One error type for every rule the server enforces. A service throws AppError(code); the HTTP
// layer maps the code to a status and a message in the caller's language through the table below.
export type Lang = 'zh' | 'en';

export interface ErrorDetail {
  path: string;
  message: string;
}

interface ErrorDef {
  status: number;
  zh: string;
  en: string;
}

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查后重试', en: 'The request has invalid fields' },
  BAD_REQUEST: { status: 400, zh: '请求格式有误', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  INVALID_CODE: { status: 401, zh: '验证码错误或已过期', en: 'The code is wrong or has expired' },
  INVALID_TOTP: { status: 401, zh: '动态口令错误', en: 'The authenticator code is wrong' },
  MFA_REQUIRED: { status: 403, zh: '请先完成二次验证', en: 'Second-factor verification is required' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed attempts; the account is locked for a while' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  FORBIDDEN_ORIGIN: { status: 403, zh: '请求来源不被允许', en: 'Requests from this origin are not allowed' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '数据已被修改，请刷新后重试', en: 'The data changed; reload and try again' },
  ORG_CODE_TAKEN: { status: 409, zh: '组织代码已被使用', en: 'The org code is already in use' },
  ORG_CYCLE: { status: 409, zh: '不能将组织移动到其自身或其下级之下', en: 'An org cannot move under itself or its own subtree' },
  ORG_NOT_EMPTY: { status: 409, zh: '该组织下仍有下级组织或人员，只能关闭，不能删除', en: 'The org is not empty; it can be closed, not deleted' },
  ORG_CLOSED: { status: 409, zh: '该组织已关闭', en: 'The org is closed' },
  ORG_ROOT: { status: 409, zh: '根组织不能移动、关闭或删除', en: 'The root org cannot be moved, closed or deleted' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'The username is already taken' },
  PHONE_TAKEN: { status: 409, zh: '该手机号已被其他账号使用', en: 'The phone number belongs to another account' },
  GRANT_EXISTS: { status: 409, zh: '该授权已存在', en: 'That grant already exists' },
  ROLE_EXCEEDS_OWN: { status: 403, zh: '不能授予超出自身权限的角色', en: 'You cannot grant a role with permissions you do not hold there' },
  WEAK_PASSWORD: { status: 400, zh: '密码不符合安全要求', en: 'The password does not meet the rules' },
  TOTP_NOT_SETUP: { status: 409, zh: '请先生成动态口令密钥', en: 'Start the authenticator setup first' },
  TOTP_REQUIRED: { status: 409, zh: '该角色要求启用动态口令，不能关闭', en: 'Your role requires an authenticator' },
  OTP_TOO_FREQUENT: { status: 429, zh: '验证码发送过于频繁，请稍后再试', en: 'Codes were requested too often; try again later' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  MEMBER_EXISTS: { status: 409, zh: '此人已是工会会员', en: 'This person is already a member' },
  JOIN_PENDING: { status: 409, zh: '已有待审核的入会申请', en: 'A join request is already waiting for review' },
  TRANSFER_OPEN: { status: 409, zh: '该会员已有进行中的关系转接', en: 'This member already has a transfer in progress' },
  NOT_A_MEMBER: { status: 404, zh: '尚未加入工会', en: 'Not a member yet' },
  MEMBER_NOT_ACTIVE: { status: 409, zh: '该会员当前状态不允许此操作', en: "The member's status does not allow this" },
  REQUEST_DECIDED: { status: 409, zh: '该申请已处理', en: 'This request has already been decided' },
  ORG_NOT_GRASSROOTS: { status: 400, zh: '会员只能隶属于基层工会', en: 'Members belong to grassroots unions only' },
  IMPORT_FILE_REJECTED: { status: 400, zh: '文件无法导入', en: 'The file cannot be imported' },
  IMPORT_TOO_LARGE: { status: 413, zh: '文件过大，请拆分后分批导入', en: 'The file is too large; split it' },
  CASE_STATE: { status: 409, zh: '工单当前状态不允许此操作', en: "The case's state does not allow this" },
  CASE_REOPEN_EXPIRED: { status: 409, zh: '办结已超过 7 天，不能重新打开', en: 'More than 7 days since resolution; it cannot be reopened' },
  CASE_ALREADY_RATED: { status: 409, zh: '该工单已评价', en: 'This case has already been rated' },
  CASE_TRANSFER_SAME_ORG: { status: 400, zh: '不能转办给当前承办单位', en: 'The case is already with that org' },
  CASE_ASSIGNEE_INVALID: { status: 400, zh: '该人员不能办理此工单', en: 'That person cannot handle this case' },
  CASE_FILE_TYPE: { status: 415, zh: '只能上传 JPG、PNG、WebP 图片或 PDF 文件', en: 'Only JPG, PNG, WebP images and PDF files can be uploaded' },
  SERVICE_NOT_ELIGIBLE: { status: 403, zh: '您不符合该服务的申请条件', en: 'You are not eligible for this service' },
  SERVICE_INACTIVE: { status: 409, zh: '该服务已停用', en: 'This service is no longer offered' },
  SERVICE_OVERRIDE_EXISTS: { status: 409, zh: '本组织已调整过该服务', en: 'This org already overrides that service' },
  SERVICE_OVERRIDE_INVALID: { status: 400, zh: '只能调整上级组织定义的服务', en: 'Only a service defined by a parent org can be overridden' },
  POST_BACKUP_INVALID: { status: 400, zh: 'B 岗人员须为同一单位可办理工单的其他工作人员', en: 'The backup must be another case handler of the same org' },
  QA_OWN_EDIT: { status: 403, zh: '不能发布自己编辑的内容，请由其他审核人发布', en: 'You cannot publish your own edit; another reviewer must' },
  QA_STATE: { status: 409, zh: '该条目当前状态不允许此操作', en: "The entry's status does not allow this" },
  NO_UNION: { status: 400, zh: '您尚未加入工会，请选择接收的工会组织', en: 'You are not in a union yet; choose the org to send to' },
  VOICE_CLOSED: { status: 409, zh: '该心声已办结', en: 'This item is closed' },
  VOICE_NO_CONSENT: { status: 409, zh: '职工未同意公开，不能公开', en: 'The member did not consent to publishing' },
  VOICE_NOT_REPLIED: { status: 409, zh: '请先回复，再公开', en: 'Reply before publishing' },
  VOICE_HAS_CASE: { status: 409, zh: '该心声已转为工单', en: 'This item has already become a case' },
  ALERT_STATE: { status: 409, zh: '该预警当前状态不允许此操作', en: "The alert's status does not allow this" },
  TOPIC_EXISTS: { status: 409, zh: '本组织已有同名话题', en: 'This org already has a topic with that name' },
  HARDSHIP_STATE: { status: 409, zh: '困难档案当前状态不允许此操作', en: "The hardship file's state does not allow this" },
  HARDSHIP_NO_CONSENT: { status: 409, zh: '该职工尚未同意建立困难档案（或已撤回同意），请先记录本人同意', en: 'The member has not consented to a hardship file (or withdrew consent); record consent first' },
  HARDSHIP_FILE_EXISTS: { status: 409, zh: '该职工已有在档或办理中的困难档案', en: 'The member already has a current hardship file' },
  HARDSHIP_NOT_HELP_CASE: { status: 400, zh: '只有会员本人的帮扶救助工单可以建档', en: 'Only a member\'s 帮扶救助 (hardship help) case can open a file' },
  AID_PROGRAMME_CLOSED: { status: 409, zh: '该帮扶项目已关闭', en: 'This assistance programme is closed' },
  AID_RECORD_STATE: { status: 409, zh: '该帮扶记录当前状态不允许此操作', en: "The assistance record's state does not allow this" },
  AID_BUDGET_EXCEEDED: { status: 409, zh: '超出帮扶项目预算余额', en: "This would exceed the programme's budget" },
  AID_CAP_EXCEEDED: { status: 409, zh: '超出该户本年度在此项目的帮扶上限', en: "This would exceed the household's cap in this programme" },
  AID_NOT_ELIGIBLE: { status: 409, zh: '该户不符合此帮扶项目的条件', en: 'This household is not eligible for the programme' },
  AID_OWN_PROPOSAL: { status: 403, zh: '不能审批自己提出的帮扶，请由工会负责人审批', en: 'You cannot decide on your own proposal; the head of the union must' },
  AID_BUDGET_BELOW_COMMITTED: { status: 409, zh: '预算不能低于已承诺金额', en: 'The budget cannot be less than what is already committed' },
  WISH_STATE: { status: 409, zh: '该心愿当前状态不允许此操作', en: "The wish's state does not allow this" },
  WISH_OWN: { status: 403, zh: '不能认领自己的心愿', en: 'You cannot claim your own wish' },
  // privacy and scope (issue 14: counter intake, hardship consent scope, the member card)
  HARDSHIP_CONSENT_SCOPE: { status: 409, zh: '职工本人的授权范围不包括此项用途，请先记录新的同意', en: "The member's consent does not cover this use; record a new consent first" },
  MEMBER_CARD_INACTIVE: { status: 409, zh: '您已不是在册会员，电子会员卡不可用', en: 'You are no longer a current member; the member card is not available' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error; please try again later' },
  // Staff management (auth, issue 14): an account whose grants reach beyond the officer, or the officer's own.
  STAFF_OUTRANKS: { status: 403, zh: '该账号的授权超出您的管理范围', en: "This account's grants reach beyond what you may manage" },
  STAFF_SELF: { status: 403, zh: '不能通过人员管理修改自己的账号，请到"我的账号"操作', en: 'You cannot change your own account through staff management; use "My account"' },
  // Database faults (issue 14): a lost or refused connection; the request did not complete and may be retried.
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂时不可用，请稍后重试', en: 'The database is temporarily unavailable; please try again shortly' },
  // Member import (issue 14 item 7: error files are deleted after their retention period).
  IMPORT_ERRORS_EXPIRED: { status: 410, zh: '错误行文件已超过保留期限并已删除，如需请重新导入', en: 'The file of bad rows passed its retention period and was deleted; import again if you need it' },
} satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly status: number;

  constructor(code: ErrorCode, details: ErrorDetail[] = []) {
    super(code);
    this.code = code;
    this.details = details;
    this.status = ERRORS[code].status;
  }
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERRORS[code][lang];
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = findPgError(err);
  return !!e && e.code === '23505' && (!constraint || e.constraint === constraint || String(e.message).includes(constraint));
}

/** Node's socket errors that mean the database server is gone or unreachable. */
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres and pg-pool say so in words only (no code). */
const LOST = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/**
 * Whether an error means the connection to PostgreSQL was lost or could not be made: SQLSTATE
 * class 08, 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now), a socket error, or
 * node-postgres's own words. Looks through `cause`, where drizzle puts the driver's error.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const code = 'code' in cur && typeof cur.code === 'string' ? cur.code : '';
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || SOCKET_CODES.has(code)) return true;
    if ('message' in cur && typeof cur.message === 'string' && LOST.test(cur.message)) return true;
    cur = 'cause' in cur ? cur.cause : undefined;
  }
  return false;
}

function findPgError(err: unknown): { code?: string; constraint?: string; message?: string } | undefined {
  // drizzle wraps driver errors in `cause`
  let cur: unknown = err;
  for (let i = 0; i < 3 && cur && typeof cur === 'object'; i++) {
    if ('code' in cur && typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) {
      return cur as { code?: string; constraint?: string; message?: string };
    }
    cur = 'cause' in cur ? cur.cause : undefined;
  }
  return undefined;
}
