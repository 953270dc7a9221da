import { api, getJob, ok } from './client';
import type { AuditQuery, AuditVerifyResult } from './types';

export const auditApi = {
  list: (query: AuditQuery) => ok(api.GET('/api/audit', { params: { query } })),
  /** Every action with its labels: the action filter's options. */
  actions: () => ok(api.GET('/api/audit/actions')),
  startVerify: () => ok(api.POST('/api/audit/verify')),
  getJob: (id: string) => getJob<AuditVerifyResult>(id),
};
