// Labels and colours the service-center pages share.
import type { CaseState } from '../../../../lib/service';
import { CASE_STATE_LABELS, caseStateLabel } from '../../../../../shared/case-states.js';
import { currentLocale, i18n } from '../../i18n';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

const STATE_TAG: Record<CaseState, TagType> = {
  submitted: 'warning',
  accepted: 'primary',
  in_progress: 'primary',
  resolved: 'success',
  rejected: 'danger',
  withdrawn: 'info',
  transferred: 'warning',
};
const stateTags = new Map<string, TagType>(Object.entries(STATE_TAG));

/** Tag colour of a case state (table rows are loosely typed). */
export function caseStateTag(state: string): TagType {
  return stateTags.get(state) ?? 'info';
}

const RATING_TAG = new Map<string, TagType>([
  ['satisfied', 'success'],
  ['basically_satisfied', 'primary'],
  ['dissatisfied', 'danger'],
]);
export function ratingTag(rating: string): TagType {
  return RATING_TAG.get(rating) ?? 'info';
}

// Every state the contract knows has its one label, the one the member's H5 shows too.
export const CASE_STATE_NAMES: Record<CaseState, readonly [string, string]> = CASE_STATE_LABELS;

/** A case state as members and staff both name it (shared/case-states.ts). */
export function caseStateName(state: string): string {
  return caseStateLabel(state, currentLocale.value === 'en' ? 'en' : 'zh');
}

/** A label under `prefix` when the copy has one, else the raw code (a code added on the server later). */
export function labelOf(prefix: string, code: string | null | undefined): string {
  if (!code) return '—';
  if (prefix === 'service.state') return caseStateName(code);
  const key = `${prefix}.${code}`;
  return i18n.global.te(key) ? i18n.global.t(key) : code;
}

/** File size as people read it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Today as YYYY-MM-DD in local time. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();

/** A time in a queue row: 12/09 15:42 (the year only when it is not this year). */
export function formatShort(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const withYear = d.getFullYear() !== new Date().getFullYear();
  const key = `${currentLocale.value}|${withYear}`;
  let f = shortFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(currentLocale.value, {
      ...(withYear ? { year: 'numeric' } : {}),
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    shortFormats.set(key, f);
  }
  return f.format(d);
}
