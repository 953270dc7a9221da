// Error codes and field messages of evaluations (民主评议), follow-ups, joint meetings (联席会议)
// and the 厂务公开 page. CONGRESS_NOT_PRESENT and CONGRESS_ALREADY_RATED are the module's shared
// codes (congress.errors.ts).
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const EVALUATION_ERRORS = {
  CONGRESS_EVALUATION_STATE: {
    status: 409,
    zh: '该评议当前状态不允许此操作',
    en: "The evaluation's state does not allow this",
  },
  CONGRESS_EVALUATION_ITEM: {
    status: 422,
    zh: '评议项不属于该评议',
    en: 'That item does not belong to this evaluation',
  },
  CONGRESS_FOLLOWUP_SOURCE: {
    status: 422,
    zh: '整改事项须来自该评议项的评价意见',
    en: 'A follow-up must come from a rating of that item',
  },
  CONGRESS_REPORT_SESSION: {
    status: 422,
    zh: '请选择本届其后召开的会议',
    en: 'Choose a later session of the same term',
  },
  CONGRESS_JOINT_SESSION: {
    status: 422,
    zh: '联席会议决定须由本届其后召开的职代会确认',
    en: 'A joint meeting is confirmed by a later session of the same term',
  },
  CONGRESS_JOINT_DATE: {
    status: 422,
    zh: '联席会议日期须在本届任期内',
    en: 'A joint meeting is held within the term',
  },
  CONGRESS_JOINT_CONFIRMED: {
    status: 409,
    zh: '该联席会议决定已经确认',
    en: 'That joint meeting is already confirmed',
  },
} as const satisfies Record<string, ErrorDef>;

export const EVALUATION_FIELD_MESSAGES = {
  'congress.evaluationItems': {
    zh: '请填写1至50个评议项，每项1至200字，不得重复',
    en: 'Give 1 to 50 distinct items of 1 to 200 characters',
  },
  'congress.rating': {
    zh: '评价须为满意、基本满意、不满意或不了解',
    en: 'The rating is satisfied, basic, unsatisfied or unknown',
  },
  'congress.ratings': {
    zh: '请对1至50个评议项各评价一次',
    en: 'Rate 1 to 50 items, each once',
  },
  'congress.comment': { zh: '意见不超过1000字', en: 'A comment has at most 1,000 characters' },
  'congress.owner': { zh: '请填写责任部门（1至100字）', en: 'Give the owner department (1 to 100 characters)' },
  'congress.note': { zh: '请填写整改事项（1至2000字）', en: 'Describe the follow-up (1 to 2,000 characters)' },
  'congress.result': { zh: '整改结果不超过2000字', en: 'The result has at most 2,000 characters' },
  'congress.topic': { zh: '请填写议题（1至200字）', en: 'Give the topic (1 to 200 characters)' },
  'congress.decisions': { zh: '请填写决定事项（1至5000字）', en: 'Give the decisions (1 to 5,000 characters)' },
} as const satisfies Record<string, Label>;
