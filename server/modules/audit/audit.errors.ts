// Error codes and field messages of the audit module. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { Label } from '../../kernel/errors.js';

export const AUDIT_FIELD_MESSAGES = {
  'time.range': { zh: '开始时间不能晚于结束时间', en: 'The start must not be after the end' },
  'audit.action.unknown': { zh: '没有这种操作类型', en: 'No such action' },
} as const satisfies Record<string, Label>;
