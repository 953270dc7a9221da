// 职代会 (the congress module of the server): bodies, terms, representatives with the composition
// checks, sessions with attendance and the compliance record, motions, proposals, evaluations,
// follow-ups and joint meetings, and the rules per org (congress-api contract).
//
// Every call goes through the typed client; the value lists come from the contract's dictionaries.
import {
  downloadFile,
  type Body as Body_,
  type Query as Query_,
  type Reply,
  type Schemas,
} from '../../../lib/api/client';
import {
  CONGRESS_SESSION_STATES,
  MOTION_METHODS,
  MOTION_STATES,
  PROPOSAL_STATES,
  REPRESENTATIVE_CATEGORIES,
  REPRESENTATIVE_STATES,
} from '../../../lib/api/dictionaries';
import { api, ok } from './client';

export {
  CONGRESS_SESSION_STATES,
  MOTION_METHODS,
  MOTION_STATES,
  PROPOSAL_STATES,
  REPRESENTATIVE_CATEGORIES,
  REPRESENTATIVE_STATES,
};
export const REVIEW_DECISIONS = ['accept', 'convert', 'reject'] as const;
export const EVALUATION_RATINGS = ['satisfied', 'basic', 'unsatisfied', 'unknown'] as const;
export const PROPOSAL_RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;

export type RepresentativeCategory = (typeof REPRESENTATIVE_CATEGORIES)[number];
export type RepresentativeState = (typeof REPRESENTATIVE_STATES)[number];
export type SessionState = (typeof CONGRESS_SESSION_STATES)[number];
export type MotionMethod = (typeof MOTION_METHODS)[number];
export type MotionState = (typeof MOTION_STATES)[number];
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

export type Body = Schemas['CongressBody'];
export type BodyDetail = Reply<'/api/congress/bodies/{id}'>;
export type Term = Schemas['CongressTerm'];
export type Representative = Schemas['CongressRepresentative'];
export type DutyRecord = Schemas['CongressDutyRecord'];
export type Composition = Schemas['CongressComposition'];
/** A rule of a checklist: a composition rule (with its level) or a line of a compliance record. */
export type RuleCheck = { code: string; held: boolean; level?: 'error' | 'warning'; detail: string };
export type Presence = Schemas['CongressPresence'];
export type Session = Schemas['CongressSession'];
export type SessionDocument = Schemas['CongressDocument'];
export type AgendaItem = Session['agenda'][number];
export type SessionInput = Body_<'/api/congress/terms/{id}/sessions', 'post'>;
export type Attendance = Reply<'/api/congress/sessions/{id}/attendance'>;
export type AttendanceRow = Attendance['items'][number];
export type CongressRules = Schemas['CongressRulesAt']['rules'];

export type MotionResult = Schemas['CongressMotionResult'];
export type Motion = Schemas['CongressMotion'];
export type PaperCounts = Body_<'/api/congress/motions/{id}/paper', 'post'>;
export type Board = Reply<'/api/congress/sessions/{id}/board'>;
export type Proposal = Schemas['CongressProposal'];
export type ProposalDetail = Schemas['CongressProposalDetail'];
export type Evaluation = Schemas['CongressEvaluation'];
export type EvaluationItem = Evaluation['items'][number];
export type EvaluationDetail = Reply<'/api/congress/evaluations/{id}'>;
export type Followup = Schemas['CongressFollowup'];
export type JointMeeting = Schemas['CongressJointMeeting'];

