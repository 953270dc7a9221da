// The member module's public surface.
import { count, eq } from 'drizzle-orm';
import { registerOrgUsage } from '../org/index.js';
import { member } from './member.schema.js';

// An org with members cannot be deleted (it can be closed).
registerOrgUsage(async (tx, orgId) => {
  const [row] = await tx.select({ n: count() }).from(member).where(eq(member.orgId, orgId));
  return (row?.n ?? 0) > 0;
});

export { member, memberEvent, joinRequest, transfer, correction, JOB_TYPES, MEMBER_STATUSES, type MemberRow } from './member.schema.js';
export { memberRoutes } from './member.routes.js';
export { memberWorkflowRoutes } from './workflow.routes.js';
export { memberSelfRoutes } from './me.routes.js';
export { memberImportRoutes } from './import.routes.js';
export { idNumberProblem, idFacts, makeIdNumber, normaliseIdNumber } from './id-number.js';
export { identityColumns } from './member.service.js';
export { cardMemberId } from './card.service.js';
export { PHONE, ZDate } from './member.fields.js';
