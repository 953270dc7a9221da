import { HomeFilled } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** 工作台: the first menu entry and the page sign-in lands on, for every staff member. */
export default defineAdminModule({
  order: 0,
  menu: [
    {
      name: 'workbench',
      path: 'workbench',
      titleKey: 'workbench.menu',
      permissions: [],
      icon: HomeFilled,
      view: () => import('../../views/workbench/WorkbenchView.vue'),
    },
  ],
});
