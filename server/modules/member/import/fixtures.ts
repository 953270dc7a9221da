import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { COLUMNS } from './columns.js';

// Files for tests and benchmarks, made in code (no binaries in git): workbooks and CSVs of
// roster rows, GB18030 text, hand-built zips (bombs), and a multipart body for inject().

export const HEADERS: string[] = COLUMNS.map((c) => c.header);
export type FixtureCell = string | number | Date | null;

export async function xlsxOf(rows: FixtureCell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('会员名册');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large workbook written as a stream (for benchmarks). */
export async function writeXlsxFile(file: string, count: number, row: (i: number) => FixtureCell[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = wb.addWorksheet('会员名册');
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < count; i++) sheet.addRow(row(i)).commit();
  await wb.commit();
}

const csvCell = (v: FixtureCell) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
export const csvOf = (rows: FixtureCell[][], headers: string[] = HEADERS) =>
  [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

let gbTable: Map<string, Buffer> | undefined;
/** GB18030 bytes of text (CJK and ASCII), from a table built by decoding every two-byte code. */
export function gb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, Buffer.from([lead, trail]));
      }
    }
  }
  const table = gbTable;
  return Buffer.concat(
    [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch, 'latin1') : (table.get(ch) ?? Buffer.from('?')))),
  );
}

export interface RawEntry {
  name: string;
  /** The bytes as stored (already deflated when method is 8). */
  stored: Buffer;
  method?: 0 | 8;
  /** What the directory claims the entry inflates to. */
  declaredSize: number;
  /** CRC-32 of the inflated content (a bomb's does not matter: it is stopped before the end). */
  crc?: number;
}

/** A zip assembled by hand, so a test can make its directory say whatever it likes. */
export function handZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.method ?? 8, 8);
    h.writeUInt32LE(e.crc ?? 0, 14);
    h.writeUInt32LE(e.stored.length, 18);
    h.writeUInt32LE(e.declaredSize, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method ?? 8, 10);
    c.writeUInt32LE(e.crc ?? 0, 16);
    c.writeUInt32LE(e.stored.length, 20);
    c.writeUInt32LE(e.declaredSize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(h, name, e.stored);
    centrals.push(c, name);
    offset += 30 + name.length + e.stored.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts that make a zip look like a workbook, for bombs to hide among. */
export const workbookParts = (): RawEntry[] =>
  ['[Content_Types].xml', 'xl/workbook.xml'].map((name) => {
    const xml = Buffer.from('<?xml version="1.0"?><x/>');
    return { name, stored: zlib.deflateRawSync(xml), declaredSize: xml.length, crc: zlib.crc32(xml) };
  });

export function multipartBody(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----uh${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
