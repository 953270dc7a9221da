// Error codes and field messages of the org module. Codes, statuses and texts are part of the
// API contract (the web apps and tests match on them): change them only on purpose.
import type { ErrorDef, Label } from '../../kernel/errors.js';

export const ORG_ERRORS = {
  ORG_CODE_TAKEN: { status: 409, zh: '组织代码已被使用', en: 'The org code is already in use' },
  ORG_CYCLE: {
    status: 409,
    zh: '不能将组织移动到其自身或其下级之下',
    en: 'An org cannot move under itself or its own subtree',
  },
  ORG_NOT_EMPTY: {
    status: 409,
    zh: '该组织下仍有下级组织或人员，只能关闭，不能删除',
    en: 'The org is not empty; it can be closed, not deleted',
  },
  ORG_CLOSED: { status: 409, zh: '该组织已关闭', en: 'The org is closed' },
  ORG_ROOT: { status: 409, zh: '根组织不能移动、关闭或删除', en: 'The root org cannot be moved, closed or deleted' },
} as const satisfies Record<string, ErrorDef>;

export const ORG_FIELD_MESSAGES = {
  'code.invalid': { zh: '代码只能包含字母、数字、连字符和下划线', en: 'Use letters, digits, - and _ only' },
  'parent.required': { zh: '请选择上级组织', en: 'Choose a parent org' },
  'settings.tooLarge': { zh: '设置内容过大', en: 'Settings are too large' },
} as const satisfies Record<string, Label>;
