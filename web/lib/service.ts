// The service-center contract (docs/API-SERVICE.md) as both web apps read it: shapes only.
export const CATEGORIES = [
  'legal_aid', 'hardship_help', 'counselling', 'health_check', 'recuperation', 'education', 'travel', 'policy',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CHANNELS = ['online', 'counter', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CASE_STATES = ['submitted', 'accepted', 'in_progress', 'resolved', 'rejected', 'withdrawn', 'transferred'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const AWAY_REASONS = ['leave', 'business_trip', 'other'] as const;
export type AwayReason = (typeof AWAY_REASONS)[number];
export const FIELD_TYPES = ['text', 'number', 'date', 'choice', 'attachment'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: string[];
  maxLength?: number;
  min?: number;
  max?: number;
  multiple?: boolean;
}

export interface Eligibility {
  membersOnly: boolean;
  jobTypes: string[] | null;
}

export interface Service {
  id: number;
  category: Category;
  name: string;
  description: string | null;
  form: FormField[];
  eligibility: Eligibility;
  handlingOrgId: number;
  handlingOrgName: string;
  deadlineDays: number;
  orgId: number;
  orgName: string;
  baseId: number;
  overridesId: number | null;
  inherited: boolean;
  active: boolean;
  hidden: boolean;
  sortOrder: number;
  eligible?: boolean;
  ineligibleReason?: 'members_only' | 'job_type' | null;
}

export interface ServiceInput {
  orgId?: number;
  category: Category;
  name: string;
  description?: string | null;
  form: FormField[];
  eligibility?: Eligibility;
  handlingOrgId?: number;
  deadlineDays: number;
  sortOrder?: number;
  overridesId?: number;
  hidden?: boolean;
  active?: boolean;
}

export type FieldValue = string | number | number[] | string[] | null;

export interface CaseListItem {
  id: number;
  no: string;
  serviceId: number;
  serviceName: string;
  category: Category;
  channel: Channel;
  state: CaseState;
  applicantName: string;
  applicantPhone: string | null;
  memberId: number | null;
  handlingOrgId: number;
  handlingOrgName: string;
  assigneeId: number | null;
  assigneeName: string | null;
  coverForId: number | null;
  coverForName: string | null;
  dueAt: string;
  overdue: boolean;
  flagged: boolean;
  reopenCount: number;
  rating: Rating | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface TimelineEntry {
  id: number;
  kind: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  actorName: string | null;
  actorKind: 'staff' | 'member' | 'system';
  orgName: string | null;
  note: string | null;
  at: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  url: string;
}

export interface Case extends CaseListItem {
  fields: Record<string, FieldValue>;
  form: FormField[];
  resolution: string | null;
  rejectReason: string | null;
  ratingComment: string | null;
  source: { module: 'voice' | 'qa'; id: number } | null;
  attachments: Attachment[];
  timeline: TimelineEntry[];
  access?: Array<{ orgId: number; orgName: string; current: boolean }>;
  callback?: { at: string; byName: string; reached: boolean; note: string } | null;
  actions: string[];
}

export interface InboxMessage {
  id: number;
  kind: string;
  title: string;
  body: string;
  caseId: number | null;
  read: boolean;
  createdAt: string;
}

/** Field values the form sends: what each type holds, empty answers left out. */
export function cleanFields(form: readonly FormField[], values: Record<string, FieldValue>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of form) {
    const v = values[f.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[f.key] = f.type === 'number' && typeof v === 'string' ? Number(v) : v;
  }
  return out;
}
