// Choices on the member forms. 政治面貌 and 学历 are stored as the Chinese words the registry
// uses, whatever the interface language; the labels are translated for display.
import { JOB_TYPES, type HouseholdType, type JobType } from '../api/members';
import { EDUCATION, POLITICAL } from '../../../lib/words';

export interface Choice<V extends string = string> {
  value: V;
  /** i18n key of what the member reads. */
  label: string;
  /** i18n key of a second line, if any. */
  hint?: string;
}

export const jobTypeChoices: Choice<JobType>[] = JOB_TYPES.map((value) => ({
  value,
  label: `member.jobType.${value}`,
  hint: value === 'regular' ? undefined : 'member.newEmployment',
}));

export const politicalChoices: Choice[] = POLITICAL.map(([value, key]) => ({
  value,
  label: `member.political.${key}`,
}));

export const educationChoices: Choice[] = EDUCATION.map(([value, key]) => ({
  value,
  label: `member.education.${key}`,
}));

/** The label key of a stored value, or null when it is free text (shown as written). */
export function choiceLabel(choices: Choice[], value: string | null | undefined): string | null {
  return choices.find((c) => c.value === value)?.label ?? null;
}

/** The work and further details the join and correction forms ask (MemberDetailFields). */
export interface MemberDetailForm {
  jobType: JobType | null;
  employer: string;
  post: string;
  ethnicity: string;
  politicalStatus: string | null;
  education: string | null;
  householdType: HouseholdType | null;
  migrantWorker: boolean;
}

export function emptyMemberDetails(): MemberDetailForm {
  return {
    jobType: null,
    employer: '',
    post: '',
    ethnicity: '',
    politicalStatus: null,
    education: null,
    householdType: null,
    migrantWorker: false,
  };
}
