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
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const both = Object.keys(b).length > 0 && Object.keys(a).length > 0;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((key) => ({ key, before: showValue(b[key]), after: showValue(a[key]) }))
    .filter((c) => !both || c.before !== c.after);
}
