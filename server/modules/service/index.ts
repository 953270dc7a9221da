// The service module's public surface: the catalog, cases, AB posts, the inbox; and its manifest.
import { count, eq, or } from 'drizzle-orm';
import { shrinkIfSparse } from '../../kernel/db.js';
import { defineModule } from '../../kernel/module.js';
import { seedDemoServices } from '../../seed/demo-services.js';
import { registerOrgUsage } from '../org/index.js';
import { loadCase } from './case.access.js';
import { openCase } from './case.open.js';
import { caseRoutes } from './case.routes.js';
import { catalogRoutes } from './catalog.routes.js';
import { compactCaseTally } from './figures.js';
import { readUpload } from './files.js';
import { caseFileRoutes } from './files.routes.js';
import { toInbox } from './notify.js';
import { inboxRoutes } from './inbox.routes.js';
import { postRoutes } from './posts.routes.js';
import { seedCaseStep } from './seed-step.js';
import { SERVICE_ERRORS, SERVICE_FIELD_MESSAGES } from './service.errors.js';
import { service, serviceCase } from './service.schema.js';
import { sweepCases } from './sweep.js';
import { transferTargetRoutes } from './targets.routes.js';
import { serviceWorkbench } from './workbench.js';

// An org that defines services or handles cases is in use: it can be closed, not deleted.
registerOrgUsage(async (tx, orgId) => {
  const [s] = await tx
    .select({ n: count() })
    .from(service)
    .where(or(eq(service.orgId, orgId), eq(service.handlingOrgId, orgId)));
  const [c] = await tx.select({ n: count() }).from(serviceCase).where(eq(serviceCase.handlingOrgId, orgId));
  return (s?.n ?? 0) + (c?.n ?? 0) > 0;
});

export const serviceModule = defineModule({
  name: 'service',
  permissions: {
    'service:case:read': { zh: '查看服务工单和统计', en: 'View service cases and figures' },
    'service:case:handle': { zh: '登记、受理、办理、转办服务工单', en: 'Register, accept, handle and transfer cases' },
    'service:case:supervise': { zh: '督办、回访、设置 AB 岗', en: 'Supervise cases, call back, set AB posts' },
    'service:catalog:manage': { zh: '管理服务目录', en: 'Manage the service catalog' },
  },
  errors: SERVICE_ERRORS,
  fieldMessages: SERVICE_FIELD_MESSAGES,
  routes: [catalogRoutes, caseRoutes, caseFileRoutes, postRoutes, transferTargetRoutes, inboxRoutes],
  // Minute by minute: overdue cases, AB cover, folding case_tally.
  loops: [
    {
      name: 'service sweep',
      intervalMs: 60_000,
      run: async (deps) => {
        await sweepCases(deps);
        await compactCaseTally(deps.db);
        await shrinkIfSparse(deps.database, 'case_tally');
      },
    },
  ],
  // Cases need members: the service demo comes with them.
  seed: async ({ tx, deps, orgs, members }) => {
    if (members > 0) await seedDemoServices(tx, deps, orgs);
  },
  api: { openCase, loadCase, sweepCases, seedCaseStep, toInbox, readUpload },
  workbench: serviceWorkbench,
});

export { openCase, type OpenCaseInput } from './case.open.js';
export { loadCase } from './case.access.js';
export { sweepCases } from './sweep.js';
export {
  CATEGORIES,
  CHANNELS,
  CASE_STATES,
  service,
  serviceCase,
  inboxMessage,
  type CaseState,
  type FormField,
} from './service.schema.js';
export { seedCaseStep } from './seed-step.js';
export { toInbox } from './notify.js';
export { readUpload, MAX_FILE_BYTES } from './files.js';
