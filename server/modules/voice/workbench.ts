import type { WorkbenchHook } from '../../kernel/module.js';
import { countAlerts } from './alert.service.js';
import { staffItemsWhere } from './voice.service.js';
import { countItems } from './voice.view.js';

// Worker voice on the console's workbench: items nobody has answered yet, and alerts still open,
// counted with the boards' own conditions (voice_item_org_idx, alert_org_idx).

export const voiceWorkbench: WorkbenchHook = {
  todo: [
    {
      key: 'voice.open',
      label: { zh: '待回复职工心声', en: 'Voice items to answer' },
      permission: 'voice:item:handle',
      path: '/service/voice?status=open',
      count: (db, actor) => countItems(db, staffItemsWhere(actor, { status: 'open' })),
    },
    {
      key: 'voice.alerts',
      label: { zh: '未处理舆情预警', en: 'Open alerts' },
      permission: 'voice:alert:manage',
      path: '/service/alerts?status=open',
      count: (db, actor) => countAlerts(db, actor, { status: 'open' }),
    },
  ],
};
