// The service center as the member uses it (docs/API-SERVICE.md): the catalog, applying, own
// cases and their steps, the inbox; Q&A search and writing to the union (docs/API-QA.md).
import type { MyVoiceItem, QaHit, VoiceKind } from '../../../lib/qa';
import type { Attachment, Case, CaseListItem, FieldValue, InboxMessage, Rating, Service } from '../../../lib/service';
import { uploadFile } from '../../../lib/upload';
import { i18n } from '../i18n';
import { authed } from './client';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const upload = <T>(path: string, file: File) => uploadFile<T>(path, file, i18n.global.locale.value);

export const serviceApi = {
  catalog: async (): Promise<Service[]> => (await authed.get<{ items: Service[] }>('/api/services')).items,
  get: (id: number) => authed.get<Service>(`/api/services/${id}`),
  uploadFile: (file: File) => upload<Attachment>('/api/case-files', file),
  apply: (serviceId: number, fields: Record<string, FieldValue>, note?: string) =>
    authed.post<Case>('/api/cases', { serviceId, fields, ...(note ? { note } : {}) }),
  myCases: (query: { state?: string; page: number; pageSize: number }) => authed.get<Page<CaseListItem>>('/api/cases', query),
  getCase: (id: number) => authed.get<Case>(`/api/cases/${id}`),
  rate: (id: number, rating: Rating, comment?: string) => authed.post<Case>(`/api/cases/${id}/rate`, { rating, ...(comment ? { comment } : {}) }),
  withdraw: (id: number, reason?: string) => authed.post<Case>(`/api/cases/${id}/withdraw`, reason ? { reason } : {}),
  reopen: (id: number, reason: string) => authed.post<Case>(`/api/cases/${id}/reopen`, { reason }),
  attach: (id: number, file: File) => upload<Attachment>(`/api/cases/${id}/attachments`, file),
};

export const inboxApi = {
  list: (query: { unread?: boolean; page: number; pageSize?: number }) =>
    authed.get<Page<InboxMessage> & { unread: number }>('/api/me/inbox', { ...query, unread: query.unread ? 'true' : undefined }),
  read: (id: number) => authed.post<void>(`/api/me/inbox/${id}/read`),
  readAll: () => authed.post<void>('/api/me/inbox/read-all'),
};

export const qaApi = {
  search: (q: string) => authed.get<{ items: QaHit[]; tokens: string[] }>('/api/qa/search', { q, limit: 20 }),
  ask: (question: string) => authed.post<{ caseId: number }>('/api/qa/ask', { question }),
};

export const voiceApi = {
  send: (input: { kind: VoiceKind; title: string; content: string; showName: boolean; publishConsent: boolean }) =>
    authed.post<MyVoiceItem>('/api/voice', input),
  mine: (paging: { page: number; pageSize: number }) => authed.get<Page<MyVoiceItem>>('/api/me/voice', paging),
  setConsent: (id: number, publishConsent: boolean) => authed.patch<MyVoiceItem>(`/api/me/voice/${id}`, { publishConsent }),
};
