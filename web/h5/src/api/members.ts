// The member registry API as the H5 uses it (docs/API-MEMBERS.md, "Member (H5)").
// Personal data arrives masked: 身份证号 3201**********123X, phone 138****5678.
import type { Body, Reply, Schemas } from '../../../lib/api/client';
import type { JOB_TYPES, MEMBER_STATUSES, REQUEST_STATUSES, TRANSFER_STATUSES } from '../../../lib/api/dictionaries';
import { api, ApiError, ok } from './client';

export { JOB_TYPES } from '../../../lib/api/dictionaries';
export type JobType = (typeof JOB_TYPES)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type Gender = Schemas['Member']['gender'];
export type HouseholdType = NonNullable<Schemas['Member']['householdType']>;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export type Member = Reply<'/api/me/member'>;
/** A grassroots union one can join or transfer to. */
export type Union = Reply<'/api/unions'>['items'][number];
export type JoinRequest = Schemas['JoinRequest'];
export type JoinBody = Body<'/api/me/join', 'post'>;
/** The fields a member may ask to have corrected. */
export type CorrectionChanges = Body<'/api/me/corrections', 'post'>['changes'];
export type Correction = Reply<'/api/me/corrections'>['items'][number];
export type MemberCard = Schemas['MemberCard'];
export type Transfer = Reply<'/api/me/transfer'>;

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
  searchUnions: async (q: string) => (await ok(api.GET('/api/unions', { params: { query: { q } } }))).items,

  myMember: () => orNull(ok(api.GET('/api/me/member'))),

  join: (body: JoinBody) => ok(api.POST('/api/me/join', { body })),
  myJoin: () => orNull(ok(api.GET('/api/me/join'))),

  card: () => ok(api.GET('/api/me/card')),

  requestCorrection: (body: Body<'/api/me/corrections', 'post'>) => ok(api.POST('/api/me/corrections', { body })),
  myCorrections: async () => (await ok(api.GET('/api/me/corrections'))).items,

  requestTransfer: (body: Body<'/api/me/transfer', 'post'>) => ok(api.POST('/api/me/transfer', { body })),
  myTransfer: () => orNull(ok(api.GET('/api/me/transfer'))),
};
