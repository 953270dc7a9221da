import { User } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

export default defineAdminModule({
  order: 50,
  menu: [
    {
      name: 'staff',
      path: 'staff',
      titleKey: 'menu.staff',
      permissions: ['staff:account:read', 'staff:role:manage'],
      icon: User,
      view: () => import('../../views/staff/StaffView.vue'),
    },
  ],
});
