// Colours and groups of case states on the H5.
import type { TagType } from 'vant';

const TYPES: Record<string, TagType> = {
  submitted: 'warning',
  accepted: 'primary',
  in_progress: 'primary',
  transferred: 'warning',
  resolved: 'success',
  rejected: 'danger',
  withdrawn: 'default',
};

export function caseTagType(state: string): TagType {
  return TYPES[state] ?? 'default';
}

/** Work under way is blue: the theme's primary is the union red, which would read like a refusal. */
export function caseTagColor(state: string): string | undefined {
  return state === 'accepted' || state === 'in_progress' ? '#1989fa' : undefined;
}

/** The state filter of each tab on 我的办件. */
export const CASE_TABS = {
  all: undefined,
  open: 'submitted,accepted,in_progress,transferred',
  done: 'resolved,rejected,withdrawn',
} as const;
