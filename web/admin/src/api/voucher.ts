// 消费券 campaigns, their live figures, lottery draws, caps per org and merchant settlements (the voucher module
// of the server). Money is in 分 (integers) in the API; the forms type 元.
import { downloadFile, type Body, type Query, type Reply, type Schemas } from '../../../lib/api/client';
import { api, ok } from './client';
import { CAMPAIGN_KINDS, CAMPAIGN_MODES, CAMPAIGN_STATES, SETTLEMENT_STATES } from '../../../lib/api/dictionaries';

export { CAMPAIGN_KINDS, CAMPAIGN_MODES, CAMPAIGN_STATES, SETTLEMENT_STATES };
/** The kinds a yearly cap per member may apply to (every kind; null: no cap). */
export const CAP_KINDS = CAMPAIGN_KINDS;

export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type CampaignMode = (typeof CAMPAIGN_MODES)[number];
export type CampaignState = (typeof CAMPAIGN_STATES)[number];
export type SettlementState = (typeof SETTLEMENT_STATES)[number];
export type CapKind = (typeof CAP_KINDS)[number];

export type CampaignInput = Body<'/api/voucher-campaigns', 'post'>;
export type Campaign = Schemas['VoucherCampaign'];
export type CampaignFigures = Schemas['VoucherCampaignFigures'];
export type Draw = Schemas['LotteryDraw'];
export type DrawCheck = Reply<'/api/voucher-campaigns/{id}/draw/verify'>;
export type Caps = Schemas['VoucherCaps'];
export type Settlement = Schemas['VoucherSettlement'];
export type SettlementDetail = Schemas['VoucherSettlementDetail'];

type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page: number; pageSize: number };
const at = (id: number) => ({ params: { path: { id } } });

export const voucherApi = {
  campaigns: (query: Paged<Query<'/api/voucher-campaigns'>>) =>
    ok(api.GET('/api/voucher-campaigns', { params: { query } })),
  campaign: (id: number) => ok(api.GET('/api/voucher-campaigns/{id}', at(id))),
  create: (body: CampaignInput) => ok(api.POST('/api/voucher-campaigns', { body })),
  update: (id: number, body: Body<'/api/voucher-campaigns/{id}', 'patch'>) =>
    ok(api.PATCH('/api/voucher-campaigns/{id}', { ...at(id), body })),
  step: (id: number, step: 'publish' | 'close') => ok(api.POST(`/api/voucher-campaigns/{id}/${step}`, at(id))),
  figures: (id: number) => ok(api.GET('/api/voucher-campaigns/{id}/figures', at(id))),
  runDraw: (id: number, seed?: string) =>
    ok(api.POST('/api/voucher-campaigns/{id}/draw', { ...at(id), body: seed ? { seed } : {} })),
  draw: (id: number) => ok(api.GET('/api/voucher-campaigns/{id}/draw', at(id))),
  verifyDraw: (id: number) => ok(api.GET('/api/voucher-campaigns/{id}/draw/verify', at(id))),
  registrations: (id: number, query: { page: number; pageSize: number }) =>
    ok(api.GET('/api/voucher-campaigns/{id}/registrations', { params: { path: { id }, query } })),
  caps: (orgId: number) => ok(api.GET('/api/voucher-caps', { params: { query: { orgId } } })),
  setCaps: (orgId: number, caps: Body<'/api/voucher-caps/{orgId}', 'put'>['caps']) =>
    ok(api.PUT('/api/voucher-caps/{orgId}', { params: { path: { orgId } }, body: { caps } })),
  settlements: (query: Paged<Query<'/api/voucher-settlements'>>) =>
    ok(api.GET('/api/voucher-settlements', { params: { query } })),
  settle: (body: Body<'/api/voucher-settlements', 'post'>) => ok(api.POST('/api/voucher-settlements', { body })),
  settlement: (id: number) => ok(api.GET('/api/voucher-settlements/{id}', at(id))),
  approve: (id: number) => ok(api.POST('/api/voucher-settlements/{id}/approve', at(id))),
  exportXlsx: (s: Settlement) =>
    downloadFile(`/api/voucher-settlements/${s.id}/export`, `结算单-${s.merchantName}-${s.periodStart}.xlsx`),
};
