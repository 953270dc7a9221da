// 微心愿 and the assistance a household received, as the member uses them (docs/API-ASSISTANCE.md).
// Money is integer fen in the API; the pages show yuan.
import { authed } from './client';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type WishState = 'submitted' | 'published' | 'claimed' | 'fulfilled' | 'rejected' | 'withdrawn';
export type DonorKind = 'org' | 'partner' | 'member';

export interface MyWish {
  id: number; title: string; story: string; estimatedFen: number; state: WishState; reviewNote: string | null;
  donorKind: DonorKind | null; donorName: string | null; claimedAt: string | null; fulfilNote: string | null; fulfilledAt: string | null; createdAt: string;
}

/** A wish on the public board: never the worker's name or union, only the area above it. */
export interface BoardWish {
  id: number; title: string; story: string; estimatedFen: number; state: WishState; area: string; publishedAt: string | null;
  donorKind: DonorKind | null; donorName: string | null; claimedAt: string | null; fulfilledAt: string | null; mine: boolean;
}

export interface AssistanceReceived {
  id: number; programmeName: string; kind: string; amountFen: number | null; goods: string | null; date: string; state: string;
}

export const wishApi = {
  post: (input: { title: string; story: string; estimatedFen: number }) => authed.post<MyWish>('/api/me/wishes', input),
  mine: async (): Promise<MyWish[]> => (await authed.get<{ items: MyWish[] }>('/api/me/wishes')).items,
  withdraw: (id: number) => authed.post<{ ok: true }>(`/api/me/wishes/${id}/withdraw`),
  board: (query: { state?: 'published' | 'claimed' | 'fulfilled'; page: number; pageSize: number }) => authed.get<Page<BoardWish>>('/api/wishes', query),
  claim: (id: number) => authed.post<{ ok: true }>(`/api/wishes/${id}/claim`),
};

export const assistanceApi = {
  received: async (): Promise<AssistanceReceived[]> => (await authed.get<{ items: AssistanceReceived[] }>('/api/me/assistance')).items,
};

/** ¥1,234.50 for 123450 fen. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}
