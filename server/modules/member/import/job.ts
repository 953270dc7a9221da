import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { z } from 'zod';
import { writeAudit, type AuditSource } from '../../../kernel/audit.js';
import type { Deps } from '../../../kernel/context.js';
import type { JobContext } from '../../../kernel/jobs.js';
import { identityColumns } from '../member.service.js';
import { COLUMNS } from './columns.js';
import { ErrorFileWriter } from './error-file.js';
import { errorFilePath, importDir, importHooks, importLimits, spoolPath, uploadPath } from './limits.js';
import { dataRows, readRows, type DataRow } from './rows.js';
import { committedResult, existingHashes, insertBatch, loadUnions, takenCards, type InsertRow } from './store.js';
import { checkRow, say, type CheckedRow, type MemberValues, type RowContext, type UnionTarget } from './validate.js';
import { FileRejected } from './zip.js';

// The import job. Pass 1 (no transaction) reads the file as a stream, checks every row, writes
// bad rows to the errors file and good rows, already encrypted, to a spool file. Pass 2 inserts
// the spool in batches inside ONE transaction with the audit row: all good rows or none. A
// crash anywhere rolls pass 2 back; the job (running, heartbeat stale) is claimed again, pass 1
// runs again (idempotent: people inserted meanwhile count as existing), and a job whose
// transaction did commit is recognised by its audit row. On PGlite a transaction holds the one
// connection, so pass 2 reports no progress there (the write would wait for the transaction).

export const IMPORT_JOB = 'member.import';

export const ZImportParams = z.object({
  upload: z.string().regex(/^[0-9a-f-]{36}$/),
  source: z.discriminatedUnion('format', [
    z.object({ format: z.literal('xlsx') }),
    z.object({ format: z.literal('csv'), encoding: z.enum(['utf-8', 'gb18030']) }),
  ]),
  fileName: z.string(),
  lang: z.enum(['zh', 'en']),
  scopeOrgIds: z.array(z.number().int()),
  homeOrgId: z.number().int().nullable(),
  actor: z.object({ actorId: z.number().int(), actorName: z.string().nullable(), ip: z.string().nullable(), requestId: z.string().nullable() }),
});
export type ImportParams = z.infer<typeof ZImportParams>;

export interface ImportResult {
  total: number;
  imported: number;
  existing: number;
  failed: number;
  errorFile: string | null;
}

export const errorFileUrl = (jobId: string) => `/api/members/import/${jobId}/errors`;

const toInsertRow = (deps: Deps, v: MemberValues): InsertRow => {
  const id = identityColumns(deps.crypto, v.idNumber, v.phone);
  return [
    v.orgId, v.name, id.idNumberEnc, id.idNumberHash, id.gender, id.birthDate, id.phoneEnc, id.phoneHash, v.ethnicity,
    v.politicalStatus, v.education, v.householdType, v.migrantWorker, v.employer, v.post, v.jobType, v.joinedAt, v.cardNo,
  ];
};

async function rowContext(deps: Deps, p: ImportParams): Promise<RowContext> {
  const unions = await loadUnions(deps.db);
  const scope = unions.filter((u) => p.scopeOrgIds.includes(u.id)).map((u) => u.path);
  const unionsByCode = new Map<string, UnionTarget>();
  const unionsByName = new Map<string, UnionTarget[]>();
  for (const u of unions) {
    unionsByCode.set(u.code, u);
    unionsByName.set(u.name, [...(unionsByName.get(u.name) ?? []), u]);
  }
  return { lang: p.lang, unionsByCode, unionsByName, inScope: (path) => scope.some((s) => path.startsWith(s)) };
}

function writeLine(out: fs.WriteStream, line: string): Promise<void> | undefined {
  return out.write(line) ? undefined : new Promise((resolve) => out.once('drain', resolve));
}

/** Pass 1: every row checked; returns the counts. */
async function checkFile(deps: Deps, ctx: JobContext, p: ImportParams, file: string, spool: fs.WriteStream, errors: ErrorFileWriter) {
  const rowCtx = await rowContext(deps, p);
  const seenIds = new Map<string, number>();
  const seenCards = new Map<string, number>();
  const counts = { total: 0, good: 0, existing: 0, failed: 0 };
  const totalBytes = fs.statSync(file).size;
  let bytes = 0;
  let header = new Map<(typeof COLUMNS)[number]['key'], number>();

  const flush = async (batch: DataRow[]) => {
    const checked = batch.map((r) => checkRow(r.line, r.cells, header, rowCtx));
    const hashOf = new Map(checked.filter((c) => c.idNumber).map((c) => [c.idNumber as string, deps.crypto.blindIndex('idNumber', c.idNumber as string)]));
    const existing = await existingHashes(deps.db, [...new Set(hashOf.values())]);
    const taken = await takenCards(deps.db, [...new Set(checked.flatMap((c) => (c.cardNo ? [c.cardNo] : [])))]);
    const lines: string[] = [];
    for (const c of checked) {
      counts.total++;
      if (c.idNumber && existing.has(hashOf.get(c.idNumber) ?? '')) {
        counts.existing++; // already a member (here or anywhere): skipped, not a fault
        continue;
      }
      duplicates(c, seenIds, seenCards, taken, p.lang);
      if (c.errors.size > 0 || !c.values) {
        counts.failed++;
        errors.add(c);
      } else {
        counts.good++;
        lines.push(JSON.stringify(toInsertRow(deps, c.values)));
      }
    }
    if (lines.length) await writeLine(spool, `${lines.join('\n')}\n`);
    // Pass 1 and pass 2 each count as one step per row; the total is estimated from bytes read.
    const estimate = Math.max(counts.total, Math.round(counts.total / Math.max(bytes / totalBytes, 0.01)));
    await ctx.progress(counts.total, estimate * 2);
  };

  const rows = dataRows(readRows(file, p.source, (n) => (bytes += n)), (h) => {
    const missing = COLUMNS.filter((c) => c.required && !h.has(c.key)).map((c) => c.header);
    if (missing.length) throw new FileRejected('missingColumns', missing.join('、'));
    header = h;
  });
  const batch: DataRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= importLimits.batchSize) await flush(batch.splice(0));
  }
  if (batch.length) await flush(batch);
  return counts;
}

