// The org module's public surface: what other modules may use.
export { org, ORG_TYPES, ORG_LEVELS, type OrgRow } from './org.schema.js';
export { getOrg, registerOrgUsage } from './org.service.js';
export { orgRoutes } from './org.routes.js';
export { nextOrgId } from './org.repo.js';
