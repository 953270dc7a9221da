import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router';
import { setUnauthorizedHandler } from './api/client';
import { useOrgStore } from './stores/orgs';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown when the caller holds any of these; none means every signed-in staff member. */
    permissions?: readonly string[];
    titleKey?: string;
    public?: boolean;
    /** The side-menu entry to highlight, when not `/<route name>`. */
    menu?: string;
  }
}

export const MENU = [
  { name: 'orgs', path: 'orgs', titleKey: 'menu.orgs', permissions: ['org:org:read'] },
  { name: 'staff', path: 'staff', titleKey: 'menu.staff', permissions: ['staff:account:read', 'staff:role:manage'] },
  { name: 'audit', path: 'audit', titleKey: 'menu.audit', permissions: ['audit:log:read'] },
  { name: 'account', path: 'account', titleKey: 'menu.account', permissions: [] },
] as const;

/** The 会员管理 group: the roster and the member flows, each behind its own permission. */
export const MEMBER_MENU = [
  { name: 'members', path: 'members', titleKey: 'member.menu.members', permissions: ['member:member:read'] },
  { name: 'join-requests', path: 'members/join-requests', titleKey: 'member.menu.joinRequests', permissions: ['member:join:review'] },
  { name: 'transfers', path: 'members/transfers', titleKey: 'member.menu.transfers', permissions: ['member:transfer:review'] },
  { name: 'corrections', path: 'members/corrections', titleKey: 'member.menu.corrections', permissions: ['member:join:review'] },
] as const;

/** The 服务中心 group: cases, counter, figures, AB posts, catalog, voice, alerts, knowledge base. */
export const SERVICE_MENU = [
  { name: 'cases', path: 'service/cases', titleKey: 'service.menu.cases', permissions: ['service:case:read'] },
  { name: 'counter', path: 'service/counter', titleKey: 'service.menu.counter', permissions: ['service:case:handle'] },
  { name: 'service-figures', path: 'service/figures', titleKey: 'service.menu.figures', permissions: ['service:case:read'] },
  { name: 'service-posts', path: 'service/posts', titleKey: 'service.menu.posts', permissions: ['service:case:supervise', 'service:case:handle'] },
  { name: 'service-catalog', path: 'service/catalog', titleKey: 'service.menu.catalog', permissions: ['service:catalog:manage'] },
  { name: 'voice', path: 'service/voice', titleKey: 'service.menu.voice', permissions: ['voice:item:read'] },
  { name: 'alerts', path: 'service/alerts', titleKey: 'service.menu.alerts', permissions: ['voice:alert:read'] },
  { name: 'knowledge', path: 'service/knowledge', titleKey: 'service.menu.knowledge', permissions: ['qa:entry:read'] },
] as const;

/** The 困难帮扶 group (issue 5): hardship files, reviews, lines; aid/ and identify/ add their entries here. */
export const HARDSHIP_MENU = [
  { name: 'hardship-files', path: 'hardship/files', titleKey: 'hardship.menu.files', permissions: ['assistance:file:read'] },
  { name: 'hardship-reviews', path: 'hardship/reviews', titleKey: 'hardship.menu.reviews', permissions: ['assistance:file:read'] },
  { name: 'hardship-lines', path: 'hardship/lines', titleKey: 'hardship.menu.lines', permissions: ['assistance:file:read', 'assistance:line:manage'] },
  { name: 'identify-candidates', path: 'hardship/identify', titleKey: 'identify.menu.candidates', permissions: ['assistance:identify:read'] },
  { name: 'identify-rules', path: 'hardship/identify-rules', titleKey: 'identify.menu.rules', permissions: ['assistance:identify:read'] },
  { name: 'aid-programmes', path: 'assistance/programmes', titleKey: 'aid.menu.programmes', permissions: ['assistance:record:read'] },
  { name: 'aid-records', path: 'assistance/records', titleKey: 'aid.menu.records', permissions: ['assistance:record:read'] },
  { name: 'aid-wishes', path: 'assistance/wishes', titleKey: 'aid.menu.wishes', permissions: ['assistance:wish:manage'] },
] as const;