/** A 身份证号 or card number seen earlier in the file makes this row a fault (the first one stands). */
function duplicates(c: CheckedRow, seenIds: Map<string, number>, seenCards: Map<string, number>, taken: Set<string>, lang: 'zh' | 'en') {
  if (c.idNumber) {
    const first = seenIds.get(c.idNumber);
    if (first !== undefined) c.errors.set('idNumber', say('import.duplicateInFile', lang, String(first)));
    else seenIds.set(c.idNumber, c.line);
  }
  if (c.cardNo) {
    const first = seenCards.get(c.cardNo);
    if (taken.has(c.cardNo)) c.errors.set('cardNo', say('import.cardTaken', lang));
    else if (first !== undefined) c.errors.set('cardNo', say('import.cardDuplicate', lang, String(first)));
    else seenCards.set(c.cardNo, c.line);
  }
}

/** Pass 2: the spool into the registry, in one transaction with the audit row. */
async function insertAll(deps: Deps, ctx: JobContext, p: ImportParams, spool: string, counts: { total: number; good: number; existing: number; failed: number }) {
  const source: AuditSource = { ...p.actor, at: deps.clock.now() };
  const note = `批量导入：${p.fileName}`;
  const reportInside = deps.database.engine === 'postgres';
  return ctx.db.transaction(async (tx) => {
    let imported = 0;
    let batchNo = 0;
    let batch: InsertRow[] = [];
    const flush = async () => {
      imported += await insertBatch(tx, batch, source, note);
      batch = [];
      await importHooks.afterBatch({ jobId: ctx.job.id, batch: ++batchNo, file: uploadPath(deps.config, p.upload) });
      if (reportInside) await ctx.progress(counts.total + imported, counts.total + counts.good);
    };
    const lines = readline.createInterface({ input: fs.createReadStream(spool), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      batch.push(JSON.parse(line) as InsertRow);
      if (batch.length >= importLimits.batchSize) await flush();
    }
    if (batch.length) await flush();
    // Someone added one of these people between the passes: skipped by ON CONFLICT, counted as existing.
    const result = { total: counts.total, imported, existing: counts.existing + counts.good - imported, failed: counts.failed };
    await writeAudit(tx, deps.crypto, source, {
      orgId: p.homeOrgId, action: 'member.import', targetType: 'job', targetId: ctx.job.id, after: { ...result, file: p.fileName },
    });
    return result;
  });
}

const removeQuietly = (file: string) => fs.rmSync(file, { force: true });

/** Errors files are kept for a week for the importer to download, then swept by the next import. */
const KEEP_ERRORS_MS = 7 * 86_400_000;
function sweepOldErrorFiles(dir: string, now: Date): void {
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, name);
    const mtime = name.endsWith('.errors.xlsx') ? fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs : undefined;
    if (mtime !== undefined && now.getTime() - mtime > KEEP_ERRORS_MS) removeQuietly(file);
  }
}

export async function runImport(deps: Deps, ctx: JobContext): Promise<ImportResult> {
  const p = ZImportParams.parse(ctx.job.params);
  const jobId = ctx.job.id;
  const upload = uploadPath(deps.config, p.upload);
  const spool = spoolPath(deps.config, jobId);
  const errorFile = errorFilePath(deps.config, jobId);
  let succeeded = false;
  sweepOldErrorFiles(importDir(deps.config), deps.clock.now());
  try {
    const done = await committedResult(deps.db, jobId);
    if (done) {
      succeeded = true;
      const failed = Number(done.failed ?? 0);
      return { total: Number(done.total ?? 0), imported: Number(done.imported ?? 0), existing: Number(done.existing ?? 0), failed, errorFile: failed && fs.existsSync(errorFile) ? errorFileUrl(jobId) : null };
    }
    if (!fs.existsSync(upload)) throw new Error(say('import.file.broken', p.lang));
    const errors = new ErrorFileWriter(errorFile);
    const out = fs.createWriteStream(spool, { highWaterMark: 1024 * 1024 });
    let counts;
    try {
      counts = await checkFile(deps, ctx, p, upload, out, errors);
    } finally {
      await new Promise((resolve) => out.end(resolve));
      await errors.close();
    }
    const result = await insertAll(deps, ctx, p, spool, counts);
    await ctx.progress(counts.total + counts.good, counts.total + counts.good);
    succeeded = true;
    return { ...result, errorFile: result.failed > 0 ? errorFileUrl(jobId) : null };
  } catch (err) {
    // A file-level fault becomes the job's error text, in the importer's language.
    if (err instanceof FileRejected) throw new Error(say(`import.file.${err.reason}`, p.lang, err.reason === 'missingColumns' || err.reason === 'tooManyRows' ? err.detail : ''));
    throw err;
  } finally {
    removeQuietly(upload);
    removeQuietly(spool);
    if (!succeeded) removeQuietly(errorFile);
  }
}
