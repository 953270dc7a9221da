import { and, desc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../kernel/access.js';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import type { Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { caseConditions, presentListItem, selectCases, type CaseFilter } from './case.query.js';
import { serviceCase, type CaseState } from './service.schema.js';
import { CASE_STATE_LABELS } from '../../../shared/case-states.js';
import { chinaMinute } from '../../kernel/clock.js';

// The case list as an .xlsx: the same filters and scope as the list, names and phones masked,
// at most 50,000 rows, and the export itself audited.

export const EXPORT_MAX = 50_000;

// Every state has its one label (shared with both web apps); a state without one fails here.
const STATE_LABELS: Record<CaseState, readonly [string, string]> = CASE_STATE_LABELS;
const CHANNEL_ZH: Record<string, string> = { online: '线上', counter: '柜面', phone: '电话' };
const RATING_ZH: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export async function exportCases(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: CaseFilter,
  source: AuditSource,
): Promise<Buffer> {
  const found = await selectCases(db)
    .where(and(...caseConditions(actor, f, null)))
    .orderBy(desc(serviceCase.createdAt), desc(serviceCase.id))
    .limit(EXPORT_MAX);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务工单');
  ws.columns = [
    { header: '单号', key: 'no', width: 20 },
    { header: '服务', key: 'service', width: 18 },
    { header: '渠道', key: 'channel', width: 8 },
    { header: '状态', key: 'state', width: 10 },
    { header: '申请人', key: 'name', width: 10 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '承办单位', key: 'org', width: 24 },
    { header: '经办人', key: 'assignee', width: 14 },
    { header: '提交时间', key: 'created', width: 18 },
    { header: '办理时限', key: 'due', width: 18 },
    { header: '超期', key: 'overdue', width: 6 },
    { header: '办结时间', key: 'resolved', width: 18 },
    { header: '评价', key: 'rating', width: 10 },
  ];
  const local = (iso: string | null) => (iso ? chinaMinute(Date.parse(iso)) : '');
  for (const row of found) {
    const c = presentListItem(crypto, row, false);
    ws.addRow({
      no: c.no,
      service: c.serviceName,
      channel: CHANNEL_ZH[c.channel],
      state: STATE_LABELS[c.state][0],
      name: c.applicantName,
      phone: c.applicantPhone ?? '',
      org: c.handlingOrgName,
      assignee: c.assigneeName ?? '',
      created: local(c.createdAt),
      due: local(c.dueAt),
      overdue: c.overdue ? '是' : '',
      resolved: local(c.resolvedAt),
      rating: c.rating ? RATING_ZH[c.rating] : '',
    });
  }
  ws.getRow(1).font = { bold: true };
  await db.transaction((tx) =>
    writeAudit(tx, crypto, source, {
      orgId: actor.orgId,
      action: 'case.export',
      targetType: 'service_case',
      after: { rows: found.length, filter: { ...f } },
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