const hardshipViews: Record<(typeof HARDSHIP_MENU)[number]['name'], () => Promise<unknown>> = {
  'hardship-files': () => import('./views/hardship/FileListView.vue'),
  'hardship-reviews': () => import('./views/hardship/DueReviewsView.vue'),
  'hardship-lines': () => import('./views/hardship/LinesView.vue'),
  'identify-candidates': () => import('./views/identify/CandidateListView.vue'),
  'identify-rules': () => import('./views/identify/RulesView.vue'),
  'aid-programmes': () => import('./views/aid/ProgrammesView.vue'),
  'aid-records': () => import('./views/aid/RecordsView.vue'),
  'aid-wishes': () => import('./views/aid/WishesView.vue'),
};

const serviceViews = {
  cases: () => import('./views/service/CaseQueueView.vue'),
  counter: () => import('./views/service/CounterView.vue'),
  'service-figures': () => import('./views/service/FiguresView.vue'),
  'service-posts': () => import('./views/service/PostsView.vue'),
  'service-catalog': () => import('./views/service/CatalogView.vue'),
  voice: () => import('./views/voice/VoiceBoardView.vue'),
  alerts: () => import('./views/voice/AlertBoardView.vue'),
  knowledge: () => import('./views/qa/KnowledgeView.vue'),
};

const memberViews = {
  members: () => import('./views/member/MemberListView.vue'),
  'join-requests': () => import('./views/member/JoinRequestsView.vue'),
  transfers: () => import('./views/member/TransfersView.vue'),
  corrections: () => import('./views/member/CorrectionsView.vue'),
};

const views = {
  orgs: () => import('./views/org/OrgView.vue'),
  staff: () => import('./views/staff/StaffView.vue'),
  audit: () => import('./views/audit/AuditView.vue'),
  account: () => import('./views/account/AccountView.vue'),
};

export const router = createRouter({
  history: createWebHistory('/admin/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/login/LoginView.vue'), meta: { public: true } },
    {
      path: '/',
      component: () => import('./layouts/AdminLayout.vue'),
      children: [
        { path: '', name: 'home', redirect: () => homeRoute() },
        ...MENU.map((m) => ({
          path: m.path,
          name: m.name,
          component: views[m.name],
          meta: { titleKey: m.titleKey, permissions: m.permissions },
        })),
        ...MEMBER_MENU.map((m) => ({
          path: m.path,
          name: m.name,
          component: memberViews[m.name],
          meta: { titleKey: m.titleKey, permissions: m.permissions, menu: `/${m.path}` },
        })),
        ...SERVICE_MENU.map((m) => ({
          path: m.path,
          name: m.name,
          component: serviceViews[m.name],
          meta: { titleKey: m.titleKey, permissions: m.permissions, menu: `/${m.path}` },
        })),
        ...HARDSHIP_MENU.map((m) => ({
          path: m.path,
          name: m.name,
          component: hardshipViews[m.name],
          meta: { titleKey: m.titleKey, permissions: m.permissions, menu: `/${m.path}` },
        })),
        {
          path: 'hardship/files/:id(\\d+)',
          name: 'hardship-file',
          component: () => import('./views/hardship/FileDetailView.vue'),
          meta: { titleKey: 'hardship.menu.detail', permissions: ['assistance:file:read'], menu: '/hardship/files' },
        },
        {
          path: 'service/cases/:id(\\d+)',
          name: 'case-detail',
          component: () => import('./views/service/CaseDetailView.vue'),
          meta: { titleKey: 'service.menu.detail', permissions: ['service:case:read'], menu: '/service/cases' },
        },
        {
          path: 'members/:id(\\d+)',
          name: 'member-detail',
          component: () => import('./views/member/MemberDetailView.vue'),
          meta: { titleKey: 'member.menu.detail', permissions: ['member:member:read'], menu: '/members' },
        },
      ],
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

/** The first page the caller may open. */
export function homeRoute(): RouteLocationRaw {
  const session = useSessionStore();
  const first = [...MENU, ...MEMBER_MENU, ...SERVICE_MENU, ...HARDSHIP_MENU].find((m) => m.permissions.length > 0 && session.canAny(m.permissions));
  return { name: first?.name ?? 'account' };
}

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = useSessionStore();
  if (!session.me) {
    try {
      await session.fetchMe();
    } catch {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
  }
  if (!session.isActive) return { name: 'login', query: { redirect: to.fullPath } };
  if (to.meta.permissions && !session.canAny(to.meta.permissions)) return homeRoute();
  return true;
});

setUnauthorizedHandler(() => {
  const session = useSessionStore();
  session.setMe(null);
  useOrgStore().reset();
  const current = router.currentRoute.value;
  if (current.name !== 'login') void router.replace({ name: 'login', query: { redirect: current.fullPath } });
});
