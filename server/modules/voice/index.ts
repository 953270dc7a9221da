// The worker voice and alerts module's public surface, and its manifest.
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db.js';
import { defineModule } from '../../kernel/module.js';
import { seedDemoVoice } from '../../seed/demo-voice.js';
import { registerOrgUsage } from '../org/index.js';
import { alertRoutes } from './alert.routes.js';
import { trendThreshold, weekStart } from './alert.rules.js';
import { VOICE_ERRORS } from './voice.errors.js';
import { voiceRoutes } from './voice.routes.js';
import { submitVoice } from './voice.service.js';
import { voiceWorkbench } from './workbench.js';

// An org that received voice items or keeps alert topics cannot be deleted (it can be closed).
registerOrgUsage(async (tx, orgId) => {
  const [row] = await rows<{ used: boolean }>(
    tx,
    sql`select exists (select 1 from voice_item where org_id = ${orgId})
    or exists (select 1 from alert_topic where org_id = ${orgId}) or exists (select 1 from alert where org_id = ${orgId}) as used`,
  );
  return row?.used ?? false;
});

export const voiceModule = defineModule({
  name: 'voice',
  permissions: {
    'voice:item:read': { zh: '查看职工心声', en: 'View worker voice items' },
    'voice:item:handle': {
      zh: '回复、公开、办结职工心声，转为工单',
      en: 'Reply to, publish, close voice items and turn them into cases',
    },
    'voice:alert:read': { zh: '查看舆情预警', en: 'View alerts' },
    'voice:alert:manage': { zh: '确认、关闭舆情预警', en: 'Acknowledge and close alerts' },
    'voice:topic:manage': { zh: '维护敏感词和话题', en: 'Maintain sensitive keywords and topics' },
  },
  errors: VOICE_ERRORS,
  routes: [alertRoutes, voiceRoutes],
  seed: async ({ tx, deps, orgs, demoMember }) => {
    if (demoMember) await seedDemoVoice(tx, deps, orgs, demoMember.accountId);
  },
  api: { submitVoice, weekStart, trendThreshold },
  workbench: voiceWorkbench,
});

export { voiceItem, alertTopic, alert, VOICE_KINDS } from './voice.schema.js';
export { voiceRoutes } from './voice.routes.js';
export { alertRoutes } from './alert.routes.js';
export { submitVoice } from './voice.service.js';
export { weekStart, trendThreshold } from './alert.rules.js';
