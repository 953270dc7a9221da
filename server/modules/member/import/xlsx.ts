import type { Cell, SourceRow } from './rows.js';
import { importLimits } from './limits.js';
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

/** The text of an <si> or <is>: its <t> runs joined, phonetic guides (<rPh>, rare) left out. */
function runsText(xml: string, p: string): string {
  const runs = xml.includes('rPh') ? xml.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '') : xml;
  let text = '';
  for (const [, body] of scan(runs, `${p}t`)) text += body;
  return decodeText(text);
}

/** Whether `xml[i]` ends a tag name (so `<c` is not `<col`). */
const endsName = (xml: string, i: number) => {
  const c = xml.charCodeAt(i);
  return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13; // > / space tab LF CR
};

/**
 * The `<name …>body</name>` and `<name …/>` elements in `xml`, as [attributes, body], found by
 * indexOf: several times faster than a regular expression over a million rows. An unfinished
 * element ends the scan.
 */
function* scan(xml: string, name: string): Generator<[string, string]> {
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let at = 0; ;) {
    const s = xml.indexOf(open, at);
    if (s < 0) return;
    if (!endsName(xml, s + open.length)) {
      at = s + open.length;
      continue;
    }
    const gt = xml.indexOf('>', s);
    if (gt < 0) return;
    if (xml.charCodeAt(gt - 1) === 47) {
      yield [xml.slice(s + open.length, gt - 1), ''];
      at = gt + 1;
      continue;
    }
    const e = xml.indexOf(close, gt);
    if (e < 0) return;
    yield [xml.slice(s + open.length, gt), xml.slice(gt + 1, e)];
    at = e + close.length;
  }
}

/** An attribute's value (`r="B2"` → "B2"), or undefined. */
function attr(attrs: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const i = attrs.indexOf(key);
  if (i < 0) return undefined;
  return attrs.slice(i + key.length, attrs.indexOf('"', i + key.length));
}

/** Shared strings packed in one buffer: a million-row roster has millions of them. */
class StringTable {
  private bytes = Buffer.alloc(1024 * 1024);
  private used = 0;
  private ends = new Uint32Array(64 * 1024);
  count = 0;

  add(s: string): void {
    const need = Buffer.byteLength(s);
    // Capped as they are read: a small file may hold gigabytes of strings no roster needs.
    const cap = importLimits.maxSharedStringBytes;
    if (this.used + need + 4 * (this.count + 1) > cap) throw new FileRejected('tooLarge', 'shared strings too large');
    if (this.used + need > this.bytes.length) {
      const grown = Buffer.alloc(Math.min(Math.max(this.bytes.length * 2, this.used + need), cap));
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
 * The complete `name` elements of a streamed XML part, as [attributes, body], with the part's
 * namespace prefix (some writers use <x:row>): bytes are decoded only up to the last closing tag
 * seen — a tag boundary is always a character boundary — and the rest waits for the next chunk.
 */
export async function* elements(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<[string, string, string]> {
  let carry: Buffer = Buffer.alloc(0);
  let prefix: string | null = null;
  let close = Buffer.alloc(0);
  const flush = function* (text: string): Generator<[string, string, string]> {
    for (const [attrs, body] of scan(text, `${prefix}${name}`)) yield [attrs, body, prefix ?? ''];
  };
  for await (const chunk of chunks) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (prefix === null) {
      const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${name}[\\s/>]`).exec(buf.toString('latin1'));
      if (m) {
        prefix = m[1] ?? '';
        close = Buffer.from(`</${prefix}${name}>`);
      }
    }
    const cut = prefix === null ? -1 : buf.lastIndexOf(close);
    if (cut < 0) {
      if (buf.length > MAX_PENDING) throw new FileRejected('broken', 'an element too large');
      carry = buf;
      continue;
    }
    yield* flush(buf.toString('utf8', 0, cut + close.length));
    carry = Buffer.from(buf.subarray(cut + close.length));
    if (carry.length > MAX_PENDING) throw new FileRejected('broken', 'an element too large');
  }
  if (prefix !== null && carry.length) yield* flush(carry.toString('utf8')); // self-closed ones at the end
}

async function sharedStrings(file: string, entry: ZipEntry | undefined): Promise<StringTable> {
  const table = new StringTable();
  if (entry) for await (const [, body, p] of elements(inflateEntry(file, entry), 'si')) table.add(runsText(body, p));
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

/** The text of the cell's <v>, or undefined. */
function valueOf(body: string, p: string): string | undefined {
  for (const [, v] of scan(body, `${p}v`)) return v;
  return undefined;
}

function cellValue(type: string | undefined, body: string, strings: StringTable, p: string): Cell {
  if (type === 'inlineStr') return runsText(body, p);
  const v = valueOf(body, p);
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

function rowCells(xml: string, strings: StringTable, p: string): Cell[] {
  const cells: Cell[] = [];
  let col = 0;
  for (const [attrs, body] of scan(xml, `${p}c`)) {
    col = columnOf(attr(attrs, 'r') ?? '') || col + 1;
    if (col > MAX_COLUMNS) break; // cells come in column order: the rest of a long row is not even read
    cells[col - 1] = cellValue(attr(attrs, 't'), body, strings, p);
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
  for await (const [attrs, body, p] of elements(inflateEntry(file, sheet, onBytes), 'row')) {
    line = Number(attr(attrs, 'r')) || line + 1;
    yield { line, cells: rowCells(body, strings, p) };
  }
}
