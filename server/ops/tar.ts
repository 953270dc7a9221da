import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

// A minimal POSIX ustar writer and reader for the backup archive (regular files only). No tar
// package is among the project's dependencies, and the format the backup needs is small: a
// 512-byte header per file, the bytes padded to 512, two zero blocks at the end; gzip around it,
// so `tar xzf` opens an archive by hand too.

const BLOCK = 512;

export interface TarEntry {
  name: string;
  data: Buffer;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function splitName(name: string): { prefix: string; base: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name };
  // ustar: a name longer than 100 bytes is cut at a slash into prefix (≤155) and name (≤100).
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const prefix = name.slice(0, i);
    const base = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return { prefix, base };
  }
  throw new Error(`path too long for the archive: ${name}`);
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const { prefix, base } = splitName(name);
  h.write(base, 0, 100, 'utf8');
  h.write(octal(0o600, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum counted as spaces
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

/** Writes the entries, gzipped, into `file` (through `file.part`, renamed by the caller if wanted). */
export async function writeTarGz(entries: AsyncIterable<TarEntry> | Iterable<TarEntry>, out: Writable): Promise<void> {
  async function* blocks(): AsyncGenerator<Buffer> {
    const now = new Date();
    for await (const e of entries) {
      yield header(e.name, e.data.length, now);
      yield e.data;
      yield padding(e.data.length);
    }
    yield Buffer.alloc(BLOCK * 2, 0);
  }
  await pipeline(Readable.from(blocks()), createGzip(), out);
}

export async function writeTarGzFile(
  entries: AsyncIterable<TarEntry> | Iterable<TarEntry>,
  file: string,
): Promise<void> {
  await writeTarGz(entries, createWriteStream(file, { mode: 0o600, flags: 'wx' }));
}

/** Reads every regular file of a .tar.gz (the archive is held in memory: backups of an embedded office are small). */
export async function readTarGzFile(file: string): Promise<TarEntry[]> {
  const chunks: Buffer[] = [];
  const gunzip = createReadStream(file).pipe(createGunzip());
  for await (const c of gunzip) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  const tar = Buffer.concat(chunks);
  const entries: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const field = (start: number, len: number) => h.toString('utf8', start, start + len).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const base = field(0, 100);
    const name = prefix ? `${prefix}/${base}` : base;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
    if (sum !== parseInt(field(148, 8).trim(), 8)) throw new Error(`archive damaged: bad header checksum at ${name}`);
    const start = at + BLOCK;
    if (start + size > tar.length) throw new Error(`archive truncated at ${name}`);
    if (type === '0' || type === '') entries.push({ name, data: tar.subarray(start, start + size) });
    at = start + size + padding(size).length;
  }
  return entries;
}
