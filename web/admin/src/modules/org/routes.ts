import { OfficeBuilding } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

export default defineAdminModule({
  order: 10,
  menu: [
    {
      name: 'orgs',
      path: 'orgs',
      titleKey: 'menu.orgs',
      permissions: ['org:org:read'],
      icon: OfficeBuilding,
      view: () => import('../../views/org/OrgView.vue'),
    },
  ],
});
