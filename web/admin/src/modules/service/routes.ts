import { DataAnalysis, Finished, Grid, Service, Switch, Tickets } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** 服务中心: cases, counter, figures, AB posts, catalog (qa/ adds voice, alerts and the knowledge base). */
export default defineAdminModule({
  order: 30,
  group: { index: 'service-group', titleKey: 'service.menu.group', icon: Service },
  menu: [
    {
      name: 'cases',
      path: 'service/cases',
      titleKey: 'service.menu.cases',
      permissions: ['service:case:read'],
      icon: Tickets,
      view: () => import('../../views/service/CaseQueueView.vue'),
    },
    {
      name: 'counter',
      path: 'service/counter',
      titleKey: 'service.menu.counter',
      permissions: ['service:case:handle'],
      icon: Finished,
      view: () => import('../../views/service/CounterView.vue'),
    },
    {
      name: 'service-figures',
      path: 'service/figures',
      titleKey: 'service.menu.figures',
      permissions: ['service:case:read'],
      icon: DataAnalysis,
      view: () => import('../../views/service/FiguresView.vue'),
    },
    {
      name: 'service-posts',
      path: 'service/posts',
      titleKey: 'service.menu.posts',
      permissions: ['service:case:supervise', 'service:case:handle'],
      icon: Switch,
      view: () => import('../../views/service/PostsView.vue'),
    },
    {
      name: 'service-catalog',
      path: 'service/catalog',
      titleKey: 'service.menu.catalog',
      permissions: ['service:catalog:manage'],
      icon: Grid,
      view: () => import('../../views/service/CatalogView.vue'),
    },
  ],
  routes: [
    {
      path: 'service/cases/:id(\\d+)',
      name: 'case-detail',
      component: () => import('../../views/service/CaseDetailView.vue'),
      meta: { titleKey: 'service.menu.detail', permissions: ['service:case:read'], menu: '/service/cases' },
    },
  ],
});
