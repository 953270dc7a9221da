// Hardship files (docs/API-ASSISTANCE.md, "Hardship files"): lines, consent from a paper form,
// the list and its export, the detail, draft data, transitions, evidence.
import { uploadFile } from '../../../lib/upload';
import { currentLocale } from '../i18n';
import { client } from './client';
import { downloadFile } from './members';
import type { Page } from './types';

export type FileState = 'draft' | 'verifying' | 'filed' | 'exited' | 'closed';
export type HardshipCategory = 'deep' | 'relative' | 'sudden';
export type IncomeBand = 'below_minimum' | 'below_low_income' | 'above_low_income';
export type ExitReason = 'income_above_line' | 'circumstances_changed' | 'death' | 'moved_away' | 'other';
export const CATEGORIES: HardshipCategory[] = ['deep', 'relative', 'sudden'];
export const CAUSES = ['serious_illness', 'disability', 'schooling', 'single_parent', 'unemployment', 'disaster', 'accident', 'other'] as const;
export const EXIT_REASONS: ExitReason[] = ['income_above_line', 'circumstances_changed', 'death', 'moved_away', 'other'];
export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'] as const;
export const HEALTH = ['healthy', 'chronic', 'serious_illness'] as const;
export const DISABILITY = ['none', 'mild', 'severe'] as const;

export interface FileListItem {
  id: number; memberId: number; memberName: string; orgId: number; orgName: string; state: FileState; category: HardshipCategory | null;
  causes: string[]; householdSize: number | null; incomeBand: IncomeBand | null; source: 'staff' | 'candidate' | 'case';
  reviewDue: string | null; reviewOverdue: boolean; filedAt: string | null; watchUntil: string | null; exitReason: ExitReason | null;
  createdAt: string; updatedAt: string;
}

export interface HouseholdMember {
  name: string; relation: (typeof RELATIONS)[number]; age: number; health: (typeof HEALTH)[number]; disability: (typeof DISABILITY)[number];
  occupation: string; monthlyIncome: number;
}

export interface TimelineEntry { id: number; kind: string; actorName: string | null; note: string | null; at: string }
export interface LineInfo { minimumLiving: number; lowIncome: number; fromOrgId: number; fromOrgName: string }

export interface HardshipFile extends FileListItem {
  jobType: string | null; employer: string | null; household: HouseholdMember[]; otherIncome: number; situation: string; incomePerHead: number | null;
  line: LineInfo | null; allowedCategories: HardshipCategory[];
  visit: { officerName: string; visitedOn: string; notes: string; companions: string | null } | null;
  verifiedAt: string | null; exitedAt: string | null; exitNote: string | null; purgeAt: string | null; caseId: number | null;
  consent: { version: string; scope: string[]; givenVia: 'member' | 'staff'; givenAt: string; withdrawnAt: string | null } | null;
  evidence: Array<{ id: number; fileName: string; contentType: string; size: number; createdAt: string; url: string }>;
  timeline: TimelineEntry[]; reviews: TimelineEntry[];
  assistance: Array<{ id: number; programmeName: string; kind: string; amountFen: number | null; goods: string | null; date: string; state: string }>;
  viewers: Array<{ name: string; org: string; at: string }>;
  files: Array<{ id: number; state: FileState; category: HardshipCategory | null; createdAt: string; exitReason: ExitReason | null }>;
  actions: string[];
}

export interface FileQuery { state?: string; category?: HardshipCategory; incomeBand?: IncomeBand; orgId?: number; reviewOverdue?: boolean; q?: string; sort?: string }
export interface LinesView { orgId: number; own: { minimumLiving: number; lowIncome: number; updatedAt: string } | null; effective: LineInfo | null }
export interface FilePatch { category?: HardshipCategory | null; causes?: string[]; household?: HouseholdMember[]; otherIncome?: number; situation?: string }
export interface ExitBody { reason: ExitReason; note?: string; monthsAboveLine?: number }

const clean = (q: object) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as Record<string, string | number | boolean>;

export const hardshipApi = {
  list: (q: FileQuery & { page: number; pageSize: number }) => client.get<Page<FileListItem>>('/api/hardship/files', clean(q)),
  dueReviews: (q: { withinDays?: number; orgId?: number; page: number; pageSize: number }) => client.get<Page<FileListItem>>('/api/hardship/reviews/due', clean(q)),
  exportXlsx: (q: FileQuery, fallbackName: string) => downloadFile('/api/hardship/files/export', fallbackName, clean(q)),
  get: (id: number) => client.get<HardshipFile>(`/api/hardship/files/${id}`),
  open: (memberId: number) => client.post<HardshipFile>('/api/hardship/files', { memberId }),
  fromCase: (caseId: number) => client.post<HardshipFile>(`/api/hardship/files/from-case/${caseId}`, undefined),
  recordConsent: (memberId: number, version: string, scope: string[]) => client.post<{ id: number }>('/api/hardship/consents', { memberId, version, scope }),
  update: (id: number, body: FilePatch) => client.patch<HardshipFile>(`/api/hardship/files/${id}`, body),
  step: (id: number, action: 'submit' | 'visit' | 'file' | 'review' | 'exit', body: object = {}) => client.post<HardshipFile>(`/api/hardship/files/${id}/${action}`, body),
  reopen: (id: number) => client.post<HardshipFile>(`/api/hardship/files/${id}/reopen`, {}),
  addEvidence: (id: number, file: File) => uploadFile<{ id: number }>(`/api/hardship/files/${id}/evidence`, file, currentLocale.value),
  downloadEvidence: (url: string, name: string) => downloadFile(url, name),
  lines: (orgId: number) => client.get<LinesView>(`/api/hardship/lines/${orgId}`),
  setLines: (orgId: number, lines: { minimumLiving: number; lowIncome: number } | null) => client.put<LinesView>(`/api/hardship/lines/${orgId}`, { lines }),
};
