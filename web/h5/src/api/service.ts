// The service center as the member uses it (docs/API-SERVICE.md): the catalog, applying, own
// cases and their steps, the inbox; Q&A search and writing to the union (docs/API-QA.md).
import { upload, type Body, type Query, type Schemas } from '../../../lib/api/client';
import type { Case, FieldValue, Rating, Service } from '../../../lib/service';
import { api, ok } from './client';

const at = (id: number) => ({ params: { path: { id } } });
// The answers' schemas leave a service's form and a case's answers open; the catalog defines them.
const typed = (s: Schemas['Service']) => s as Service;
const typedCase = async (c: Promise<Schemas['Case']>) => (await c) as Case;

export const serviceApi = {
  catalog: async (): Promise<Service[]> => (await ok(api.GET('/api/services'))).items.map(typed),
  get: async (id: number) => typed(await ok(api.GET('/api/services/{id}', at(id)))),
  uploadFile: (file: File) => upload('/api/case-files', file),
  apply: (serviceId: number, fields: Record<string, FieldValue>, note?: string) =>
    typedCase(ok(api.POST('/api/cases', { body: { serviceId, fields, ...(note ? { note } : {}) } }))),
  // `state` may be a comma-separated list (an open/closed tab): the server reads one; its schema shows a single state.
  myCases: (query: { state?: string; page: number; pageSize: number }) =>
    ok(api.GET('/api/cases', { params: { query: query as Query<'/api/cases'> } })),
  getCase: (id: number) => typedCase(ok(api.GET('/api/cases/{id}', at(id)))),
  rate: (id: number, rating: Rating, comment?: string) =>
    typedCase(ok(api.POST('/api/cases/{id}/rate', { ...at(id), body: { rating, ...(comment ? { comment } : {}) } }))),
  withdraw: (id: number, reason?: string) =>
    typedCase(ok(api.POST('/api/cases/{id}/withdraw', { ...at(id), body: reason ? { reason } : {} }))),
  reopen: (id: number, reason: string) =>
    typedCase(ok(api.POST('/api/cases/{id}/reopen', { ...at(id), body: { reason } }))),
  attach: (id: number, file: File) => upload('/api/cases/{id}/attachments', file, { id }),
};

export const inboxApi = {
  list: (query: { unread?: boolean; page: number; pageSize?: number }) =>
    ok(api.GET('/api/me/inbox', { params: { query: { ...query, unread: query.unread ? 'true' : undefined } } })),
  read: (id: number) => ok(api.POST('/api/me/inbox/{id}/read', at(id))),
  readAll: () => ok(api.POST('/api/me/inbox/read-all')),
  unread: async () => (await ok(api.GET('/api/me/inbox/unread'))).unread,
};

export const qaApi = {
  search: (q: string) => ok(api.GET('/api/qa/search', { params: { query: { q, limit: 20 } } })),
  ask: (question: string) => ok(api.POST('/api/qa/ask', { body: { question } })),
  hot: (query: Query<'/api/qa/hot'>) => ok(api.GET('/api/qa/hot', { params: { query } })),
  view: (id: number) => ok(api.POST('/api/qa/entries/{id}/views', at(id))),
};

export const voiceApi = {
  send: (input: Body<'/api/voice', 'post'>) => ok(api.POST('/api/voice', { body: input })),
  mine: (query: { page: number; pageSize: number }) => ok(api.GET('/api/me/voice', { params: { query } })),
  setConsent: (id: number, publishConsent: boolean) =>
    ok(api.PATCH('/api/me/voice/{id}', { ...at(id), body: { publishConsent } })),
};
