// Vouchers (消费券) as members and merchants use them (issue 17). Members: the campaigns open to
// them, claiming (an Idempotency-Key per attempt: a retry after a lost answer gets the same
// voucher), lottery registration and the published draw, their vouchers and a short-lived QR token.
// Merchants: redeeming a code, today's redemptions, settlement statements. Money is integer fen.
import type { Reply } from '../../../lib/api/client';
import { api, ok } from './client';

export type MemberCampaign = Reply<'/api/me/voucher-campaigns'>['items'][number];
export type Voucher = Reply<'/api/me/vouchers'>['items'][number];
export type VoucherState = Voucher['state'];
export type Draw = Reply<'/api/voucher-campaigns/{id}/draw'>;
export type Redemption = Reply<'/api/vouchers/redeem', 'post'>;
export type MerchantRedemptions = Reply<'/api/merchant/redemptions'>;
export type Settlement = Reply<'/api/merchant/settlements'>['items'][number];

const at = (id: number) => ({ params: { path: { id } } });

/** A fresh key for one claim attempt; the page keeps it for retries of that attempt. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export const voucherApi = {
  campaigns: async (): Promise<MemberCampaign[]> => (await ok(api.GET('/api/me/voucher-campaigns'))).items,
  claim: (campaignId: number, key: string) =>
    ok(api.POST('/api/voucher-campaigns/{id}/claims', { ...at(campaignId), headers: { 'Idempotency-Key': key } })),
  register: (campaignId: number) => ok(api.POST('/api/voucher-campaigns/{id}/registrations', at(campaignId))),
  withdraw: (campaignId: number) => ok(api.DELETE('/api/voucher-campaigns/{id}/registrations', at(campaignId))),
  draw: (campaignId: number) => ok(api.GET('/api/voucher-campaigns/{id}/draw', at(campaignId))),
  mine: async (state?: VoucherState): Promise<Voucher[]> =>
    (await ok(api.GET('/api/me/vouchers', { params: { query: state ? { state } : {} } }))).items,
  qr: (id: number) => ok(api.GET('/api/me/vouchers/{id}/qr', at(id))),
  // merchant mode
  redeem: (code: string) => ok(api.POST('/api/vouchers/redeem', { body: { code } })),
  redemptions: (date?: string) => ok(api.GET('/api/merchant/redemptions', { params: { query: date ? { date } : {} } })),
  settlements: async (): Promise<Settlement[]> => (await ok(api.GET('/api/merchant/settlements'))).items,
  confirmSettlement: (id: number) => ok(api.POST('/api/merchant/settlements/{id}/confirm', at(id))),
};
