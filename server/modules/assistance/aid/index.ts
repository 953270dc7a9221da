// Assistance programmes, records and 微心愿 (aid/): routes and what the other sub-folders use.
import { count, eq, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { registerOrgUsage } from '../../org/index.js';
import { aidRoutes } from './aid.routes.js';
import { aidProgramme, aidRecord, aidWish } from './aid.schema.js';
import { wishRoutes } from './wish.routes.js';

// An org with programmes, assistance records or wishes is in use: it can be closed, not deleted.
registerOrgUsage(async (tx, orgId) => {
  const [p] = await tx.select({ n: count() }).from(aidProgramme).where(eq(aidProgramme.orgId, orgId));
  const [r] = await tx
    .select({ n: count() })
    .from(aidRecord)
    .where(or(eq(aidRecord.orgId, orgId), eq(aidRecord.programmeOrgId, orgId)));
  const [w] = await tx.select({ n: count() }).from(aidWish).where(eq(aidWish.orgId, orgId));
  return (p?.n ?? 0) + (r?.n ?? 0) + (w?.n ?? 0) > 0;
});

export async function aidAllRoutes(app: FastifyInstance): Promise<void> {
  await app.register(aidRoutes);
  await app.register(wishRoutes);
}

export { assistanceHistory, assistanceForFile, type AssistanceHistoryItem } from './record.service.js';
export { aidProgramme, aidRecord, aidWish, aidHouseholdTotal, PROGRAMME_KINDS } from './aid.schema.js';
export { aidTodo } from './workbench.js';
