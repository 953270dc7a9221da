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
  /** the caller may edit, reset and unlock this account (never their own; none whose grants reach beyond theirs) */
  manageable: boolean;
  grantsManageable: boolean;
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

// The member registry (docs/API-MEMBERS.md). ID numbers and phones arrive masked unless revealed.
export const MEMBER_STATUSES = ['active', 'transferring', 'left', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const JOB_TYPES = ['regular', 'courier', 'food_delivery', 'truck_driver', 'ride_hailing', 'other_new'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export type Gender = 'male' | 'female';
export type HouseholdType = 'urban' | 'rural';

export interface MemberListItem {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  status: MemberStatus;
  gender: Gender;
  birthDate: string;
  age: number;
  idNumber: string;
  phone: string | null;
  jobType: JobType;
  employer: string | null;
  joinedAt: string;
  cardNo: string | null;
}

export interface MemberEvent {
  id: number;
  kind: string;
  at: string;
  actorName: string | null;
  orgId: number;
  note: string | null;
  before: unknown;
  after: unknown;
}

export interface Member extends MemberListItem {
  ethnicity: string | null;
  politicalStatus: string | null;
  education: string | null;
  householdType: HouseholdType | null;
  migrantWorker: boolean;
  post: string | null;
  createdAt: string;
  updatedAt: string;
  history: MemberEvent[];
}

/** The descriptive fields shared by the add and edit forms. */
export interface MemberDetailInput {
  ethnicity?: string | null;
  politicalStatus?: string | null;
  education?: string | null;
  householdType?: HouseholdType | null;
  migrantWorker?: boolean;
  employer?: string | null;
  post?: string | null;
  jobType?: JobType;
  cardNo?: string | null;
}

export interface MemberCreateInput extends MemberDetailInput {
  name: string;
  idNumber: string;
  phone: string;
  orgId: number;
  joinedAt: string;
}

export interface MemberUpdateInput extends MemberDetailInput {
  name?: string;
  phone?: string | null;
  joinedAt?: string;
  status?: 'active' | 'left' | 'deceased';
}

export type MemberSort = 'name' | '-name' | 'joinedAt' | '-joinedAt';

export interface MemberQuery {
  q?: string;
  orgId?: number;
  status?: MemberStatus;
  jobType?: JobType;
  newEmployment?: boolean;
  gender?: Gender;
  ageMin?: number;
  ageMax?: number;
  joinedFrom?: string;
  joinedTo?: string;
  employer?: string;
  sort?: MemberSort;
}

export interface MemberImportResult {
  total: number;
  imported: number;
  existing: number;
  failed: number;
  errorFile: string | null;
}

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface JoinRequest {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  idNumber: string;
  phone: string | null;
  jobType: JobType;
  employer: string | null;
  channel: string;
  status: RequestStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  memberId: number | null;
}

export const TRANSFER_STATUSES = ['pending_out', 'pending_in', 'completed', 'rejected', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export interface Transfer {
  id: number;
  memberId: number;
  memberName: string;
  idNumber: string;
  fromOrgId: number;
  fromOrgName: string;
  toOrgId: number;
  toOrgName: string;
  status: TransferStatus;
  reason: string | null;
  rejectReason: string | null;
  createdAt: string;
  outDecidedAt: string | null;
  inDecidedAt: string | null;
}

export interface Correction {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  orgName: string;
  changes: Record<string, unknown>;
  note: string | null;
  status: RequestStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface UnionOption {
  id: number;
  name: string;
  code: string;
  parentName: string | null;
}
