import { Help, Present, Stamp, Wallet } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** Assistance programmes, records and 微心愿, in the 困难帮扶 group. */
export default defineAdminModule({
  order: 42,
  group: { index: 'hardship-group', titleKey: 'hardship.menu.group', icon: Help },
  menu: [
    {
      name: 'aid-programmes',
      path: 'assistance/programmes',
      titleKey: 'aid.menu.programmes',
      permissions: ['assistance:record:read'],
      icon: Wallet,
      view: () => import('../../views/aid/ProgrammesView.vue'),
    },
    {
      name: 'aid-records',
      path: 'assistance/records',
      titleKey: 'aid.menu.records',
      permissions: ['assistance:record:read'],
      icon: Stamp,
      view: () => import('../../views/aid/RecordsView.vue'),
    },
    {
      name: 'aid-wishes',
      path: 'assistance/wishes',
      titleKey: 'aid.menu.wishes',
      permissions: ['assistance:wish:manage'],
      icon: Present,
      view: () => import('../../views/aid/WishesView.vue'),
    },
  ],
});
