import type { StaffStatus } from '../../api/types';

export type StaffFilterValues = {
  q: string;
  orgId: number | null;
  status: StaffStatus | '';
};

export function blankStaffFilters(): StaffFilterValues {
  return { q: '', orgId: null, status: '' };
}
