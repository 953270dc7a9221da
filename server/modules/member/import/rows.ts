import { readCsv } from './csv.js';
import { headerKey, type ColumnKey } from './columns.js';
import { importLimits } from './limits.js';
import { MAX_COLUMNS, readXlsx } from './xlsx.js';
import { FileRejected } from './zip.js';

// One shape for the rows of either kind of file: its line in the file and its cells, the way a
// spreadsheet holds them (text, number, date, boolean, empty). Read as a stream: an .xlsx through
// xlsx.ts, a CSV through csv.ts; memory stays flat.

export type Cell = string | number | boolean | Date | null;
export interface SourceRow {
  line: number;
  cells: Cell[];
}
export type Source = { format: 'xlsx' } | { format: 'csv'; encoding: 'utf-8' | 'gb18030' };

export function readRows(file: string, source: Source, onBytes: (n: number) => void): AsyncGenerator<SourceRow> {
  if (source.format === 'xlsx') return readXlsx(file, onBytes);
  return (async function* () {
    for await (const r of readCsv(file, source.encoding, onBytes))
      yield { line: r.line, cells: r.cells.slice(0, MAX_COLUMNS) };
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
 * skipped, with the row caps (data rows, and rows of any kind) enforced as rows arrive.
 */
export async function* dataRows(
  rows: AsyncIterable<SourceRow>,
  onHeader: (h: Map<ColumnKey, number>, cells: Cell[]) => void,
): AsyncGenerator<DataRow> {
  let header = false;
  let count = 0;
  let read = 0;
  for await (const r of rows) {
    // Blank rows count too: a file of nothing but empty rows is refused as soon as it passes the cap.
    if (++read > Math.max(importLimits.maxSheetRows, importLimits.maxRows))
      throw new FileRejected('tooManyRows', String(importLimits.maxRows));
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
