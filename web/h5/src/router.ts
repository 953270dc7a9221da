import { watch } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import { useSessionStore } from './stores/session';
import { toastError } from './lib/feedback';
import { i18n, loadAllMessages } from './i18n';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Shows the bottom tab bar. */
    tabbar?: boolean;
    /** The page's name in the browser tab: "<title> · 智慧工会". */
    titleKey?: string;
  }
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { public: true, titleKey: 'login.title' },
    },
    {
      path: '/',
      name: 'home',
      component: () => import('./pages/HomePage.vue'),
      meta: { tabbar: true, titleKey: 'tabs.home' },
    },
    {
      path: '/mine',
      name: 'mine',
      component: () => import('./pages/MinePage.vue'),
      meta: { tabbar: true, titleKey: 'tabs.mine' },
    },
    {
      path: '/password',
      name: 'password',
      component: () => import('./pages/PasswordPage.vue'),
      meta: { titleKey: 'entries.password' },
    },
    // 会员: join (`?union=<code>` from a union's invite link or QR), card, own record, corrections, transfer
    { path: '/join', name: 'join', component: () => import('./pages/JoinPage.vue'), meta: { titleKey: 'join.title' } },
    { path: '/card', name: 'card', component: () => import('./pages/CardPage.vue'), meta: { titleKey: 'card.title' } },
    {
      path: '/member',
      name: 'member-info',
      component: () => import('./pages/MemberInfoPage.vue'),
      meta: { titleKey: 'info.title' },
    },
    {
      path: '/member/correction',
      name: 'member-correction',
      component: () => import('./pages/CorrectionPage.vue'),
      meta: { titleKey: 'correction.title' },
    },
    {
      path: '/transfer',
      name: 'transfer',
      component: () => import('./pages/TransferPage.vue'),
      meta: { titleKey: 'transfer.title' },
    },
    // 服务中心: services and applying, own cases (timeline, rating), inbox, worker voice, policy Q&A
    {
      path: '/services',
      name: 'services',
      component: () => import('./pages/ServicesPage.vue'),
      meta: { titleKey: 'service.entries.services' },
    },
    {
      path: '/services/:id(\\d+)/apply',
      name: 'apply',
      component: () => import('./pages/ApplyPage.vue'),
      meta: { titleKey: 'service.apply.title' },
    },
    {
      path: '/cases',
      name: 'cases',
      component: () => import('./pages/CasesPage.vue'),
      meta: { titleKey: 'service.cases.title' },
    },
    {
      path: '/cases/:id(\\d+)',
      name: 'case',
      component: () => import('./pages/CaseDetailPage.vue'),
      meta: { titleKey: 'service.case.title' },
    },
    {
      path: '/inbox',
      name: 'inbox',
      component: () => import('./pages/InboxPage.vue'),
      meta: { titleKey: 'service.inbox.title' },
    },
    {
      path: '/voice',
      name: 'voice',
      component: () => import('./pages/VoicePage.vue'),
      meta: { titleKey: 'service.entries.voice' },
    },
    {
      path: '/policy',
      name: 'policy',
      component: () => import('./pages/PolicyPage.vue'),
      meta: { titleKey: 'service.entries.policy' },
    },
    // 困难帮扶: 微心愿 (board, post, my wishes) and the assistance the household received
    {
      path: '/wishes',
      name: 'wishes',
      component: () => import('./pages/WishesPage.vue'),
      meta: { titleKey: 'aid.wishes.title' },
    },
    {
      path: '/assistance',
      name: 'assistance',
      component: () => import('./pages/AssistanceReceivedPage.vue'),
      meta: { titleKey: 'aid.assistance.title' },
    },
    {
      path: '/hardship',
      name: 'hardship',
      component: () => import('./pages/HardshipPage.vue'),
      meta: { titleKey: 'hardship.title' },
    },
    { path: '/:rest(.*)*', redirect: { name: 'home' } },
  ],
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.checked) {
    try {
      await session.refresh();
    } catch (err) {
      toastError(err); // server unreachable: show why, and offer the login page
    }
  }
  if (to.meta.public) return to.name === 'login' && session.me ? { name: 'home' } : true;
  if (!session.me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  await loadAllMessages(); // the sign-in page needs only core's messages; every other page all of them
  return true;
});

/** The browser tab (WeChat's header too): the page's name, then the platform's, in the current language. */
export function showPageTitle(): void {
  const { t } = i18n.global;
  const key = router.currentRoute.value.meta.titleKey;
  document.title = key ? `${t(key)} · ${t('pageTitle.brand')}` : t('app.brand');
}
router.afterEach(() => showPageTitle());
watch(i18n.global.locale, () => showPageTitle());

/** A lost session anywhere (401 UNAUTHENTICATED) ends on the login page. */
export function redirectToLogin(): void {
  useSessionStore().clear();
  const current = router.currentRoute.value;
  if (current.name !== 'login') {
    void router.replace({ name: 'login', query: { redirect: current.fullPath } });
  }
}
