import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { importLimits } from './limits.js';

// An .xlsx is a zip. Before exceljs sees one, we read its central directory ourselves and refuse
// what a spreadsheet never is: too many entries, too much declared content, encryption, zip64,
// odd compression. exceljs reads a zip front to back by its local headers, which can disagree
// with the central directory (and a bomb can declare 1 KB and inflate to 10 GB). So exceljs never
// gets the upload itself: it gets a zip we rebuild from the central directory, holding only the
// parts it needs, after we have inflated each of them (into nothing) and stopped the moment one
// outgrew its declared size. Nothing is inflated beyond what was declared and checked against
// the caps; exceljs then inflates the same bytes once more, which costs ~1 s per 500 MB.

/** Why a file is refused as a whole; each reason has a message (`import.file.<reason>`). */
export type RejectReason = 'notSupported' | 'broken' | 'tooLarge' | 'noHeader' | 'tooManyRows' | 'missingColumns';

export class FileRejected extends Error {
  constructor(readonly reason: RejectReason, readonly detail = '') {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** The central directory of the zip at `file`, checked against the caps; throws FileRejected. */
export function readCentralDirectory(file: string): ZipEntry[] {
  const fd = fs.openSync(file, 'r');
  try {
    const fileSize = fs.fstatSync(fd).size;
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = readAt(fd, fileSize - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) { at = i; break; }
    }
    if (at < 0) throw new FileRejected('broken', 'no zip directory');
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    const eocdOffset = fileSize - tailLength + at;
    if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0 || count !== tail.readUInt16LE(at + 8)) throw new FileRejected('broken', 'multi-part zip');
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new FileRejected('broken', 'zip64');
    if (count > importLimits.maxZipEntries) throw new FileRejected('tooLarge', 'too many entries');
    if (cdOffset + cdSize > eocdOffset) throw new FileRejected('broken', 'directory out of bounds');
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    const names = new Set<string>();
    let declared = 0;
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new FileRejected('broken', 'broken directory');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const nameLength = cd.readUInt16LE(p + 28);
      const skip = nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      const e: ZipEntry = {
        name: cd.toString('utf8', p + 46, p + 46 + nameLength), method, crc: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20), size: cd.readUInt32LE(p + 24), offset: cd.readUInt32LE(p + 42),
      };
      if (flags & 0x41) throw new FileRejected('broken', 'encrypted entry');
      if (method !== 0 && method !== 8) throw new FileRejected('broken', 'unsupported compression');
      if (method === 0 && e.compressedSize !== e.size) throw new FileRejected('broken', 'stored entry size mismatch');
      if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new FileRejected('broken', 'zip64');
      if (e.offset + 30 + e.compressedSize > cdOffset) throw new FileRejected('broken', 'entry out of bounds');
      if (names.has(e.name)) throw new FileRejected('broken', 'duplicate entry');
      names.add(e.name);
      declared += e.size;
      if (declared > importLimits.maxInflatedBytes) throw new FileRejected('tooLarge', 'content too large');
      entries.push(e);
      p += 46 + skip;
    }
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new FileRejected('notSupported', 'not a workbook');
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** The parts exceljs's reader uses, in the order it wants them (strings and styles before sheets). */
function partsToRead(entries: ZipEntry[]): ZipEntry[] {
  const rank = (name: string): number => {
    if (name === 'xl/_rels/workbook.xml.rels') return 0;
    if (name === 'xl/workbook.xml') return 1;
    if (name === 'xl/styles.xml') return 2;
    if (name === 'xl/sharedStrings.xml') return 3;
    const sheet = /^xl\/worksheets\/sheet(\d{1,4})\.xml$/.exec(name);
    return sheet ? 10 + Number(sheet[1]) : -1;
  };
  return entries.filter((e) => rank(e.name) >= 0).sort((a, b) => rank(a.name) - rank(b.name));
}

function localHeader(e: ZipEntry): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x800, 6); // UTF-8 names; sizes known up front, so no data descriptor to scan for
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

/** Where an entry's data starts, from its local header (which must agree on the method). */
function dataStart(fd: number, e: ZipEntry): number {
  const local = readAt(fd, e.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL || local.readUInt16LE(8) !== e.method) throw new FileRejected('broken', 'local header disagrees');
  return e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

/**
 * Inflates an entry into nothing, counting: fails the moment it outgrows its declared size (a
 * bomb stops ~16 KB past it), and when it ends at any other size.
 */
async function checkInflatedSize(file: string, start: number, e: ZipEntry): Promise<void> {
  if (e.method === 0 || e.compressedSize === 0) {
    if (e.compressedSize !== e.size) throw new FileRejected('broken', 'entry sizes disagree');
    return;
  }
  const raw = fs.createReadStream(file, { start, end: start + e.compressedSize - 1, highWaterMark: 64 * 1024 });
  const inflate = zlib.createInflateRaw();
  raw.on('error', (err) => inflate.destroy(err));
  let seen = 0;
  try {
    for await (const chunk of raw.pipe(inflate) as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > e.size) throw new FileRejected('tooLarge', 'entry inflates beyond its declared size');
    }
  } catch (err) {
    throw err instanceof FileRejected ? err : new FileRejected('broken', 'broken compressed data');
  } finally {
    raw.destroy();
    inflate.destroy();
  }
  if (seen !== e.size) throw new FileRejected('broken', 'entry sizes disagree');
}

/**
 * A zip stream for exceljs, made once every part it will read has been inflated and measured:
 * those parts only, in the order it wants, each with a local header built from the directory
 * and its compressed bytes as they are. `onBytes` sees the bytes handed on (for progress).
 */
export async function verifiedWorkbookStream(file: string, entries: ZipEntry[], onBytes: (n: number) => void = () => undefined): Promise<Readable> {
  const parts = partsToRead(entries);
  const fd = fs.openSync(file, 'r');
  let starts: number[];
  try {
    starts = parts.map((e) => dataStart(fd, e));
  } finally {
    fs.closeSync(fd);
  }
  for (const [i, e] of parts.entries()) await checkInflatedSize(file, starts[i] ?? 0, e);
  async function* stream(): AsyncGenerator<Buffer> {
    for (const [i, e] of parts.entries()) {
      yield localHeader(e);
      if (e.compressedSize === 0) continue;
      const start = starts[i] ?? 0;
      for await (const chunk of fs.createReadStream(file, { start, end: start + e.compressedSize - 1, highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
        onBytes(chunk.length);
        yield chunk;
      }
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    yield end;
  }
  return Readable.from(stream(), { objectMode: false });
}
