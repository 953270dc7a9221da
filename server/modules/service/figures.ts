import { sql, type SQL } from 'drizzle-orm';
import { orgCondition, type Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { CASE_READ } from './case.access.js';
import { CHANNELS, service } from './service.schema.js';
import { monthStart } from './working-days.js';

// The service-center figures: counts per service, added up here into the totals and the counts
// per channel (case_tally keeps both as columns). Whole months come from case_tally (kept by
// triggers on service_case, one row per org, service and month once folded); the days of a date
// range that only cover part of a month come from the cases themselves, through the same
// case_tally_of(). Months and days are China time.

const DAY = 86_400_000;
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const firstOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const firstOfNextMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));

/**
 * Splits the China-date range [from, to] (either end open) into the whole months the tally
 * answers — [monthFrom, monthTo), either end open — and the stretches of days, [a, b), that
 * only cover part of a month.
 */
export function splitRange(
  from?: string,
  to?: string,
): { months: { from?: string; to?: string } | null; days: Array<[string, string]> } {
  const start = from ? day(from) : null;
  const end = to ? new Date(day(to).getTime() + DAY) : null; // exclusive
  const monthFrom = start && (start.getUTCDate() === 1 ? start : firstOfNextMonth(start));
  const monthTo = end && (end.getUTCDate() === 1 ? end : firstOfMonth(end));
  if (start && end && (!monthFrom || !monthTo || monthFrom >= monthTo)) {
    return { months: null, days: start < end ? [[iso(start), iso(end)]] : [] };
  }
  const days: Array<[string, string]> = [];
  if (start && monthFrom && start < monthFrom) days.push([iso(start), iso(monthFrom)]);
  if (end && monthTo && monthTo < end) days.push([iso(monthTo), iso(end)]);
  return { months: { ...(monthFrom && { from: iso(monthFrom) }), ...(monthTo && { to: iso(monthTo) }) }, days };
}

const MEASURES = [
  'n',
  'n_open',
  'n_overdue',
  'n_resolved',
  'handle_seconds',
  'n_rated',
  'n_satisfied',
  'n_online',
  'open_online',
  'resolved_online',
  'n_counter',
  'open_counter',
  'resolved_counter',
  'n_phone',
  'open_phone',
  'resolved_phone',
] as const;
type Measures = Record<(typeof MEASURES)[number], number>;
const columnsOf = (alias: string) => sql.raw(['service_id', ...MEASURES].map((m) => `${alias}.${m}`).join(', '));
const SUMS = sql.raw(
  MEASURES.map((m) => `coalesce(sum(s.${m}), 0)::${m === 'handle_seconds' ? 'float8' : 'int'} as ${m}`).join(', '),
);

export interface FiguresScope {
  orgPath?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The caller's case scope on an org id column, narrowed to one org's subtree when asked. */
export function scopeOf(actor: Actor, opts: FiguresScope) {
  return (column: SQL) => [
    orgCondition(actor, CASE_READ, column),
    ...(opts.orgPath ? [sql`${column} in (select id from org_ref where path like ${opts.orgPath + '%'})`] : []),
  ];
}

// A China date d starts at d 00:00 +08:00, i.e. d − 8 hours UTC.
export const createdOn = (a: string, b: string) =>
  sql`(c.created_at >= (${a}::date - interval '8 hours') and c.created_at < (${b}::date - interval '8 hours'))`;

/** The tally's rows (with created_month) for the whole months of a range, and the cases of its partial months. */
export function tallySources(actor: Actor, opts: FiguresScope): SQL[] {
  const inScope = scopeOf(actor, opts);
  const { months, days } = splitRange(opts.from, opts.to);
  const sources: SQL[] = [];
  if (months) {
    const where = [
      ...inScope(sql`t.handling_org_id`),
      ...(months.from ? [sql`t.created_month >= ${months.from}::date`] : []),
      ...(months.to ? [sql`t.created_month < ${months.to}::date`] : []),
    ];
    sources.push(sql`select ${columnsOf('t')}, t.created_month from case_tally t where ${sql.join(where, sql` and `)}`);
  }
  if (days.length) {
    const during = days.map(([a, b]) => createdOn(a, b));
    sources.push(sql`select ${columnsOf('k')}, k.created_month from service_case c, case_tally_of(c, 1) k
      where ${sql.join([...inScope(sql`c.handling_org_id`), sql`(${sql.join(during, sql` or `)})`], sql` and `)}`);
  }
  return sources;
}

export async function caseFigures(db: Db, actor: Actor, now: Date, opts: FiguresScope) {
  const inScope = scopeOf(actor, opts);
  const sources = tallySources(actor, opts);
  // The services' names come with their sums: a county's figures hold hundreds of services (437 at
  // the bench's volume), and a second statement with their ids as parameters cost the server more
  // than the sums did.
  const byService =
    sources.length === 0
      ? []
      : await rows<Measures & { service_id: number; name: string | null; category: string | null }>(
          db,
          sql`
    with src as (${sql.join(sources, sql` union all `)}
    ), sums as (
      select s.service_id::int as service_id, ${SUMS} from src s group by s.service_id having sum(s.n) <> 0
    )
    select ${columnsOf('sums')}, sv.name, sv.category
    from sums left join ${service} sv on sv.id = sums.service_id`,
        );
  // Closed this month: resolved since the first of this month (China time), whenever created.
  const created = [
    ...(opts.from ? [sql`c.created_at >= (${opts.from}::date - interval '8 hours')`] : []),
    ...(opts.to ? [sql`c.created_at < (${opts.to}::date + interval '16 hours')`] : []),
  ];
  const [closed] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from service_case c
    where ${sql.join([...inScope(sql`c.handling_org_id`), sql`c.state = 'resolved'`, sql`c.resolved_at >= ${monthStart(now).toISOString()}::timestamptz`, ...created], sql` and `)}`,
  );
  const sum = (m: keyof Measures) => byService.reduce((n, r) => n + r[m], 0);
  return {
    total: sum('n'),
    open: sum('n_open'),
    overdue: sum('n_overdue'),
    closedThisMonth: closed?.n ?? 0,
    avgHandlingHours:
      sum('n_resolved') > 0 ? Math.round((sum('handle_seconds') / sum('n_resolved') / 3600) * 10) / 10 : null,
    rated: sum('n_rated'),
    satisfactionRate: sum('n_rated') > 0 ? Math.round((sum('n_satisfied') / sum('n_rated')) * 1000) / 1000 : null,
    byChannel: CHANNELS.map((channel) => ({
      channel,
      total: sum(`n_${channel}`),
      open: sum(`open_${channel}`),
      resolved: sum(`resolved_${channel}`),
    })).filter((c) => c.total !== 0),
    byService: byService
      .map((r) => ({
        serviceId: r.service_id,
        serviceName: r.name ?? '',
        category: r.category ?? '',
        total: r.n,
        open: r.n_open,
        overdue: r.n_overdue,
        resolved: r.n_resolved,
      }))
      .sort((a, b) => b.total - a.total),
  };
}

/** Folds case_tally's rows into one per key (the migration's case_tally_compact()); returns the rows folded. */
export async function compactCaseTally(db: Db): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select case_tally_compact() as n`);
  return row?.n ?? 0;
}
