// My hardship file as the member sees it (docs/API-ASSISTANCE.md, "Hardship files"): status,
// category, next review, assistance received, who viewed the file; consent given and withdrawn.
import type { Body, Reply, Schemas } from '../../../lib/api/client';
import { api, ok } from './client';

export type MyHardship = Schemas['MyHardship'];
export type Viewer = Reply<'/api/me/hardship/viewers'>['items'][number];

export const hardshipApi = {
  mine: () => ok(api.GET('/api/me/hardship')),
  viewers: (page: number) => ok(api.GET('/api/me/hardship/viewers', { params: { query: { page, pageSize: 20 } } })),
  consent: (version: string, scope: Body<'/api/me/hardship/consent', 'post'>['scope']) =>
    ok(api.POST('/api/me/hardship/consent', { body: { version, scope } })),
  withdraw: () => ok(api.POST('/api/me/hardship/consent/withdraw', { body: {} })),
};
