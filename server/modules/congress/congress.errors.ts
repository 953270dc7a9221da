// Error codes and field messages of the congress module. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose. Votes,
// proposals and evaluations add theirs in files of their own (vote.errors.ts, …) merged in index.ts.
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const CONGRESS_ERRORS = {
  CONGRESS_BODY_EXISTS: { status: 409, zh: '该组织已有同名职代会', en: 'The org already has a congress of that name' },
  CONGRESS_TERM_EXISTS: { status: 409, zh: '该届次已存在', en: 'That term already exists' },
  CONGRESS_TERM_LENGTH: {
    status: 422,
    zh: '每届任期应为规定年限（默认3至5年）',
    en: 'A term lasts the years the rules allow (3 to 5 by default)',
  },
  CONGRESS_NOT_A_MEMBER: {
    status: 422,
    zh: '职工代表须为本单位（含下级）在册会员',
    en: "A representative must be a current member of the body's org or below it",
  },
  CONGRESS_REPRESENTATIVE_EXISTS: {
    status: 409,
    zh: '该会员已是本届职工代表',
    en: 'That member is already a representative in this term',
  },
  CONGRESS_REPRESENTATIVE_STATE: {
    status: 409,
    zh: '该代表已不在任',
    en: 'That representative no longer serves',
  },
  CONGRESS_NOT_REPRESENTATIVE: {
    status: 403,
    zh: '您不是本届职工代表',
    en: 'You are not a representative in this term',
  },
  CONGRESS_SESSION_STATE: {
    status: 409,
    zh: '该次会议当前状态不允许此操作',
    en: "The session's state does not allow this",
  },
  // Shared by votes and evaluations: only representatives checked in at the session take part.
  CONGRESS_NOT_PRESENT: {
    status: 403,
    zh: '请先签到，签到后才能参加表决和评议',
    en: 'Check in first: only representatives present at the session vote and rate',
  },
  // Shared by evaluations (an item rated once) and proposals (an answer rated once per round).
  CONGRESS_ALREADY_RATED: { status: 409, zh: '您已评价过，不能重复评价', en: 'You have already given this rating' },
  CONGRESS_CHECK_IN_INVALID: {
    status: 422,
    zh: '签到码无效或已过期，请重新扫描会场二维码',
    en: "The check-in code is not valid; scan the venue's code again",
  },
} as const satisfies Record<string, ErrorDef>;

export const CONGRESS_FIELD_MESSAGES = {
  'congress.name': { zh: '请填写名称（1至100字）', en: 'Give a name of 1 to 100 characters' },
  'congress.title': { zh: '请填写标题（1至200字）', en: 'Give a title of 1 to 200 characters' },
  'congress.date': { zh: '请填写日期，格式 YYYY-MM-DD', en: 'Give a date as YYYY-MM-DD' },
  'congress.delegation': { zh: '请填写代表团（组）', en: 'Give the delegation' },
  'congress.category': {
    zh: '代表类别须为一线职工、专业技术人员、管理人员或其他',
    en: 'The category is frontline, technical, manager or other',
  },
} as const satisfies Record<string, Label>;
