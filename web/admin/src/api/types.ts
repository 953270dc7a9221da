// The shapes of the Foundation API (docs/API-FOUNDATION.md) as the console uses them.
export type { Page } from '../../../lib/http';

export interface Grant {
  id: number;
  roleCode: string;
  roleName: string;
  orgId: number;
  orgName: string;
  createdAt: string;
}

export type SessionState = 'active' | 'mfa_pending' | 'mfa_enroll';

export interface Me {
  id: number;
  kind: 'staff' | 'member';
  username: string | null;
  displayName: string;
  phone: string | null;
  org: { id: number; name: string } | null;
  grants: Grant[];
  permissions: string[];
  totpEnabled: boolean;
  totpRequired: boolean;
  hasPassword: boolean;
  session: { state: SessionState; expiresAt: string; idleTimeoutSeconds: number };
}

export type LoginNext = 'done' | 'totp' | 'enroll_totp';

export interface LoginResult {
  next: LoginNext;
  me: Me;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export const ORG_TYPES = ['federation', 'grassroots', 'service_center', 'station'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const ORG_LEVELS = ['national', 'province', 'city', 'county', 'town'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export type OrgStatus = 'active' | 'closed';

export interface Org {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  code: string;
  name: string;
  type: OrgType;
  level: OrgLevel | null;
  status: OrgStatus;
  contactPerson: string | null;
  contactPhone: string | null;
  address: string | null;
  settings: Record<string, unknown>;
  childCount: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface OrgInput {
  parentId?: number;
  code: string;
  name: string;
  type: OrgType;
  level?: OrgLevel | null;
  contactPerson?: string | null;
  contactPhone?: string | null;
  address?: string | null;
}

export type StaffStatus = 'active' | 'disabled';

export interface Staff {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  orgId: number;
  orgName: string;
  status: StaffStatus;
  totpEnabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  grants: Grant[];
}

export interface StaffCreateInput {
  username: string;
  displayName: string;
  orgId: number;
  password: string;
  phone?: string;
}

export interface StaffUpdateInput {
  displayName?: string;
  phone?: string | null;
  status?: StaffStatus;
}

export interface Role {
  code: string;
  name: string;
  nameEn: string;
  permissions: string[];
  mfaRequired: boolean;
  builtin: boolean;
}

export interface Permission {
  code: string;
  zh: string;
  en: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  orgId: number | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job<R = unknown> {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  total: number | null;
  result: R | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: string | null;
}
