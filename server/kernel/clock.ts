// The one source of "now" for rules that depend on time (lockouts, code expiry, session
// timeouts), so tests can move time instead of waiting for it.
export interface Clock {
  now(): Date;
}

/** China's offset from UTC (UTC+8, no daylight saving): calendar days and times are China's. */
export const CHINA_OFFSET_MS = 8 * 3600_000;

/** The instant moved to China's wall clock: read it with getUTC* or toISOString(). */
export function chinaTime(at: Date | number): Date {
  return new Date((typeof at === 'number' ? at : at.getTime()) + CHINA_OFFSET_MS);
}

/** The calendar date in China of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date | number): string {
  return chinaTime(at).toISOString().slice(0, 10);
}

/** The date and time in China of an instant, to the minute, as 'YYYY-MM-DD HH:mm' (exports). */
export function chinaMinute(at: Date | number): string {
  return chinaTime(at).toISOString().slice(0, 16).replace('T', ' ');
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date = new Date('2026-06-01T08:00:00+08:00')) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
