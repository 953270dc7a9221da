// 职代会 as a representative uses it (issue 18): my seats and sessions, a session's agenda and
// documents, QR check-in, the motions of a session with my status, the secret ballot and its
// receipt, the published receipts after close, evaluations, proposals with co-signing and rating,
// and duty records (履职) between sessions.
import type { Body, Reply } from '../../../lib/api/client';
import { api, ok } from './client';

export type MyCongress = Reply<'/api/me/congress'>;
export type Seat = MyCongress['seats'][number];
export type SeatSession = Seat['sessions'][number];
export type CongressSession = Reply<'/api/me/congress/sessions/{id}'>;
export type MyMotion = Reply<'/api/me/congress/motions'>['items'][number];
export type Receipts = Reply<'/api/congress/motions/{id}/receipts'>;
export type BallotChoice = Body<'/api/congress/motions/{id}/ballots', 'post'>['choice'];
export type MyEvaluation = Reply<'/api/me/congress/evaluations'>['items'][number];
export type EvaluationRating = Body<'/api/me/congress/evaluations/{id}/ratings', 'post'>['ratings'][number];
export type Proposal = Reply<'/api/me/congress/proposals'>['items'][number];
export type ProposalDetail = Reply<'/api/me/congress/proposals/{id}'>;
export type NewProposal = Body<'/api/me/congress/proposals', 'post'>;
export type ProposalRating = Body<'/api/me/congress/proposals/{id}/rating', 'post'>['rating'];
export type DutyRecord = Reply<'/api/me/congress/duty-records'>['items'][number];
export type NewDutyRecord = Body<'/api/me/congress/duty-records', 'post'>;
export type Peer = Reply<'/api/me/congress/terms/{id}/representatives'>['items'][number];
export type PublicationEntry = Reply<'/api/me/congress/publications'>['items'][number];
export type Publication = Reply<'/api/congress/bodies/{id}/publication'>;

const at = (id: number) => ({ params: { path: { id } } });

export const congressApi = {
  mine: () => ok(api.GET('/api/me/congress')),
  session: (id: number) => ok(api.GET('/api/me/congress/sessions/{id}', at(id))),
  checkIn: (sessionId: number, token: string) =>
    ok(api.POST('/api/me/congress/check-in', { body: { sessionId, token } })),
  motions: async (sessionId: number): Promise<MyMotion[]> =>
    (await ok(api.GET('/api/me/congress/motions', { params: { query: { sessionId } } }))).items,
  vote: (motionId: number, choice: BallotChoice) =>
    ok(api.POST('/api/congress/motions/{id}/ballots', { ...at(motionId), body: { choice } })),
  receipts: (motionId: number) => ok(api.GET('/api/congress/motions/{id}/receipts', at(motionId))),
  evaluations: async (sessionId: number): Promise<MyEvaluation[]> =>
    (await ok(api.GET('/api/me/congress/evaluations', { params: { query: { sessionId } } }))).items,
  rateEvaluation: (id: number, ratings: EvaluationRating[]) =>
    ok(api.POST('/api/me/congress/evaluations/{id}/ratings', { ...at(id), body: { ratings } })),
  proposals: async (): Promise<Proposal[]> => (await ok(api.GET('/api/me/congress/proposals'))).items,
  proposal: (id: number) => ok(api.GET('/api/me/congress/proposals/{id}', at(id))),
  propose: (body: NewProposal) => ok(api.POST('/api/me/congress/proposals', { body })),
  cosign: (id: number, accept: boolean) =>
    ok(api.POST('/api/me/congress/proposals/{id}/cosign', { ...at(id), body: { accept } })),
  withdraw: (id: number) => ok(api.POST('/api/me/congress/proposals/{id}/withdraw', at(id))),
  rate: (id: number, rating: ProposalRating, comment?: string) =>
    ok(api.POST('/api/me/congress/proposals/{id}/rating', { ...at(id), body: { rating, comment } })),
  /** The term's active representatives a proposer may invite to co-sign, and how many must accept. */
  /** 厂务公开: the bodies a member may read (own union and its ancestors), and one body's published record. */
  publications: async (): Promise<PublicationEntry[]> => (await ok(api.GET('/api/me/congress/publications'))).items,
  publication: (bodyId: number) => ok(api.GET('/api/congress/bodies/{id}/publication', at(bodyId))),
  peers: (termId: number) => ok(api.GET('/api/me/congress/terms/{id}/representatives', at(termId))),
  dutyRecords: async (): Promise<DutyRecord[]> => (await ok(api.GET('/api/me/congress/duty-records'))).items,
  addDutyRecord: (body: NewDutyRecord) => ok(api.POST('/api/me/congress/duty-records', { body })),
};
