// The member registry API as the H5 uses it (docs/API-MEMBERS.md, "Member (H5)").
// Personal data arrives masked: 身份证号 3201**********123X, phone 138****5678.
import { ApiError } from '../../../lib/http';
import { authed } from './client';

export const JOB_TYPES = ['regular', 'courier', 'food_delivery', 'truck_driver', 'ride_hailing', 'other_new'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export type MemberStatus = 'active' | 'transferring' | 'left' | 'deceased';
export type Gender = 'male' | 'female';
export type HouseholdType = 'urban' | 'rural';
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
export type TransferStatus = 'pending_out' | 'pending_in' | 'completed' | 'rejected' | 'cancelled';

export interface Member {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  status: MemberStatus;
  gender: Gender;
  birthDate: string;
  age: number;
  idNumber: string; // masked
  phone: string | null; // masked
  jobType: JobType;
  employer: string | null;
  joinedAt: string;
  cardNo: string | null;
  ethnicity: string | null;
  politicalStatus: string | null;
  education: string | null;
  householdType: HouseholdType | null;
  migrantWorker: boolean;
  post: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A grassroots union one can join or transfer to. */
export interface Union {
  id: number;
  name: string;
  code: string;
  parentName: string | null;
}

export interface JoinRequest {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  idNumber: string; // masked
  phone: string | null; // masked
  jobType: JobType;
  employer: string | null;
  channel: string;
  status: RequestStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  memberId: number | null;
}

export interface JoinBody {
  orgId: number;
  name: string;
  idNumber: string;
  jobType?: JobType;
  employer?: string;
  post?: string;
  ethnicity?: string;
  politicalStatus?: string;
  education?: string;
  householdType?: HouseholdType;
  migrantWorker?: boolean;
}

/** The fields a member may ask to have corrected. */
export interface CorrectionChanges {
  name?: string;
  phone?: string;
  employer?: string | null;
  post?: string | null;
  jobType?: JobType;
  ethnicity?: string | null;
  politicalStatus?: string | null;
  education?: string | null;
  householdType?: HouseholdType | null;
  migrantWorker?: boolean;
}

export interface Correction {
  id: number;
  memberId: number;
  orgId: number;
  orgName: string;
  changes: CorrectionChanges; // a phone inside is masked
  note: string | null;
  status: RequestStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface MemberCard {
  cardNo: string | null;
  name: string;
  orgName: string;
  status: MemberStatus;
  token: string;
  expiresAt: string;
  qrDataUrl: string;
}

export interface Transfer {
  id: number;
  memberId: number;
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

export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}

/** A GET whose 404 means "there is none yet" rather than a failure. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export const membersApi = {
  searchUnions: (q: string) => authed.get<{ items: Union[] }>('/api/unions', { q }).then((r) => r.items),

  myMember: () => orNull(authed.get<Member>('/api/me/member')),

  join: (body: JoinBody) => authed.post<JoinRequest>('/api/me/join', body),
  myJoin: () => orNull(authed.get<JoinRequest>('/api/me/join')),

  card: () => authed.get<MemberCard>('/api/me/card'),

  requestCorrection: (body: { changes: CorrectionChanges; note?: string }) => authed.post<Correction>('/api/me/corrections', body),
  myCorrections: () => authed.get<{ items: Correction[] }>('/api/me/corrections').then((r) => r.items),

  requestTransfer: (body: { toOrgId: number; reason?: string }) => authed.post<Transfer>('/api/me/transfer', body),
  myTransfer: () => orNull(authed.get<Transfer>('/api/me/transfer')),
};
