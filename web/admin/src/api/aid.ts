// Assistance programmes, records and 微心愿 (docs/API-ASSISTANCE.md). Money is fen in the API.
import type { Body, Query, Schemas } from '../../../lib/api/client';
import type { ASSISTANCE_STATES, WISH_STATES } from '../../../lib/api/dictionaries';
import { api, ok } from './client';

export { PROGRAMME_KINDS } from '../../../lib/api/dictionaries';
export type Programme = Schemas['AssistanceProgramme'];
export type ProgrammeKind = Programme['kind'];
export type ProgrammeRules = Programme['rules'];
export type ProgrammeInput = Body<'/api/assistance/programmes', 'post'>;
export type AidRecord = Schemas['AssistanceRecord'];
export type RecordState = (typeof ASSISTANCE_STATES)[number];
export type StaffWish = Schemas['StaffWish'];
export type WishState = (typeof WISH_STATES)[number];
/** A filed hardship household as the propose dialog needs it (a subset of the file list item). */
export type Household = Pick<Schemas['HardshipFileListItem'], 'id' | 'memberName' | 'orgId' | 'orgName' | 'category'>;

type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page: number; pageSize: number };
const at = (id: number) => ({ params: { path: { id } } });

export const aidApi = {
  programmes: (query: Paged<Query<'/api/assistance/programmes'>>) =>
    ok(api.GET('/api/assistance/programmes', { params: { query } })),
  createProgramme: (body: ProgrammeInput) => ok(api.POST('/api/assistance/programmes', { body })),
  updateProgramme: (id: number, body: Body<'/api/assistance/programmes/{id}', 'patch'>) =>
    ok(api.PATCH('/api/assistance/programmes/{id}', { ...at(id), body })),
  setProgrammeState: (id: number, action: 'close' | 'reopen') =>
    ok(api.POST(`/api/assistance/programmes/{id}/${action}`, at(id))),
  records: (query: Paged<Query<'/api/assistance/records'>>) =>
    ok(api.GET('/api/assistance/records', { params: { query } })),
  propose: (body: Body<'/api/assistance/records', 'post'>) => ok(api.POST('/api/assistance/records', { body })),
  act: (id: number, action: 'approve' | 'reject' | 'pay' | 'cancel', body: { reason?: string; note?: string } = {}) =>
    ok(api.POST(`/api/assistance/records/{id}/${action}`, { ...at(id), body })),
  /** Filed households in scope for the propose dialog's picker (GET /api/hardship/files; names masked). */
  filedHouseholds: (q: string) =>
    ok(api.GET('/api/hardship/files', { params: { query: { state: 'filed', q, page: 1, pageSize: 20 } } })),
  wishes: (query: Paged<Query<'/api/assistance/wishes'>>) =>
    ok(api.GET('/api/assistance/wishes', { params: { query } })),
  wishStep: (id: number, action: 'publish' | 'reject' | 'claim' | 'fulfil', body: object = {}) =>
    ok(api.POST(`/api/assistance/wishes/{id}/${action}`, { ...at(id), body })),
};

export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
