// The service-center contract (docs/API-SERVICE.md) as both web apps read it: names for the
// generated shapes (web/lib/api/schema.d.ts), and the one rule the forms share.
import type { Body, Reply, Schemas } from './api/client';
import type {
  CASE_CATEGORIES,
  CASE_CHANNELS,
  CASE_RATINGS,
  CASE_STATES,
  AWAY_REASONS,
  FIELD_TYPES,
} from './api/dictionaries';

export {
  AWAY_REASONS,
  CASE_CATEGORIES as CATEGORIES,
  CASE_CHANNELS as CHANNELS,
  CASE_RATINGS as RATINGS,
  CASE_STATES,
  FIELD_TYPES,
} from './api/dictionaries';
export type Category = (typeof CASE_CATEGORIES)[number];
export type Channel = (typeof CASE_CHANNELS)[number];
export type CaseState = (typeof CASE_STATES)[number];
export type Rating = (typeof CASE_RATINGS)[number];
export type AwayReason = (typeof AWAY_REASONS)[number];
export type FieldType = (typeof FIELD_TYPES)[number];

export type ServiceInput = Body<'/api/services', 'post'>;
/** A form field as the catalog defines it (the request schema keeps the type's enum). */
export type FormField = ServiceInput['form'][number];
export type Eligibility = NonNullable<ServiceInput['eligibility']>;
/** A service; form and eligibility typed as the catalog writes them (the answer's schema widens their enums to strings). */
export type Service = Omit<Schemas['Service'], 'form' | 'eligibility'> & {
  form: FormField[];
  eligibility: Eligibility;
};
export type FieldValue = string | number | number[] | string[] | null;
export type CaseListItem = Schemas['CaseListItem'];
/** A case; its form and answers typed as the service defined them (the schema leaves both open). */
export type Case = Omit<Schemas['Case'], 'form' | 'fields'> & { form: FormField[]; fields: Record<string, FieldValue> };
export type TimelineEntry = Schemas['Case']['timeline'][number];
export type Attachment = Schemas['CaseAttachment'];
export type InboxMessage = Reply<'/api/me/inbox'>['items'][number];

/** Field values the form sends: what each type holds, empty answers left out. */
export function cleanFields(
  form: readonly FormField[],
  values: Record<string, FieldValue>,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of form) {
    const v = values[f.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[f.key] = f.type === 'number' && typeof v === 'string' ? Number(v) : v;
  }
  return out;
}
