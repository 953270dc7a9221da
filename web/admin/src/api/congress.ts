// 职代会 (the congress module of the server): bodies, terms, representatives with the composition
// checks, sessions with attendance and the compliance record, motions, proposals, evaluations,
// follow-ups and joint meetings, and the rules per org (congress-api contract).
//
// The congress routes were being built while these screens were: until their OpenAPI document is
// in web/lib/api/schema.d.ts, the shapes below are the contract's, written out once here, and the
// calls go through `send` (same session, language and error handling as the typed client). When
// `npm run api:generate` knows the routes, this file is the one place to switch to `api.GET(...)`
// and `Schemas[...]`, and the value lists to web/lib/api/dictionaries.ts.
import { downloadFile, send, toSearchParams, type Page } from '../../../lib/api/client';

export const REPRESENTATIVE_CATEGORIES = ['frontline', 'technical', 'manager', 'other'] as const;
export const REPRESENTATIVE_STATES = ['active', 'replaced', 'left'] as const;
export const SESSION_STATES = ['planned', 'open', 'closed'] as const;
export const MOTION_METHODS = ['secret_electronic', 'secret_paper', 'open'] as const;
export const MOTION_STATES = ['draft', 'open', 'closed'] as const;
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
export type SessionState = (typeof SESSION_STATES)[number];
export type MotionMethod = (typeof MOTION_METHODS)[number];
export type MotionState = (typeof MOTION_STATES)[number];
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

export type TermRef = {
  id: number;
  number: number;
  startsOn: string;
  endsOn: string;
};
export type Body = {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  createdAt: string;
  currentTerm: TermRef | null;
};
export type BodyDetail = Body & {
  terms: Array<TermRef & { representatives: number }>;
};
export type Term = TermRef & {
  bodyId: number;
  bodyName: string;
  orgId: number;
  representatives: number;
  sessions: number;
};
export type Representative = {
  id: number;
  termId: number;
  memberId: number;
  name: string;
  gender: string | null;
  orgName: string;
  delegation: string;
  category: RepresentativeCategory;
  state: RepresentativeState;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  successorId: number | null;
};
export type RuleCheck = {
  code: string;
  held: boolean;
  level?: 'error' | 'warning';
  detail: string;
};
export type Composition = {
  total: number;
  counts: Record<RepresentativeCategory | 'women' | 'men', number>;
  shares: Record<RepresentativeCategory | 'women', number>;
  workforce: { members: number; women: number; womenShare: number };
  rules: RuleCheck[];
};
export type Presence = {
  present: number;
  total: number;
  quorum: number;
  quorate: boolean;
};
export type AgendaItem = {
  title: string;
  presenter?: string;
  minutes?: number;
};
export type SessionDocument = {
  id: number;
  title: string;
  body: string;
  createdAt: string;
};
export type Session = {
  id: number;
  termId: number;
  bodyId: number;
  bodyName: string;
  termNumber: number;
  number: number;
  title: string;
  startsAt: string;
  location: string | null;
  topics: string[];
  agenda: AgendaItem[];
  documentsSentAt: string | null;
  state: SessionState;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  reportedAt: string | null;
  documents: SessionDocument[];
  presence: Presence;
};
export type SessionInput = {
  title: string;
  startsAt: string;
  documentsSentAt?: string;
  topics: string[];
  location?: string;
  agenda?: AgendaItem[];
};
export type AttendanceRow = {
  representativeId: number;
  name: string;
  delegation: string;
  category: RepresentativeCategory;
  present: boolean;
  at: string | null;
  via: 'qr' | 'staff' | null;
};
export type Attendance = Presence & {
  items: AttendanceRow[];
};
export type MotionResult = {
  for: number;
  against: number;
  abstain: number;
  invalid: number;
  present: number;
  total: number;
  passed: boolean;
  void?: boolean;
};
export type Motion = {
  id: number;
  sessionId: number;
  title: string;
  description: string | null;
  method: MotionMethod;
  state: MotionState;
  openedAt: string | null;
  closedAt: string | null;
  total: number;
  presentAtOpen: number | null;
  voted: number;
  result: MotionResult | null;
};
export type PaperCounts = {
  issued: number;
  returned: number;
  for: number;
  against: number;
  abstain: number;
  invalid: number;
};
export type Board = {
  presence: Presence;
  motions: Motion[];
};
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
export type CongressRules = Record<string, number | boolean | string>;

