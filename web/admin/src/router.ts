import { watch } from 'vue';
import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router';
import { setUnauthorizedHandler } from './api/client';
import { currentLocale, i18n } from './i18n';
import type { AdminModule, MenuEntry, MenuGroup } from './modules/types';
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

// Every module's menu entries and routes (modules/<module>/routes.ts), in side-menu order.
const MODULES = Object.values(import.meta.glob<{ default: AdminModule }>('./modules/*/routes.ts', { eager: true }))
  .map((m) => m.default)
  .sort((a, b) => a.order - b.order);

/** The side menu: single entries, and groups that gather the entries of every module naming them. */
export interface MenuSection {
  group?: MenuGroup;
  entries: MenuEntry[];
}
export const MENU_SECTIONS: MenuSection[] = [];
for (const m of MODULES) {
  const last = MENU_SECTIONS.at(-1);
  if (m.group && last?.group?.index === m.group.index) last.entries.push(...m.menu);
  else MENU_SECTIONS.push({ group: m.group, entries: [...m.menu] });
}

export const router = createRouter({
  history: createWebHistory('/admin/'),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./views/login/LoginView.vue'),
      meta: { public: true, titleKey: 'login.title' },
    },
    {
      path: '/',
      component: () => import('./layouts/AdminLayout.vue'),
      children: [
        { path: '', name: 'home', redirect: () => homeRoute() },
        ...MODULES.flatMap((m) => [
          ...m.menu.map((e) => ({
            path: e.path,
            name: e.name,
            component: e.view,
            meta: { titleKey: e.titleKey, permissions: e.permissions, menu: `/${e.path}` },
          })),
          ...(m.routes ?? []),
        ]),
      ],
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

/**
 * Where the console opens: the workbench, which every staff member may see. (It used to be the
 * first menu entry the caller's permissions allowed, worked out before the session was loaded:
 * so `/admin/` always became `?redirect=/account`.)
 */
export function homeRoute(): RouteLocationRaw {
  return { name: 'workbench' };
}

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = useSessionStore();
  if (!session.me) {
    try {
      await session.fetchMe();
    } catch {
      // the landing page needs no redirect: sign-in goes there anyway
      return { name: 'login', query: to.name === 'workbench' ? {} : { redirect: to.fullPath } };
    }
  }
  if (!session.isActive) return { name: 'login', query: { redirect: to.fullPath } };
  // A merchant account (signed in on the H5's merchant mode, same site) has no console: sign in as staff.
  if (session.me?.kind === 'merchant') {
    session.setMe(null);
    return { name: 'login' };
  }
  if (to.meta.permissions && !session.canAny(to.meta.permissions)) return homeRoute();
  return true;
});

/** The browser tab: the page's name, then the platform's (e.g. 会员花名册 · 智慧工会), in the current language. */
export function showPageTitle(): void {
  const { t } = i18n.global;
  const key = router.currentRoute.value.meta.titleKey;
  document.title = key ? `${t(key)} · ${t('pageTitle.brand')}` : `${t('app.title')} · ${t('app.subtitle')}`;
}
router.afterEach(() => showPageTitle());
watch(currentLocale, () => showPageTitle());

setUnauthorizedHandler(() => {
  const session = useSessionStore();
  session.setMe(null);
  useOrgStore().reset();
  const current = router.currentRoute.value;
  if (current.name !== 'login') void router.replace({ name: 'login', query: { redirect: current.fullPath } });
});
