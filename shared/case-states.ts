// One name per case state (服务工单), for the member, the staff and the exports alike: the member's
// 我的办件, the console's queues and the .xlsx export all read these pairs [中文, English]. Staff
// wording wins (待受理, not 已提交): a case waits for the union to take it up, whoever looks at it.
// The keys are the server's CASE_STATES: server/modules/service/export.ts fails the type check
// when a state has no label here.

export const CASE_STATE_LABELS = {
  submitted: ['待受理', 'Submitted'],
  accepted: ['已受理', 'Accepted'],
  in_progress: ['办理中', 'In progress'],
  resolved: ['已办结', 'Resolved'],
  rejected: ['不予受理', 'Rejected'],
  withdrawn: ['已撤回', 'Withdrawn'],
  transferred: ['转办待受理', 'Transferred'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

const byState = new Map<string, readonly [string, string]>(Object.entries(CASE_STATE_LABELS));

/** The label of a state in a language; the code itself for a state this copy does not know yet. */
export function caseStateLabel(state: string, lang: 'zh' | 'en' = 'zh'): string {
  return byState.get(state)?.[lang === 'zh' ? 0 : 1] ?? state;
}
