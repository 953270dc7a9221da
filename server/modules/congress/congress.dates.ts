// Date arithmetic of the congress rules, on calendar dates (YYYY-MM-DD, China's calendar).

const DAY = 86_400_000;
const utc = (d: string) => new Date(`${d}T00:00:00Z`).getTime();
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return ymd(utc(day) + n * DAY);
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / DAY);
}

/** `day` plus `years` (29 February falls back to 28 February). */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : `${y}${day.slice(4)}`;
}

/**
 * Whether a term from `startsOn` to `endsOn` lasts between `min` and `max` years: a term of three
 * years from 2024-01-01 ends on 2026-12-31 (or 2027-01-01, counted inclusively either way).
 */
export function termLengthHeld(startsOn: string, endsOn: string, min: number, max: number): boolean {
  return addYears(startsOn, min) <= addDays(endsOn, 1) && endsOn <= addYears(startsOn, max);
}

/** The term's length in years, to one decimal (for the compliance record's figures). */
export function termYears(startsOn: string, endsOn: string): number {
  return Math.round(((daysBetween(startsOn, endsOn) + 1) / 365.25) * 10) / 10;
}

/**
 * The last day of `n` working days after `day`. Working days are Monday to Friday: there is no
 * holiday calendar in the platform, so public holidays count as working days (a lenient reading).
 */
export function addWorkingDays(day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}
