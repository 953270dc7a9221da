// The policy Q&A module's public surface, and its manifest.
import { count, eq } from 'drizzle-orm';
import { defineModule } from '../../kernel/module.js';
import { QA_AUDIT_ACTIONS, QA_AUDIT_TARGETS } from './qa.audit.js';
import { seedDemoQa } from '../../seed/demo-qa.js';
import { registerOrgUsage } from '../org/index.js';
import { QA_ERRORS } from './qa.errors.js';
import { qaRoutes } from './qa.routes.js';
import { qaEntry } from './qa.schema.js';
import { searchVector } from './qa.service.js';

// An org with knowledge-base entries cannot be deleted (it can be closed).
registerOrgUsage(async (tx, orgId) => {
  const [row] = await tx.select({ n: count() }).from(qaEntry).where(eq(qaEntry.orgId, orgId));
  return (row?.n ?? 0) > 0;
});

export const qaModule = defineModule({
  name: 'qa',
  permissions: {
    'qa:entry:read': { zh: '查看政策知识库（含草稿）', en: 'View the knowledge base, drafts included' },
    'qa:entry:edit': { zh: '编辑政策知识库', en: 'Edit the knowledge base' },
    'qa:entry:publish': { zh: '审核发布政策知识库', en: 'Review and publish knowledge-base entries' },
  },
  errors: QA_ERRORS,
  routes: [qaRoutes],
  seed: async ({ tx, deps, orgs }) =>
    void (await seedDemoQa(tx, deps, { province: orgs.get('province') ?? 0, city: orgs.get('city') ?? 0 })),
  api: { searchVector },
  auditActions: QA_AUDIT_ACTIONS,
  auditTargets: QA_AUDIT_TARGETS,
});

export { QA_CATEGORIES, type QaEntryRow } from './qa.schema.js';
export { qaRoutes } from './qa.routes.js';
export { searchVector } from './qa.service.js';
