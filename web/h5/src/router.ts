import { createRouter, createWebHistory } from 'vue-router';
import { useSessionStore } from './stores/session';
import { toastError } from './lib/feedback';
import { loadAllMessages } from './i18n';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Shows the bottom tab bar. */
    tabbar?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/', name: 'home', component: () => import('./pages/HomePage.vue'), meta: { tabbar: true } },
    { path: '/mine', name: 'mine', component: () => import('./pages/MinePage.vue'), meta: { tabbar: true } },
    { path: '/password', name: 'password', component: () => import('./pages/PasswordPage.vue') },
    // 会员: join (`?union=<code>` from a union's invite link or QR), card, own record, corrections, transfer
    { path: '/join', name: 'join', component: () => import('./pages/JoinPage.vue') },
    { path: '/card', name: 'card', component: () => import('./pages/CardPage.vue') },
    { path: '/member', name: 'member-info', component: () => import('./pages/MemberInfoPage.vue') },
    { path: '/member/correction', name: 'member-correction', component: () => import('./pages/CorrectionPage.vue') },
    { path: '/transfer', name: 'transfer', component: () => import('./pages/TransferPage.vue') },
    // 服务中心: services and applying, own cases (timeline, rating), inbox, worker voice, policy Q&A
    { path: '/services', name: 'services', component: () => import('./pages/ServicesPage.vue') },
    { path: '/services/:id(\\d+)/apply', name: 'apply', component: () => import('./pages/ApplyPage.vue') },
    { path: '/cases', name: 'cases', component: () => import('./pages/CasesPage.vue') },
    { path: '/cases/:id(\\d+)', name: 'case', component: () => import('./pages/CaseDetailPage.vue') },
    { path: '/inbox', name: 'inbox', component: () => import('./pages/InboxPage.vue') },
    { path: '/voice', name: 'voice', component: () => import('./pages/VoicePage.vue') },
    { path: '/policy', name: 'policy', component: () => import('./pages/PolicyPage.vue') },
    // 困难帮扶: 微心愿 (board, post, my wishes) and the assistance the household received
    { path: '/wishes', name: 'wishes', component: () => import('./pages/WishesPage.vue') },
    { path: '/assistance', name: 'assistance', component: () => import('./pages/AssistanceReceivedPage.vue') },
    { path: '/hardship', name: 'hardship', component: () => import('./pages/HardshipPage.vue') },
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

/** A lost session anywhere (401 UNAUTHENTICATED) ends on the login page. */
export function redirectToLogin(): void {
  useSessionStore().clear();
  const current = router.currentRoute.value;
  if (current.name !== 'login') {
    void router.replace({ name: 'login', query: { redirect: current.fullPath } });
  }
}
