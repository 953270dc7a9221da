import { z } from 'zod';
import type { ErrorDetail } from '../../kernel/errors.js';
import { AppError } from '../../kernel/errors.js';
import { ZDate } from '../member/index.js';
import type { FormField } from './service.schema.js';
import { assertUnreachable } from '../../kernel/types.js';

// A service's application form: defined by the org (checked when stored), and the yardstick an
// application's answers are checked against (field by field, messages at `fields.<key>`).

export const FIELD_TYPES = ['text', 'number', 'date', 'choice', 'attachment'] as const;

const ZOption = z.string().trim().min(1).max(50);

export const ZFormField = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'form.key'),
    label: z.string().trim().min(1).max(50),
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    options: z.array(ZOption).min(1).max(30).optional(),
    maxLength: z.number().int().min(1).max(2000).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    multiple: z.boolean().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.type === 'choice') {
      if (!f.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'form.optionsRequired' });
      else if (new Set(f.options).size !== f.options.length)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'form.optionsDuplicate' });
    } else if (f.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'form.optionsOnlyChoice' });
    if (f.maxLength !== undefined && f.type !== 'text')
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: 'form.notForType' });
    if ((f.min !== undefined || f.max !== undefined) && f.type !== 'number')
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'form.notForType' });
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'form.minMax' });
    if (f.multiple !== undefined && f.type !== 'choice' && f.type !== 'attachment')
      ctx.addIssue({ code: 'custom', path: ['multiple'], message: 'form.notForType' });
  });

export const ZForm = z
  .array(ZFormField)
  .max(30)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'form.keyDuplicate' });
      seen.add(f.key);
    });
  });

/** Answers as stored: strings, numbers, lists of strings (choices) or file ids (attachments). */
export type FormValues = Record<string, string | number | string[] | number[] | null>;

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks `input` against the form. Unknown keys are refused; attachment values must be file
 * ids that `fileOk` accepts. Throws VALIDATION_FAILED with every problem at once.
 */
export function checkAnswers(form: FormField[], input: unknown, fileOk: (id: number) => boolean): FormValues {
  const details: ErrorDetail[] = [];
  const out: FormValues = {};
  const bad = (key: string, message: string) => details.push({ path: `fields.${key}`, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new AppError('VALIDATION_FAILED', [{ path: 'fields', message: 'form.notObject' }]);
  const keys = new Set(form.map((f) => f.key));
  for (const k of Object.keys(input)) if (!keys.has(k)) bad(k, 'form.unknownField');
  for (const f of form) {
    const v: unknown = Reflect.get(input, f.key);
    if (isBlank(v)) {
      if (f.required) bad(f.key, 'form.required');
      out[f.key] = null;
      continue;
    }
    const problem = checkOne(f, v, fileOk);
    if (typeof problem === 'string') bad(f.key, problem);
    else out[f.key] = problem.value;
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', details);
  return out;
}

function checkOne(f: FormField, v: unknown, fileOk: (id: number) => boolean): string | { value: FormValues[string] } {
  switch (f.type) {
    case 'text': {
      if (typeof v !== 'string') return 'form.text';
      const s = v.trim();
      return s.length > (f.maxLength ?? 500) ? 'form.tooLong' : { value: s };
    }
    case 'number': {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) return 'form.number';
      if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) return 'form.range';
      return { value: n };
    }
    case 'date':
      return typeof v === 'string' && ZDate.safeParse(v).success ? { value: v } : 'date.invalid';
    case 'choice': {
      const list: unknown[] = Array.isArray(v) ? v : [v];
      if (!f.multiple && list.length !== 1) return 'form.choice';
      if (!list.every((x): x is string => typeof x === 'string' && (f.options ?? []).includes(x))) return 'form.choice';
      const [only] = list;
      return f.multiple ? { value: list } : only === undefined ? 'form.choice' : { value: only };
    }
    case 'attachment': {
      const list: unknown[] = Array.isArray(v) ? v : [v];
      if ((!f.multiple && list.length !== 1) || list.length > 10) return 'form.attachment';
      if (!list.every((x): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0 && fileOk(x)))
        return 'form.attachment';
      return { value: list };
    }
    default:
      return assertUnreachable(f.type); // a new field type must be checked here
  }
}

/** File ids named by the answers' attachment fields. */
export function attachmentIds(form: FormField[], values: FormValues): number[] {
  return form
    .filter((f) => f.type === 'attachment')
    .flatMap((f) => {
      const v = values[f.key];
      return Array.isArray(v) ? v.filter((x) => typeof x === 'number') : [];
    });
}
