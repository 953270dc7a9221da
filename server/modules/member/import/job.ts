import fs from 'node:fs';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit, type AuditSource } from '../../../kernel/audit.js';
import type { Deps } from '../../../kernel/context.js';
import type { Connection, Db } from '../../../kernel/db.js';
import { errorMessage, isDatabaseUnavailable, isUniqueViolation } from '../../../kernel/errors.js';
import type { JobContext, JobRow } from '../../../kernel/jobs.js';
import { identityColumns } from '../member.service.js';
import { COLUMNS } from './columns.js';
import { ErrorFileWriter } from './error-file.js';
import { errorFilePath, importHooks, importLimits, spoolPath, uploadPath } from './limits.js';
import { dataRows, readRows, type DataRow } from './rows.js';
import {
  committedResult,
  copyBatch,
  existingHashes,
  insertBatch,
  loadUnions,
  takenCards,
  type InsertRow,
} from './store.js';
import { checkRow, say, type CheckedRow, type MemberValues, type RowContext, type UnionTarget } from './validate.js';
import { SeenKeys } from './seen.js';
import { FileRejected } from './zip.js';

/** What an import needs: the app's dependencies, or a worker thread's own (see thread.ts). */
export type ImportDeps = Pick<Deps, 'db' | 'database' | 'crypto' | 'config' | 'clock'>;
export type ImportContext = Omit<JobContext, 'job'> & { job: Pick<JobRow, 'id' | 'params'> };

// The import job: the file is read as a stream and every row checked; bad rows go to the errors
// file, good rows (already encrypted) into the registry — all of them or none:
//  - PostgreSQL: into ONE transaction on a connection of the job's own, by COPY, batch by batch
//    as the file is read (the next batch is checked while the last one is written), committed
//    with the audit row at the end;
//  - PGlite: to a spool file first, then in ONE transaction at the end (PGlite has a single
//    connection: a transaction open while the file is read would stop the app for that long).
// A crash anywhere leaves nothing: the transaction is rolled back, the job (running, heartbeat
// stale) is claimed again and starts over; a job whose transaction did commit is recognised by
// its audit row.

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
  actor: z.object({
    actorId: z.number().int(),
    actorName: z.string().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  }),
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

const toInsertRow = (deps: ImportDeps, v: MemberValues, idNumberHash: string | undefined): InsertRow => {
  const id = identityColumns(deps.crypto, { idNumber: v.idNumber, phone: v.phone, idNumberHash });
  return [
    v.orgId,
    v.name,
    id.idNumberEnc,
    id.idNumberHash,
    id.gender,
    id.birthDate,
    id.phoneEnc,
    id.phoneHash,
    v.ethnicity,
    v.politicalStatus,
    v.education,
    v.householdType,
    v.migrantWorker,
    v.employer,
    v.post,
    v.jobType,
    v.joinedAt,
    v.cardNo,
  ];
};

async function rowContext(deps: ImportDeps, p: ImportParams): Promise<RowContext> {
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

type Counts = { total: number; good: number; existing: number; failed: number };

/** Where good rows go until the import commits (see the top of this file). */
interface Sink {
  add(rows: InsertRow[]): Promise<void>;
  /** Writes what is left, then the audit row, and commits; returns how many members went in. */
  commit(audit: (db: Db, imported: number) => Promise<void>): Promise<number>;
  /** Leaves nothing behind. */
  abort(err: unknown): Promise<void>;
}

/** PostgreSQL: COPY into the job's own open transaction, one batch in flight while the next is checked. */
async function copySink(
  conn: Connection,
  ctx: ImportContext,
  upload: string,
  source: AuditSource,
  note: string,
): Promise<Sink> {
  await conn.db.execute(sql`begin`);
  let imported = 0;
  let batchNo = 0;
  let inFlight: Promise<void> = Promise.resolve();
  return {
    async add(rows) {
      await inFlight;
      inFlight = copyBatch(conn, rows, source, note).then(async () => {
        imported += rows.length;
        await importHooks.afterBatch({ jobId: ctx.job.id, batch: ++batchNo, file: upload });
      });
      inFlight.catch(() => undefined); // surfaced by the next add() or commit()
    },
    async commit(audit) {
      await inFlight;
      await audit(conn.db, imported);
      await conn.db.execute(sql`commit`);
      conn.release();
      return imported;
    },
    async abort(err) {
      await inFlight.catch(() => undefined);
      await conn.db.execute(sql`rollback`).catch(() => undefined);
      conn.release(err instanceof Error ? err : new Error(String(err)));
    },
  };
}

/** PGlite: a spool of JSON lines, inserted in one transaction at the end. */
function spoolSink(
  deps: ImportDeps,
  ctx: ImportContext,
  file: string,
  upload: string,
  source: AuditSource,
  note: string,
): Sink {
  const out = fs.createWriteStream(file, { highWaterMark: 1024 * 1024 });
  const closed = () => new Promise<void>((resolve) => out.end(() => resolve()));
  return {
    async add(rows) {
      if (!out.write(`${rows.map((r) => JSON.stringify(r)).join('\n')}\n`))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    },
    async commit(audit) {
      await closed();
      return ctx.db.transaction(async (tx) => {
        let imported = 0;
        let batchNo = 0;
        let batch: InsertRow[] = [];
        const flush = async () => {
          imported += await insertBatch(tx, batch, source, note);
          batch = [];
          await importHooks.afterBatch({ jobId: ctx.job.id, batch: ++batchNo, file: upload });
        };
        for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
          if (!line) continue;
          batch.push(JSON.parse(line) as InsertRow); // our own spool file, written a few lines above from InsertRow
          if (batch.length >= importLimits.batchSize) await flush();
        }
        if (batch.length) await flush();
        await audit(tx, imported);
        return imported;
      });
    },
    async abort() {
      await closed();
    },
  };
}

