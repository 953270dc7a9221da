// 工惠优享家 partner merchants (issue 17, /work/briefs/benefit-api.md): open calls, applications and
// their review, the staff list and record of a merchant, supervision steps and merchant accounts.
// Until the server's contract is generated these shapes follow the brief; `call` sends the requests.
import { call, type Page, type Paged } from './benefitHttp';

export const MERCHANT_CATEGORIES = [
  'shopping',
  'dining',
  'culture',
  'fitness',
  'health',
  'education',
  'travel',
] as const;
export const MERCHANT_STATUSES = [
  'applied',
  'approved',
  'rejected',
  'listed',
  'warned',
  'suspended',
  'exited',
] as const;
export const APPLICATION_STATES = ['applied', 'approved', 'rejected'] as const;
/** The supervision steps a reason goes with. */
export const MERCHANT_STEPS = ['warn', 'suspend', 'reinstate', 'exit'] as const;

export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export type MerchantStep = (typeof MERCHANT_STEPS)[number];

export type ScoreLine = {
  item: string;
  score: number;
  max: number;
  note?: string;
};
export type MerchantCall = {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  body: string;
  categories: MerchantCategory[];
  opensAt: string;
  closesAt: string;
  state: 'open' | 'closed';
  createdAt: string;
};
export type MerchantLocation = { address: string; lat: number | null; lng: number | null };
/** A merchant as staff list it (an application is a merchant still `applied`, or decided). */
export type StaffMerchant = {
  id: number;
  orgId: number;
  orgName: string;
  callId: number | null;
  callTitle: string | null;
  name: string;
  licenceNo: string;
  categories: MerchantCategory[];
  status: MerchantStatus;
  address: string;
  lat: number | null;
  lng: number | null;
  discountTerms: string;
  hours: string;
  contactName: string;
  /** masked */
  contactPhone: string | null;
  /** masked: the last 4 digits */
  settlementAccount: string | null;
  createdAt: string;
  updatedAt: string;
};
export type MerchantApplication = StaffMerchant;
export type MerchantHistoryEntry = { at: string; action: string; actorName: string | null; detail: string };
export type ScoreLineOut = { item: string; score: number; max: number; note?: string };
export type MerchantRecord = StaffMerchant & {
  locations: MerchantLocation[];
  agreement: {
    startsOn: string;
    endsOn: string;
    discountTerms: string;
    categories: MerchantCategory[];
    signedAt: string;
  } | null;
  reviews: Array<{
    id: number;
    scores: ScoreLineOut[];
    total: number;
    max: number;
    decision: 'approve' | 'reject';
    reason: string;
    reviewerName: string | null;
    at: string;
  }>;
  inspections: Array<{
    id: number;
    inspectedOn: string;
    items: ScoreLineOut[];
    score: number;
    max: number;
    photos: string[];
    note: string;
    inspectorName: string | null;
  }>;
  assessments: Array<{ id: number; year: number; score: number; grade: string; note: string }>;
  complaints: Array<{ id: number; caseId: number; at: string }>;
  accounts: Array<{ accountId: number; displayName: string; status: 'active' | 'disabled' }>;
  history: MerchantHistoryEntry[];
};

export const merchantApi = {
  calls: (query: Paged<{ state?: 'open' | 'closed'; orgId?: number }>) =>
    call<Page<MerchantCall>>('GET', '/api/merchant-calls', { query }),
  createCall: (body: {
    orgId: number;
    title: string;
    body: string;
    categories: MerchantCategory[];
    opensAt: string;
    closesAt: string;
  }) => call<MerchantCall>('POST', '/api/merchant-calls', { body }),
  closeCall: (id: number) => call<MerchantCall>('POST', `/api/merchant-calls/${id}/close`),
  applications: (query: Paged<{ state?: ApplicationState }>) =>
    call<Page<MerchantApplication>>('GET', '/api/merchant-applications', { query }),
  review: (id: number, body: { scores: ScoreLine[]; decision: 'approve' | 'reject'; reason: string }) =>
    call<MerchantRecord>('POST', `/api/merchant-applications/${id}/review`, { body }),
  list: (query: Paged<{ status?: MerchantStatus; category?: MerchantCategory; q?: string; orgId?: number }>) =>
    call<Page<StaffMerchant>>('GET', '/api/merchants/manage', { query }),
  record: (id: number) => call<MerchantRecord>('GET', `/api/merchants/${id}/record`),
  history: (id: number) => call<MerchantHistoryEntry[]>('GET', `/api/merchants/${id}/history`),
  agreement: (
    id: number,
    body: {
      startsOn: string;
      endsOn: string;
      discountTerms: string;
      categories: MerchantCategory[];
      settlementAccount: string;
      locations?: MerchantLocation[];
    },
  ) => call<MerchantRecord>('POST', `/api/merchants/${id}/agreement`, { body }),
  inspect: (id: number, body: { inspectedOn: string; items: ScoreLine[]; note: string }) =>
    call<{ id: number }>('POST', `/api/merchants/${id}/inspections`, { body }),
  assess: (id: number, body: { year: number; score: number; grade: string; note: string }) =>
    call<{ id: number }>('POST', `/api/merchants/${id}/assessments`, { body }),
  step: (id: number, step: MerchantStep, reason: string) =>
    call<MerchantRecord>('POST', `/api/merchants/${id}/${step}`, { body: { reason } }),
  createAccount: (id: number, body: { username: string; displayName: string; password: string }) =>
    call<{ accountId: number; username: string; merchantId: number }>('POST', `/api/merchants/${id}/accounts`, {
      body,
    }),
};

/** The scoring sheet of an application review (items and their maximum points). */
export const REVIEW_SHEET: ReadonlyArray<{ item: string; max: number }> = [
  { item: 'qualification', max: 20 },
  { item: 'discount', max: 30 },
  { item: 'service', max: 20 },
  { item: 'location', max: 15 },
  { item: 'reputation', max: 15 },
];
/** The checklist of an on-site inspection. */
export const INSPECTION_SHEET: ReadonlyArray<{ item: string; max: number }> = [
  { item: 'signage', max: 10 },
  { item: 'discount', max: 30 },
  { item: 'hygiene', max: 20 },
  { item: 'service', max: 20 },
  { item: 'records', max: 20 },
];
