import { and, desc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { hasPermission, pathInScope, type Actor } from '../../../kernel/access.js';
import { writeAudit, type AuditSource } from '../../../kernel/audit.js';
import { maskIdNumber, maskName, maskPhone, type Crypto } from '../../../kernel/crypto.js';
import type { Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { sealedIdentities } from '../../member/index.js';
import { aidRecord } from './aid.schema.js';
import { recordConditions, selectRecords, type RecordFilter } from './record.service.js';
import { chinaMinute } from '../../../kernel/clock.js';

// The assistance ledger for the finance office (.xlsx): the list's filters and scope, names,
// ID numbers and phones masked. `reveal` shows them in full for rows whose household lies in the
// caller's member:member:reveal scope; the export (and whether it revealed) is audited.

export const EXPORT_MAX = 50_000;
const REVEAL = 'member:member:reveal';

const STATE_ZH: Record<string, string> = {
  proposed: '待审批',
  approved: '已审批',
  paid: '已发放',
  rejected: '未通过',
  cancelled: '已撤销',
};
const KIND_ZH: Record<string, string> = {
  winter_warmth: '送温暖',
  education_aid: '金秋助学',
  medical_aid: '医疗救助',
  festival: '节日慰问',
  small_wish: '微心愿',
  other: '其他',
};

export async function exportRecords(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: RecordFilter,
  reveal: boolean,
  source: AuditSource,
): Promise<Buffer> {
  if (reveal && !hasPermission(actor, REVEAL)) throw new AppError('FORBIDDEN');
  const found = await selectRecords(db)
    .where(and(...recordConditions(actor, f)))
    .orderBy(desc(aidRecord.givenOn), desc(aidRecord.id))
    .limit(EXPORT_MAX);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('帮扶台账');
  ws.columns = [
    { header: '编号', key: 'id', width: 8 },
    { header: '帮扶项目', key: 'programme', width: 22 },
    { header: '类别', key: 'kind', width: 10 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '身份证号', key: 'idNumber', width: 20 },
    { header: '手机号', key: 'phone', width: 14 },
    { header: '所在工会', key: 'org', width: 26 },
    { header: '形式', key: 'form', width: 6 },
    { header: '金额（元）', key: 'amount', width: 12 },
    { header: '物品', key: 'goods', width: 16 },
    { header: '日期', key: 'date', width: 12 },
    { header: '状态', key: 'state', width: 8 },
    { header: '经办人', key: 'proposer', width: 16 },
    { header: '审批人', key: 'decider', width: 16 },
    { header: '发放时间', key: 'paid', width: 18 },
  ];
  let revealed = 0;
  // The 身份证号 and phone are the member module's: read sealed for the rows found, decrypted here.
  const identities = await sealedIdentities(
    db,
    found.map((s) => s.r.memberId),
  );
  for (const s of found) {
    const full = reveal && pathInScope(actor, REVEAL, s.orgPath);
    if (full) revealed++;
    const sealed = identities.get(s.r.memberId);
    const id = sealed ? crypto.decrypt(sealed.idNumberEnc) : '';
    const phone = sealed?.phoneEnc ? crypto.decrypt(sealed.phoneEnc) : '';
    ws.addRow({
      id: s.r.id,
      programme: s.programmeName,
      kind: KIND_ZH[s.kind],
      name: full ? s.memberName : maskName(s.memberName),
      idNumber: full ? id : maskIdNumber(id),
      phone: full ? phone : phone && maskPhone(phone),
      org: s.orgName,
      form: s.r.form === 'cash' ? '现金' : '物品',
      amount: s.r.amountFen / 100,
      goods: s.r.goods ?? '',
      date: s.r.givenOn,
      state: STATE_ZH[s.r.state],
      proposer: s.r.proposedByName,
      decider: s.r.decidedByName ?? '',
      paid: s.r.paidAt ? chinaMinute(s.r.paidAt) : '',
    });
  }
  ws.getColumn('amount').numFmt = '0.00';
  ws.getRow(1).font = { bold: true };
  await db.transaction((tx) =>
    writeAudit(tx, crypto, source, {
      orgId: actor.orgId,
      action: reveal ? 'aid.record.export.reveal' : 'aid.record.export',
      targetType: 'aid_record',
      after: { rows: found.length, revealed, filter: { ...f } },
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
