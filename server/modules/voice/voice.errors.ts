// Error codes and field messages of the worker voice and alerts module. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { ErrorDef } from '../../kernel/errors.js';

export const VOICE_ERRORS = {
  NO_UNION: {
    status: 400,
    zh: '您尚未加入工会，请选择接收的工会组织',
    en: 'You are not in a union yet; choose the org to send to',
  },
  VOICE_CLOSED: { status: 409, zh: '该心声已办结', en: 'This item is closed' },
  VOICE_NO_CONSENT: { status: 409, zh: '职工未同意公开，不能公开', en: 'The member did not consent to publishing' },
  VOICE_NOT_REPLIED: { status: 409, zh: '请先回复，再公开', en: 'Reply before publishing' },
  VOICE_HAS_CASE: { status: 409, zh: '该心声已转为工单', en: 'This item has already become a case' },
  ALERT_STATE: { status: 409, zh: '该预警当前状态不允许此操作', en: "The alert's status does not allow this" },
  TOPIC_EXISTS: { status: 409, zh: '本组织已有同名话题', en: 'This org already has a topic with that name' },
} as const satisfies Record<string, ErrorDef>;
