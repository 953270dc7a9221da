import { Avatar, Checked, DataAnalysis, EditPen, List, Switch } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** 会员管理: the roster and the member flows, each behind its own permission; right after 组织机构. */
export default defineAdminModule({
  order: 20,
  group: { index: 'member-group', titleKey: 'member.menu.group', icon: Avatar },
  menu: [
    {
      name: 'members',
      path: 'members',
      titleKey: 'member.menu.members',
      permissions: ['member:member:read'],
      icon: List,
      view: () => import('../../views/member/MemberListView.vue'),
    },
    {
      name: 'join-requests',
      path: 'members/join-requests',
      titleKey: 'member.menu.joinRequests',
      permissions: ['member:join:review'],
      icon: Checked,
      view: () => import('../../views/member/JoinRequestsView.vue'),
    },
    {
      name: 'transfers',
      path: 'members/transfers',
      titleKey: 'member.menu.transfers',
      permissions: ['member:transfer:review'],
      icon: Switch,
      view: () => import('../../views/member/TransfersView.vue'),
    },
    {
      name: 'corrections',
      path: 'members/corrections',
      titleKey: 'member.menu.corrections',
      permissions: ['member:join:review'],
      icon: EditPen,
      view: () => import('../../views/member/CorrectionsView.vue'),
    },
    {
      name: 'member-figures',
      path: 'members/figures',
      titleKey: 'chart.menu.members',
      permissions: ['member:figures:read'],
      icon: DataAnalysis,
      view: () => import('../../views/member/MemberFiguresView.vue'),
    },
  ],
  routes: [
    {
      path: 'members/:id(\\d+)',
      name: 'member-detail',
      component: () => import('../../views/member/MemberDetailView.vue'),
      meta: { titleKey: 'member.menu.detail', permissions: ['member:member:read'], menu: '/members' },
    },
  ],
});
