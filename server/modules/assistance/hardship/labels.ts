import type { Label } from '../../../kernel/errors.js';
import type { HARDSHIP_CATEGORIES, HARDSHIP_CAUSES } from './hardship.schema.js';

// The names of hardship categories and causes in the server's own outputs (the file export, the
// figures' .xlsx): one place, so the two exports cannot name the same thing differently.

export const CATEGORY_LABELS: Record<(typeof HARDSHIP_CATEGORIES)[number], Label> = {
  deep: { zh: '深度困难', en: 'Deep hardship' },
  relative: { zh: '相对困难', en: 'Relative hardship' },
  sudden: { zh: '意外致困', en: 'Sudden hardship' },
};

export const CAUSE_LABELS: Record<(typeof HARDSHIP_CAUSES)[number], Label> = {
  serious_illness: { zh: '患大病', en: 'Serious illness' },
  disability: { zh: '残疾', en: 'Disability' },
  schooling: { zh: '子女就学', en: 'Children in school' },
  single_parent: { zh: '单亲', en: 'Single parent' },
  unemployment: { zh: '失业下岗', en: 'Unemployment' },
  disaster: { zh: '因灾', en: 'Disaster' },
  accident: { zh: '意外事故', en: 'Accident' },
  other: { zh: '其他', en: 'Other' },
};
