import { and, eq, sql } from 'drizzle-orm';
import { countUpTo } from '../../../kernel/db.js';
import type { WorkbenchCounter } from '../../../kernel/module.js';
import { org } from '../../org/index.js';
import { aidRecord, aidWish } from './aid.schema.js';
import { recordConditions } from './record.service.js';
import { staffWishesWhere } from './wish.service.js';

// Assistance waiting on staff: proposals for the caller to approve (not their own), wishes to
// review — with the lists' own conditions.

export const aidTodo: readonly WorkbenchCounter[] = [
  {
    key: 'assistance.approvals',
    label: { zh: '待审批帮扶', en: 'Assistance to approve' },
    permission: 'assistance:record:approve',
    path: '/assistance/records?view=pending',
    count: async (db, actor) =>
      (await countUpTo(db, aidRecord, and(...recordConditions(actor, { view: 'pending' })))).total,
  },
  {
    key: 'assistance.wishes',
    label: { zh: '待审核微心愿', en: 'Wishes to review' },
    permission: 'assistance:wish:manage',
    path: '/assistance/wishes?state=submitted',
    count: async (db, actor) => {
      const [n] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(aidWish)
        .innerJoin(org, eq(org.id, aidWish.orgId))
        .where(staffWishesWhere(actor, { state: 'submitted' }));
      return n?.n ?? 0;
    },
  },
];
