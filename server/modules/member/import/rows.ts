import ExcelJS from 'exceljs';
import { readCsv } from './csv.js';
import { headerKey, type ColumnKey } from './columns.js';
import { importLimits } from './limits.js';
import { FileRejected, readCentralDirectory, verifiedWorkbookStream } from './zip.js';

// One shape for the rows of either kind of file: its line in the file and its cells, the way a
// spreadsheet holds them (text, number, date, boolean, empty). Read as a stream: an .xlsx through
// exceljs's streaming reader (fed by zip.ts), a CSV through csv.ts; memory stays flat.

export type Cell = string | number | boolean | Date | null;
export interface SourceRow {
  line: number;
  cells: Cell[];
}
export type Source = { format: 'xlsx' } | { format: 'csv'; encoding: 'utf-8' | 'gb18030' };

/** Columns past this are ignored: the roster has 14, a sheet may carry a few notes beside them. */
const MAX_COLUMNS = 64;

function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    return result === undefined || result === null || typeof result === 'object' && !(result instanceof Date) ? null : (result as Cell);
  }
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('error' in v) return String(v.error);
  return null;
}

/**
 * Stops an exceljs iteration when our zip stream fails: exceljs pipes its input without
 * listening for errors, so a failed read would otherwise leave it waiting forever. (Not
 * Promise.race against one long-lived promise: that keeps a reaction, and so a row, per step.)
 */
class Tripwire {
  private failure: unknown;
  private abort: ((err: unknown) => void) | undefined;
  trip(err: unknown): void {
    this.failure = err;
    this.abort?.(err);
  }
  async *guard<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
    const it = items[Symbol.asyncIterator]();
    for (;;) {
      const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        this.abort = reject;
        it.next().then(resolve, reject);
      });
      if (next.done) return;
      yield next.value;
    }
  }
}

async function* readXlsx(file: string, onBytes: (n: number) => void): AsyncGenerator<SourceRow> {
  const entries = readCentralDirectory(file);
  const input = await verifiedWorkbookStream(file, entries, onBytes);
  const wire = new Tripwire();
  input.once('error', (err) => wire.trip(err));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of wire.guard(reader)) {
      sheets++;
      for await (const row of wire.guard(sheet)) {
        if (sheets > 1) continue; // the roster is the first sheet; the rest (e.g. 填写说明) is read past
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col <= MAX_COLUMNS) cells[col - 1] = plain(cell.value);
        });
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        yield { line: row.number, cells };
      }
    }
  } catch (err) {
    throw err instanceof FileRejected ? err : new FileRejected('broken', err instanceof Error ? err.message : 'unreadable workbook');
  } finally {
    input.destroy();
  }
}

export function readRows(file: string, source: Source, onBytes: (n: number) => void): AsyncGenerator<SourceRow> {
  if (source.format === 'xlsx') return readXlsx(file, onBytes);
  return (async function* () {
    for await (const r of readCsv(file, source.encoding, onBytes)) yield { line: r.line, cells: r.cells.slice(0, MAX_COLUMNS) };
  })();
}

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/** Maps a header row's cells to column positions; unknown headers (and `__proto__`) map to nothing. */
export function mapHeader(cells: Cell[]): Map<ColumnKey, number> {
  const map = new Map<ColumnKey, number>();
  cells.forEach((c, i) => {
    const key = typeof c === 'string' ? headerKey(c) : undefined;
    if (key && !map.has(key)) map.set(key, i);
  });
  return map;
}

export interface DataRow {
  line: number;
  cells: Cell[];
}

/**
 * The data rows after the header (the first row naming any of our columns), blank rows
 * skipped, with the row cap enforced as rows arrive.
 */
export async function* dataRows(rows: AsyncIterable<SourceRow>, onHeader: (h: Map<ColumnKey, number>, cells: Cell[]) => void): AsyncGenerator<DataRow> {
  let header = false;
  let count = 0;
  for await (const r of rows) {
    if (r.cells.every(isBlank)) continue;
    if (!header) {
      const h = mapHeader(r.cells);
      if (h.size === 0) {
        if (r.line > 20) throw new FileRejected('noHeader');
        continue; // a title line above the header ("XX工会会员名册")
      }
      header = true;
      onHeader(h, r.cells);
      continue;
    }
    if (++count > importLimits.maxRows) throw new FileRejected('tooManyRows', String(importLimits.maxRows));
    yield r;
  }
  if (!header) throw new FileRejected('noHeader');
}
