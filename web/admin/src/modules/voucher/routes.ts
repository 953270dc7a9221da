import { Coin, Money, ShoppingBag, Tickets } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** 消费券 campaigns, caps and settlements (issue 17), in the 工惠优享家 group that merchant/ opens. */
export default defineAdminModule({
  order: 46,
  group: { index: 'benefit-group', titleKey: 'merchant.menu.group', icon: ShoppingBag },
  menu: [
    {
      name: 'voucher-campaigns',
      path: 'voucher/campaigns',
      titleKey: 'voucher.menu.campaigns',
      permissions: ['voucher:campaign:read'],
      icon: Tickets,
      view: () => import('../../views/voucher/CampaignListView.vue'),
    },
    {
      name: 'voucher-caps',
      path: 'voucher/caps',
      titleKey: 'voucher.menu.caps',
      permissions: ['voucher:campaign:manage'],
      icon: Coin,
      view: () => import('../../views/voucher/CapsView.vue'),
    },
    {
      name: 'voucher-settlements',
      path: 'voucher/settlements',
      titleKey: 'voucher.menu.settlements',
      permissions: ['voucher:settlement:read'],
      icon: Money,
      view: () => import('../../views/voucher/SettlementsView.vue'),
    },
  ],
  routes: [
    {
      path: 'voucher/campaigns/:id(\\d+)',
      name: 'voucher-campaign',
      component: () => import('../../views/voucher/CampaignView.vue'),
      meta: { titleKey: 'voucher.menu.campaign', permissions: ['voucher:campaign:read'], menu: '/voucher/campaigns' },
    },
  ],
});
