import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { chinaDate } from './clock.js';
import { AppError, type Label, type Lang } from './errors.js';

// What every figures endpoint shares: the period of a time series (day, week, month; China time),
// the window a series covers when the caller names no dates, the range checks with their field
// messages, and the one-sheet .xlsx a chart's table exports to. No business rules: the modules
// count; this file only shapes periods and tables.

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A series holds at most this many periods (a year of days; weeks and months go further back). */
export const MAX_PERIODS = 366;

export const FIGURES_FIELD_MESSAGES = {
  'range.order': { zh: '开始日期不能晚于结束日期', en: 'The start date must not be after the end date' },
  'range.year': { zh: '日期须在 1900 年至 2999 年之间', en: 'Dates must lie between 1900 and 2999' },
  'range.tooLong': {
    zh: `统计区间过长：最多 ${MAX_PERIODS} 个统计周期（按日统计最多 ${MAX_PERIODS} 天）`,
    en: `The range is too long: at most ${MAX_PERIODS} periods (${MAX_PERIODS} days by day)`,
  },
} as const satisfies Record<string, Label>;

const DAY = 86_400_000;
const utc = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the period that holds China date `d` (weeks start on Monday, as in voice alerts). */
export function periodStart(unit: Granularity, d: string): string {
  const x = utc(d);
  if (unit === 'month') return iso(new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), 1)));
  if (unit === 'week') return iso(new Date(x.getTime() - ((x.getUTCDay() + 6) % 7) * DAY));
  return d;
}

function nextPeriod(unit: Granularity, d: string): string {
  const x = utc(d);
  if (unit === 'month') return iso(new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 1)));
  return iso(new Date(x.getTime() + (unit === 'week' ? 7 : 1) * DAY));
}

/** The starts of the periods from the one holding `from` to the one holding `to`, both included. */
export function periodsBetween(unit: Granularity, from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = periodStart(unit, from); p <= to && out.length <= MAX_PERIODS; p = nextPeriod(unit, p)) out.push(p);
  return out;
}

/**
 * The China dates a series covers: the caller's range, or the 30 days, 26 weeks or 12 months up to
 * today (whole periods) where they name no start; no end means today. A start after the end, or
 * more than MAX_PERIODS periods, is a 400 naming `from`.
 */
export function seriesWindow(
  unit: Granularity,
  now: Date,
  range: { from?: string | undefined; to?: string | undefined },
): { from: string; to: string } {
  const to = range.to ?? chinaDate(now);
  const end = utc(periodStart(unit, to));
  const from =
    range.from ??
    iso(
      unit === 'month'
        ? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1))
        : new Date(end.getTime() - (unit === 'week' ? 25 * 7 : 29) * DAY),
    );
  if (from > to) throw new AppError('VALIDATION_FAILED', [{ path: 'from', message: 'range.order' }]);
  if (periodsBetween(unit, from, to).length > MAX_PERIODS)
    throw new AppError('VALIDATION_FAILED', [{ path: 'from', message: 'range.tooLong' }]);
  return { from, to };
}

/**
 * The query's own date checks (a refinement of a figures query): years 1900–2999 (PostgreSQL has no
 * year 0, which JavaScript parses), and the start not after the end.
 */
export function checkRange(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  for (const key of ['from', 'to'] as const) {
    const d = q[key];
    if (d && (d < '1900' || d >= '3000')) ctx.addIssue({ code: 'custom', message: 'range.year', path: [key] });
  }
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', message: 'range.order', path: ['from'] });
}

/** Zero-fills a series: one row per period of the window, in order, from the periods the SQL found. */
export function fillSeries<T extends { period: string }>(
  unit: Granularity,
  window: { from: string; to: string },
  found: readonly T[],
  empty: (period: string) => T,
): T[] {
  const byPeriod = new Map(found.map((r) => [r.period, r]));
  return periodsBetween(unit, window.from, window.to).map((p) => byPeriod.get(p) ?? empty(p));
}

export interface TableColumn {
  key: string;
  label: Label;
  width?: number;
}

/** One chart's table as a one-sheet workbook: bold headers in the caller's language, then the rows. */
export async function tableWorkbook(
  title: Label,
  columns: readonly TableColumn[],
  rows: ReadonlyArray<Record<string, string | number | null>>,
  lang: Lang,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Sheet names may not hold : \ / ? * [ ] and stop at 31 characters.
  const ws = wb.addWorksheet(title[lang].replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.label[lang], key: c.key, width: c.width ?? 14 }));
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download named `<name>-<China date>.xlsx` (ASCII) and its Chinese title. */
export function sendWorkbook(reply: FastifyReply, file: Buffer, name: string, title: string, now: Date): FastifyReply {
  const day = chinaDate(now).replaceAll('-', '');
  return reply
    .type(XLSX)
    .header(
      'content-disposition',
      `attachment; filename="${name}-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}-${day}.xlsx`)}`,
    )
    .send(file);
}

/** The OpenAPI answer of an .xlsx download. */
export const xlsxResponse = {
  description: 'An .xlsx file',
  content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
};
