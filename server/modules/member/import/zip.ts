import fs from 'node:fs';
import zlib from 'node:zlib';
import { importLimits } from './limits.js';

// An .xlsx is a zip. We read its central directory ourselves and refuse what a spreadsheet never
// is: too many entries, too much declared content, encryption, zip64, odd compression. Entries
// are then found through that directory (never by scanning local headers, which can disagree
// with it) and inflated as streams held to their declared size and checksum: a bomb that
// declares 1 KB and inflates to 10 GB stops a few KB past its declaration.

/** Why a file is refused as a whole; each reason has a message (`import.file.<reason>`). */
export type RejectReason =
  'notSupported' | 'broken' | 'tooLarge' | 'noHeader' | 'tooManyRows' | 'missingColumns' | 'mostlyBad';

export class FileRejected extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail = '',
  ) {
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
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new FileRejected('broken', 'no zip directory');
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    const eocdOffset = fileSize - tailLength + at;
    if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0 || count !== tail.readUInt16LE(at + 8))
      throw new FileRejected('broken', 'multi-part zip');
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
        name: cd.toString('utf8', p + 46, p + 46 + nameLength),
        method,
        crc: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        offset: cd.readUInt32LE(p + 42),
      };
      if (flags & 0x41) throw new FileRejected('broken', 'encrypted entry');
      if (method !== 0 && method !== 8) throw new FileRejected('broken', 'unsupported compression');
      if (method === 0 && e.compressedSize !== e.size) throw new FileRejected('broken', 'stored entry size mismatch');
      if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new FileRejected('broken', 'zip64');
      if (e.offset + 30 + e.compressedSize > cdOffset) throw new FileRejected('broken', 'entry out of bounds');
      if (names.has(e.name)) throw new FileRejected('broken', 'duplicate entry');
      // A part that claims to inflate far more than any spreadsheet does is a bomb: refused before
      // a byte of it is inflated (and inflateEntry holds every part to its claim).
      if (e.size > importLimits.ratioFloor && e.size > e.compressedSize * importLimits.maxInflateRatio)
        throw new FileRejected('tooLarge', 'compression ratio');
      names.add(e.name);
      declared += e.size;
      if (declared > importLimits.maxInflatedBytes) throw new FileRejected('tooLarge', 'content too large');
      entries.push(e);
      p += 46 + skip;
    }
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
      throw new FileRejected('notSupported', 'not a workbook');
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** Where an entry's data starts, from its local header (which must agree on the method). */
function dataStart(fd: number, e: ZipEntry): number {
  const local = readAt(fd, e.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL || local.readUInt16LE(8) !== e.method)
    throw new FileRejected('broken', 'local header disagrees');
  return e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

/**
 * An entry's content as it inflates, held to the directory: fails the moment it outgrows its
 * declared size (a bomb stops ~16 KB past it), and when it ends at another size or checksum.
 * `onBytes` sees the compressed bytes read (for progress).
 */
export async function* inflateEntry(
  file: string,
  e: ZipEntry,
  onBytes: (n: number) => void = () => undefined,
): AsyncGenerator<Buffer> {
  const fd = fs.openSync(file, 'r');
  let start: number;
  try {
    start = dataStart(fd, e);
  } finally {
    fs.closeSync(fd);
  }
  if (e.compressedSize === 0) {
    if (e.size !== 0) throw new FileRejected('broken', 'entry sizes disagree');
    return;
  }
  const raw = fs.createReadStream(file, { start, end: start + e.compressedSize - 1, highWaterMark: 256 * 1024 });
  raw.on('data', (chunk) => onBytes(chunk.length));
  const inflate = e.method === 8 ? zlib.createInflateRaw({ chunkSize: 256 * 1024 }) : null;
  if (inflate) raw.on('error', (err) => inflate.destroy(err));
  let seen = 0;
  let crc = 0;
  try {
    for await (const chunk of inflate ? raw.pipe(inflate) : raw) {
      if (!Buffer.isBuffer(chunk)) throw new TypeError('a file stream without an encoding yields bytes');
      seen += chunk.length;
      if (seen > e.size) throw new FileRejected('tooLarge', 'entry inflates beyond its declared size');
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
  } catch (err) {
    throw err instanceof FileRejected ? err : new FileRejected('broken', 'broken compressed data');
  } finally {
    raw.destroy();
    inflate?.destroy();
  }
  if (seen !== e.size || crc >>> 0 !== e.crc >>> 0)
    throw new FileRejected('broken', 'entry sizes or checksum disagree');
}

/** A small part (workbook.xml, its relationships) as text. */
export async function entryText(file: string, e: ZipEntry): Promise<string> {
  if (e.size > 16 * 1024 * 1024) throw new FileRejected('tooLarge', `${e.name} too large`);
  const parts: Buffer[] = [];
  for await (const chunk of inflateEntry(file, e)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
