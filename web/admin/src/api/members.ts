// The member registry: roster, records, reveal, import/export, and the join, transfer and
// correction flows (docs/API-MEMBERS.md).
import { currentLocale } from '../i18n';
import { ApiError, client } from './client';
import type {
  Correction, Job, JoinRequest, Member, MemberCreateInput, MemberImportResult, MemberListItem, MemberQuery, MemberUpdateInput,
  Page, RequestStatus, Transfer, TransferStatus, UnionOption,
} from './types';

type Paging = { page: number; pageSize: number };
type Query = Record<string, string | number | boolean | undefined | null>;

export function toSearchParams(query: Query): URLSearchParams {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  return qs;
}

/** An answer that is not 2xx as an ApiError (the JSON error shape when there is one). */
async function failure(res: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; details?: { path: string; message: string }[] } } | undefined;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  return new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.details ?? []);
}

/** The file name a Content-Disposition header gives (RFC 5987 `filename*` first). */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a file the API serves (the session cookie goes along) and hands it to the browser
 * under the server's name. Throws ApiError when the answer is not a file.
 */
export async function downloadFile(path: string, fallbackName: string, query: Query = {}): Promise<void> {
  const qs = toSearchParams(query).toString();
  const res = await fetch(qs ? `${path}?${qs}` : path, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLocale.value },
  });
  if (!res.ok) throw await failure(res);
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('application/json') || type.includes('text/html')) {
    throw new ApiError(res.status, 'NOT_A_FILE', res.statusText);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether an error means the endpoint is not there (yet): an unknown route, or a path read as a record id. */
export function isMissingEndpoint(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  if (err.status === 404 || err.status === 405 || err.status === 501 || err.code === 'ROUTE_NOT_FOUND') return true;
  return err.status === 400 && err.code === 'VALIDATION_FAILED' && err.details.some((d) => d.path === 'id');
}

async function postFile<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLocale.value },
    body,
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** The list filters as query parameters (shared by the roster and the export). */
export function memberQueryParams(q: MemberQuery): Query {
  return { ...q, newEmployment: q.newEmployment ? 'true' : undefined };
}

export const memberApi = {
  list: (query: MemberQuery & Paging) => client.get<Page<MemberListItem>>('/api/members', memberQueryParams(query)),
  get: (id: number) => client.get<Member>(`/api/members/${id}`),
  create: (input: MemberCreateInput) => client.post<Member>('/api/members', input),
  update: (id: number, input: MemberUpdateInput) => client.patch<Member>(`/api/members/${id}`, input),
  reveal: (id: number, reason: string) => client.post<{ idNumber: string; phone: string | null }>(`/api/members/${id}/reveal`, { reason }),
  exportXlsx: (query: MemberQuery, fallbackName: string) => downloadFile('/api/members/export', fallbackName, memberQueryParams(query)),
  downloadTemplate: (fallbackName: string) => downloadFile('/api/members/import-template', fallbackName),
  startImport: (file: File) => postFile<{ jobId: string }>('/api/members/import', file),
  getImportJob: (id: string) => client.get<Job<MemberImportResult>>(`/api/jobs/${encodeURIComponent(id)}`),
};

export const joinApi = {
  list: (query: { status?: RequestStatus } & Paging) => client.get<Page<JoinRequest>>('/api/join-requests', query),
  approve: (id: number) => client.post<JoinRequest>(`/api/join-requests/${id}/approve`),
  reject: (id: number, reason: string) => client.post<JoinRequest>(`/api/join-requests/${id}/reject`, { reason }),
};

export const transferApi = {
  list: (query: { direction: 'in' | 'out'; status?: TransferStatus } & Paging) => client.get<Page<Transfer>>('/api/transfers', query),
  start: (memberId: number, toOrgId: number, reason?: string) =>
    client.post<Transfer>('/api/transfers', { memberId, toOrgId, ...(reason ? { reason } : {}) }),
  approve: (id: number) => client.post<Transfer>(`/api/transfers/${id}/approve`),
  reject: (id: number, reason: string) => client.post<Transfer>(`/api/transfers/${id}/reject`, { reason }),
};

export const correctionApi = {
  list: (query: { status?: RequestStatus } & Paging) => client.get<Page<Correction>>('/api/corrections', query),
  approve: (id: number) => client.post<void>(`/api/corrections/${id}/approve`),
  reject: (id: number, reason: string) => client.post<void>(`/api/corrections/${id}/reject`, { reason }),
};

export const unionApi = {
  search: async (q: string): Promise<UnionOption[]> => (await client.get<{ items: UnionOption[] }>('/api/unions', { q })).items,
};
