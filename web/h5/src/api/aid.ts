// 微心愿 and the assistance a household received, as the member uses them (docs/API-ASSISTANCE.md).
// Money is integer fen in the API; the pages show yuan.
import type { Body, Query, Schemas } from '../../../lib/api/client';
import { api, ok } from './client';

export type MyWish = Schemas['MyWish'];
/** A wish on the public board: never the worker's name or union, only the area above it. */
export type BoardWish = Schemas['BoardWish'];
export type WishState = MyWish['state'];
export type DonorKind = NonNullable<BoardWish['donorKind']>;
export type AssistanceReceived = Schemas['AssistanceReceived'];

const at = (id: number) => ({ params: { path: { id } } });

export const wishApi = {
  post: (input: Body<'/api/me/wishes', 'post'>) => ok(api.POST('/api/me/wishes', { body: input })),
  mine: async (): Promise<MyWish[]> => (await ok(api.GET('/api/me/wishes'))).items,
  withdraw: (id: number) => ok(api.POST('/api/me/wishes/{id}/withdraw', at(id))),
  board: (query: Query<'/api/wishes'> & { page: number; pageSize: number }) =>
    ok(api.GET('/api/wishes', { params: { query } })),
  claim: (id: number) => ok(api.POST('/api/wishes/{id}/claim', at(id))),
};

export const assistanceApi = {
  received: async (): Promise<AssistanceReceived[]> => (await ok(api.GET('/api/me/assistance'))).items,
};

/** ¥1,234.50 for 123450 fen. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}