/** Reads and checks every row, handing good ones to the sink; returns the counts. */
async function checkFile(
  deps: ImportDeps,
  ctx: ImportContext,
  p: ImportParams,
  file: string,
  sink: Sink,
  errors: ErrorFileWriter,
  steps: number,
): Promise<Counts> {
  const rowCtx = await rowContext(deps, p);
  const seenIds = new SeenKeys();
  const seenCards = new SeenKeys();
  const counts = { total: 0, good: 0, existing: 0, failed: 0 };
  const totalBytes = fs.statSync(file).size;
  let bytes = 0;
  let header = new Map<(typeof COLUMNS)[number]['key'], number>();

  const flush = async (batch: DataRow[]) => {
    const checked = batch.map((r) => checkRow(r.line, r.cells, header, rowCtx));
    const hashOf = new Map(
      checked.flatMap((c): Array<[string, string]> =>
        c.idNumber ? [[c.idNumber, deps.crypto.blindIndex('idNumber', c.idNumber)]] : [],
      ),
    );
    const existing = await existingHashes(deps.db, [...new Set(hashOf.values())]);
    const taken = await takenCards(deps.db, [...new Set(checked.flatMap((c) => (c.cardNo ? [c.cardNo] : [])))]);
    const good: InsertRow[] = [];
    for (const c of checked) {
      counts.total++;
      const memberOf = c.idNumber ? existing.get(hashOf.get(c.idNumber) ?? '') : undefined;
      if (memberOf !== undefined && memberOf === c.orgId) {
        counts.existing++; // already a member of the union the row names: skipped, not a fault
        continue;
      }
      duplicates(c, { ids: seenIds, cards: seenCards, taken }, p.lang);
      // A member of another union moves by a transfer (its history and approvals), never by an import.
      if (memberOf !== undefined) c.errors.set('idNumber', say('import.otherUnion', p.lang));
      if (c.errors.size > 0 || !c.values) {
        counts.failed++;
        errors.add(c);
      } else {
        counts.good++;
        good.push(toInsertRow(deps, c.values, hashOf.get(c.idNumber ?? '')));
      }
    }
    // Past the errors file's cap, a file whose rows are mostly bad is the wrong file (another
    // sheet, shifted columns, wrong encoding): refused there, not checked to its millionth row.
    if (counts.failed > importLimits.maxErrorRows && counts.failed > counts.good + counts.existing) {
      throw new FileRejected('mostlyBad', String(importLimits.maxErrorRows));
    }
    if (good.length) await sink.add(good);
    // Each row is one step per pass; the total is estimated from the bytes read so far.
    const estimate = Math.max(counts.total, Math.round(counts.total / Math.max(bytes / totalBytes, 0.01)));
    await ctx.progress(counts.total, estimate * steps);
  };

  const rows = dataRows(
    readRows(file, p.source, (n) => (bytes += n)),
    (h) => {
      const missing = COLUMNS.filter((c) => c.required && !h.has(c.key)).map((c) => c.header);
      if (missing.length) throw new FileRejected('missingColumns', missing.join('、'));
      header = h;
    },
  );
  const batch: DataRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= importLimits.batchSize) await flush(batch.splice(0));
  }
  if (batch.length) await flush(batch);
  return counts;
}

