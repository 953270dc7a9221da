// The member registry: roster, records, reveal, import/export, and the join, transfer and
// correction flows (docs/API-MEMBERS.md).
import { downloadFile, upload, type Query } from '../../../lib/api/client';
import { api, ApiError, getJob, ok } from './client';
import type {
  MemberCreateInput,
  MemberImportResult,
  MemberQuery,
  MemberUpdateInput,
  RequestStatus,
  TransferStatus,
  UnionOption,
} from './types';

export { downloadFile } from '../../../lib/api/client';

type Paging = { page: number; pageSize: number };
const at = (id: number) => ({ params: { path: { id } } });

/** Whether an error means the endpoint is not there (yet): an unknown route, or a path read as a record id. */
export function isMissingEndpoint(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  if (err.status === 404 || err.status === 405 || err.status === 501 || err.code === 'ROUTE_NOT_FOUND') return true;
  return err.status === 400 && err.code === 'VALIDATION_FAILED' && err.details.some((d) => d.path === 'id');
}

/** The list filters as query parameters (shared by the roster and the export). */
export function memberQueryParams(q: MemberQuery): Query<'/api/members/export'> {
  return { ...q, newEmployment: q.newEmployment ? 'true' : undefined };
}

export const memberApi = {
  list: (query: MemberQuery & Paging) =>
    ok(
      api.GET('/api/members', {
        params: { query: { ...memberQueryParams(query), page: query.page, pageSize: query.pageSize } },
      }),
    ),
  get: (id: number) => ok(api.GET('/api/members/{id}', at(id))),
  create: (input: MemberCreateInput) => ok(api.POST('/api/members', { body: input })),
  update: (id: number, input: MemberUpdateInput) => ok(api.PATCH('/api/members/{id}', { ...at(id), body: input })),
  reveal: (id: number, reason: string) => ok(api.POST('/api/members/{id}/reveal', { ...at(id), body: { reason } })),
  exportXlsx: (query: MemberQuery, fallbackName: string) =>
    downloadFile('/api/members/export', fallbackName, memberQueryParams(query)),
  downloadTemplate: (fallbackName: string) => downloadFile('/api/members/import-template', fallbackName),
  startImport: (file: File) => upload('/api/members/import', file),
  getImportJob: (id: string) => getJob<MemberImportResult>(id),
};

export const joinApi = {
  list: (query: { status?: RequestStatus } & Paging) => ok(api.GET('/api/join-requests', { params: { query } })),
  approve: (id: number) => ok(api.POST('/api/join-requests/{id}/approve', at(id))),
  reject: (id: number, reason: string) =>
    ok(api.POST('/api/join-requests/{id}/reject', { ...at(id), body: { reason } })),
};

export const transferApi = {
  list: (query: { direction: 'in' | 'out'; status?: TransferStatus } & Paging) =>
    ok(api.GET('/api/transfers', { params: { query } })),
  start: (memberId: number, toOrgId: number, reason?: string) =>
    ok(api.POST('/api/transfers', { body: { memberId, toOrgId, ...(reason ? { reason } : {}) } })),
  approve: (id: number) => ok(api.POST('/api/transfers/{id}/approve', at(id))),
  reject: (id: number, reason: string) => ok(api.POST('/api/transfers/{id}/reject', { ...at(id), body: { reason } })),
};

export const correctionApi = {
  list: (query: { status?: RequestStatus } & Paging) => ok(api.GET('/api/corrections', { params: { query } })),
  approve: (id: number) => ok(api.POST('/api/corrections/{id}/approve', at(id))),
  reject: (id: number, reason: string) => ok(api.POST('/api/corrections/{id}/reject', { ...at(id), body: { reason } })),
};

export const unionApi = {
  search: async (q: string): Promise<UnionOption[]> =>
    (await ok(api.GET('/api/unions', { params: { query: { q } } }))).items,
};
