import { CHINA_OFFSET_MS, chinaTime } from '../../kernel/clock.js';
// Deadlines count working days: Saturdays and Sundays are skipped, in China time (UTC+8).
// Public holidays and the swapped working weekends (调休) are not modelled: a deadline across
// 国庆 comes out early, never late.
const DAY = 86400_000;

export function addWorkingDays(from: Date, days: number): Date {
  let t = from.getTime() + CHINA_OFFSET_MS;
  const weekend = () => [0, 6].includes(new Date(t).getUTCDay());
  for (let i = 0; i < days; i++) {
    t += DAY;
    while (weekend()) t += DAY;
  }
  return new Date(t - CHINA_OFFSET_MS);
}

/** The first instant of the month `at` falls in, China time. */
export function monthStart(at: Date): Date {
  const local = chinaTime(at);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - CHINA_OFFSET_MS);
}
