// Deadlines count working days: Saturdays and Sundays are skipped, in China time (UTC+8).
// Public holidays and the swapped working weekends (调休) are not modelled: a deadline across
// 国庆 comes out early, never late.
const SHIFT = 8 * 3600_000;
const DAY = 86400_000;

export function addWorkingDays(from: Date, days: number): Date {
  let t = from.getTime() + SHIFT;
  const weekend = () => [0, 6].includes(new Date(t).getUTCDay());
  for (let i = 0; i < days; i++) {
    t += DAY;
    while (weekend()) t += DAY;
  }
  return new Date(t - SHIFT);
}

/** The first instant of the month `at` falls in, China time. */
export function monthStart(at: Date): Date {
  const local = new Date(at.getTime() + SHIFT);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - SHIFT);
}
