import { count, type SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db.js';
import type { WorkbenchHook } from '../../kernel/module.js';
import type { PgTable } from 'drizzle-orm/pg-core';
import { correctionWhere } from './correction.service.js';
import { joinWhere } from './join.service.js';
import { correction, joinRequest, transfer } from './member.schema.js';
import { transferWhere } from './transfer.service.js';

// The registry's approvals on the console's workbench, counted with the lists' own conditions
// (join_request_org_idx, transfer_from_idx / transfer_to_idx, correction_org_idx: org and status).

async function countWhere(db: Db, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

export const memberWorkbench: WorkbenchHook = {
  todo: [
    {
      key: 'member.joins',
      label: { zh: '待审批入会申请', en: 'Join requests to decide' },
      permission: 'member:join:review',
      path: '/members/join-requests?status=pending',
      count: (db, actor) => countWhere(db, joinRequest, joinWhere(actor, { status: 'pending' })),
    },
    {
      key: 'member.transfersOut',
      label: { zh: '待审批转出', en: 'Transfers out to release' },
      permission: 'member:transfer:review',
      path: '/members/transfers?direction=out&status=pending_out',
      count: (db, actor) => countWhere(db, transfer, transferWhere(actor, { direction: 'out', status: 'pending_out' })),
    },
    {
      key: 'member.transfersIn',
      label: { zh: '待审批转入', en: 'Transfers in to accept' },
      permission: 'member:transfer:review',
      path: '/members/transfers?direction=in&status=pending_in',
      count: (db, actor) => countWhere(db, transfer, transferWhere(actor, { direction: 'in', status: 'pending_in' })),
    },
    {
      key: 'member.corrections',
      label: { zh: '待审核信息更正', en: 'Corrections to review' },
      permission: 'member:join:review',
      path: '/members/corrections?status=pending',
      count: (db, actor) => countWhere(db, correction, correctionWhere(actor, { status: 'pending' })),
    },
  ],
};
