import { sql } from 'drizzle-orm';
import type { Permission } from '../../kernel/access.js';
import type { Deps } from '../../kernel/context.js';
import { rows, type Db } from '../../kernel/db.js';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import { CASE_HANDLE, CASE_SUPERVISE, staffWith } from './case.access.js';
import { toInbox } from './notify.js';
import { applyCover } from './posts.service.js';
import { OPEN_STATES } from './service.schema.js';

// The background sweep (every minute in the server; called directly in tests with the manual
// clock): applies AB cover starts and ends, and marks cases past their deadline as overdue,
// telling the handler and the supervisors. Batches keep each transaction short; rows are
// claimed with SKIP LOCKED so two app processes never mark the same case twice.

const BATCH = 200;

export async function sweepCases(
  deps: Pick<Deps, 'db' | 'crypto' | 'clock'>,
): Promise<{ overdue: number; moved: number; returned: number }> {
  const source = (): AuditSource => ({
    actorId: null,
    actorName: 'system',
    ip: null,
    requestId: null,
    at: deps.clock.now(),
  });
  const cover = await deps.db.transaction((tx) => applyCover(tx, { crypto: deps.crypto, source: source() }));
  let overdue = 0;
  for (;;) {
    const n = await deps.db.transaction((tx) => markOverdue(tx, deps.crypto, source()));
    overdue += n;
    if (n < BATCH) break;
  }
  return { overdue, ...cover };
}

async function markOverdue(tx: Db, crypto: Deps['crypto'], source: AuditSource): Promise<number> {
  const open = sql.raw(OPEN_STATES.map((s) => `'${s}'`).join(','));
  const marked = await rows<{
    id: number;
    assigneeId: number | null;
    serviceName: string;
    path: string;
    orgId: number;
  }>(
    tx,
    sql`
    with due as (select id from service_case where state in (${open}) and not overdue and due_at < ${source.at}
                 order by due_at limit ${BATCH} for update skip locked),
         marked as (update service_case c set overdue = true, updated_at = ${source.at} from due where c.id = due.id
                    returning c.id, c.assignee_id, c.service_name, c.handling_org_id),
         ev as (insert into case_event (case_id, kind, actor_kind, org_id, note, internal, at)
                select id, 'overdue', 'system', handling_org_id, '已超过办理时限', true, ${source.at} from marked)
    select m.id::int as id, m.assignee_id::int as "assigneeId", m.service_name as "serviceName", o.path, o.id::int as "orgId"
    from marked m join org_ref o on o.id = m.handling_org_id`,
  );
  const people = new Map<string, Array<{ id: number }>>();
  const at = async (perm: Permission, path: string) => {
    const key = `${perm}|${path}`;
    if (!people.has(key)) people.set(key, await staffWith(tx, perm, path));
    return people.get(key) ?? [];
  };
  for (const c of marked) {
    const handlers = c.assigneeId ? [c.assigneeId] : (await at(CASE_HANDLE, c.path)).map((s) => s.id);
    const supervisors = (await at(CASE_SUPERVISE, c.path)).map((s) => s.id);
    await toInbox(tx, source.at, [...handlers, ...supervisors], {
      kind: 'case_overdue',
      title: '工单已超期',
      body: `${c.serviceName}工单已超过办理时限，请尽快办理。`,
      caseId: c.id,
    });
    await writeAudit(tx, crypto, source, {
      orgId: c.orgId,
      action: 'case.overdue',
      targetType: 'service_case',
      targetId: c.id,
    });
  }
  return marked.length;
}
