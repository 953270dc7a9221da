import type { z } from 'zod';
import type { Lang } from '../../../kernel/errors.js';
import { memberFieldMessage } from '../member.errors.js';
import { idFacts } from '../id-number.js';
import { memberDetailFields, ZIdNumber, ZMemberPhone, ZName, ZNewMember, ZPastDate } from '../member.fields.js';
import type { JOB_TYPES } from '../member.schema.js';
import { COLUMNS, unsafeText, type ColumnKey } from './columns.js';
import {
  educationOf,
  ethnicityOf,
  GENDER_TEXT,
  genderOf,
  householdOf,
  jobTypeOf,
  politicalOf,
} from './dictionaries.js';
import type { Cell } from './rows.js';

// One row of the file checked on its own, with the same zod schemas (and so the same messages)
// as the API's POST /api/members. What needs the database (is this person a member already,
// is the card number taken) is decided per batch in job.ts.

export interface UnionTarget {
  id: number;
  path: string;
  type: string;
  status: string;
}

export interface RowContext {
  lang: Lang;
  /** By code, and by exact name (a name may be used twice). */
  unionsByCode: Map<string, UnionTarget>;
  unionsByName: Map<string, UnionTarget[]>;
  inScope(path: string): boolean;
}

export interface MemberValues {
  orgId: number;
  name: string;
  idNumber: string;
  phone: string;
  gender: 'male' | 'female';
  birthDate: string;
  ethnicity: string | null;
  politicalStatus: string | null;
  education: string | null;
  householdType: 'urban' | 'rural' | null;
  migrantWorker: boolean;
  employer: string | null;
  post: string | null;
  jobType: (typeof JOB_TYPES)[number];
  joinedAt: string;
  cardNo: string | null;
}

export interface CheckedRow {
  line: number;
  /** The row as text in template order, for the errors file. */
  texts: string[];
  /** Reason per bad cell. */
  errors: Map<ColumnKey, string>;
  /** The normalised 身份证号 when it is valid (duplicates and existing members are found by it). */
  idNumber: string | null;
  /** The card number when it is well formed (checked for duplicates even when the row has other faults). */
  cardNo: string | null;
  /** The union the row names, when it resolves (an existing member there is skipped, elsewhere is a fault). */
  orgId: number | null;
  values: MemberValues | null;
}

const REQUIRED = new Set<ColumnKey>(COLUMNS.filter((c) => c.required).map((c) => c.key));
const COLUMN_INDEX = new Map<ColumnKey, number>(COLUMNS.map((c, i) => [c.key, i]));
/** A message from the member module's table (member.errors.ts), with its `{n}` filled in. */
export const say = (key: string, lang: Lang, n = '') => memberFieldMessage(key, lang).replace('{n}', n);
const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** A cell as the text a person typed (dates as YYYY-MM-DD, whole numbers without exponent). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : isoDate(c);
  if (typeof c === 'number') return Number.isInteger(c) ? BigInt(Math.trunc(c)).toString() : String(c);
  if (typeof c === 'boolean') return c ? '是' : '否';
  return unsafeText(c.trim());
}

/**
 * safeParse without a stack trace: a failed parse builds a ZodError, an Error, and V8's capture
 * of its stack was most of the ~47 µs a bad row cost — 47 s for a file of a million bad rows.
 * The error's issues are all we read.
 */
function quietParse<T>(schema: z.ZodType<T>, value: string): z.ZodSafeParseResult<T> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return schema.safeParse(value);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** 入会时间 from a date cell, an Excel serial number, or text like 2020-3-1, 2020/03/01, 2020年3月1日. */
function dateText(c: Cell | undefined): string {
  if (typeof c === 'number' && c > 0 && c < 2_958_466) return isoDate(new Date(Math.round((c - 25569) * 86_400_000)));
  const text = cellText(c);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : text;
}

