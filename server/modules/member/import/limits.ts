import path from 'node:path';
import type { Config } from '../../../kernel/config.js';

// The caps on an import. One object, so a test can lower a cap (rows, batch size) for one case
// and put it back; the server never changes them at run time.
export const importLimits = {
  /** Upload size. A 1,000,000-row .xlsx from Excel or exceljs is ~75 MB, so 100 MB fits the row cap. */
  maxUploadBytes: 100 * 1024 * 1024,
  /** Data rows per file (the header row not counted). */
  maxRows: 1_000_000,
  /** Entries in an .xlsx (a real one has 10–30; thousands only serve to waste our time). */
  maxZipEntries: 1_000,
  /**
   * Inflated size of the parts we read (sheets, shared strings, styles, workbook). 1,000,000 rows
   * inflate to ~0.7 GB; every entry is also held to its declared size while it inflates.
   */
  maxInflatedBytes: 2 * 1024 * 1024 * 1024,
  /** Rows per INSERT … SELECT FROM unnest(…) (one round trip each). */
  batchSize: 2_000,
  /**
   * Bad rows written in full to the errors file; past them the bad rows are only counted (the
   * file says how many). A million bad rows would otherwise be a million rows and notes to write.
   */
  maxErrorRows: 10_000,
  /**
   * How much a part may inflate per compressed byte. Real sheets and shared strings inflate
   * 5–20 times (a 1,000,000-row roster: 75 MB → 0.7 GB); bombs hundreds of times. Apache POI
   * refuses past 100 as well. Parts under `ratioFloor` bytes are exempt (tiny parts compress well).
   */
  maxInflateRatio: 100,
  ratioFloor: 1024 * 1024,
  /** Bytes of shared strings kept for lookups, 4 a string counted too (a 1,000,000-row roster: ~50 MB). */
  maxSharedStringBytes: 128 * 1024 * 1024,
  /** Rows of any kind (blank, title, header, data) read from a file: Excel's own sheet limit. */
  maxSheetRows: 1_048_576,
};

/**
 * A seam for the crash test: called inside the import transaction after each inserted batch. A
 * test makes it throw to stand in for a process killed mid-insert; it does nothing otherwise.
 */
export const importHooks: {
  afterBatch: (info: { jobId: string; batch: number; file: string }) => void | Promise<void>;
} = {
  afterBatch: () => undefined,
};

/**
 * Where uploads and error files live: on disk under DATA_DIR, not in the database, because the
 * file can be 100 MB and the job reads it as a stream. The upload stays until its job finishes
 * (success or failure), so a job picked up again after a crash finds it; the errors file is
 * sealed (kernel/files.ts) and stays IMPORT_ERROR_FILE_DAYS for the importer to download (see
 * sweep.ts). With several app servers, DATA_DIR must be a shared volume.
 */
export function importDir(config: Config): string {
  return path.join(config.dataDir, 'imports');
}
export const uploadPath = (config: Config, jobId: string) => path.join(importDir(config), `${jobId}.upload`);
export const spoolPath = (config: Config, jobId: string) => path.join(importDir(config), `${jobId}.rows`);
export const errorFilePath = (config: Config, jobId: string) => path.join(importDir(config), `${jobId}.errors.enc`);
