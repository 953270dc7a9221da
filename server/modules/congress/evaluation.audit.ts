import type { Label } from '../../kernel/errors.js';

// How the audit log names the staff actions of evaluations, follow-ups and joint meetings.
// Representatives' ratings are not audited: the rating rows are the record.

export const EVALUATION_AUDIT_ACTIONS = {
  'congress_evaluation.create': { zh: '新建民主评议', en: 'Evaluation created' },
  'congress_evaluation.open': { zh: '开始民主评议', en: 'Evaluation opened' },
  'congress_evaluation.close': { zh: '结束民主评议', en: 'Evaluation closed' },
  'congress_followup.create': { zh: '登记评议整改事项', en: 'Evaluation follow-up created' },
  'congress_followup.update': { zh: '更新评议整改事项', en: 'Evaluation follow-up updated' },
  'congress_joint_meeting.create': { zh: '登记联席会议决定', en: 'Joint meeting recorded' },
  'congress_joint_meeting.confirm': { zh: '职代会确认联席会议决定', en: 'Joint meeting confirmed by a session' },
} as const satisfies Record<string, Label>;
