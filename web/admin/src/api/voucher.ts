// 消费券 campaigns, their live figures, lottery draws, caps per org and merchant settlements (issue 17,
// /work/briefs/benefit-api.md). Money is in 分 (integers) in the API; the forms type 元.
// Until the server's contract is generated these shapes follow the brief; `call` sends the requests.
import { downloadFile } from '../../../lib/api/client';
import { call, type Page, type Paged } from './benefitHttp';
import type { MerchantCategory } from './merchant';

export const CAMPAIGN_KINDS = ['spring_festival', 'festival', 'birthday', 'general'] as const;
export const CAMPAIGN_MODES = ['first_come', 'lottery'] as const;
export const CAMPAIGN_STATES = ['draft', 'published', 'closed'] as const;
export const SETTLEMENT_STATES = ['draft', 'confirmed', 'approved'] as const;
/** The kinds a yearly cap per member may apply to (every kind; null: no cap). */
export const CAP_KINDS = CAMPAIGN_KINDS;

export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type CampaignMode = (typeof CAMPAIGN_MODES)[number];
export type CampaignState = (typeof CAMPAIGN_STATES)[number];
export type SettlementState = (typeof SETTLEMENT_STATES)[number];
export type CapKind = (typeof CAP_KINDS)[number];

export type CampaignInput = {
  orgId: number;
  name: string;
  kind: CampaignKind;
  mode: CampaignMode;
  faceValueFen: number;
  minSpendFen: number;
  quantity: number;
  budgetFen: number;
  perMemberLimit: number;
  memberTypes?: string[];
  merchantIds?: number[];
  categories?: MerchantCategory[];
  claimStartsAt: string;
  claimEndsAt: string;
  validFrom: string;
  validUntil: string;
  registrationEndsAt?: string;
};
export type Campaign = Omit<CampaignInput, 'memberTypes' | 'merchantIds' | 'categories' | 'registrationEndsAt'> & {
  id: number;
  orgName?: string;
  state: CampaignState;
  memberTypes?: string[] | null;
  merchantIds?: number[] | null;
  categories?: MerchantCategory[] | null;
  registrationEndsAt?: string | null;
  publishedAt?: string | null;
  closedAt?: string | null;
  claimed?: number;
  registrations?: number;
};
export type CampaignFigures = {
  claimed: number;
  redeemed: number;
  expired: number;
  remaining: number;
  budgetCommittedFen: number;
  budgetSpentFen: number;
  claimsPerMinute: Array<{ minute: string; count: number }>;
};
type Label = { zh: string; en: string };
export type MemberRef = { name: string; pseudoId: string };
export type Draw = {
  campaignId: number;
  seed: string;
  algorithm: string;
  algorithmText: Label;
  /** the weights rule */
  weights: Label;
  registrations: number;
  drawnAt: string;
  winners: Array<{ rank: number; memberRef: MemberRef; weight: number }>;
};
export type DrawCheck = { seed: string; algorithm: string; winners: number; matches: boolean };
export type Registration = { id: number; memberRef: MemberRef; weight: number; registeredAt: string };
export type Caps = { orgId: number; caps: Record<CapKind, number | null> };
export type Settlement = {
  id: number;
  merchantId: number;
  merchantName?: string;
  periodStart: string;
  periodEnd: string;
  state: SettlementState;
  vouchers: number;
  faceValueFen: number;
  subsidyDueFen: number;
  confirmedAt?: string | null;
  approvedAt?: string | null;
};

export type SettlementDetail = Settlement & {
  lines: Array<{
    voucherId: number;
    code: string;
    campaignId: number;
    campaignName: string;
    faceValueFen: number;
    subsidyFen: number;
    redeemedAt: string;
  }>;
  budgets: Array<{
    campaignId: number;
    name: string;
    budgetFen: number;
    committedFen: number;
    spentFen: number;
    leftFen: number;
  }>;
};

export const voucherApi = {
  campaigns: (query: Paged<{ state?: CampaignState; kind?: CampaignKind; orgId?: number }>) =>
    call<Page<Campaign>>('GET', '/api/voucher-campaigns', { query }),
  campaign: (id: number) => call<Campaign>('GET', `/api/voucher-campaigns/${id}`),
  create: (body: CampaignInput) => call<Campaign>('POST', '/api/voucher-campaigns', { body }),
  update: (id: number, body: Partial<CampaignInput>) =>
    call<Campaign>('PATCH', `/api/voucher-campaigns/${id}`, { body }),
  step: (id: number, step: 'publish' | 'close') => call<Campaign>('POST', `/api/voucher-campaigns/${id}/${step}`),
  figures: (id: number) => call<CampaignFigures>('GET', `/api/voucher-campaigns/${id}/figures`),
  runDraw: (id: number, seed?: string) =>
    call<{ seed: string; algorithm: string; winners: number; registrations: number }>(
      'POST',
      `/api/voucher-campaigns/${id}/draw`,
      {
        body: seed ? { seed } : {},
      },
    ),
  draw: (id: number) => call<Draw>('GET', `/api/voucher-campaigns/${id}/draw`),
  verifyDraw: (id: number) => call<DrawCheck>('GET', `/api/voucher-campaigns/${id}/draw/verify`),
  registrations: (id: number, query: Paged<object>) =>
    call<Page<Registration>>('GET', `/api/voucher-campaigns/${id}/registrations`, { query }),
  caps: (orgId: number) => call<Caps>('GET', '/api/voucher-caps', { query: { orgId } }),
  setCaps: (orgId: number, caps: Record<CapKind, number | null>) =>
    call<Caps>('PUT', `/api/voucher-caps/${orgId}`, { body: { caps } }),
  settlements: (query: Paged<{ merchantId?: number; state?: SettlementState }>) =>
    call<Page<Settlement>>('GET', '/api/voucher-settlements', { query }),
  settle: (body: { merchantId: number; periodStart: string; periodEnd: string }) =>
    call<Settlement>('POST', '/api/voucher-settlements', { body }),
  settlement: (id: number) => call<SettlementDetail>('GET', `/api/voucher-settlements/${id}`),
  approve: (id: number) => call<Settlement>('POST', `/api/voucher-settlements/${id}/approve`),
  exportXlsx: (s: Settlement) =>
    downloadFile(
      `/api/voucher-settlements/${s.id}/export`,
      `结算单-${s.merchantName ?? s.merchantId}-${s.periodStart}.xlsx`,
    ),
};
