// 职代会 (the congress module of the server): bodies, terms, representatives with the composition
// checks, sessions with attendance and the compliance record, motions, proposals, evaluations,
// follow-ups and joint meetings, and the rules per org (congress-api contract).
//
// Bodies, terms, representatives, sessions, attendance and votes go through the typed client. The
// parts built in parallel (proposals, evaluations) were not in the OpenAPI document yet when these
// screens were written: their shapes below are the contract's, written out once here, and their
// calls go through `send` (same session, language and error handling). When `npm run api:generate`
// knows their routes, switch them here to `api.GET(...)` and `Schemas[...]`.
import {
  downloadFile,
  send,
  toSearchParams,
  type Body as Body_,
  type Query as Query_,
  type Page,
  type Reply,
  type Schemas,
} from '../../../lib/api/client';
import {
  CONGRESS_SESSION_STATES,
  MOTION_METHODS,
  MOTION_STATES,
  REPRESENTATIVE_CATEGORIES,
  REPRESENTATIVE_STATES,
} from '../../../lib/api/dictionaries';
import { api, ok } from './client';

export { CONGRESS_SESSION_STATES, MOTION_METHODS, MOTION_STATES, REPRESENTATIVE_CATEGORIES, REPRESENTATIVE_STATES };
export const PROPOSAL_STATES = [
  'cosigning',
  'submitted',
  'accepted',
  'converted',
  'rejected',
  'assigned',
  'answered',
  'closed',
  'withdrawn',
] as const;
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
export type Cosigner = {
  representativeId: number;
  name: string;
  state: 'invited' | 'accepted' | 'declined';
};
export type Proposal = {
  id: number;
  termId: number;
  bodyId: number;
  number: number | string | null;
  title: string;
  body: string;
  proposerId: number;
  proposerName: string;
  state: ProposalState;
  round: number;
  overdue: boolean;
  cosigners: Cosigner[];
  createdAt: string;
  submittedAt: string | null;
};
export type Assignment = {
  id: number;
  department: string;
  role: 'lead' | 'assisting';
  deadline: string;
  returnedAt: string | null;
  returnReason: string | null;
  round: number;
};
export type ProposalDetail = Proposal & {
  review: { decision: ReviewDecision; reason: string; at?: string; by?: string } | null;
  assignments: Assignment[];
  answers: Array<{ id: number; department: string; body: string; round: number; at: string }>;
  ratings: Array<{ name: string; rating: string; comment: string | null; round: number }>;
  events: Array<{ at: string; action: string; by: string | null; note: string | null }>;
};
export type EvaluationItem = {
  id: number;
  position: number;
  title: string;
  counts: Record<EvaluationRating, number>;
  shares: Record<EvaluationRating, number>;
};
export type Evaluation = {
  id: number;
  sessionId: number;
  title: string;
  state: MotionState;
  raters: number;
  items: EvaluationItem[];
};
export type EvaluationDetail = Evaluation & {
  comments: Array<{ itemId: number; rating: EvaluationRating; comment: string }>;
};
export type Followup = {
  id: number;
  itemId?: number;
  itemTitle?: string;
  owner: string;
  deadline: string;
  note: string;
  state: 'open' | 'done';
  result?: string | null;
};
export type JointMeeting = {
  id: number;
  termId: number;
  heldOn: string;
  topic: string;
  decisions: string;
  confirmedSessionId: number | null;
  confirmedAt?: string | null;
};

type Paging = { page: number; pageSize: number };
type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & Paging;
const at = (id: number) => ({ params: { path: { id } } });
type Query = Record<string, string | number | boolean | undefined | null>;

/** One JSON call of the contract; errors come back as ApiError (send throws them). */
async function call<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const qs = query ? toSearchParams(query).toString() : '';
  const res = await send(qs ? `${path}?${qs}` : path, {
    method,
    // A POST without a body still sends `{}`: the routes read a JSON object.
    ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}), headers: { 'Content-Type': 'application/json' } }),
  });
  return (await res.json()) as T;
}
const get = <T>(path: string, query?: Query) => call<T>('GET', path, undefined, query);
const post = <T>(path: string, body?: unknown) => call<T>('POST', path, body);

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

  proposals: (query: { bodyId?: number; termId?: number; state?: string; overdue?: boolean; q?: string } & Paging) =>
    get<Page<Proposal>>('/api/congress/proposals', query),
  proposal: (id: number) => get<ProposalDetail>(`/api/congress/proposals/${id}`),
  review: (id: number, body: { decision: ReviewDecision; reason: string }) =>
    post<Proposal>(`/api/congress/proposals/${id}/review`, body),
  assign: (
    id: number,
    body: {
      lead: { department: string; deadline: string };
      assisting: Array<{ department: string; deadline: string }>;
    },
  ) => post<Proposal>(`/api/congress/proposals/${id}/assign`, body),
  returnAssignment: (id: number, body: { assignmentId: number; reason: string }) =>
    post<Proposal>(`/api/congress/proposals/${id}/return`, body),
  answer: (id: number, body: { department: string; body: string }) =>
    post<Proposal>(`/api/congress/proposals/${id}/answers`, body),
  proposalReport: (termId: number, format: 'xlsx' | 'docx') =>
    downloadFile(`/api/congress/terms/${termId}/proposal-report`, `提案办理情况报告.${format}`, { format }),

  evaluations: (sessionId: number) => get<{ items: Evaluation[] }>(`/api/congress/sessions/${sessionId}/evaluations`),
  createEvaluation: (sessionId: number, body: { title: string; items: string[] }) =>
    post<Evaluation>(`/api/congress/sessions/${sessionId}/evaluations`, body),
  evaluation: (id: number) => get<EvaluationDetail>(`/api/congress/evaluations/${id}`),
  evaluationStep: (id: number, step: 'open' | 'close') => post<Evaluation>(`/api/congress/evaluations/${id}/${step}`),
  addFollowup: (itemId: number, body: { owner: string; deadline: string; note: string }) =>
    post<Followup>(`/api/congress/evaluation-items/${itemId}/followups`, body),
  updateFollowup: (id: number, body: { state: 'open' | 'done'; result?: string }) =>
    call<Followup>('PATCH', `/api/congress/followups/${id}`, body),
  followups: (termId: number) => get<{ items: Followup[] }>(`/api/congress/terms/${termId}/followups`),

  jointMeetings: (termId: number) => get<{ items: JointMeeting[] }>(`/api/congress/terms/${termId}/joint-meetings`),
  createJointMeeting: (termId: number, body: { heldOn: string; topic: string; decisions: string }) =>
    post<JointMeeting>(`/api/congress/terms/${termId}/joint-meetings`, body),
  confirmJointMeeting: (id: number, sessionId: number) =>
    post<JointMeeting>(`/api/congress/joint-meetings/${id}/confirm`, { sessionId }),
};

/** A share (0..1) as a percentage with one decimal. */
export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
