// Policy Q&A knowledge base, the voice board and alerts (docs/API-QA.md).
import type {
  Alert, AlertStatus, AlertTopic, QaCategory, QaEntry, QaEntryInput, QaKind, QaStatus, VoiceItem, VoiceKind, VoiceStatus,
} from '../../../lib/qa';
import { client } from './client';
import type { Page } from './types';

type Paging = { page: number; pageSize: number };

export const qaApi = {
  list: (query: { q?: string; status?: QaStatus; category?: QaCategory; kind?: QaKind; orgId?: number } & Paging) =>
    client.get<Page<QaEntry>>('/api/qa/entries', query),
  create: (input: QaEntryInput) => client.post<QaEntry>('/api/qa/entries', input),
  update: (id: number, input: Partial<QaEntryInput>) => client.patch<QaEntry>(`/api/qa/entries/${id}`, input),
  publish: (id: number) => client.post<QaEntry>(`/api/qa/entries/${id}/publish`),
  withdraw: (id: number) => client.post<QaEntry>(`/api/qa/entries/${id}/withdraw`),
};

export const voiceApi = {
  list: (query: { status?: VoiceStatus; kind?: VoiceKind; orgId?: number; alerted?: boolean; q?: string } & Paging) =>
    client.get<Page<VoiceItem>>('/api/voice', query),
  get: (id: number) => client.get<VoiceItem>(`/api/voice/${id}`),
  reply: (id: number, reply: string) => client.post<VoiceItem>(`/api/voice/${id}/reply`, { reply }),
  publish: (id: number, published: boolean) => client.post<VoiceItem>(`/api/voice/${id}/publish`, { published }),
  close: (id: number) => client.post<VoiceItem>(`/api/voice/${id}/close`),
  toCase: (id: number, serviceId: number) => client.post<{ caseId: number }>(`/api/voice/${id}/case`, { serviceId }),
};

export const alertApi = {
  list: (query: { status?: AlertStatus; kind?: 'keyword' | 'trend'; orgId?: number } & Paging) => client.get<Page<Alert>>('/api/alerts', query),
  acknowledge: (id: number, note?: string) => client.post<Alert>(`/api/alerts/${id}/acknowledge`, note ? { note } : {}),
  close: (id: number, note: string) => client.post<Alert>(`/api/alerts/${id}/close`, { note }),
  topics: (query: { orgId?: number } & Paging) => client.get<Page<AlertTopic>>('/api/alert-topics', query),
  createTopic: (input: { orgId: number; name: string; keywords: string[]; active?: boolean }) => client.post<AlertTopic>('/api/alert-topics', input),
  updateTopic: (id: number, input: { name?: string; keywords?: string[]; active?: boolean }) =>
    client.patch<AlertTopic>(`/api/alert-topics/${id}`, input),
};
