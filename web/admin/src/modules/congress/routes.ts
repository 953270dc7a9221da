import { Collection, DataAnalysis, Document, Setting } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** 职代会 (issue 18): bodies, terms, representatives, sessions, votes, proposals, evaluations, rules. */
const READ = ['congress:congress:read'];
export default defineAdminModule({
  order: 48,
  group: { index: 'congress-group', titleKey: 'congress.menu.group', icon: Collection },
  menu: [
    {
      name: 'congress-bodies',
      path: 'congress/bodies',
      titleKey: 'congress.menu.bodies',
      permissions: READ,
      icon: DataAnalysis,
      view: () => import('../../views/congress/BodyListView.vue'),
    },
    {
      name: 'congress-proposals',
      path: 'congress/proposals',
      titleKey: 'congress.menu.proposals',
      permissions: ['congress:congress:read', 'congress:proposal:handle'],
      icon: Document,
      view: () => import('../../views/congress/ProposalListView.vue'),
    },
    {
      name: 'congress-rules',
      path: 'congress/rules',
      titleKey: 'congress.menu.rules',
      permissions: ['congress:congress:manage'],
      icon: Setting,
      view: () => import('../../views/congress/RulesView.vue'),
    },
  ],
  routes: [
    {
      path: 'congress/bodies/:id(\\d+)',
      name: 'congress-body',
      component: () => import('../../views/congress/BodyView.vue'),
      meta: { titleKey: 'congress.menu.body', permissions: READ, menu: '/congress/bodies' },
    },
    {
      path: 'congress/terms/:id(\\d+)',
      name: 'congress-term',
      component: () => import('../../views/congress/TermView.vue'),
      meta: { titleKey: 'congress.menu.term', permissions: READ, menu: '/congress/bodies' },
    },
    {
      path: 'congress/sessions/:id(\\d+)',
      name: 'congress-session',
      component: () => import('../../views/congress/SessionView.vue'),
      meta: { titleKey: 'congress.menu.session', permissions: READ, menu: '/congress/bodies' },
    },
    {
      path: 'congress/sessions/:id(\\d+)/board',
      name: 'congress-board',
      component: () => import('../../views/congress/VoteBoardView.vue'),
      meta: { titleKey: 'congress.menu.board', permissions: READ, menu: '/congress/bodies' },
    },
    {
      path: 'congress/proposals/:id(\\d+)',
      name: 'congress-proposal',
      component: () => import('../../views/congress/ProposalView.vue'),
      meta: {
        titleKey: 'congress.menu.proposal',
        permissions: ['congress:congress:read', 'congress:proposal:handle'],
        menu: '/congress/proposals',
      },
    },
  ],
});
