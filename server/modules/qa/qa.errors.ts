// Error codes and field messages of the policy Q&A module. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { ErrorDef } from '../../kernel/errors.js';

export const QA_ERRORS = {
  QA_OWN_EDIT: {
    status: 403,
    zh: '不能发布自己编辑的内容，请由其他审核人发布',
    en: 'You cannot publish your own edit; another reviewer must',
  },
  QA_STATE: { status: 409, zh: '该条目当前状态不允许此操作', en: "The entry's status does not allow this" },
} as const satisfies Record<string, ErrorDef>;
