// The roster's filters, and their round trip through the address bar (so that coming back from a
// record, or sharing a link, finds the same list).
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import {
  JOB_TYPES,
  MEMBER_STATUSES,
  type Gender,
  type JobType,
  type MemberQuery,
  type MemberSort,
  type MemberStatus,
} from '../../api/types';
import { PAGE_SIZES } from '../../composables/pagedList';

export type MemberFilterValues = {
  q: string;
  orgId: number | null;
  status: MemberStatus | '';
  jobType: JobType | '';
  newEmployment: boolean;
  gender: Gender | '';
  ageMin: number | null;
  ageMax: number | null;
  joined: [string, string] | null;
  employer: string;
};

export const SORTS: readonly MemberSort[] = ['name', '-name', 'joinedAt', '-joinedAt'];
export const DEFAULT_SORT: MemberSort = '-joinedAt';

export function blankMemberFilters(): MemberFilterValues {
  return {
    q: '',
    orgId: null,
    status: '',
    jobType: '',
    newEmployment: false,
    gender: '',
    ageMin: null,
    ageMax: null,
    joined: null,
    employer: '',
  };
}

/** The filters as the API takes them (empty ones left out). */
export function toMemberQuery(f: MemberFilterValues, sort: MemberSort): MemberQuery {
  const q: MemberQuery = { sort };
  if (f.q.trim()) q.q = f.q.trim();
  if (f.orgId) q.orgId = f.orgId;
  if (f.status) q.status = f.status;
  if (f.jobType) q.jobType = f.jobType;
  if (f.newEmployment) q.newEmployment = true;
  if (f.gender) q.gender = f.gender;
  if (f.ageMin !== null) q.ageMin = f.ageMin;
  if (f.ageMax !== null) q.ageMax = f.ageMax;
  if (f.joined) [q.joinedFrom, q.joinedTo] = f.joined;
  if (f.employer.trim()) q.employer = f.employer.trim();
  return q;
}

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s : '';
}

function int(v: LocationQuery[string] | undefined, min: number, max: number): number | null {
  const s = one(v);
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

function pick<T extends string>(list: readonly T[], v: string): T | '' {
  return list.find((x) => x === v) ?? '';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface RosterState {
  filters: MemberFilterValues;
  sort: MemberSort;
  page: number;
  pageSize: number;
}

export function stateFromQuery(query: LocationQuery): RosterState {
  const from = one(query.joinedFrom);
  const to = one(query.joinedTo);
  const gender = one(query.gender);
  const pageSize = int(query.pageSize, 1, 100);
  return {
    filters: {
      q: one(query.q),
      orgId: int(query.orgId, 1, Number.MAX_SAFE_INTEGER),
      status: pick(MEMBER_STATUSES, one(query.status)),
      jobType: pick(JOB_TYPES, one(query.jobType)),
      newEmployment: one(query.newEmployment) === 'true',
      gender: gender === 'male' || gender === 'female' ? gender : '',
      ageMin: int(query.ageMin, 0, 150),
      ageMax: int(query.ageMax, 0, 150),
      joined: DATE.test(from) && DATE.test(to) ? [from, to] : null,
      employer: one(query.employer),
    },
    sort: pick(SORTS, one(query.sort)) || DEFAULT_SORT,
    page: int(query.page, 1, 100_000) ?? 1,
    pageSize: pageSize && PAGE_SIZES.some((s) => s === pageSize) ? pageSize : 20,
  };
}

export function stateToQuery(s: RosterState): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  for (const [k, v] of Object.entries(toMemberQuery(s.filters, s.sort))) out[k] = String(v);
  if (s.sort === DEFAULT_SORT) delete out.sort;
  if (s.page !== 1) out.page = String(s.page);
  if (s.pageSize !== 20) out.pageSize = String(s.pageSize);
  return out;
}
