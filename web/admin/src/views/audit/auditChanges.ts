import { useI18n } from 'vue-i18n';

// An audit row's before/after as a table of fields: what changed when both sides are there, what
// was recorded when only one is. Values are shown as stored: personal data arrives masked.

export interface FieldChange {
  key: string;
  before: string;
  after: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** One level of keys (a nested object is shown as its JSON); unchanged fields are left out when both sides exist. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  let b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  let a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  // A state transition records only its result and where it came from (`{state, from}`): that is
  // the state's before and after.
  if (Object.keys(b).length === 0 && 'state' in a && 'from' in a) {
    const { from, ...rest } = a;
    b = { state: from };
    a = rest;
  }
  const both = Object.keys(b).length > 0 && Object.keys(a).length > 0;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((key) => ({ key, before: showValue(b[key]), after: showValue(a[key]) }))
    .filter((c) => !both || c.before !== c.after);
}

// Values that are codes of a dictionary the console knows read as words (a case's state: 已受理).
const DICTIONARIES: Record<string, Record<string, string>> = {
  service_case: { state: 'service.state', from: 'service.state', channel: 'service.channel' },
};

/** Field names and coded values of an audit row in the reader's language, where the console knows them. */
export function useAuditLabels() {
  const { t, te } = useI18n();
  const fieldLabel = (key: string) => (te(`audit.fields.${key}`) ? t(`audit.fields.${key}`) : key);
  function valueLabel(targetType: string | null, key: string, value: string): string {
    const dict = targetType ? DICTIONARIES[targetType]?.[key] : undefined;
    return dict && te(`${dict}.${value}`) ? `${t(`${dict}.${value}`)}（${value}）` : value;
  }
  return { fieldLabel, valueLabel };
}
