import { sql, type SQL } from 'drizzle-orm';
import { orgCondition, type Actor, type Permission } from '../../../kernel/access.js';
import { rows, type Db } from '../../../kernel/db.js';
import { HARDSHIP_CATEGORIES, HARDSHIP_CAUSES } from './hardship.schema.js';

// Hardship figures (帮扶统计): the households on file — files in draft, being verified or filed —
// by category and by cause (a file names one or more causes, so the causes add up to more than
// the files). Category and causes are kept in clear; nothing is decrypted. A date range counts
// the files opened in it (China dates).

export const HARDSHIP_FIGURES: Permission = 'assistance:figures:read';

export async function hardshipFigures(
  db: Db,
  actor: Actor,
  opts: { orgPath?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  const where: SQL[] = [
    orgCondition(actor, HARDSHIP_FIGURES, sql`f.org_id`),
    sql`f.state in ('draft', 'verifying', 'filed')`,
    sql`f.category is not null`,
    ...(opts.orgPath ? [sql`f.org_id in (select id from org_ref where path like ${opts.orgPath + '%'})`] : []),
    ...(opts.from ? [sql`f.created_at >= (${opts.from}::date - interval '8 hours')`] : []),
    ...(opts.to ? [sql`f.created_at < (${opts.to}::date + interval '16 hours')`] : []),
  ];
  const files = sql.join(where, sql` and `);
  const categories = await rows<{ category: string; count: number }>(
    db,
    sql`select f.category, count(*)::int as count from hardship_file f where ${files} group by f.category`,
  );
  const causes = await rows<{ cause: string; count: number }>(
    db,
    sql`select c.cause, count(*)::int as count from hardship_file f, unnest(f.causes) as c(cause)
      where ${files} group by c.cause`,
  );
  const byCategory = HARDSHIP_CATEGORIES.map((category) => ({
    category,
    count: categories.find((c) => c.category === category)?.count ?? 0,
  }));
  return {
    total: byCategory.reduce((n, c) => n + c.count, 0),
    byCategory,
    byCause: HARDSHIP_CAUSES.map((cause) => ({ cause, count: causes.find((c) => c.cause === cause)?.count ?? 0 })),
  };
}
