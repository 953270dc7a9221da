import { inArray, sql, type SQL } from 'drizzle-orm';
import { orgCondition, type Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { CASE_READ } from './case.access.js';
import { OPEN_STATES, service } from './service.schema.js';
import { monthStart } from './working-days.js';

// The service-center figures: one aggregate grouped three ways at once (GROUPING SETS: the
// totals, by channel, by service). Whole months come from case_tally (counts kept by triggers
// on service_case, a few rows per org, service and month); the days of a date range that only
// cover part of a month come from the cases themselves. Months and days are China time.

interface Row {
  channel: string | null; service_id: number | null;
  g_channel: number; g_service: number;
  total: number; open: number; overdue: number; resolved: number; closed_month: number;
  handle_seconds: number | null; rated: number; satisfied: number;
}

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
export function splitRange(from?: string, to?: string): { months: { from?: string; to?: string } | null; days: Array<[string, string]> } {
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

export async function caseFigures(db: Db, actor: Actor, now: Date, opts: { orgPath?: string; from?: string; to?: string }) {
  const open = sql.raw(OPEN_STATES.map((s) => `'${s}'`).join(','));
  const inScope = (column: SQL) => [
    orgCondition(actor, CASE_READ, column),
    ...(opts.orgPath ? [sql`${column} in (select id from org where path like ${opts.orgPath + '%'})`] : []),
  ];
  const { months, days } = splitRange(opts.from, opts.to);
  const sources: SQL[] = [];
  if (months) {
    const where = [
      ...inScope(sql`t.handling_org_id`),
      ...(months.from ? [sql`t.created_month >= ${months.from}::date`] : []),
      ...(months.to ? [sql`t.created_month < ${months.to}::date`] : []),
    ];
    sources.push(sql`select t.channel, t.service_id, t.state, t.overdue, t.rating, t.resolved_month, t.n, t.handle_seconds
      from case_tally t where ${sql.join(where, sql` and `)}`);
  }
  if (days.length) {
    // A China date d starts at d 00:00 +08:00, i.e. d − 8 hours UTC.
    const during = days.map(([a, b]) => sql`(c.created_at >= (${a}::date - interval '8 hours') and c.created_at < (${b}::date - interval '8 hours'))`);
    sources.push(sql`select k.channel, k.service_id, k.state, k.overdue, k.rating, k.resolved_month, k.n, k.handle_seconds
      from service_case c, case_tally_of(c, 1) k where ${sql.join([...inScope(sql`c.handling_org_id`), sql`(${sql.join(during, sql` or `)})`], sql` and `)}`);
  }
  const found = sources.length === 0 ? [] : await rows<Row>(db, sql`
    with src as (${sql.join(sources, sql` union all `)})
    select s.channel, s.service_id::int as service_id,
           grouping(s.channel)::int as g_channel, grouping(s.service_id)::int as g_service,
           coalesce(sum(s.n), 0)::int as total,
           coalesce(sum(s.n) filter (where s.state in (${open})), 0)::int as open,
           coalesce(sum(s.n) filter (where s.state in (${open}) and s.overdue), 0)::int as overdue,
           coalesce(sum(s.n) filter (where s.state = 'resolved'), 0)::int as resolved,
           coalesce(sum(s.n) filter (where s.state = 'resolved' and s.resolved_month >= ${iso(new Date(monthStart(now).getTime() + 8 * 3_600_000))}::date), 0)::int as closed_month,
           (sum(s.handle_seconds) filter (where s.state = 'resolved'))::float8 as handle_seconds,
           coalesce(sum(s.n) filter (where s.rating is not null), 0)::int as rated,
           coalesce(sum(s.n) filter (where s.rating in ('satisfied','basically_satisfied')), 0)::int as satisfied
    from src s
    group by grouping sets ((), (s.channel), (s.service_id))
    having grouping(s.channel) + grouping(s.service_id) = 2 or sum(s.n) <> 0`);
  const all = found.find((r) => r.g_channel === 1 && r.g_service === 1);
  const perService = found.filter((r) => r.g_service === 0 && r.g_channel === 1);
  const ids = perService.map((r) => r.service_id ?? 0);
  const names = new Map((ids.length ? await db.select({ id: service.id, name: service.name, category: service.category }).from(service).where(inArray(service.id, ids)) : [])
    .map((s) => [s.id, s]));
  return {
    total: all?.total ?? 0,
    open: all?.open ?? 0,
    overdue: all?.overdue ?? 0,
    closedThisMonth: all?.closed_month ?? 0,
    avgHandlingHours: all && all.resolved > 0 && all.handle_seconds != null ? Math.round((all.handle_seconds / all.resolved / 3600) * 10) / 10 : null,
    rated: all?.rated ?? 0,
    satisfactionRate: all && all.rated > 0 ? Math.round((all.satisfied / all.rated) * 1000) / 1000 : null,
    byChannel: found.filter((r) => r.g_channel === 0).map((r) => ({ channel: r.channel ?? '', total: r.total, open: r.open, resolved: r.resolved })),
    byService: perService
      .map((r) => ({
        serviceId: r.service_id ?? 0, serviceName: names.get(r.service_id ?? 0)?.name ?? '', category: names.get(r.service_id ?? 0)?.category ?? '',
        total: r.total, open: r.open, overdue: r.overdue, resolved: r.resolved,
      }))
      .sort((a, b) => b.total - a.total),
  };
}

/** Folds case_tally's rows into one per key (the migration's case_tally_compact()); returns the rows folded. */
export async function compactCaseTally(db: Db): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select case_tally_compact() as n`);
  return row?.n ?? 0;
}
