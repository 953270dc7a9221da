// The policy Q&A, worker voice and alerts contract (docs/API-QA.md) as both web apps read it.
export const QA_CATEGORIES = [
  'labour_contract', 'wages_hours', 'social_insurance', 'work_injury', 'union', 'rights', 'assistance', 'new_employment', 'other',
] as const;
export type QaCategory = (typeof QA_CATEGORIES)[number];
export const QA_KINDS = ['qa', 'policy'] as const;
export type QaKind = (typeof QA_KINDS)[number];
export const QA_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type QaStatus = (typeof QA_STATUSES)[number];
export const VOICE_KINDS = ['suggestion', 'complaint', 'request'] as const;
export type VoiceKind = (typeof VOICE_KINDS)[number];
export const VOICE_STATUSES = ['open', 'replied', 'closed'] as const;
export type VoiceStatus = (typeof VOICE_STATUSES)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type AlertKind = 'keyword' | 'trend';

export interface QaHit {
  id: number;
  kind: QaKind;
  category: QaCategory;
  question: string;
  answer: string;
  source: string | null;
  orgId: number;
  orgName: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  score: number;
  /** HTML-escaped by the server, matched terms in <em>. */
  highlights: { question: string; answer: string };
}

export interface QaEntry {
  id: number;
  orgId: number;
  orgName: string;
  kind: QaKind;
  category: QaCategory;
  question: string;
  answer: string;
  source: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  status: QaStatus;
  editedByName: string | null;
  publishedByName: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface QaEntryInput {
  orgId?: number;
  kind: QaKind;
  category: QaCategory;
  question: string;
  answer: string;
  source?: string | null;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
}

export interface MyVoiceItem {
  id: number;
  orgId: number;
  orgName: string;
  kind: VoiceKind;
  title: string;
  content: string;
  showName: boolean;
  publishConsent: boolean;
  published: boolean;
  status: VoiceStatus;
  reply: string | null;
  repliedAt: string | null;
  caseId: number | null;
  createdAt: string;
}

export interface VoiceItem {
  id: number;
  orgId: number;
  orgName: string;
  kind: VoiceKind;
  title: string;
  content: string;
  status: VoiceStatus;
  showName: boolean;
  author: { name: string } | null;
  publishConsent: boolean;
  published: boolean;
  publishedAt: string | null;
  reply: string | null;
  repliedAt: string | null;
  replierName: string | null;
  caseId: number | null;
  alerted: boolean;
  topics: string[];
  createdAt: string;
}

export interface Alert {
  id: number;
  orgId: number;
  orgName: string;
  kind: AlertKind;
  topics: Array<{ id: number; name: string }>;
  keywords: string[];
  weekStart: string | null;
  count: number | null;
  baseline: number | null;
  threshold: number | null;
  status: AlertStatus;
  note: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  items: Array<{ id: number; kind: VoiceKind; title: string; excerpt: string; createdAt: string }>;
}

export interface AlertTopic {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  keywords: string[];
  active: boolean;
  inherited: boolean;
  createdAt: string;
  updatedAt: string;
}
