import { StringDecoder } from 'node:string_decoder';
import type { Cell, SourceRow } from './rows.js';
import { entryText, FileRejected, inflateEntry, readCentralDirectory, type ZipEntry } from './zip.js';

// Our own streaming reader for the first sheet of an .xlsx: the roster needs cell values only
// (no styles, no formulas), and reading them ourselves is what lets us
//  - decode text correctly: inflated bytes go through a StringDecoder, so a character split
//    between two chunks stays whole (exceljs's streaming reader decodes each chunk on its own and
//    turns such a character into U+FFFD — exceljs issues #2063/#2084);
//  - keep memory flat: shared strings (a million-row roster holds millions, most used once) live
//    in one growing byte buffer with an offset table, not as millions of JS strings;
//  - spend ~4 µs a row instead of ~25 µs.
// Sizes and entry counts are checked by zip.ts before and while anything is inflated.

/** Columns past this are ignored: the roster has 14, a sheet may carry a few notes beside them. */
export const MAX_COLUMNS = 64;
/** Text carried between chunks while waiting for the end of a row; one row is far smaller. */
const MAX_PENDING = 16 * 1024 * 1024;

const NS = '(?:[A-Za-z_][\\w.-]*:)?'; // an optional namespace prefix (<x:row> from some writers)
const ROW = new RegExp(`<${NS}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}row>)`, 'g');
const CELL = new RegExp(`<${NS}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}c>)`, 'g');
const VALUE = new RegExp(`<${NS}v(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}v>`);
const TEXT = new RegExp(`<${NS}t(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}t>`, 'g');
const PHONETIC = new RegExp(`<${NS}rPh\\b[\\s\\S]*?</${NS}rPh>`, 'g');
const SHARED = new RegExp(`<${NS}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${NS}si>)`, 'g');
const ATTR_R = /\br="([^"]*)"/;
const ATTR_T = /\bt="([^"]*)"/;
const ESCAPE = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));|_x([0-9a-fA-F]{4})_/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references and OOXML's `_xHHHH_` escapes (`_x000D_` is a carriage return). */
export function decodeText(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s.replace(ESCAPE, (whole, hex?: string, dec?: string, name?: string, ooxml?: string) => {
    if (name) return NAMED[name] ?? whole;
    const code = parseInt(hex ?? ooxml ?? dec ?? '', hex || ooxml ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of an <si> or <is>: its <t> runs joined, phonetic guides (<rPh>) left out. */
function runsText(xml: string): string {
  let text = '';
  for (const m of xml.replace(PHONETIC, '').matchAll(TEXT)) text += m[1] ?? '';
  return decodeText(text);
}

/** Shared strings packed in one buffer: a million-row roster has millions of them. */
class StringTable {
  private bytes = Buffer.alloc(1024 * 1024);
  private used = 0;
  private ends = new Uint32Array(64 * 1024);
  count = 0;

  add(s: string): void {
    const need = Buffer.byteLength(s);
    if (this.used + need > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + need));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.used += this.bytes.write(s, this.used);
    this.ends[this.count++] = this.used;
  }

  get(i: number): string | null {
    if (!(i >= 0 && i < this.count)) return null;
    return this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }
}

/**
 * The complete elements of a streamed XML part, `pattern` matches at a time: each chunk is
 * decoded (a StringDecoder keeps split characters whole), and text after the last complete
 * match waits for the next chunk.
 */
export async function* elements(chunks: AsyncIterable<Buffer>, pattern: RegExp): AsyncGenerator<RegExpExecArray> {
  const decoder = new StringDecoder('utf8');
  pattern = new RegExp(pattern.source, 'g'); // our own lastIndex: two imports may run at once
  let pending = '';
  for await (const chunk of chunks) {
    const text = pending + decoder.write(chunk);
    pattern.lastIndex = 0;
    let end = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      end = pattern.lastIndex;
      yield m;
    }
    pending = text.slice(end);
    if (pending.length > MAX_PENDING) throw new FileRejected('broken', 'an element too large');
  }
}

async function sharedStrings(file: string, entry: ZipEntry | undefined): Promise<StringTable> {
  const table = new StringTable();
  if (entry) for await (const m of elements(inflateEntry(file, entry), SHARED)) table.add(runsText(m[1] ?? ''));
  return table;
}

/** Column number (1-based) of a reference like "AB12"; 0 when there is none. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function cellValue(type: string | undefined, body: string, strings: StringTable): Cell {
  if (type === 'inlineStr') return runsText(body);
  const v = VALUE.exec(body)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return strings.get(Number(v));
    case 'str':
    case 'e':
      return decodeText(v);
    case 'b':
      return v.trim() === '1';
    case 'd': {
      const d = new Date(v.trim());
      return Number.isNaN(d.getTime()) ? decodeText(v) : d;
    }
    default: {
      const n = Number(v);
      return v.trim() !== '' && Number.isFinite(n) ? n : decodeText(v);
    }
  }
}

function rowCells(xml: string, strings: StringTable): Cell[] {
  const cells: Cell[] = [];
  let col = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const attrs = m[1] ?? '';
    col = columnOf(ATTR_R.exec(attrs)?.[1] ?? '') || col + 1;
    if (col > MAX_COLUMNS) continue;
    cells[col - 1] = cellValue(ATTR_T.exec(attrs)?.[1], m[2] ?? '', strings);
  }
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
  return cells;
}

/** The first sheet in the workbook's own order (workbook.xml and its relationships), else sheet1. */
async function firstSheet(file: string, byName: Map<string, ZipEntry>): Promise<ZipEntry> {
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const rid = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(await entryText(file, workbook))?.[1];
    for (const m of (await entryText(file, rels)).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      if (/\bId="([^"]+)"/.exec(m[0])?.[1] !== rid) continue;
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1] ?? '';
      const found = byName.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      if (found) return found;
    }
  }
  const sheets = [...byName.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  sheets.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  const first = sheets[0] === undefined ? undefined : byName.get(sheets[0]);
  if (!first) throw new FileRejected('notSupported', 'no worksheet');
  return first;
}

/** The rows of the first sheet, as cells; `onBytes` sees the compressed bytes read (for progress). */
export async function* readXlsx(file: string, onBytes: (n: number) => void): AsyncGenerator<SourceRow> {
  const byName = new Map(readCentralDirectory(file).map((e) => [e.name, e]));
  const strings = await sharedStrings(file, byName.get('xl/sharedStrings.xml'));
  const sheet = await firstSheet(file, byName);
  let line = 0;
  for await (const m of elements(inflateEntry(file, sheet, onBytes), ROW)) {
    line = Number(ATTR_R.exec(m[1] ?? '')?.[1]) || line + 1;
    yield { line, cells: rowCells(m[2] ?? '', strings) };
  }
}
