import { Document, EditPen, Shop, ShoppingBag } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** 工惠优享家 (issue 17): partner merchants, applications and open calls; voucher/ adds campaigns. */
export default defineAdminModule({
  order: 45,
  group: { index: 'benefit-group', titleKey: 'merchant.menu.group', icon: ShoppingBag },
  menu: [
    {
      name: 'merchant-list',
      path: 'merchant/merchants',
      titleKey: 'merchant.menu.list',
      permissions: ['merchant:merchant:read'],
      icon: Shop,
      view: () => import('../../views/merchant/MerchantListView.vue'),
    },
    {
      name: 'merchant-applications',
      path: 'merchant/applications',
      titleKey: 'merchant.menu.applications',
      permissions: ['merchant:merchant:manage'],
      icon: EditPen,
      view: () => import('../../views/merchant/ApplicationsView.vue'),
    },
    {
      name: 'merchant-calls',
      path: 'merchant/calls',
      titleKey: 'merchant.menu.calls',
      permissions: ['merchant:merchant:manage'],
      icon: Document,
      view: () => import('../../views/merchant/CallsView.vue'),
    },
  ],
  routes: [
    {
      path: 'merchant/merchants/:id(\\d+)',
      name: 'merchant-detail',
      component: () => import('../../views/merchant/MerchantDetailView.vue'),
      meta: { titleKey: 'merchant.menu.detail', permissions: ['merchant:merchant:read'], menu: '/merchant/merchants' },
    },
  ],
});
