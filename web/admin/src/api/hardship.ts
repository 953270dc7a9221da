// Hardship files (docs/API-ASSISTANCE.md, "Hardship files"): lines, consent from a paper form,
// the list and its export, the detail, draft data, transitions, evidence.
import { downloadFile, upload, type Body, type Query, type Reply, type Schemas } from '../../../lib/api/client';
import type { EXIT_REASONS, HARDSHIP_CATEGORIES, HARDSHIP_STATES, INCOME_BANDS } from '../../../lib/api/dictionaries';
import { api, ok } from './client';

export {
  DISABILITY,
  EXIT_REASONS,
  HARDSHIP_CATEGORIES as CATEGORIES,
  HARDSHIP_CAUSES as CAUSES,
  HEALTH,
  RELATIONS,
} from '../../../lib/api/dictionaries';

export type FileState = (typeof HARDSHIP_STATES)[number];
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];
export type IncomeBand = (typeof INCOME_BANDS)[number];
export type ExitReason = (typeof EXIT_REASONS)[number];
export type FileListItem = Schemas['HardshipFileListItem'];
export type HardshipFile = Schemas['HardshipFile'];
export type HouseholdMember = HardshipFile['household'][number];
export type TimelineEntry = HardshipFile['timeline'][number];
export type LineInfo = NonNullable<HardshipFile['line']>;
export type LinesView = Reply<'/api/hardship/lines/{orgId}'>;
export type FileQuery = Omit<Query<'/api/hardship/files'>, 'page' | 'pageSize' | 'reviewOverdue'> & {
  reviewOverdue?: boolean;
};
export type FilePatch = Body<'/api/hardship/files/{id}', 'patch'>;
export type ExitBody = Body<'/api/hardship/files/{id}/exit', 'post'>;
type Paging = { page: number; pageSize: number };

const at = (id: number) => ({ params: { path: { id } } });
const query = ({ reviewOverdue, ...q }: FileQuery) => ({
  ...q,
  reviewOverdue: reviewOverdue ? ('true' as const) : undefined,
});

export const hardshipApi = {
  list: (q: FileQuery & Paging) =>
    ok(api.GET('/api/hardship/files', { params: { query: { ...query(q), page: q.page, pageSize: q.pageSize } } })),
  dueReviews: (q: Query<'/api/hardship/reviews/due'> & Paging) =>
    ok(api.GET('/api/hardship/reviews/due', { params: { query: q } })),
  exportXlsx: (q: FileQuery, fallbackName: string) =>
    downloadFile('/api/hardship/files/export', fallbackName, query(q)),
  get: (id: number) => ok(api.GET('/api/hardship/files/{id}', at(id))),
  open: (memberId: number) => ok(api.POST('/api/hardship/files', { body: { memberId } })),
  fromCase: (caseId: number) =>
    ok(api.POST('/api/hardship/files/from-case/{caseId}', { params: { path: { caseId } } })),
  recordConsent: (memberId: number, version: string, scope: Body<'/api/hardship/consents', 'post'>['scope']) =>
    ok(api.POST('/api/hardship/consents', { body: { memberId, version, scope } })),
  update: (id: number, body: FilePatch) => ok(api.PATCH('/api/hardship/files/{id}', { ...at(id), body })),
  step: (id: number, action: 'submit' | 'visit' | 'file' | 'review' | 'exit', body: object = {}) =>
    ok(api.POST(`/api/hardship/files/{id}/${action}`, { ...at(id), body })),
  reopen: (id: number) => ok(api.POST('/api/hardship/files/{id}/reopen', { ...at(id), body: {} })),
  addEvidence: (id: number, file: File) => upload('/api/hardship/files/{id}/evidence', file, { id }),
  downloadEvidence: (url: string, name: string) => downloadFile(url, name),
  lines: (orgId: number) => ok(api.GET('/api/hardship/lines/{orgId}', { params: { path: { orgId } } })),
  setLines: (orgId: number, lines: { minimumLiving: number; lowIncome: number } | null) =>
    ok(api.PUT('/api/hardship/lines/{orgId}', { params: { path: { orgId } }, body: { lines } })),
};
