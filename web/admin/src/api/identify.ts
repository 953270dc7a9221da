// Precise identification (docs/API-ASSISTANCE.md, "Precise identification"): the list with its
// reasons, verify / dismiss / visit, the recompute job, rules with a dry run, member situations.
import { client } from './client';
import type { Job, Page } from './types';

export const RULE_CODES = ['aid_cases', 'low_income_job', 'work_injury', 'disability', 'single_parent_disaster', 'income_below_line', 'relapse'] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface Reason { code: RuleCode; weight: number; detail: string }
export interface Candidate {
  memberId: number; name: string; orgId: number; orgName: string; gender: 'male' | 'female'; age: number; idNumber: string; phone: string | null;
  jobType: string; score: number; reasons: Reason[]; computedAt: string; visit: { id: number; dueDate: string; assigneeName: string } | null;
}
export interface CandidateQuery { orgId?: number; rule?: RuleCode; minScore?: number; page: number; pageSize: number }

export interface RuleSetting { code: RuleCode; enabled: boolean; weight: number; params: Record<string, unknown> }
export interface RuleView extends RuleSetting {
  text: string; textEn: string; own: boolean; definedAt: { orgId: number; orgName: string } | null; default: RuleSetting;
}
export interface Rules { orgId: number; rules: RuleView[]; jobTypes: string[] }
export interface Counts { total: number; byRule: Partial<Record<RuleCode, number>> }
export interface RecomputeResult { membersWithSignals: number; candidates: number; hidden: number; ms: number }

export interface Situation {
  memberId: number; disability: boolean; dependants: number | null; incomePerHead: number | null; singleParent: boolean; disaster: boolean;
  note: string | null; updatedAt: string | null; updatedBy: string | null;
}
export type SituationInput = Pick<Situation, 'disability' | 'dependants' | 'incomePerHead' | 'singleParent' | 'disaster' | 'note'>;

export const identifyApi = {
  list: (q: CandidateQuery) => client.get<Page<Candidate>>('/api/hardship/candidates', { ...q }),
  recompute: (orgId: number) => client.post<{ jobId: string }>('/api/hardship/candidates/recompute', { orgId }),
  job: (id: string) => client.get<Job<RecomputeResult>>(`/api/jobs/${encodeURIComponent(id)}`),
  verify: (memberId: number) => client.post<{ fileId: number }>(`/api/hardship/candidates/${memberId}/verify`, {}),
  dismiss: (memberId: number, reason: string) => client.post<{ until: string }>(`/api/hardship/candidates/${memberId}/dismiss`, { reason }),
  visit: (memberId: number, body: { assigneeId: number; dueDate: string; note?: string }) => client.post<{ id: number }>(`/api/hardship/candidates/${memberId}/visit`, body),
  rules: (orgId: number) => client.get<Rules>('/api/hardship/rules', { orgId }),
  saveRules: (orgId: number, rules: RuleSetting[]) => client.put<Rules>(`/api/hardship/rules/${orgId}`, { rules }),
  dryRun: (orgId: number, rules: RuleSetting[]) => client.post<{ saved: Counts; proposed: Counts }>('/api/hardship/rules/dry-run', { orgId, rules }),
  situation: (memberId: number) => client.get<Situation>(`/api/hardship/situations/${memberId}`),
  saveSituation: (memberId: number, body: SituationInput) => client.put<Situation>(`/api/hardship/situations/${memberId}`, body),
};
