// Error codes and field messages of proposals (提案) and duty records (履职). Part of the API
// contract (congress-api.md, Part C): the web apps and tests match on them.
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const PROPOSAL_ERRORS = {
  CONGRESS_PROPOSAL_STATE: {
    status: 409,
    zh: '该提案当前状态不允许此操作',
    en: "The proposal's state does not allow this",
  },
  CONGRESS_RETURN_WINDOW: {
    status: 409,
    zh: '已超过退回期限，不能再退回该提案',
    en: 'The window to return this assignment has passed',
  },
  CONGRESS_COSIGNER_INVALID: {
    status: 422,
    zh: '附议人须为本届其他在任职工代表，且不得重复',
    en: 'A co-signer must be another serving representative of the same term, named once',
  },
  CONGRESS_COSIGNERS_TOO_FEW: {
    status: 422,
    zh: '邀请的附议人少于规定人数',
    en: 'Fewer co-signers are invited than the rules require',
  },
  CONGRESS_COSIGN_ANSWERED: {
    status: 409,
    zh: '您已答复过该附议邀请',
    en: 'You have already answered this co-sign request',
  },
  CONGRESS_DUTY_RECORD_INVALID: {
    status: 422,
    zh: '所引用的履职记录不是您本届的记录',
    en: 'The duty record is not one of yours in this term',
  },
  CONGRESS_DEPARTMENT_NOT_ASSIGNED: {
    status: 422,
    zh: '该部门不是本轮的承办部门',
    en: 'That department does not handle the proposal in this round',
  },
  CONGRESS_ALREADY_ANSWERED: {
    status: 409,
    zh: '该部门本轮已答复',
    en: 'That department has already answered this round',
  },
  CONGRESS_NOT_RATER: {
    status: 403,
    zh: '只有提案人和附议人可以评价',
    en: 'Only the proposer and the co-signers rate',
  },
} as const satisfies Record<string, ErrorDef>;

export const PROPOSAL_FIELD_MESSAGES = {
  'congress.proposalTitle': { zh: '请填写提案标题（1至200字）', en: 'Give a title of 1 to 200 characters' },
  'congress.proposalBody': { zh: '请填写提案内容（1至20000字）', en: 'Give the proposal of 1 to 20,000 characters' },
  'congress.proposalReason': { zh: '请填写理由（1至2000字）', en: 'Give the reason in 1 to 2,000 characters' },
  'congress.department': { zh: '请填写承办部门（1至100字）', en: 'Give the department in 1 to 100 characters' },
  'congress.answer': { zh: '请填写答复内容（1至20000字）', en: 'Give the answer in 1 to 20,000 characters' },
  'congress.comment': { zh: '评价意见最多2000字', en: 'A comment has at most 2,000 characters' },
  'congress.summary': { zh: '请填写履职情况（1至5000字）', en: 'Give a summary of 1 to 5,000 characters' },
  'congress.dutyKind': {
    zh: '履职类型须为走访、收集意见或视察检查',
    en: 'The kind is visit, opinion or inspection',
  },
  'congress.rating': { zh: '评价须为满意、基本满意或不满意', en: 'The rating is satisfied, basic or unsatisfied' },
  'congress.decision': { zh: '审查结论须为立案、转意见建议或不立案', en: 'The decision is accept, convert or reject' },
  'congress.reportFormat': {
    zh: '报告格式目前仅支持 xlsx',
    en: 'The report is available as xlsx only',
  },
  'congress.departmentTwice': { zh: '同一部门不能重复交办', en: 'A department is named once' },
} as const satisfies Record<string, Label>;
