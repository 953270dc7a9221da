// 居民身份证号码 (GB 11643-1999), checked as the officer types; the server checks again.
// 6-digit region, 8-digit birth date, 3-digit sequence (odd: male, even: female) and a check
// character from the ISO 7064 MOD 11-2 sum. The same rules as server/modules/member/id-number.ts.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

// Province-level codes in use (the first two digits), Hong Kong, Macao and Taiwan included.
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45',
  '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

export type IdProblem = 'format' | 'region' | 'birthDate' | 'checkDigit';

/** Spaces dropped, a trailing x upper-cased: "32011219900101123x" reads as written. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** What is wrong with a (normalised) number, or null when it is valid. */
export function idNumberProblem(id: string, today: Date = new Date()): IdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCES.has(id.slice(0, 2))) return 'region';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || date.getTime() > today.getTime()) return 'birthDate';
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

/** Gender and birth date as a valid number states them. */
export function idFacts(id: string): { gender: 'male' | 'female'; birthDate: string } {
  return {
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  };
}
