// Policy Q&A knowledge base, the voice board and alerts (docs/API-QA.md).
import type { Body, Query } from '../../../lib/api/client';
import type { QaEntryInput } from '../../../lib/qa';
import { api, ok } from './client';

type Paged<Q> = Omit<Q, 'page' | 'pageSize' | 'alerted'> & { page: number; pageSize: number };
const at = (id: number) => ({ params: { path: { id } } });

export const qaApi = {
  list: (query: Paged<Query<'/api/qa/entries'>>) => ok(api.GET('/api/qa/entries', { params: { query } })),
  // A missing org goes to the server, which answers with the form's field error.
  create: (input: Omit<QaEntryInput, 'orgId'> & { orgId?: number }) =>
    ok(api.POST('/api/qa/entries', { body: input as QaEntryInput })),
  update: (id: number, input: Body<'/api/qa/entries/{id}', 'patch'>) =>
    ok(api.PATCH('/api/qa/entries/{id}', { ...at(id), body: input })),
  publish: (id: number) => ok(api.POST('/api/qa/entries/{id}/publish', at(id))),
  withdraw: (id: number) => ok(api.POST('/api/qa/entries/{id}/withdraw', at(id))),
};

export const voiceApi = {
  list: ({ alerted, ...query }: Paged<Query<'/api/voice'>> & { alerted?: boolean }) =>
    ok(
      api.GET('/api/voice', {
        params: { query: { ...query, alerted: alerted === undefined ? undefined : alerted ? 'true' : 'false' } },
      }),
    ),
  get: (id: number) => ok(api.GET('/api/voice/{id}', at(id))),
  reply: (id: number, reply: string) => ok(api.POST('/api/voice/{id}/reply', { ...at(id), body: { reply } })),
  publish: (id: number, published: boolean) =>
    ok(api.POST('/api/voice/{id}/publish', { ...at(id), body: { published } })),
  close: (id: number) => ok(api.POST('/api/voice/{id}/close', at(id))),
  toCase: (id: number, serviceId: number) => ok(api.POST('/api/voice/{id}/case', { ...at(id), body: { serviceId } })),
};

export const alertApi = {
  list: (query: Paged<Query<'/api/alerts'>>) => ok(api.GET('/api/alerts', { params: { query } })),
  acknowledge: (id: number, note?: string) =>
    ok(api.POST('/api/alerts/{id}/acknowledge', { ...at(id), body: note ? { note } : {} })),
  close: (id: number, note: string) => ok(api.POST('/api/alerts/{id}/close', { ...at(id), body: { note } })),
  topics: (query: Paged<Query<'/api/alert-topics'>>) => ok(api.GET('/api/alert-topics', { params: { query } })),
  createTopic: (input: Body<'/api/alert-topics', 'post'>) => ok(api.POST('/api/alert-topics', { body: input })),
  updateTopic: (id: number, input: Body<'/api/alert-topics/{id}', 'patch'>) =>
    ok(api.PATCH('/api/alert-topics/{id}', { ...at(id), body: input })),
};
