import { and, sql } from 'drizzle-orm';
import { orgCondition, type Actor } from '../../kernel/access.js';
import { chinaDate, CHINA_OFFSET_MS } from '../../kernel/clock.js';
import { countUpTo, rows, type Db } from '../../kernel/db.js';
import type { WorkbenchHook } from '../../kernel/module.js';
import { CASE_HANDLE, CASE_READ } from './case.access.js';
import { caseConditions, type CaseFilter } from './case.query.js';
import { caseFigures } from './figures.js';
import { serviceCase } from './service.schema.js';

// The service center's pending work on the console's workbench. Each counter counts with the very
// conditions the case list applies to the same filter (caseConditions), so the card and the list
// it opens agree; the team / overdue / mine views are answered by the small partial indexes of
// open cases (service_case_open_idx, service_case_mine_idx).

const countCases = (f: CaseFilter) => async (db: Db, actor: Actor) =>
  (await countUpTo(db, serviceCase, and(...caseConditions(actor, f, null)))).total;

/** Midnight China time of `now`'s China date, as an instant. */
const chinaMidnight = (now: Date) => new Date(Date.parse(`${chinaDate(now)}T00:00:00Z`) - CHINA_OFFSET_MS);

export const serviceWorkbench: WorkbenchHook = {
  todo: [
    {
      key: 'service.accept',
      label: { zh: '待受理工单', en: 'Cases to accept' },
      permission: CASE_HANDLE,
      path: '/service/cases?view=team&state=submitted,transferred',
      count: countCases({ view: 'team', state: ['submitted', 'transferred'] }),
    },
    {
      key: 'service.overdue',
      label: { zh: '超期工单', en: 'Overdue cases' },
      // work for those who can act on it; readers (auditors) see it in the list and the figures
      permission: CASE_HANDLE,
      path: '/service/cases?view=overdue',
      count: countCases({ view: 'overdue' }),
      overlaps: true,
    },
    {
      key: 'service.mine',
      // accepted and under way: a case still to accept is on the card above, even when assigned
      label: { zh: '我的在办工单', en: 'My cases under way' },
      permission: CASE_HANDLE,
      path: '/service/cases?view=mine&state=accepted,in_progress',
      count: countCases({ view: 'mine', state: ['accepted', 'in_progress'] }),
    },
  ],
  today: [
    {
      key: 'service.newToday',
      label: { zh: '今日新工单', en: 'New cases today' },
      permission: CASE_READ,
      path: '/service/figures',
      value: async (db, actor, now) => {
        const today = chinaDate(now);
        return (await caseFigures(db, actor, now, { from: today, to: today })).total;
      },
    },
    {
      key: 'service.resolvedToday',
      label: { zh: '今日办结', en: 'Resolved today' },
      permission: CASE_READ,
      path: '/service/figures',
      // service_case_resolved_idx: resolved since midnight, with the org for the scope.
      value: async (db, actor, now) => {
        const [row] = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from service_case c where c.state = 'resolved'
            and c.resolved_at >= ${chinaMidnight(now).toISOString()}::timestamptz
            and ${orgCondition(actor, CASE_READ, sql`c.handling_org_id`)}`,
        );
        return row?.n ?? 0;
      },
    },
  ],
};
