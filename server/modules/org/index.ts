// The org module's public surface: what other modules may use, and its manifest.
import { defineModule } from '../../kernel/module.js';
import { ORG_AUDIT_ACTIONS, ORG_AUDIT_TARGETS } from './org.audit.js';
import { ORG_ERRORS, ORG_FIELD_MESSAGES } from './org.errors.js';
import { orgRoutes } from './org.routes.js';
import { getOrg, registerOrgUsage } from './org.service.js';
import { ensureRootOrg, nextOrgId } from './org.repo.js';
import { pathIds } from './tree.js';

export const orgModule = defineModule({
  name: 'org',
  permissions: {
    'org:org:read': { zh: '查看组织机构', en: 'View orgs' },
    'org:org:create': { zh: '新建下级组织', en: 'Create orgs' },
    'org:org:update': { zh: '编辑、关闭组织', en: 'Edit and close orgs' },
    'org:org:move': { zh: '调整组织隶属', en: 'Move orgs' },
    'org:org:delete': { zh: '删除空组织', en: 'Delete empty orgs' },
  },
  errors: ORG_ERRORS,
  fieldMessages: ORG_FIELD_MESSAGES,
  routes: [orgRoutes],
  api: { getOrg, registerOrgUsage, nextOrgId, pathIds, ensureRootOrg },
  auditActions: ORG_AUDIT_ACTIONS,
  auditTargets: ORG_AUDIT_TARGETS,
});

export { orgRef, ORG_TYPES, ORG_LEVELS, type OrgRow } from './org.schema.js';
export { getOrg, registerOrgUsage } from './org.service.js';
export { orgRoutes } from './org.routes.js';
export { ensureRootOrg, nextOrgId } from './org.repo.js';
export { pathIds } from './tree.js';
