// 工惠优享家 partner merchants: open calls, applications and
// their review, the staff list and record of a merchant, supervision steps and merchant accounts.
import type { Body, Query, Schemas } from '../../../lib/api/client';
import { MERCHANT_CATEGORIES, MERCHANT_STATUSES } from '../../../lib/api/dictionaries';
import { api, ok } from './client';

export { MERCHANT_CATEGORIES, MERCHANT_STATUSES };
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
export type MerchantCall = Schemas['MerchantCall'];
/** A merchant as staff list it (an application is a merchant still `applied`, or decided). */
export type StaffMerchant = Schemas['MerchantStaffItem'];
export type MerchantApplication = StaffMerchant;
export type MerchantRecord = Schemas['MerchantRecord'];
export type MerchantHistoryEntry = Schemas['MerchantHistoryItem'];
export type AgreementInput = Body<'/api/merchants/{id}/agreement', 'post'>;

type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page: number; pageSize: number };
const at = (id: number) => ({ params: { path: { id } } });

export const merchantApi = {
  calls: (query: Paged<Query<'/api/merchant-calls'>>) => ok(api.GET('/api/merchant-calls', { params: { query } })),
  createCall: (body: Body<'/api/merchant-calls', 'post'>) => ok(api.POST('/api/merchant-calls', { body })),
  closeCall: (id: number) => ok(api.POST('/api/merchant-calls/{id}/close', at(id))),
  applications: (query: Paged<Query<'/api/merchant-applications'>>) =>
    ok(api.GET('/api/merchant-applications', { params: { query } })),
  review: (id: number, body: Body<'/api/merchant-applications/{id}/review', 'post'>) =>
    ok(api.POST('/api/merchant-applications/{id}/review', { ...at(id), body })),
  list: (query: Paged<Query<'/api/merchants/manage'>>) => ok(api.GET('/api/merchants/manage', { params: { query } })),
  record: (id: number) => ok(api.GET('/api/merchants/{id}/record', at(id))),
  agreement: (id: number, body: AgreementInput) => ok(api.POST('/api/merchants/{id}/agreement', { ...at(id), body })),
  inspect: (id: number, body: Body<'/api/merchants/{id}/inspections', 'post'>) =>
    ok(api.POST('/api/merchants/{id}/inspections', { ...at(id), body })),
  assess: (id: number, body: Body<'/api/merchants/{id}/assessments', 'post'>) =>
    ok(api.POST('/api/merchants/{id}/assessments', { ...at(id), body })),
  step: (id: number, step: MerchantStep, reason: string) =>
    ok(api.POST(`/api/merchants/{id}/${step}`, { ...at(id), body: { reason } })),
  createAccount: (id: number, body: Body<'/api/merchants/{id}/accounts', 'post'>) =>
    ok(api.POST('/api/merchants/{id}/accounts', { ...at(id), body })),
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
