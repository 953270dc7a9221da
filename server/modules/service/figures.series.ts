import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { fillSeries, type Granularity } from '../../kernel/figures.js';
import { createdOn, scopeOf, tallySources, type FiguresScope } from './figures.js';

// Cases over time: per day, week or month of creation (China time), the cases per channel and the
// ratings (rated, satisfied) — the channel chart and the satisfaction trend read the same rows.
// Months add up case_tally (whole months) and the cases of partial months, as the totals do; days
// and weeks group the cases of the window themselves (at most 366 periods, so a bounded range).

export interface SeriesPoint {
  period: string;
  total: number;
  online: number;
  counter: number;
  phone: number;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
}

type Counts = Omit<SeriesPoint, 'satisfactionRate'>;

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function caseSeries(
  db: Db,
  actor: Actor,
  unit: Granularity,
  window: { from: string; to: string },
  orgPath: string | undefined,
): Promise<SeriesPoint[]> {
  const scope: FiguresScope = { orgPath, from: window.from, to: window.to };
  let found: Counts[];
  if (unit === 'month') {
    const sources = tallySources(actor, scope);
    found = await rows<Counts>(
      db,
      sql`with src as (${sql.join(sources, sql` union all `)})
      select to_char(s.created_month, 'YYYY-MM-DD') as period, sum(s.n)::int as total,
        sum(s.n_online)::int as online, sum(s.n_counter)::int as counter, sum(s.n_phone)::int as phone,
        sum(s.n_rated)::int as rated, sum(s.n_satisfied)::int as satisfied
      from src s group by s.created_month having sum(s.n) <> 0`,
    );
  } else {
    const where = [...scopeOf(actor, scope)(sql`c.handling_org_id`), createdOn(window.from, nextDay(window.to))];
    found = await rows<Counts>(
      db,
      sql`select to_char(date_trunc(${unit}, (c.created_at at time zone 'UTC') + interval '8 hours'), 'YYYY-MM-DD') as period,
        count(*)::int as total,
        count(*) filter (where c.channel = 'online')::int as online,
        count(*) filter (where c.channel = 'counter')::int as counter,
        count(*) filter (where c.channel = 'phone')::int as phone,
        count(c.rating)::int as rated,
        count(*) filter (where c.rating in ('satisfied', 'basically_satisfied'))::int as satisfied
      from service_case c where ${sql.join(where, sql` and `)} group by 1`,
    );
  }
  const points = fillSeries(unit, window, found, (period) => ({
    period,
    total: 0,
    online: 0,
    counter: 0,
    phone: 0,
    rated: 0,
    satisfied: 0,
  }));
  return points.map((p) => ({
    ...p,
    satisfactionRate: p.rated > 0 ? Math.round((p.satisfied / p.rated) * 1000) / 1000 : null,
  }));
}
