// The service center (docs/API-SERVICE.md): catalog, cases and their transitions, counter lookup,
// figures, AB posts.
import { downloadFile, upload, type Body, type Query, type Reply, type Schemas } from '../../../lib/api/client';
import type { Case, FieldValue, Service, ServiceInput } from '../../../lib/service';
import { api, ok } from './client';

export type CaseView = NonNullable<Query<'/api/cases'>['view']>;
export type CaseQuery = Omit<Query<'/api/cases'>, 'page' | 'pageSize' | 'flagged'> & { flagged?: boolean };
/** The counter lookup; a registered member's prefill typed as form answers (the schema leaves it open). */
export type CounterLookupMember = Omit<Extract<Schemas['CounterLookup'], { scope: 'member' }>, 'prefill'> & {
  prefill: Record<string, FieldValue>;
};
export type CounterLookupIntake = Extract<Schemas['CounterLookup'], { scope: 'intake' }>;
export type CounterLookup = CounterLookupMember | CounterLookupIntake;
export type CounterMember = CounterLookupMember['member'];
export type Figures = Reply<'/api/cases/figures'>;
export type Post = Reply<'/api/service-posts'>['items'][number];
export type Cover = Reply<'/api/service-posts/cover'>['items'][number];
export type PostInput = Body<'/api/service-posts/{id}', 'put'>;
/** The transitions a case offers (`accept`, `start`, `resolve`, `reject`, `transfer`, `assign`, `notes`, `callback`, `unflag`). */
export type CaseAction =
  'accept' | 'start' | 'resolve' | 'reject' | 'transfer' | 'assign' | 'notes' | 'callback' | 'unflag';

const at = (id: number) => ({ params: { path: { id } } });
const caseParams = ({ flagged, ...q }: CaseQuery) => ({ ...q, flagged: flagged ? ('true' as const) : undefined });
// The answer's schema widens a form field's type to a string; the catalog only ever writes the enum.
const typed = (s: Schemas['Service']) => s as Service;
const typedCase = async (c: Promise<Schemas['Case']>) => (await c) as Case;

export const serviceApi = {
  catalog: async (orgId?: number): Promise<Service[]> =>
    (await ok(api.GET('/api/services', { params: { query: { orgId } } }))).items.map(typed),
  definitions: async (orgId: number): Promise<Service[]> =>
    (await ok(api.GET('/api/services/definitions', { params: { query: { orgId } } }))).items.map(typed),
  get: async (id: number) => typed(await ok(api.GET('/api/services/{id}', at(id)))),
  create: async (input: ServiceInput) => typed(await ok(api.POST('/api/services', { body: input }))),
  update: async (id: number, input: Body<'/api/services/{id}', 'patch'>) =>
    typed(await ok(api.PATCH('/api/services/{id}', { ...at(id), body: input }))),
};

export const caseApi = {
  list: (query: CaseQuery & { page: number; pageSize: number }) =>
    ok(api.GET('/api/cases', { params: { query: caseParams(query) } })),
  get: (id: number) => typedCase(ok(api.GET('/api/cases/{id}', at(id)))),
  act: (id: number, action: CaseAction, body: Record<string, unknown> = {}) =>
    typedCase(ok(api.POST(`/api/cases/{id}/${action}`, { ...at(id), body }))),
  create: (input: Body<'/api/cases', 'post'>) => typedCase(ok(api.POST('/api/cases', { body: input }))),
  /** The applicant's full phone, for a handler calling back; the reason is audited. */
  revealPhone: (id: number, reason: string) =>
    ok(api.POST('/api/cases/{id}/reveal-phone', { ...at(id), body: { reason } })),
  lookup: async (
    key: { phone?: string; idNumber?: string; cardToken?: string },
    serviceId?: number,
  ): Promise<CounterLookup> =>
    (await ok(
      api.POST('/api/cases/counter/lookup', { body: { ...key, ...(serviceId ? { serviceId } : {}) } }),
    )) as CounterLookup,
  figures: (query: Query<'/api/cases/figures'>) => ok(api.GET('/api/cases/figures', { params: { query } })),
  callbacks: (query: { page: number; pageSize: number }) => ok(api.GET('/api/cases/callbacks', { params: { query } })),
  exportXlsx: (query: CaseQuery, fallbackName: string) =>
    downloadFile('/api/cases/export', fallbackName, caseParams(query)),
  uploadFile: (file: File) => upload('/api/case-files', file),
  attach: (id: number, file: File) => upload('/api/cases/{id}/attachments', file, { id }),
};

export const postApi = {
  list: async (orgId?: number): Promise<Post[]> =>
    (await ok(api.GET('/api/service-posts', { params: { query: { orgId } } }))).items,
  cover: async (): Promise<Cover[]> => (await ok(api.GET('/api/service-posts/cover'))).items,
  save: (accountId: number, input: PostInput) =>
    ok(api.PUT('/api/service-posts/{id}', { ...at(accountId), body: input })),
  returnNow: (accountId: number) => ok(api.POST('/api/service-posts/{id}/return', at(accountId))),
};
