// The shapes the console reads, named after the contract (web/lib/api/schema.d.ts, generated
// from the server by `npm run api:generate`). Nothing here is written by hand but the names.
import type { Body, Query, Reply, Schemas } from '../../../lib/api/client';
import type {
  JOB_TYPES,
  MEMBER_STATUSES,
  ORG_LEVELS,
  ORG_TYPES,
  TRANSFER_STATUSES,
} from '../../../lib/api/dictionaries';

export type { Page } from '../../../lib/api/client';
export { JOB_TYPES, MEMBER_STATUSES, ORG_LEVELS, ORG_TYPES, TRANSFER_STATUSES } from '../../../lib/api/dictionaries';

export type Me = Schemas['Me'];
export type Grant = Schemas['Grant'];
export type SessionState = Me['session']['state'];
export type LoginResult = Reply<'/api/auth/login', 'post'>;
export type LoginNext = LoginResult['next'];
export type TotpSetup = Reply<'/api/auth/totp/setup', 'post'>;

export type Org = Schemas['Org'];
export type OrgType = (typeof ORG_TYPES)[number];
export type OrgLevel = (typeof ORG_LEVELS)[number];
export type OrgStatus = Org['status'];
export type OrgInput = Body<'/api/orgs', 'post'>;

export type Staff = Schemas['Staff'];
export type StaffStatus = Staff['status'];
export type StaffCreateInput = Body<'/api/staff', 'post'>;
export type StaffUpdateInput = Body<'/api/staff/{id}', 'patch'>;
export type Role = Schemas['Role'];
export type Permission = Reply<'/api/permissions'>['items'][number];

export type AuditEntry = Schemas['AuditEntry'];
export type AuditAction = Schemas['AuditAction'];
export type AuditQuery = Query<'/api/audit'> & { page: number; pageSize: number };
export type Job<R = unknown> = Omit<Schemas['Job'], 'result'> & { result: R | null };
export type JobState = Schemas['Job']['state'];
export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: string | null;
}

export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type JobType = (typeof JOB_TYPES)[number];
export type Gender = Schemas['Member']['gender'];
export type HouseholdType = NonNullable<Schemas['Member']['householdType']>;
export type MemberListItem = Schemas['MemberListItem'];
export type Member = Schemas['Member'];
export type MemberEvent = Member['history'][number];
export type MemberCreateInput = Body<'/api/members', 'post'>;
export type MemberUpdateInput = Body<'/api/members/{id}', 'patch'>;
/** The descriptive fields shared by the add and edit forms. */
export type MemberDetailInput = Omit<MemberUpdateInput, 'name' | 'phone' | 'joinedAt' | 'status'>;
export type MemberSort = NonNullable<Query<'/api/members'>['sort']>;
export type MemberQuery = Omit<Query<'/api/members'>, 'page' | 'pageSize' | 'newEmployment'> & {
  newEmployment?: boolean;
};
export interface MemberImportResult {
  total: number;
  imported: number;
  existing: number;
  failed: number;
  errorFile: string | null;
}

export type RequestStatus = Schemas['Correction']['status'];
export type JoinRequest = Schemas['JoinRequest'];
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export type Transfer = Schemas['Transfer'];
export type Correction = Schemas['Correction'];
export type UnionOption = Reply<'/api/unions'>['items'][number];
