// Precise identification (精准识别): the list, its rules, member situations, the recompute job.
import { sql } from 'drizzle-orm';
import { rows } from '../../../kernel/db.js';
import { registerOrgUsage } from '../../org/index.js';

// An org with identification rules of its own, or rows still filed under it (candidates,
// dismissals, visits of members who have since moved), cannot be deleted (it can be closed).
registerOrgUsage(async (tx, orgId) => {
  const [row] = await rows<{ used: boolean }>(
    tx,
    sql`select exists (select 1 from identify_rule where org_id = ${orgId})
    or exists (select 1 from identify_candidate where org_id = ${orgId}) or exists (select 1 from identify_dismissal where org_id = ${orgId})
    or exists (select 1 from identify_visit where org_id = ${orgId}) as used`,
  );
  return row?.used === true;
});

export { identifyRoutes, runRecompute, RECOMPUTE_JOB } from './identify.routes.js';
export { recompute, dryRun } from './compute.js';
export { IDENTIFY_READ, IDENTIFY_HANDLE, IDENTIFY_RULES } from './identify.service.js';
export { identifyTodo } from './workbench.js';
