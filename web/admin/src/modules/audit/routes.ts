import { Document } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

export default defineAdminModule({
  order: 60,
  menu: [
    {
      name: 'audit',
      path: 'audit',
      titleKey: 'menu.audit',
      permissions: ['audit:log:read'],
      icon: Document,
      view: () => import('../../views/audit/AuditView.vue'),
    },
  ],
});