export function checkRow(line: number, cells: Cell[], header: Map<ColumnKey, number>, ctx: RowContext): CheckedRow {
  const raw = (k: ColumnKey): Cell | undefined => {
    const i = header.get(k);
    return i === undefined ? undefined : cells[i];
  };
  // Each cell's text once (a million-row import reads it for checks, values and the errors file).
  const texts = COLUMNS.map((c) => (c.key === 'joinedAt' ? dateText(raw('joinedAt')) : cellText(raw(c.key))));
  const text = (k: ColumnKey) => texts[COLUMN_INDEX.get(k) ?? -1] ?? '';
  const errors = new Map<ColumnKey, string>();
  const fail = (k: ColumnKey, key: string, n = '') => void (errors.has(k) || errors.set(k, say(key, ctx.lang, n)));
  const parse = <T>(k: ColumnKey, schema: z.ZodType<T>, value: string): T | undefined => {
    if (value === '' && REQUIRED.has(k)) return void fail(k, 'import.required');
    const r = quietParse(schema, value);
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    if (issue?.code === 'too_big') fail(k, 'import.tooLong', String(issue.maximum));
    else fail(k, issue?.message ?? 'import.invalid');
    return undefined;
  };
  const optional = (k: ColumnKey, schema: z.ZodType<string | null | undefined>): string | null => {
    const v = text(k);
    return v === '' ? null : (parse(k, schema, v) ?? null);
  };

  // U+FFFD marks text broken before it reached us (a file saved in the wrong encoding, or by a
  // tool that split a character between chunks, as exceljs's reader did: issues #2063, #2316).
  // Such a cell is refused, never imported half-garbled.
  for (const k of header.keys()) if (text(k).includes('\uFFFD')) fail(k, 'import.unreadable');

  const name = parse('name', ZName, text('name'));
  let idNumber: string | undefined;
  if (typeof raw('idNumber') === 'number') fail('idNumber', 'import.idNumberAsNumber');
  else idNumber = parse('idNumber', ZIdNumber, text('idNumber'));
  const facts = idNumber ? idFacts(idNumber) : undefined;
  const genderText = text('gender');
  if (genderText) {
    const g = genderOf(genderText);
    if (!g) fail('gender', 'import.gender.invalid');
    else if (facts && g !== facts.gender)
      fail('gender', 'import.gender.mismatch', ctx.lang === 'zh' ? GENDER_TEXT[facts.gender] : facts.gender);
  }
  const phone = parse('phone', ZMemberPhone, text('phone'));
  const household = text('householdType')
    ? householdOf(text('householdType'))
    : { householdType: null, migrantWorker: false };
  if (!household) fail('householdType', 'import.householdType');
  const jobType = text('jobType') ? jobTypeOf(text('jobType')) : 'regular';
  if (!jobType) fail('jobType', 'import.jobType');
  const orgId = resolveUnion(text('union'), ctx, (key) => fail('union', key));
  const joinedAt = parse('joinedAt', ZPastDate, text('joinedAt'));
  const cardNo = optional('cardNo', ZNewMember.shape.cardNo);
  const details = {
    ethnicity: word(optional('ethnicity', memberDetailFields.ethnicity), ethnicityOf),
    politicalStatus: word(optional('politicalStatus', memberDetailFields.politicalStatus), politicalOf),
    education: word(optional('education', memberDetailFields.education), educationOf),
    employer: optional('employer', memberDetailFields.employer),
    post: optional('post', memberDetailFields.post),
  };

  const values =
    errors.size === 0 && name && idNumber && facts && phone && household && jobType && orgId && joinedAt
      ? { orgId, name, idNumber, phone, ...facts, ...household, jobType, joinedAt, cardNo, ...details }
      : null;
  return { line, texts, errors, idNumber: idNumber ?? null, cardNo, orgId: orgId ?? null, values };
}

/** A word column: a known spelling is stored as the registry's word, anything else as typed. */
const word = (value: string | null, known: (text: string) => string | undefined) =>
  value === null ? null : (known(value) ?? value);

/** 所属工会 by code or exact name: a grassroots union, open, inside the importer's scope. */
function resolveUnion(value: string, ctx: RowContext, fail: (key: string) => void): number | undefined {
  if (!value) return void fail('import.required');
  const byCode = ctx.unionsByCode.get(value);
  const candidates = byCode ? [byCode] : (ctx.unionsByName.get(value) ?? []);
  if (candidates.length === 0) return void fail('import.union.unknown');
  // A name used twice is fine when only one of the two is the importer's.
  const mine = candidates.filter((u) => ctx.inScope(u.path));
  if (mine.length === 0) return void fail('import.union.outOfScope');
  const [found] = mine;
  if (!found || mine.length > 1) return void fail('import.union.ambiguous');
  if (found.type !== 'grassroots') return void fail('ORG_NOT_GRASSROOTS');
  if (found.status !== 'active') return void fail('import.union.closed');
  return found.id;
}
