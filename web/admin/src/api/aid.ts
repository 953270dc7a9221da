// Assistance programmes, records and 微心愿 (docs/API-ASSISTANCE.md). Money is fen in the API.
import { client } from './client';
import type { Page } from './types';

export type ProgrammeKind = 'winter_warmth' | 'education_aid' | 'medical_aid' | 'festival' | 'small_wish' | 'other';
export const PROGRAMME_KINDS: ProgrammeKind[] = ['winter_warmth', 'education_aid', 'medical_aid', 'festival', 'small_wish', 'other'];
export type RecordState = 'proposed' | 'approved' | 'paid' | 'rejected' | 'cancelled';
export type WishState = 'submitted' | 'published' | 'claimed' | 'fulfilled' | 'rejected' | 'withdrawn';

export interface ProgrammeRules {
  categories: Array<'deep' | 'relative' | 'sudden'>; amountFen: number | null;
  amountByCategory: Partial<Record<'deep' | 'relative' | 'sudden', number>>; capFen: number | null; maxTimes: number | null;
}
export interface Programme {
  id: number; orgId: number; orgName: string; year: number; kind: ProgrammeKind; name: string; description: string | null;
  budgetFen: number; committedFen: number; paidFen: number; leftFen: number; pendingFen: number; rules: ProgrammeRules;
  state: 'open' | 'closed'; canManage: boolean; canApprove: boolean; canPay: boolean;
}
export interface AidRecord {
  id: number; programmeId: number; programmeName: string; kind: ProgrammeKind; fileId: number; memberId: number; memberName: string;
  orgId: number; orgName: string; form: 'cash' | 'goods'; amountFen: number; goods: string | null; givenOn: string; state: RecordState;
  proposedByName: string; proposedAt: string; decidedByName: string | null; rejectReason: string | null; paidAt: string | null; actions: string[];
}
export interface StaffWish {
  id: number; orgName: string; posterName: string | null; title: string; story: string; estimatedFen: number; state: WishState;
  donorKind: 'org' | 'partner' | 'member' | null; donorName: string | null; fulfilNote: string | null; createdAt: string;
}
/** A filed hardship household as the propose dialog needs it (a subset of the file list item). */
export interface Household { id: number; memberName: string; orgId: number; orgName: string; category: 'deep' | 'relative' | 'sudden' | null }
export interface ProgrammeInput { orgId: number; year: number; kind: ProgrammeKind; name: string; description?: string | null; budgetFen: number; rules: Partial<ProgrammeRules> }

const clean = (q: Record<string, unknown>) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Record<string, string | number>;

export const aidApi = {
  programmes: (q: { year?: number; kind?: string; state?: string; forOrgId?: number; page: number; pageSize: number }) => client.get<Page<Programme>>('/api/assistance/programmes', clean(q)),
  createProgramme: (body: ProgrammeInput) => client.post<Programme>('/api/assistance/programmes', body),
  updateProgramme: (id: number, body: Partial<ProgrammeInput>) => client.patch<Programme>(`/api/assistance/programmes/${id}`, body),
  setProgrammeState: (id: number, action: 'close' | 'reopen') => client.post<Programme>(`/api/assistance/programmes/${id}/${action}`, undefined),
  records: (q: { programmeId?: number; fileId?: number; state?: string; view?: 'pending' | 'all'; from?: string; to?: string; page: number; pageSize: number }) =>
    client.get<Page<AidRecord>>('/api/assistance/records', clean(q)),
  propose: (body: { programmeId: number; fileId: number; form: 'cash' | 'goods'; amountFen?: number; goods?: string; givenOn?: string; note?: string }) => client.post<AidRecord>('/api/assistance/records', body),
  act: (id: number, action: 'approve' | 'reject' | 'pay' | 'cancel', body: object = {}) => client.post<AidRecord>(`/api/assistance/records/${id}/${action}`, body),
  /** Filed households in scope for the propose dialog's picker (GET /api/hardship/files; names masked). */
  filedHouseholds: (q: string) => client.get<Page<Household>>('/api/hardship/files', clean({ state: 'filed', q, page: 1, pageSize: 20 })),
  wishes: (q: { state?: string; page: number; pageSize: number }) => client.get<Page<StaffWish>>('/api/assistance/wishes', clean(q)),
  wishStep: (id: number, action: 'publish' | 'reject' | 'claim' | 'fulfil', body: object = {}) => client.post<{ ok: true }>(`/api/assistance/wishes/${id}/${action}`, body),
};

export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
