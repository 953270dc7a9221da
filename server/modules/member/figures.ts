import { sql } from 'drizzle-orm';
import { orgCondition, type Actor, type Permission } from '../../kernel/access.js';
import { chinaDate } from '../../kernel/clock.js';
import { rows, type Db } from '../../kernel/db.js';
import { fillSeries } from '../../kernel/figures.js';
import { JOB_TYPES, NEW_EMPLOYMENT } from './member.schema.js';

// Member figures (会员统计) over the caller's scope: current members by job type (from
// member_tally, as the roster's total), by age band (from the birth date, which the registry keeps
// in clear beside the encrypted 身份证号 it is derived from: nothing is decrypted), and joins per
// month (join date, a China date). One statement per series, grouped in SQL.

export const MEMBER_FIGURES: Permission = 'member:figures:read';
export const AGE_BANDS = ['under25', '25to34', '35to44', '45to54', '55plus'] as const;
/** Members in these states count as current. */
const CURRENT = sql`('active', 'transferring')`;

export async function memberFigures(
  db: Db,
  actor: Actor,
  now: Date,
  opts: { orgPath?: string | undefined; window: { from: string; to: string } },
) {
  const inScope = (column: ReturnType<typeof sql>) =>
    sql.join(
      [
        orgCondition(actor, MEMBER_FIGURES, column),
        ...(opts.orgPath ? [sql`${column} in (select id from org_ref where path like ${opts.orgPath + '%'})`] : []),
      ],
      sql` and `,
    );
  const jobs = await rows<{ jobType: string; count: number }>(
    db,
    sql`select t.job_type as "jobType", sum(t.n)::int as count from member_tally t
      where ${inScope(sql`t.org_id`)} and t.status in ${CURRENT}
      group by t.job_type having sum(t.n) <> 0`,
  );
  const today = chinaDate(now);
  const ages = await rows<{ band: string; count: number }>(
    db,
    sql`select b.band, count(*)::int as count from (
        select case
          when age < 25 then 'under25' when age < 35 then '25to34' when age < 45 then '35to44'
          when age < 55 then '45to54' else '55plus' end as band
        from (select extract(year from age(${today}::timestamp, m.birth_date::timestamp))::int as age from member m
          where ${inScope(sql`m.org_id`)} and m.status in ${CURRENT}) a
      ) b group by b.band`,
  );
  const joins = await rows<{ period: string; joins: number }>(
    db,
    sql`select to_char(date_trunc('month', m.joined_at::timestamp), 'YYYY-MM-DD') as period, count(*)::int as joins
      from member m
      where ${inScope(sql`m.org_id`)} and m.joined_at >= ${opts.window.from}::date and m.joined_at <= ${opts.window.to}::date
      group by 1`,
  );
  const byJobType = JOB_TYPES.map((jobType) => ({
    jobType,
    count: jobs.find((j) => j.jobType === jobType)?.count ?? 0,
  }));
  return {
    total: byJobType.reduce((n, j) => n + j.count, 0),
    newEmployment: byJobType.filter((j) => NEW_EMPLOYMENT.includes(j.jobType)).reduce((n, j) => n + j.count, 0),
    byJobType,
    byAge: AGE_BANDS.map((band) => ({ band, count: ages.find((a) => a.band === band)?.count ?? 0 })),
    window: opts.window,
    joinsByMonth: fillSeries('month', opts.window, joins, (period) => ({ period, joins: 0 })),
  };
}
