// The service module's public surface: the catalog, cases, AB posts, the inbox.
import { count, eq, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Pump } from '../../kernel/pump.js';
import { shrinkIfSparse } from '../../kernel/db.js';
import { registerOrgUsage } from '../org/index.js';
import { catalogRoutes } from './catalog.routes.js';
import { caseFileRoutes } from './files.routes.js';
import { caseRoutes } from './case.routes.js';
import { postRoutes } from './posts.routes.js';
import { transferTargetRoutes } from './targets.routes.js';
import { service, serviceCase } from './service.schema.js';
import { sweepCases } from './sweep.js';
import { compactCaseTally } from './figures.js';

// An org that defines services or handles cases is in use: it can be closed, not deleted.
registerOrgUsage(async (tx, orgId) => {
  const [s] = await tx.select({ n: count() }).from(service).where(or(eq(service.orgId, orgId), eq(service.handlingOrgId, orgId)));
  const [c] = await tx.select({ n: count() }).from(serviceCase).where(eq(serviceCase.handlingOrgId, orgId));
  return (s?.n ?? 0) + (c?.n ?? 0) > 0;
});

/** All HTTP routes of the module, and (outside tests) the minute-by-minute sweep: overdue cases, AB cover, folding case_tally. */
export async function serviceRoutes(app: FastifyInstance): Promise<void> {
  await app.register(catalogRoutes);
  await app.register(caseRoutes);
  await app.register(caseFileRoutes);
  await app.register(postRoutes);
  await app.register(transferTargetRoutes);
  const { deps } = app;
  if (deps.config.env === 'test') return;
  const pump = new Pump(async () => {
    await sweepCases(deps);
    await compactCaseTally(deps.db);
    await shrinkIfSparse(deps.database, 'case_tally');
  }, (err) => app.log.error({ err }, 'service sweep failed'));
  app.addHook('onReady', async () => pump.start(60_000));
  app.addHook('onClose', async () => pump.stop());
}

export { openCase, type OpenCaseInput } from './case.open.js';
export { loadCase } from './case.access.js';
export { sweepCases } from './sweep.js';
export { CATEGORIES, CHANNELS, CASE_STATES, service, serviceCase, inboxMessage, type FormField } from './service.schema.js';
export { seedCaseStep } from './seed-step.js';
export { toInbox } from './notify.js';
export { readUpload, MAX_FILE_BYTES } from './files.js';
