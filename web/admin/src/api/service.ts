// The service center (docs/API-SERVICE.md): catalog, cases and their transitions, counter lookup,
// figures, AB posts.
import type { AwayReason, Case, CaseListItem, Category, Channel, FieldValue, Service, ServiceInput } from '../../../lib/service';
import { uploadFile } from '../../../lib/upload';
import type { Attachment } from '../../../lib/service';
import { currentLocale } from '../i18n';
import { client } from './client';
import { downloadFile } from './members';
import type { Page } from './types';

export type CaseView = 'mine' | 'team' | 'queue' | 'overdue' | 'all';

export interface CaseQuery {
  view?: CaseView;
  state?: string;
  channel?: Channel;
  serviceId?: number;
  category?: Category;
  orgId?: number;
  flagged?: boolean;
  q?: string;
  from?: string;
  to?: string;
  sort?: string;
}

export interface CounterMember {
  id: number;
  name: string;
  phone: string | null;
  idNumber: string;
  orgId: number;
  orgName: string;
  jobType: string;
  status: string;
  employer: string | null;
}

/** A member in the caller's member scope: the registry's answer (masked), with the form prefill. */
export interface CounterLookupMember {
  scope: 'member';
  member: CounterMember;
  prefill: Record<string, FieldValue>;
  eligible: boolean | null;
  openCases: number;
}

/** Outside the caller's member scope: only what intake needs; service-center staff get a token to register the case. */
export interface CounterLookupIntake {
  scope: 'intake';
  member: { id: number; name: string; current: boolean; jobType?: string };
  eligible: boolean | null;
  intakeToken: string | null;
}

export type CounterLookup = CounterLookupMember | CounterLookupIntake;

export interface Figures {
  open: number;
  overdue: number;
  closedThisMonth: number;
  avgHandlingHours: number | null;
  satisfactionRate: number | null;
  rated: number;
  byChannel: Array<{ channel: Channel; total: number; open: number; resolved: number }>;
  byService: Array<{ serviceId: number; serviceName: string; category: Category; total: number; open: number; overdue: number; resolved: number }>;
}

export interface Post {
  accountId: number;
  name: string;
  orgId: number;
  orgName: string;
  backupId: number | null;
  backupName: string | null;
  awayFrom: string | null;
  awayUntil: string | null;
  awayReason: AwayReason | null;
  awayNote: string | null;
  away: boolean;
  coveredById: number | null;
  coveredByName: string | null;
  openCases: number;
}

export interface Cover {
  awayId: number;
  awayName: string;
  backupId: number;
  backupName: string;
  from: string;
  until: string;
  reason: AwayReason;
  cases: number;
}

export interface PostInput {
  backupId: number | null;
  away: { from: string; until: string; reason: AwayReason; note?: string } | null;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function caseParams(q: CaseQuery): Query {
  return { ...q, flagged: q.flagged ? 'true' : undefined };
}

export const serviceApi = {
  catalog: async (orgId?: number): Promise<Service[]> => (await client.get<{ items: Service[] }>('/api/services', { orgId })).items,
  definitions: async (orgId: number): Promise<Service[]> =>
    (await client.get<{ items: Service[] }>('/api/services/definitions', { orgId })).items,
  get: (id: number) => client.get<Service>(`/api/services/${id}`),
  create: (input: ServiceInput) => client.post<Service>('/api/services', input),
  update: (id: number, input: Partial<ServiceInput>) => client.patch<Service>(`/api/services/${id}`, input),
};

export const caseApi = {
  list: (query: CaseQuery & { page: number; pageSize: number }) => client.get<Page<CaseListItem>>('/api/cases', caseParams(query)),
  get: (id: number) => client.get<Case>(`/api/cases/${id}`),
  /** One transition (`accept`, `start`, `resolve`, `reject`, `transfer`, `assign`, `notes`, `callback`, `unflag`). */
  act: (id: number, action: string, body: Record<string, unknown> = {}) => client.post<Case>(`/api/cases/${id}/${action}`, body),
  create: (input: { serviceId: number; channel: 'counter' | 'phone'; memberId?: number; intakeToken?: string; contact?: { name: string; phone?: string }; fields: Record<string, FieldValue>; note?: string }) =>
    client.post<Case>('/api/cases', input),
  lookup: (key: { phone?: string; idNumber?: string; cardToken?: string }, serviceId?: number) =>
    client.post<CounterLookup>('/api/cases/counter/lookup', { ...key, ...(serviceId ? { serviceId } : {}) }),
  figures: (query: { orgId?: number; from?: string; to?: string }) => client.get<Figures>('/api/cases/figures', query),
  callbacks: (paging: { page: number; pageSize: number }) => client.get<Page<CaseListItem>>('/api/cases/callbacks', paging),
  exportXlsx: (query: CaseQuery, fallbackName: string) => downloadFile('/api/cases/export', fallbackName, caseParams(query)),
  uploadFile: (file: File) => uploadFile<Attachment>('/api/case-files', file, currentLocale.value),
  attach: (id: number, file: File) => uploadFile<Attachment>(`/api/cases/${id}/attachments`, file, currentLocale.value),
};

export const postApi = {
  list: async (orgId?: number): Promise<Post[]> => (await client.get<{ items: Post[] }>('/api/service-posts', { orgId })).items,
  cover: async (): Promise<Cover[]> => (await client.get<{ items: Cover[] }>('/api/service-posts/cover')).items,
  save: (accountId: number, input: PostInput) => client.put<Post>(`/api/service-posts/${accountId}`, input),
  returnNow: (accountId: number) => client.post<Post>(`/api/service-posts/${accountId}/return`),
};