type Paging = { page: number; pageSize: number };
type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & Paging;
const at = (id: number) => ({ params: { path: { id } } });
export const congressApi = {
  rules: (orgId: number) => ok(api.GET('/api/congress/rules', { params: { query: { orgId } } })),
  setRules: (orgId: number, rules: Partial<CongressRules>) =>
    ok(api.PUT('/api/congress/rules/{orgId}', { params: { path: { orgId } }, body: { rules } })),

  bodies: (query: Paged<Query_<'/api/congress/bodies'>>) => ok(api.GET('/api/congress/bodies', { params: { query } })),
  createBody: (body: Body_<'/api/congress/bodies', 'post'>) => ok(api.POST('/api/congress/bodies', { body })),
  body: (id: number) => ok(api.GET('/api/congress/bodies/{id}', at(id))),
  createTerm: (id: number, body: Body_<'/api/congress/bodies/{id}/terms', 'post'>) =>
    ok(api.POST('/api/congress/bodies/{id}/terms', { ...at(id), body })),

  term: (id: number) => ok(api.GET('/api/congress/terms/{id}', at(id))),
  representatives: (id: number, query: Paged<Query_<'/api/congress/terms/{id}/representatives'>>) =>
    ok(api.GET('/api/congress/terms/{id}/representatives', { params: { path: { id }, query } })),
  addRepresentative: (id: number, body: Body_<'/api/congress/terms/{id}/representatives', 'post'>) =>
    ok(api.POST('/api/congress/terms/{id}/representatives', { ...at(id), body })),
  replaceRepresentative: (id: number, body: Body_<'/api/congress/representatives/{id}/replace', 'post'>) =>
    ok(api.POST('/api/congress/representatives/{id}/replace', { ...at(id), body })),
  endRepresentative: (id: number, body: Body_<'/api/congress/representatives/{id}/end', 'post'>) =>
    ok(api.POST('/api/congress/representatives/{id}/end', { ...at(id), body })),
  composition: (id: number) => ok(api.GET('/api/congress/terms/{id}/composition', at(id))),

  sessions: (id: number) => ok(api.GET('/api/congress/terms/{id}/sessions', at(id))),
  createSession: (id: number, body: SessionInput) =>
    ok(api.POST('/api/congress/terms/{id}/sessions', { ...at(id), body })),
  session: (id: number) => ok(api.GET('/api/congress/sessions/{id}', at(id))),
  updateSession: (id: number, body: Body_<'/api/congress/sessions/{id}', 'patch'>) =>
    ok(api.PATCH('/api/congress/sessions/{id}', { ...at(id), body })),
  addDocument: (id: number, body: Body_<'/api/congress/sessions/{id}/documents', 'post'>) =>
    ok(api.POST('/api/congress/sessions/{id}/documents', { ...at(id), body })),
  sessionStep: (id: number, step: 'send-documents' | 'open' | 'close' | 'publish' | 'report') =>
    ok(api.POST(`/api/congress/sessions/{id}/${step}`, at(id))),
  attendance: (id: number) => ok(api.GET('/api/congress/sessions/{id}/attendance', at(id))),
  checkIn: (id: number, representativeId: number) =>
    ok(api.POST('/api/congress/sessions/{id}/attendance', { ...at(id), body: { representativeId } })),
  checkInCode: (id: number) => ok(api.GET('/api/congress/sessions/{id}/check-in-code', at(id))),
  compliance: (id: number) => ok(api.GET('/api/congress/sessions/{id}/compliance', at(id))),

  motions: (id: number) => ok(api.GET('/api/congress/sessions/{id}/motions', at(id))),
  createMotion: (id: number, body: Body_<'/api/congress/sessions/{id}/motions', 'post'>) =>
    ok(api.POST('/api/congress/sessions/{id}/motions', { ...at(id), body })),
  openMotion: (id: number) => ok(api.POST('/api/congress/motions/{id}/open', at(id))),
  paper: (id: number, body: PaperCounts) => ok(api.POST('/api/congress/motions/{id}/paper', { ...at(id), body })),
  closeMotion: (id: number) => ok(api.POST('/api/congress/motions/{id}/close', at(id))),
  board: (id: number) => ok(api.GET('/api/congress/sessions/{id}/board', at(id))),

  proposals: (query: Paged<Query_<'/api/congress/proposals'>>) =>
    ok(api.GET('/api/congress/proposals', { params: { query } })),
  proposal: (id: number) => ok(api.GET('/api/congress/proposals/{id}', at(id))),
  review: (id: number, body: Body_<'/api/congress/proposals/{id}/review', 'post'>) =>
    ok(api.POST('/api/congress/proposals/{id}/review', { ...at(id), body })),
  assign: (id: number, body: Body_<'/api/congress/proposals/{id}/assign', 'post'>) =>
    ok(api.POST('/api/congress/proposals/{id}/assign', { ...at(id), body })),
  returnAssignment: (id: number, body: Body_<'/api/congress/proposals/{id}/return', 'post'>) =>
    ok(api.POST('/api/congress/proposals/{id}/return', { ...at(id), body })),
  answer: (id: number, body: Body_<'/api/congress/proposals/{id}/answers', 'post'>) =>
    ok(api.POST('/api/congress/proposals/{id}/answers', { ...at(id), body })),
  proposalReport: (termId: number, format: 'xlsx' | 'docx') =>
    downloadFile(`/api/congress/terms/${termId}/proposal-report`, `提案办理情况报告.${format}`, { format }),

  evaluations: (id: number) => ok(api.GET('/api/congress/sessions/{id}/evaluations', at(id))),
  createEvaluation: (id: number, body: Body_<'/api/congress/sessions/{id}/evaluations', 'post'>) =>
    ok(api.POST('/api/congress/sessions/{id}/evaluations', { ...at(id), body })),
  evaluation: (id: number) => ok(api.GET('/api/congress/evaluations/{id}', at(id))),
  evaluationStep: (id: number, step: 'open' | 'close') =>
    ok(api.POST(`/api/congress/evaluations/{id}/${step}`, at(id))),
  addFollowup: (id: number, body: Body_<'/api/congress/evaluation-items/{id}/followups', 'post'>) =>
    ok(api.POST('/api/congress/evaluation-items/{id}/followups', { ...at(id), body })),
  updateFollowup: (id: number, body: Body_<'/api/congress/followups/{id}', 'patch'>) =>
    ok(api.PATCH('/api/congress/followups/{id}', { ...at(id), body })),
  followups: (id: number) => ok(api.GET('/api/congress/terms/{id}/followups', at(id))),
  dutyRecords: (id: number, query: Paged<Query_<'/api/congress/terms/{id}/duty-records'>>) =>
    ok(api.GET('/api/congress/terms/{id}/duty-records', { params: { path: { id }, query } })),

  jointMeetings: (id: number) => ok(api.GET('/api/congress/terms/{id}/joint-meetings', at(id))),
  createJointMeeting: (id: number, body: Body_<'/api/congress/terms/{id}/joint-meetings', 'post'>) =>
    ok(api.POST('/api/congress/terms/{id}/joint-meetings', { ...at(id), body })),
  confirmJointMeeting: (id: number, sessionId: number) =>
    ok(api.POST('/api/congress/joint-meetings/{id}/confirm', { ...at(id), body: { sessionId } })),
};

/** A share (0..1) as a percentage with one decimal. */
export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
