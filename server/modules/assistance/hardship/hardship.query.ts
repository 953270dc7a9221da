import { z } from 'zod';
import { and, asc, desc, eq, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { orgCondition, type Actor } from '../../../kernel/access.js';
import { writeAudit, type AuditSource } from '../../../kernel/audit.js';
import type { Crypto } from '../../../kernel/crypto.js';
import { maskName } from '../../../kernel/crypto.js';
import { allOf, countUpTo, escapeLike, type Db } from '../../../kernel/db.js';
import { accountRef } from '../../auth/index.js';
import { memberRef } from '../../member/index.js';
import { CATEGORY_LABELS, CAUSE_LABELS } from './labels.js';
import { orgRef } from '../../org/index.js';
import { assistanceHistory } from './hooks.js';
import { FILE_READ, type LoadedFile } from './hardship.access.js';
import {
  hardshipConsent,
  hardshipEvent,
  hardshipEvidence,
  hardshipFile,
  hardshipView,
  type FILE_STATES,
  type HARDSHIP_CATEGORIES,
  type INCOME_BANDS,
} from './hardship.schema.js';
import { ALLOWED } from './hardship.service.js';
import { addDays, chinaToday } from './dates.js';
import { effectiveLine } from './lines.js';
import { allowedCategories, incomePerHeadFen, readSensitive, toYuan } from './rules.js';

// Reading hardship files: the list (scoped, masked, no figures), the .xlsx export (same filters,
// masked, audited) and the detail (sensitive data decrypted; the caller records the view).

export interface FileFilter {
  state?: Array<(typeof FILE_STATES)[number]>;
  category?: (typeof HARDSHIP_CATEGORIES)[number];
  incomeBand?: (typeof INCOME_BANDS)[number];
  orgPath?: string;
  reviewOverdue?: boolean;
  /** Filed files whose review falls due within this many days (overdue ones included). */
  reviewWithinDays?: number;
  q?: string;
  sort?: 'updatedAt' | 'reviewDue' | 'createdAt';
}

export function fileConditions(actor: Actor, f: FileFilter, now: Date): SQL[] {
  const today = chinaToday(now);
  const where: SQL[] = [orgCondition(actor, FILE_READ, hardshipFile.orgId)];
  if (f.state?.length) where.push(inArray(hardshipFile.state, f.state));
  if (f.category) where.push(eq(hardshipFile.category, f.category));
  if (f.incomeBand) where.push(eq(hardshipFile.incomeBand, f.incomeBand));
  if (f.orgPath)
    where.push(sql`${hardshipFile.orgId} in (select o.id from org_ref o where o.path like ${f.orgPath + '%'})`);
  if (f.reviewOverdue) where.push(allOf(eq(hardshipFile.state, 'filed'), lt(hardshipFile.reviewDue, today)));
  if (f.reviewWithinDays !== undefined)
    where.push(allOf(eq(hardshipFile.state, 'filed'), lte(hardshipFile.reviewDue, addDays(today, f.reviewWithinDays))));
  if (f.q)
    where.push(
      sql`${hardshipFile.memberId} in (select m.id from member_ref m where m.name like ${'%' + escapeLike(f.q) + '%'})`,
    );
  return where;
}

const selectFiles = (db: Db) =>
  db
    .select({ f: hardshipFile, memberName: memberRef.name, orgName: orgRef.name })
    .from(hardshipFile)
    .innerJoin(memberRef, eq(memberRef.id, hardshipFile.memberId))
    .innerJoin(orgRef, eq(orgRef.id, hardshipFile.orgId));

type Listed = Awaited<ReturnType<ReturnType<typeof selectFiles>['execute']>>[number];

/** The visit as recordVisit stored it (the fields shown; the officer's id stays inside). */
const ZStoredVisit = z.object({
  officerName: z.string(),
  visitedOn: z.string(),
  notes: z.string(),
  companions: z.string().optional(),
});

function presentListItem({ f, memberName, orgName }: Listed, today: string) {
  return {
    id: f.id,
    memberId: f.memberId,
    memberName: maskName(memberName),
    orgId: f.orgId,
    orgName,
    state: f.state,
    category: f.category,
    causes: f.causes,
    householdSize: f.householdSize,
    incomeBand: f.incomeBand,
    source: f.source,
    reviewDue: f.reviewDue,
    reviewOverdue: f.state === 'filed' && f.reviewDue !== null && f.reviewDue < today,
    filedAt: f.filedAt?.toISOString() ?? null,
    watchUntil: f.watchUntil,
    exitReason: f.exitReason,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

function order(f: FileFilter) {
  if (f.sort === 'reviewDue') return [asc(hardshipFile.reviewDue), asc(hardshipFile.id)];
  if (f.sort === 'createdAt') return [desc(hardshipFile.createdAt), desc(hardshipFile.id)];
  return [desc(hardshipFile.updatedAt), desc(hardshipFile.id)];
}

export async function listFiles(db: Db, actor: Actor, f: FileFilter & { page: number; pageSize: number }, now: Date) {
  const where = and(...fileConditions(actor, f, now));
  const found = await selectFiles(db)
    .where(where)
    .orderBy(...order(f))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const today = chinaToday(now);
  return { items: found.map((r) => presentListItem(r, today)), ...(await countUpTo(db, hardshipFile, where)) };
}

export const EXPORT_MAX = 50_000;
const STATE_ZH: Record<string, string> = {
  draft: '草稿',
  verifying: '核实中',
  filed: '在档',
  exited: '已退出',
  closed: '已关闭',
};
const BAND_ZH: Record<string, string> = {
  below_minimum: '低于最低生活保障标准',
  below_low_income: '低于低收入标准',
  above_low_income: '高于低收入标准',
};

export async function exportFiles(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: FileFilter,
  source: AuditSource,
): Promise<Buffer> {
  const found = await selectFiles(db)
    .where(and(...fileConditions(actor, f, source.at)))
    .orderBy(...order(f))
    .limit(EXPORT_MAX);
  const today = chinaToday(source.at);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('困难职工档案');
  ws.columns = [
    { header: '档案编号', key: 'id', width: 10 },
    { header: '职工', key: 'name', width: 10 },
    { header: '所属工会', key: 'org', width: 28 },
    { header: '状态', key: 'state', width: 8 },
    { header: '困难类别', key: 'category', width: 10 },
    { header: '致困原因', key: 'causes', width: 24 },
    { header: '家庭人口', key: 'size', width: 8 },
    { header: '收入档次', key: 'band', width: 20 },
    { header: '建档日期', key: 'filed', width: 12 },
    { header: '复核到期', key: 'due', width: 12 },
    { header: '复核超期', key: 'overdue', width: 8 },
  ];
  for (const r of found) {
    const x = presentListItem(r, today);
    ws.addRow({
      id: x.id,
      name: x.memberName,
      org: x.orgName,
      state: STATE_ZH[x.state],
      category: x.category ? CATEGORY_LABELS[x.category].zh : '',
      causes: x.causes.map((c) => CAUSE_LABELS[c].zh).join('、'),
      size: x.householdSize ?? '',
      band: x.incomeBand ? BAND_ZH[x.incomeBand] : '',
      filed: x.filedAt ? chinaToday(new Date(x.filedAt)) : '',
      due: x.reviewDue ?? '',
      overdue: x.reviewOverdue ? '是' : '',
    });
  }
  ws.getRow(1).font = { bold: true };
  await db.transaction((tx) =>
    writeAudit(tx, crypto, source, {
      orgId: actor.orgId,
      action: 'hardship.export',
      targetType: 'hardship_file',
      after: { rows: found.length, filter: { ...f } },
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Which transitions the file's state allows, for the caller who may handle it. */
function actionsOf(l: LoadedFile): string[] {
  if (!l.canHandle) return [];
  const s = l.f.state;
  return Object.entries(ALLOWED)
    .filter(([, from]) => from.includes(s))
    .map(([a]) => a);
}

export async function presentFile(db: Db, crypto: Crypto, l: LoadedFile, now: Date) {
  const { f } = l;
  const [m] = await db
    .select({ name: memberRef.name, jobType: memberRef.jobType, employer: memberRef.employer })
    .from(memberRef)
    .where(eq(memberRef.id, f.memberId));
  const s = readSensitive(crypto.decrypt, f.sensitiveEnc);
  const lines = await effectiveLine(db, f.orgId);
  const perHead = incomePerHeadFen(s);
  const visit = f.visitEnc ? ZStoredVisit.parse(JSON.parse(crypto.decrypt(f.visitEnc))) : null;
  // Events keep the actor's sign-in name (as the audit does); people read display names.
  const events = await db
    .select({ e: hardshipEvent, displayName: accountRef.displayName })
    .from(hardshipEvent)
    .leftJoin(accountRef, eq(accountRef.id, hardshipEvent.actorId))
    .where(eq(hardshipEvent.fileId, f.id))
    .orderBy(asc(hardshipEvent.id));
  const evidence = await db
    .select()
    .from(hardshipEvidence)
    .where(eq(hardshipEvidence.fileId, f.id))
    .orderBy(asc(hardshipEvidence.id));
  const viewers = await db
    .select()
    .from(hardshipView)
    .where(eq(hardshipView.fileId, f.id))
    .orderBy(desc(hardshipView.at), desc(hardshipView.id))
    .limit(50);
  // the member's latest consent record is the one in force (a later record widens or narrows it)
  const [consent] = await db
    .select()
    .from(hardshipConsent)
    .where(eq(hardshipConsent.memberId, f.memberId))
    .orderBy(desc(hardshipConsent.id))
    .limit(1);
  const history = await db
    .select({
      id: hardshipFile.id,
      state: hardshipFile.state,
      category: hardshipFile.category,
      createdAt: hardshipFile.createdAt,
      exitReason: hardshipFile.exitReason,
    })
    .from(hardshipFile)
    .where(eq(hardshipFile.memberId, f.memberId))
    .orderBy(desc(hardshipFile.id));
  const timeline = events.map(({ e, displayName }) => ({
    id: e.id,
    kind: e.kind,
    actorName: displayName ?? e.actorName,
    note: e.noteEnc ? crypto.decrypt(e.noteEnc) : null,
    at: e.at.toISOString(),
  }));
  return {
    ...presentListItem({ f, memberName: m?.name ?? '', orgName: l.orgName }, chinaToday(now)),
    memberName: m?.name ?? '',
    jobType: m?.jobType ?? null,
    employer: m?.employer ?? null,
    household: s.household.map(({ monthlyIncomeFen, ...rest }) => ({
      ...rest,
      monthlyIncome: toYuan(monthlyIncomeFen),
    })),
    otherIncome: toYuan(s.otherIncomeFen),
    situation: s.situation,
    incomePerHead: perHead === null ? null : toYuan(perHead),
    line: lines,
    allowedCategories: allowedCategories(f.incomeBand, f.causes),
    visit: visit
      ? {
          officerName: visit.officerName,
          visitedOn: visit.visitedOn,
          notes: visit.notes,
          companions: visit.companions ?? null,
        }
      : null,
    verifiedAt: f.verifiedAt?.toISOString() ?? null,
    exitedAt: f.exitedAt?.toISOString() ?? null,
    exitNote: f.exitNote,
    purgeAt: f.purgeAt?.toISOString() ?? null,
    caseId: f.caseId,
    consent: consent
      ? {
          version: consent.version,
          scope: consent.scope,
          givenVia: consent.givenVia,
          givenAt: consent.givenAt.toISOString(),
          withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
        }
      : null,
    evidence: evidence.map((e) => ({
      id: e.id,
      fileName: e.fileName,
      contentType: e.contentType,
      size: e.size,
      createdAt: e.createdAt.toISOString(),
      url: `/api/hardship/evidence/${e.id}`,
    })),
    timeline,
    reviews: timeline.filter((e) => e.kind === 'reviewed'),
    assistance: await assistanceHistory(db, f.memberId),
    viewers: viewers.map((v) => ({ name: v.viewerName, org: v.viewerOrg, at: v.at.toISOString() })),
    files: history.map((h) => ({
      id: h.id,
      state: h.state,
      category: h.category,
      createdAt: h.createdAt.toISOString(),
      exitReason: h.exitReason,
    })),
    actions: actionsOf(l),
  };
}