/** A 身份证号 or card number seen earlier in the file makes this row a fault (the first one stands). */
function duplicates(c: CheckedRow, seen: { ids: SeenKeys; cards: SeenKeys; taken: Set<string> }, lang: 'zh' | 'en') {
  if (c.idNumber) {
    const first = seen.ids.firstLine(c.idNumber, c.line);
    if (first !== undefined) c.errors.set('idNumber', say('import.duplicateInFile', lang, String(first)));
  }
  if (c.cardNo) {
    if (seen.taken.has(c.cardNo)) c.errors.set('cardNo', say('import.cardTaken', lang));
    else {
      const first = seen.cards.firstLine(c.cardNo, c.line);
      if (first !== undefined) c.errors.set('cardNo', say('import.cardDuplicate', lang, String(first)));
    }
  }
}

/** One attempt: read, check and write everything, then commit with the audit row. */
async function importOnce(
  deps: ImportDeps,
  ctx: ImportContext,
  p: ImportParams,
): Promise<Omit<ImportResult, 'errorFile'>> {
  const jobId = ctx.job.id;
  const upload = uploadPath(deps.config, p.upload);
  const source: AuditSource = { ...p.actor, at: deps.clock.now() };
  const note = `批量导入：${p.fileName}`;
  const conn = deps.database.connect ? await deps.database.connect() : null;
  const sink = conn
    ? await copySink(conn, ctx, upload, source, note)
    : spoolSink(deps, ctx, spoolPath(deps.config, jobId), upload, source, note);
  const errors = new ErrorFileWriter(errorFilePath(deps.config, jobId), deps.crypto, p.lang);
  try {
    let counts: Counts;
    try {
      counts = await checkFile(deps, ctx, p, upload, sink, errors, conn ? 1 : 2);
    } finally {
      await errors.close();
    }
    let result = { total: counts.total, imported: 0, existing: 0, failed: counts.failed };
    await sink.commit(async (db, imported) => {
      // Someone added one of these people since they were checked: skipped, counted as existing.
      result = { ...result, imported, existing: counts.existing + counts.good - imported };
      await writeAudit(db, deps.crypto, source, {
        orgId: p.homeOrgId,
        action: 'member.import',
        targetType: 'job',
        targetId: jobId,
        after: { ...result, file: p.fileName },
      });
    });
    await ctx.progress(counts.total + counts.good, counts.total + counts.good);
    return result;
  } catch (err) {
    await sink.abort(err);
    throw err;
  }
}

const removeQuietly = (file: string) => fs.rmSync(file, { force: true });

/** Attempts at an import that meets someone who became a member meanwhile (see store.ts copyBatch) or loses its connection. */
const ATTEMPTS = 3;

export async function runImport(deps: ImportDeps, ctx: ImportContext): Promise<ImportResult> {
  const p = ZImportParams.parse(ctx.job.params);
  const jobId = ctx.job.id;
  const upload = uploadPath(deps.config, p.upload);
  const errorFile = errorFilePath(deps.config, jobId);
  let succeeded = false;
  try {
    for (let attempt = 1; ; attempt++) {
      // Committed already (by a crashed run, or by this one when the COMMIT's answer was lost)?
      const done = await committedResult(deps.db, jobId);
      if (done) {
        succeeded = true;
        const failed = Number(done.failed ?? 0);
        return {
          total: Number(done.total ?? 0),
          imported: Number(done.imported ?? 0),
          existing: Number(done.existing ?? 0),
          failed,
          errorFile: failed && fs.existsSync(errorFile) ? errorFileUrl(jobId) : null,
        };
      }
      if (!fs.existsSync(upload)) throw new Error(say('import.file.broken', p.lang));
      try {
        const result = await importOnce(deps, ctx, p);
        succeeded = true;
        return { ...result, errorFile: result.failed > 0 ? errorFileUrl(jobId) : null };
      } catch (err) {
        // A lost connection rolled the transaction back: start over on a fresh one, after a pause.
        if (!(isUniqueViolation(err) || isDatabaseUnavailable(err)) || attempt >= ATTEMPTS) throw err;
        if (isDatabaseUnavailable(err)) await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  } catch (err) {
    // The job ends failed with a clear text; nothing of it is in the registry (the upload is gone: import it again).
    if (isDatabaseUnavailable(err)) throw new Error(errorMessage('DATABASE_UNAVAILABLE', p.lang));
    // A file-level fault becomes the job's error text, in the importer's language.
    if (err instanceof FileRejected)
      throw new Error(
        say(
          `import.file.${err.reason}`,
          p.lang,
          ['missingColumns', 'tooManyRows', 'mostlyBad'].includes(err.reason) ? err.detail : '',
        ),
      );
    throw err;
  } finally {
    removeQuietly(upload);
    removeQuietly(spoolPath(deps.config, jobId));
    if (!succeeded) removeQuietly(errorFile);
  }
}
