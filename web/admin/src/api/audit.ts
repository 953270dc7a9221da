import { client } from './client';
import type { AuditEntry, AuditQuery, AuditVerifyResult, Job, Page } from './types';

export const auditApi = {
  list: (query: AuditQuery) => client.get<Page<AuditEntry>>('/api/audit', { ...query }),
  startVerify: () => client.post<{ jobId: string }>('/api/audit/verify'),
  getJob: (id: string) => client.get<Job<AuditVerifyResult>>(`/api/jobs/${encodeURIComponent(id)}`),
};
