// Choices on the member forms. 政治面貌 and 学历 are stored as the Chinese words the registry
// uses, whatever the interface language; the labels are translated for display.
import { JOB_TYPES, type JobType } from '../api/members';

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

const POLITICAL: [string, string][] = [
  ['中共党员', 'party'],
  ['中共预备党员', 'probationary'],
  ['共青团员', 'league'],
  ['民主党派成员', 'democratic'],
  ['无党派人士', 'independent'],
  ['群众', 'masses'],
];
export const politicalChoices: Choice[] = POLITICAL.map(([value, key]) => ({
  value,
  label: `member.political.${key}`,
}));

// The registry's words (as in the roster import and the demo data).
const EDUCATION: [string, string][] = [
  ['小学及以下', 'primary'],
  ['初中', 'junior'],
  ['高中', 'senior'],
  ['中专', 'vocational'],
  ['大专', 'college'],
  ['本科', 'bachelor'],
  ['硕士研究生', 'master'],
  ['博士研究生', 'doctor'],
];
export const educationChoices: Choice[] = EDUCATION.map(([value, key]) => ({
  value,
  label: `member.education.${key}`,
}));

/** The label key of a stored value, or null when it is free text (shown as written). */
export function choiceLabel(choices: Choice[], value: string | null | undefined): string | null {
  return choices.find((c) => c.value === value)?.label ?? null;
}
