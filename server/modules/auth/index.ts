// The auth module's public surface: accounts, sessions, roles and grants, and its manifest.
import { defineModule } from '../../kernel/module.js';
import { AUTH_AUDIT_ACTIONS, AUTH_AUDIT_TARGETS } from './auth.audit.js';
import { registerOrgUsage } from '../org/index.js';
import {
  accountPhoneHash,
  createMemberAccount,
  createMerchantAccount,
  findAccountContact,
  registerMerchantLookup,
  staffActor,
  usernameTaken,
} from './account.lookup.js';
import { AUTH_ERRORS, AUTH_FIELD_MESSAGES } from './auth.errors.js';
import { authRoutes } from './auth.routes.js';
import { holdsPermission, staffWith } from './grants.js';
import { hashPassword, assertPasswordAllowed } from './password.js';
import { loadSession, readSessionCookie, sessionPolicy } from './session.js';
import { syncBuiltinRoles } from './role.service.js';
import { staffRoutes } from './staff.routes.js';
import { orgHasStaff } from './staff.service.js';

// An org with staff or grants is in use: it can be closed, not deleted.
registerOrgUsage(orgHasStaff);

export const authModule = defineModule({
  name: 'auth',
  permissions: {
    'staff:account:read': { zh: '查看工作人员', en: 'View staff' },
    'staff:account:create': { zh: '新建工作人员', en: 'Create staff' },
    'staff:account:update': { zh: '编辑、停用、解锁工作人员', en: 'Edit, disable and unlock staff' },
    'staff:grant:manage': { zh: '授予和撤销角色', en: 'Grant and revoke roles' },
    'staff:role:manage': { zh: '管理角色设置', en: 'Manage role settings' },
  },
  errors: AUTH_ERRORS,
  fieldMessages: AUTH_FIELD_MESSAGES,
  routes: [authRoutes, staffRoutes],
  api: {
    holdsPermission,
    staffWith,
    loadSession,
    readSessionCookie,
    sessionPolicy,
    syncBuiltinRoles,
    hashPassword,
    assertPasswordAllowed,
    orgHasStaff,
    findAccountContact,
    accountPhoneHash,
    createMemberAccount,
    staffActor,
    createMerchantAccount,
    registerMerchantLookup,
    usernameTaken,
  },
  auditActions: AUTH_AUDIT_ACTIONS,
  auditTargets: AUTH_AUDIT_TARGETS,
});

export { accountRef, ACCOUNT_KINDS, type AccountKind } from './auth.schema.js';
export {
  findAccountContact,
  accountPhoneHash,
  createMemberAccount,
  staffActor,
  createMerchantAccount,
  registerMerchantLookup,
  usernameTaken,
  type NewMerchantAccount,
} from './account.lookup.js';
export { authRoutes } from './auth.routes.js';
export { staffRoutes } from './staff.routes.js';
export { loadSession, readSessionCookie, sessionPolicy } from './session.js';
export { syncBuiltinRoles } from './role.service.js';
export { hashPassword, assertPasswordAllowed } from './password.js';
export { orgHasStaff } from './staff.service.js';
export { holdsPermission, staffWith } from './grants.js';
export { BUILTIN_ROLES, permissionCatalogue } from './permissions.js';
