// The colour of a status tag (Vant tag types), one place for every status the member pages show.
import type { TagType } from 'vant';
import type { MemberStatus, RequestStatus, TransferStatus } from '../api/members';

const TYPES: Record<MemberStatus | RequestStatus | TransferStatus, TagType> = {
  active: 'success',
  transferring: 'warning',
  left: 'default',
  deceased: 'default',
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  cancelled: 'default',
  pending_out: 'warning',
  pending_in: 'warning',
  completed: 'success',
};

export function tagType(status: MemberStatus | RequestStatus | TransferStatus): TagType {
  return TYPES[status];
}
