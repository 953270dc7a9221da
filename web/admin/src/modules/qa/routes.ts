import { ChatDotRound, Reading, Service, Warning } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** The voice board, alerts and the knowledge base, in the 服务中心 group. */
export default defineAdminModule({
  order: 35,
  group: { index: 'service-group', titleKey: 'service.menu.group', icon: Service },
  menu: [
    {
      name: 'voice',
      path: 'service/voice',
      titleKey: 'service.menu.voice',
      permissions: ['voice:item:read'],
      icon: ChatDotRound,
      view: () => import('../../views/voice/VoiceBoardView.vue'),
    },
    {
      name: 'alerts',
      path: 'service/alerts',
      titleKey: 'service.menu.alerts',
      permissions: ['voice:alert:read'],
      icon: Warning,
      view: () => import('../../views/voice/AlertBoardView.vue'),
    },
    {
      name: 'knowledge',
      path: 'service/knowledge',
      titleKey: 'service.menu.knowledge',
      permissions: ['qa:entry:read'],
      icon: Reading,
      view: () => import('../../views/qa/KnowledgeView.vue'),
    },
  ],
});
