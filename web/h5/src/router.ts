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
    /** Merchant mode (a partner merchant's account): the only pages such an account sees besides the public ones. */
    merchant?: boolean;
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
    // 职代会 for representatives: my seats and sessions, the venue's QR check-in, votes with
    // receipts, evaluations, proposals with co-signing and rating, duty records
    {
      path: '/congress',
      name: 'congress',
      component: () => import('./pages/CongressPage.vue'),
      meta: { titleKey: 'congress.home.title' },
    },
    {
      path: '/congress/check-in',
      name: 'congress-check-in',
      component: () => import('./pages/CongressCheckInPage.vue'),
      meta: { titleKey: 'congress.checkIn.title' },
    },
    {
      path: '/congress/sessions/:id(\\d+)',
      name: 'congress-session',
      component: () => import('./pages/CongressSessionPage.vue'),
      meta: { titleKey: 'congress.session.title' },
    },
    {
      path: '/congress/sessions/:sessionId(\\d+)/motions/:id(\\d+)',
      name: 'congress-motion',
      component: () => import('./pages/CongressMotionPage.vue'),
      meta: { titleKey: 'congress.motion.title' },
    },
    {
      path: '/congress/sessions/:sessionId(\\d+)/evaluations/:id(\\d+)',
      name: 'congress-evaluation',
      component: () => import('./pages/CongressEvaluationPage.vue'),
      meta: { titleKey: 'congress.evaluation.title' },
    },
    {
      path: '/congress/proposals',
      name: 'congress-proposals',
      component: () => import('./pages/CongressProposalsPage.vue'),
      meta: { titleKey: 'congress.proposal.title' },
    },
    {
      path: '/congress/proposals/new',
      name: 'congress-proposal-new',
      component: () => import('./pages/CongressProposalNewPage.vue'),
      meta: { titleKey: 'congress.proposal.form.title' },
    },
    {
      path: '/congress/proposals/:id(\\d+)',
      name: 'congress-proposal',
      component: () => import('./pages/CongressProposalPage.vue'),
      meta: { titleKey: 'congress.proposal.detail' },
    },
    {
      path: '/congress/duties',
      name: 'congress-duties',
      component: () => import('./pages/CongressDutiesPage.vue'),
      meta: { titleKey: 'congress.duty.title' },
    },
    // 厂务公开: what a congress published to the workforce (any member of the body's org subtree)
    {
      path: '/congress/publication',
      name: 'congress-publications',
      component: () => import('./pages/CongressPublicationsPage.vue'),
      meta: { titleKey: 'congress.publication.title' },
    },
    {
      path: '/congress/publication/:bodyId(\\d+)',
      name: 'congress-publication',
      component: () => import('./pages/CongressPublicationPage.vue'),
      meta: { titleKey: 'congress.publication.title' },
    },
    // 普惠 (工惠优享家): the merchant directory, its map and the open call are public (the landing page
    // links them); vouchers need a member; merchant mode needs a merchant account.
    {
      path: '/merchants',
      name: 'merchants',
      component: () => import('./pages/MerchantsPage.vue'),
      meta: { public: true, titleKey: 'merchant.directory.title' },
    },
    {
      path: '/merchants/:id(\\d+)',
      name: 'merchant',
      component: () => import('./pages/MerchantDetailPage.vue'),
      meta: { public: true, titleKey: 'merchant.detail.title' },
    },
    {
      path: '/merchant-calls',
      name: 'merchant-calls',
      component: () => import('./pages/MerchantCallsPage.vue'),
      meta: { public: true, titleKey: 'merchant.calls.title' },
    },
    {
      path: '/merchant-calls/:id(\\d+)/apply',
      name: 'merchant-apply',
      component: () => import('./pages/MerchantApplyPage.vue'),
      meta: { public: true, titleKey: 'merchant.apply.title' },
    },
    {
      path: '/campaigns',
      name: 'campaigns',
      component: () => import('./pages/CampaignsPage.vue'),
      meta: { titleKey: 'voucher.campaigns.title' },
    },
    {
      path: '/vouchers',
      name: 'vouchers',
      component: () => import('./pages/VouchersPage.vue'),
      meta: { titleKey: 'voucher.mine.title' },
    },
    {
      path: '/vouchers/:id(\\d+)',
      name: 'voucher',
      component: () => import('./pages/VoucherDetailPage.vue'),
      meta: { titleKey: 'voucher.detail.title' },
    },
    {
      path: '/merchant',
      name: 'merchant-home',
      component: () => import('./pages/MerchantHomePage.vue'),
      meta: { merchant: true, titleKey: 'merchant.mode.title' },
    },
    {
      path: '/merchant/redeem',
      name: 'merchant-redeem',
      component: () => import('./pages/RedeemPage.vue'),
      meta: { merchant: true, titleKey: 'voucher.redeem.title' },
    },
    {
      path: '/merchant/redemptions',
      name: 'merchant-redemptions',
      component: () => import('./pages/RedemptionsPage.vue'),
      meta: { merchant: true, titleKey: 'voucher.redemptions.title' },
    },
    {
      path: '/merchant/settlements',
      name: 'merchant-settlements',
      component: () => import('./pages/SettlementsPage.vue'),
      meta: { merchant: true, titleKey: 'voucher.settlements.title' },
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
  const merchantMode = session.me?.kind === 'merchant';
  const start = { name: merchantMode ? 'merchant-home' : 'home' };
  if (to.name === 'login') return session.me ? start : true;
  // the sign-in page needs only core's messages; every other page (public ones too) all of them
  if (to.meta.public) return loadAllMessages().then(() => true);
  if (!session.me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  await loadAllMessages();
  // A merchant account sees merchant mode only; a member never sees it.
  if (merchantMode !== !!to.meta.merchant) return start;
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
