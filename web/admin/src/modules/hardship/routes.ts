import { Calendar, Coin, DataAnalysis, Files, Help } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** 困难帮扶 (issue 5): files, reviews, lines; identify/ and aid/ add their entries to the group. */
export default defineAdminModule({
  order: 40,
  group: { index: 'hardship-group', titleKey: 'hardship.menu.group', icon: Help },
  menu: [
    {
      name: 'hardship-files',
      path: 'hardship/files',
      titleKey: 'hardship.menu.files',
      permissions: ['assistance:file:read'],
      icon: Files,
      view: () => import('../../views/hardship/FileListView.vue'),
    },
    {
      name: 'hardship-reviews',
      path: 'hardship/reviews',
      titleKey: 'hardship.menu.reviews',
      permissions: ['assistance:file:read'],
      icon: Calendar,
      view: () => import('../../views/hardship/DueReviewsView.vue'),
    },
    {
      name: 'hardship-lines',
      path: 'hardship/lines',
      titleKey: 'hardship.menu.lines',
      permissions: ['assistance:file:read', 'assistance:line:manage'],
      icon: Coin,
      view: () => import('../../views/hardship/LinesView.vue'),
    },
    {
      name: 'hardship-figures',
      path: 'hardship/figures',
      titleKey: 'chart.menu.hardship',
      permissions: ['assistance:figures:read'],
      icon: DataAnalysis,
      view: () => import('../../views/hardship/HardshipFiguresView.vue'),
    },
  ],
  routes: [
    {
      path: 'hardship/files/:id(\\d+)',
      name: 'hardship-file',
      component: () => import('../../views/hardship/FileDetailView.vue'),
      meta: { titleKey: 'hardship.menu.detail', permissions: ['assistance:file:read'], menu: '/hardship/files' },
    },
  ],
});
