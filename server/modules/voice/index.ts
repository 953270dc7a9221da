// The worker voice and alerts module's public surface.
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db.js';
import { registerOrgUsage } from '../org/index.js';

// An org that received voice items or keeps alert topics cannot be deleted (it can be closed).
registerOrgUsage(async (tx, orgId) => {
  const [row] = await rows<{ used: boolean }>(tx, sql`select exists (select 1 from voice_item where org_id = ${orgId})
    or exists (select 1 from alert_topic where org_id = ${orgId}) or exists (select 1 from alert where org_id = ${orgId}) as used`);
  return row?.used ?? false;
});

export { voiceItem, alertTopic, alert, VOICE_KINDS } from './voice.schema.js';
export { voiceRoutes } from './voice.routes.js';
export { alertRoutes } from './alert.routes.js';
export { submitVoice } from './voice.service.js';
export { weekStart, trendThreshold } from './alert.rules.js';
