// The policy Q&A module's public surface.
import { count, eq } from 'drizzle-orm';
import { registerOrgUsage } from '../org/index.js';
import { qaEntry } from './qa.schema.js';

// An org with knowledge-base entries cannot be deleted (it can be closed).
registerOrgUsage(async (tx, orgId) => {
  const [row] = await tx.select({ n: count() }).from(qaEntry).where(eq(qaEntry.orgId, orgId));
  return (row?.n ?? 0) > 0;
});

export { qaEntry, QA_CATEGORIES, type QaEntryRow } from './qa.schema.js';
export { qaRoutes } from './qa.routes.js';
export { searchVector } from './qa.service.js';
export { chinaDate, homeChain, memberUnion, pathIds } from './home.js';
