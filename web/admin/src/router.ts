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
  }
}

export const MENU = [
  { name: 'orgs', path: 'orgs', titleKey: 'menu.orgs', permissions: ['org:org:read'] },
  { name: 'staff', path: 'staff', titleKey: 'menu.staff', permissions: ['staff:account:read', 'staff:role:manage'] },
  { name: 'audit', path: 'audit', titleKey: 'menu.audit', permissions: ['audit:log:read'] },
  { name: 'account', path: 'account', titleKey: 'menu.account', permissions: [] },
] as const;

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
      ],
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

/** The first page the caller may open. */
export function homeRoute(): RouteLocationRaw {
  const session = useSessionStore();
  const first = MENU.find((m) => session.canAny(m.permissions));
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
