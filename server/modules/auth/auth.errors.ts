// Error codes and field messages of the auth module: sign-in, accounts, staff management, passwords. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const AUTH_ERRORS = {
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  INVALID_CODE: { status: 401, zh: '验证码错误或已过期', en: 'The code is wrong or has expired' },
  INVALID_TOTP: { status: 401, zh: '动态口令错误', en: 'The authenticator code is wrong' },
  MFA_REQUIRED: { status: 403, zh: '请先完成二次验证', en: 'Second-factor verification is required' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed attempts; the account is locked for a while',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'The username is already taken' },
  PHONE_TAKEN: { status: 409, zh: '该手机号已被其他账号使用', en: 'The phone number belongs to another account' },
  GRANT_EXISTS: { status: 409, zh: '该授权已存在', en: 'That grant already exists' },
  ROLE_EXCEEDS_OWN: {
    status: 403,
    zh: '不能授予超出自身权限的角色',
    en: 'You cannot grant a role with permissions you do not hold there',
  },
  WEAK_PASSWORD: { status: 400, zh: '密码不符合安全要求', en: 'The password does not meet the rules' },
  TOTP_NOT_SETUP: { status: 409, zh: '请先生成动态口令密钥', en: 'Start the authenticator setup first' },
  TOTP_REQUIRED: { status: 409, zh: '该角色要求启用动态口令，不能关闭', en: 'Your role requires an authenticator' },
  OTP_TOO_FREQUENT: {
    status: 429,
    zh: '验证码发送过于频繁，请稍后再试',
    en: 'Codes were requested too often; try again later',
  },
  STAFF_OUTRANKS: {
    status: 403,
    zh: '该账号的授权超出您的管理范围',
    en: "This account's grants reach beyond what you may manage",
  },
  STAFF_SELF: {
    status: 403,
    zh: '不能通过人员管理修改自己的账号，请到"我的账号"操作',
    en: 'You cannot change your own account through staff management; use "My account"',
  },
} as const satisfies Record<string, ErrorDef>;

export const AUTH_FIELD_MESSAGES = {
  'username.invalid': {
    zh: '用户名为 3-32 位字母、数字、点、连字符或下划线',
    en: 'Use 3-32 letters, digits, dots, - or _',
  },
  'otp.invalid': { zh: '请输入 6 位数字验证码', en: 'Enter the 6-digit code' },
  'login.shape': {
    zh: '请提供用户名和密码，或手机号和密码/验证码',
    en: 'Give a username and password, or a phone with a password or code',
  },
  'password.tooShort': { zh: '密码至少 8 位', en: 'At least 8 characters' },
  'password.tooLong': { zh: '密码最多 128 位', en: 'At most 128 characters' },
  'password.common': { zh: '密码过于常见，容易被猜到', en: 'This password is too common' },
  'password.containsUsername': { zh: '密码不能包含用户名', en: 'The password must not contain the username' },
  'password.containsPhone': { zh: '密码不能包含手机号', en: 'The password must not contain the phone number' },
  'password.wrong': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'password.currentRequired': { zh: '请输入当前密码', en: 'Enter the current password' },
  'password.weak': {
    zh: '密码强度不足，容易被猜到：请加长，避免常见词、键盘顺序、重复字符和日期',
    en: 'Too easy to guess: make it longer and avoid common words, keyboard runs, repeats and dates',
  },
  'password.classes': {
    zh: '工作人员密码至少包含大写字母、小写字母、数字、符号中的三类',
    en: 'Staff passwords need three of: upper-case letters, lower-case letters, digits, symbols',
  },
} as const satisfies Record<string, Label>;
