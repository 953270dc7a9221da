// Precise identification (docs/API-ASSISTANCE.md, "Precise identification"): the list with its
// reasons, verify / dismiss / visit, the recompute job, rules with a dry run, member situations.
import type { Body, Query, Reply, Schemas } from '../../../lib/api/client';
import type { IDENTIFY_RULE_CODES } from '../../../lib/api/dictionaries';
import { api, getJob, ok } from './client';

export { IDENTIFY_RULE_CODES as RULE_CODES } from '../../../lib/api/dictionaries';
export type RuleCode = (typeof IDENTIFY_RULE_CODES)[number];
export type Reason = Schemas['IdentifyReason'];
export type Candidate = Schemas['IdentifyCandidate'];
export type CandidateQuery = Query<'/api/hardship/candidates'> & { page: number; pageSize: number };
export type Rules = Schemas['IdentifyRules'];
export type RuleView = Rules['rules'][number];
/** A rule as the editor holds it; the contract's union (params per code) is checked by the server. */
export type RuleSetting = Pick<RuleView, 'code' | 'enabled' | 'weight' | 'params'>;
type RulesBody = Body<'/api/hardship/rules/{orgId}', 'put'>['rules'];
export type Counts = Reply<'/api/hardship/rules/dry-run', 'post'>['saved'];
export interface RecomputeResult {
  membersWithSignals: number;
  candidates: number;
  hidden: number;
  ms: number;
}
export type Situation = Schemas['MemberSituation'];
export type SituationInput = Body<'/api/hardship/situations/{memberId}', 'put'>;

const of = (memberId: number) => ({ params: { path: { memberId } } });

export const identifyApi = {
  list: (query: CandidateQuery) => ok(api.GET('/api/hardship/candidates', { params: { query } })),
  recompute: (orgId: number) => ok(api.POST('/api/hardship/candidates/recompute', { body: { orgId } })),
  job: (id: string) => getJob<RecomputeResult>(id),
  verify: (memberId: number) =>
    ok(api.POST('/api/hardship/candidates/{memberId}/verify', { ...of(memberId), body: {} })),
  dismiss: (memberId: number, reason: string) =>
    ok(api.POST('/api/hardship/candidates/{memberId}/dismiss', { ...of(memberId), body: { reason } })),
  visit: (memberId: number, body: Body<'/api/hardship/candidates/{memberId}/visit', 'post'>) =>
    ok(api.POST('/api/hardship/candidates/{memberId}/visit', { ...of(memberId), body })),
  rules: (orgId: number) => ok(api.GET('/api/hardship/rules', { params: { query: { orgId } } })),
  saveRules: (orgId: number, rules: RuleSetting[]) =>
    ok(api.PUT('/api/hardship/rules/{orgId}', { params: { path: { orgId } }, body: { rules: rules as RulesBody } })),
  dryRun: (orgId: number, rules: RuleSetting[]) =>
    ok(api.POST('/api/hardship/rules/dry-run', { body: { orgId, rules: rules as RulesBody } })),
  situation: (memberId: number) => ok(api.GET('/api/hardship/situations/{memberId}', of(memberId))),
  saveSituation: (memberId: number, body: SituationInput) =>
    ok(api.PUT('/api/hardship/situations/{memberId}', { ...of(memberId), body })),
};