type Paging = { page: number; pageSize: number };
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
  rules: (orgId: number) => get<{ orgId: number; rules: CongressRules }>('/api/congress/rules', { orgId }),
  setRules: (orgId: number, rules: Partial<CongressRules>) =>
    call<{ orgId: number; rules: CongressRules }>('PUT', `/api/congress/rules/${orgId}`, { rules }),

  bodies: (query: { orgId?: number; q?: string } & Paging) => get<Page<Body>>('/api/congress/bodies', query),
  createBody: (body: { orgId: number; name: string }) => post<Body>('/api/congress/bodies', body),
  body: (id: number) => get<BodyDetail>(`/api/congress/bodies/${id}`),
  createTerm: (bodyId: number, body: { number: number; startsOn: string; endsOn: string }) =>
    post<Term>(`/api/congress/bodies/${bodyId}/terms`, body),

  term: (id: number) => get<Term>(`/api/congress/terms/${id}`),
  representatives: (
    termId: number,
    query: { state?: string; delegation?: string; category?: string; q?: string } & Paging,
  ) => get<Page<Representative>>(`/api/congress/terms/${termId}/representatives`, query),
  addRepresentative: (
    termId: number,
    body: { memberId: number; delegation: string; category: RepresentativeCategory; startedOn?: string },
  ) => post<Representative>(`/api/congress/terms/${termId}/representatives`, body),
  replaceRepresentative: (
    id: number,
    body: { memberId: number; delegation?: string; category?: RepresentativeCategory; reason: string; on?: string },
  ) => post<{ ended: Representative; successor: Representative }>(`/api/congress/representatives/${id}/replace`, body),
  endRepresentative: (id: number, body: { reason: string; on?: string }) =>
    post<Representative>(`/api/congress/representatives/${id}/end`, body),
  composition: (termId: number) => get<Composition>(`/api/congress/terms/${termId}/composition`),

  sessions: (termId: number) => get<{ items: Session[] }>(`/api/congress/terms/${termId}/sessions`),
  createSession: (termId: number, body: SessionInput) => post<Session>(`/api/congress/terms/${termId}/sessions`, body),
  session: (id: number) => get<Session>(`/api/congress/sessions/${id}`),
  updateSession: (id: number, body: Partial<SessionInput>) =>
    call<Session>('PATCH', `/api/congress/sessions/${id}`, body),
  addDocument: (id: number, body: { title: string; body: string }) =>
    post<SessionDocument>(`/api/congress/sessions/${id}/documents`, body),
  sessionStep: (id: number, step: 'send-documents' | 'open' | 'close' | 'publish' | 'report') =>
    post<Session>(`/api/congress/sessions/${id}/${step}`),
  attendance: (id: number) => get<Attendance>(`/api/congress/sessions/${id}/attendance`),
  checkIn: (id: number, representativeId: number) =>
    post<{ representativeId: number; at: string; via: string }>(`/api/congress/sessions/${id}/attendance`, {
      representativeId,
    }),
  checkInCode: (id: number) => get<{ token: string; path: string }>(`/api/congress/sessions/${id}/check-in-code`),
  compliance: (id: number) => get<{ rules: RuleCheck[] }>(`/api/congress/sessions/${id}/compliance`),

  motions: (sessionId: number) => get<{ items: Motion[] }>(`/api/congress/sessions/${sessionId}/motions`),
  createMotion: (sessionId: number, body: { title: string; description?: string; method: MotionMethod }) =>
    post<Motion>(`/api/congress/sessions/${sessionId}/motions`, body),
  openMotion: (id: number) => post<Motion>(`/api/congress/motions/${id}/open`),
  paper: (id: number, body: PaperCounts) => post<Motion>(`/api/congress/motions/${id}/paper`, body),
  closeMotion: (id: number) => post<MotionResult>(`/api/congress/motions/${id}/close`),
  board: (sessionId: number) => get<Board>(`/api/congress/sessions/${sessionId}/board`),

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
