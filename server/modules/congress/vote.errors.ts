// Error codes and field messages of congress votes (表决). Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them).
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const VOTE_ERRORS = {
  CONGRESS_NO_QUORUM: {
    status: 409,
    zh: '到会代表不足全体代表的三分之二，不能表决',
    en: 'Fewer than two thirds of all representatives are present: no vote can be taken',
  },
  CONGRESS_MOTION_STATE: {
    status: 409,
    zh: '该表决事项当前状态不允许此操作',
    en: "The motion's state does not allow this",
  },
  CONGRESS_ALREADY_VOTED: { status: 409, zh: '您已投票，不能重复投票', en: 'You have already voted' },
  CONGRESS_NOT_ON_ROLL: {
    status: 403,
    zh: '您不在本项表决的代表名册中',
    en: 'You are not on the roll of this vote',
  },
  CONGRESS_RESULTS_HIDDEN: {
    status: 409,
    zh: '表决结束前不公布结果',
    en: 'Results are published when the vote closes',
  },
  CONGRESS_COUNTS_MISMATCH: {
    status: 422,
    zh: '计票数据不一致，请核对',
    en: 'The counts do not add up',
  },
} as const satisfies Record<string, ErrorDef>;

export const VOTE_FIELD_MESSAGES = {
  'congress.vote.method': {
    zh: '表决方式须为电子无记名投票、纸质无记名投票或举手表决',
    en: 'The method is secret_electronic, secret_paper or open',
  },
  'congress.vote.choice': { zh: '请选择赞成、反对或弃权', en: 'Choose for, against or abstain' },
  'congress.vote.count': { zh: '请填写0至100000的整数', en: 'Give a whole number from 0 to 100000' },
  'congress.vote.countsSum': {
    zh: '赞成、反对、弃权、无效票数之和应等于收回票数',
    en: 'For, against, abstain and invalid must add up to the ballots returned',
  },
  'congress.vote.countsMissing': {
    zh: '请先录入计票结果再结束表决',
    en: 'Enter the counts before closing the vote',
  },
  'congress.vote.description': { zh: '说明最多2000字', en: 'At most 2000 characters' },
} as const satisfies Record<string, Label>;
