// The benefit network's partner businesses as members and the public see them (issue 17): the
// directory (nearest first when the phone gives a place), one merchant, the open calls and the
// application form, and a member's complaint. A merchant account's own record too (merchant mode).
import type { Body, Query, Reply } from '../../../lib/api/client';
import { api, ok } from './client';

export type MerchantItem = Reply<'/api/merchants'>['items'][number];
export type MerchantDetail = Reply<'/api/merchants/{id}'>;
export type MerchantCall = Reply<'/api/merchant-calls/open'>['items'][number];
export type MerchantApplication = Body<'/api/merchant-calls/{id}/applications', 'post'>;
export type MerchantQuery = Query<'/api/merchants'>;

const at = (id: number) => ({ params: { path: { id } } });

export const merchantApi = {
  list: (query: MerchantQuery) => ok(api.GET('/api/merchants', { params: { query } })),
  get: (id: number) => ok(api.GET('/api/merchants/{id}', at(id))),
  openCalls: async (): Promise<MerchantCall[]> => (await ok(api.GET('/api/merchant-calls/open'))).items,
  apply: (callId: number, body: MerchantApplication) =>
    ok(api.POST('/api/merchant-calls/{id}/applications', { ...at(callId), body })),
  complain: (merchantId: number, content: string) =>
    ok(api.POST('/api/me/merchant-complaints', { body: { merchantId, content } })),
  /** Merchant mode: the signed-in merchant's own record and status. */
  me: () => ok(api.GET('/api/merchant/me')),
};

/** 350 m, 1.2 km. */
export function formatDistance(m: number | null | undefined): string {
  if (m === null || m === undefined) return '';
  return m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)} km`;
}
