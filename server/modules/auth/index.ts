// The auth module's public surface: accounts, sessions, roles and grants.
import { registerOrgUsage } from '../org/index.js';
import { orgHasStaff } from './staff.service.js';

// An org with staff or grants is in use: it can be closed, not deleted.
registerOrgUsage(orgHasStaff);

export { account, role, staffGrant, session } from './auth.schema.js';
export { authRoutes } from './auth.routes.js';
export { staffRoutes } from './staff.routes.js';
export { loadSession, readSessionCookie, sessionPolicy } from './session.js';
export { syncBuiltinRoles } from './role.service.js';
export { hashPassword, assertPasswordAllowed } from './password.js';
export { orgHasStaff } from './staff.service.js';
export { BUILTIN_ROLES, PERMISSIONS } from './permissions.js';
