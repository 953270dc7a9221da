import { PassThrough } from 'node:stream';
import { and, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { orgCondition, type Actor } from '../../kernel/access.js';
import { writeAudit, type AuditSource } from '../../kernel/audit.js';
import { maskIdNumber, maskPhone, type Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { COLUMNS, GENDER_TEXT, householdText, JOB_TYPE_TEXT, safeText, STATUS_TEXT } from './import/columns.js';
import {
  countMembers,
  memberConditions,
  memberOrder,
  selectMembers,
  type MemberFilter,
  type MemberWithOrg,
} from './member.repo.js';
import { member } from './member.schema.js';

// The roster as an .xlsx download: the template's columns plus 状态, ID numbers and phones
// masked, only members the caller may export, every text cell safe from formula injection.
// Streamed: rows are read in keyset-paged batches and written through exceljs's streaming
// writer, waiting for the client between batches, so memory stays flat for any size.

const EXPORT = 'member:member:export';
const BATCH = 2000;

export interface ExportRequest {
  db: Db;
  crypto: Crypto;
  actor: Actor;
  filter: MemberFilter;
  /** The query as given, for the audit row (a full ID number or phone in it is masked). */
  filters: Record<string, unknown>;
  source: AuditSource;
  today: Date;
}

/** "Next page after this row" for the sort in use. */
function after(sort: MemberFilter['sort'], last: MemberWithOrg['m']): SQL {
  switch (sort) {
    case 'name':
      return sql`(${member.name}, ${member.id}) > (${last.name}::text, ${last.id}::bigint)`;
    case '-name':
      return sql`(${member.name}, ${member.id}) < (${last.name}::text, ${last.id}::bigint)`;
    case 'joinedAt':
      return sql`(${member.joinedAt}, ${member.id}) > (${last.joinedAt}::date, ${last.id}::bigint)`;
    default:
      return sql`(${member.joinedAt}, ${member.id}) < (${last.joinedAt}::date, ${last.id}::bigint)`;
  }
}

function cells(crypto: Crypto, { m, orgName }: MemberWithOrg): Array<string> {
  const byKey: Record<(typeof COLUMNS)[number]['key'], string> = {
    name: m.name,
    gender: GENDER_TEXT[m.gender],
    idNumber: maskIdNumber(crypto.decrypt(m.idNumberEnc)),
    phone: m.phoneEnc ? maskPhone(crypto.decrypt(m.phoneEnc)) : '',
    ethnicity: m.ethnicity ?? '',
    politicalStatus: m.politicalStatus ?? '',
    education: m.education ?? '',
    householdType: householdText(m.householdType, m.migrantWorker),
    employer: m.employer ?? '',
    post: m.post ?? '',
    jobType: JOB_TYPE_TEXT[m.jobType],
    union: orgName,
    joinedAt: m.joinedAt,
    cardNo: m.cardNo ?? '',
  };
  return [...COLUMNS.map((c) => byKey[c.key]), STATUS_TEXT[m.status]].map(safeText);
}

/**
 * Starts the export. The audit row (with the rows matching now) commits before the stream is
 * returned, so before any byte is sent: a failed audit write is a clean error answer, never a
 * download that went unrecorded. A failure later cuts the download short (it is logged).
 */
export async function exportMembers(req: ExportRequest, log: (err: unknown) => void): Promise<PassThrough> {
  const base = [...memberConditions(req.actor, req.filter, req.today), orgCondition(req.actor, EXPORT, member.orgId)];
  await req.db.transaction(async (tx) => {
    const { total } = await countMembers(tx, and(...base), Number.MAX_SAFE_INTEGER);
    await writeAudit(tx, req.crypto, req.source, {
      orgId: req.actor.orgId,
      action: 'member.export',
      targetType: 'member',
      after: { rows: total, filters: req.filters },
    });
  });

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('会员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [...COLUMNS.map((c) => ({ header: c.header, width: c.width })), { header: '状态', width: 8 }];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const drained = () =>
    out.writableNeedDrain && !out.destroyed
      ? new Promise<void>((resolve) => out.once('drain', resolve).once('close', resolve))
      : undefined;

  const produce = async () => {
    let last: MemberWithOrg['m'] | undefined;
    for (;;) {
      if (out.destroyed) throw new Error('download aborted');
      const where = and(...base, ...(last ? [after(req.filter.sort, last)] : []));
      const batch = await selectMembers(req.db)
        .where(where)
        .orderBy(...memberOrder(req.filter.sort))
        .limit(BATCH);
      for (const row of batch) sheet.addRow(cells(req.crypto, row)).commit();
      if (batch.length < BATCH) break;
      last = batch[batch.length - 1]?.m;
      await drained();
    }
    await workbook.commit();
  };

  void produce().catch((err: unknown) => {
    log(err);
    out.destroy(err instanceof Error ? err : new Error('export failed'));
  });
  return out;
}

/** The query for the audit row: what was asked, with a full ID number or phone masked. */
export function auditFilters(query: Record<string, unknown>, filter: MemberFilter): Record<string, unknown> {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  if (typeof clean.q === 'string' && (filter.idNumberHash || filter.phoneHash)) {
    clean.q = filter.idNumberHash ? maskIdNumber(clean.q) : maskPhone(clean.q);
  }
  return clean;
}
