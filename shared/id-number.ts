// Shared by the server and both web apps (the browser checks as people type; the server decides).
// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd
// for men, even for women), and a check character from the ISO 7064 MOD 11-2 sum.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

// Province-level codes (first two digits) in use, including Hong Kong, Macao and Taiwan.
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type IdProblem = 'format' | 'province' | 'birthDate' | 'checkDigit';

export interface IdFacts {
  gender: 'male' | 'female';
  birthDate: string; // YYYY-MM-DD
}

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** Upper-cases a trailing x and strips spaces, so "32011219900101123x " is read as written. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The first thing wrong with an ID number, or null when it is valid. `today` bounds the birth date. */
export function idNumberProblem(id: string, today: Date = new Date()): IdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCES.has(id.slice(0, 2))) return 'province';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || date.getTime() > today.getTime()) return 'birthDate';
  if (checkDigit(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

/** Gender and birth date as the number states them (call only on a valid number). */
export function idFacts(id: string): IdFacts {
  return {
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  };
}

/** A valid number built from its parts; for demo data and tests. */
export function makeIdNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
