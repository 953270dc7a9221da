import { UserFilled } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

export default defineAdminModule({
  order: 70,
  menu: [
    {
      name: 'account',
      path: 'account',
      titleKey: 'menu.account',
      permissions: [],
      icon: UserFilled,
      view: () => import('../../views/account/AccountView.vue'),
    },
  ],
});
