// Brotli and gzip copies beside every compressible file of a built web app, for the server to send
// as they are (@fastify/static `preCompressed`). Used by scripts/finish-web.ts and the server tests.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this a compressed copy saves less than a packet: the file is sent as it is. */
const MIN_BYTES = 1024;

/** Bytes of a folder's files as stored, and as sent to a browser that takes brotli or gzip. */
export interface CompressTotals {
  files: number;
  bytes: number;
  br: number;
  gz: number;
}

/** Writes file.br and file.gz when they are smaller than the file; returns the sizes sent. */
async function compressFile(file: string): Promise<Omit<CompressTotals, 'files'>> {
  const raw = await readFile(file);
  if (raw.length < MIN_BYTES || !COMPRESSIBLE.test(file)) return { bytes: raw.length, br: raw.length, gz: raw.length };
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipped(raw, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  if (br.length < raw.length) await writeFile(`${file}.br`, br);
  if (gz.length < raw.length) await writeFile(`${file}.gz`, gz);
  return { bytes: raw.length, br: Math.min(br.length, raw.length), gz: Math.min(gz.length, raw.length) };
}

/** Compresses every file under dir (not the .br/.gz a previous run wrote). */
export async function compressDir(dir: string): Promise<CompressTotals> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  const totals: CompressTotals = { files: files.length, bytes: 0, br: 0, gz: 0 };
  for (const sizes of await Promise.all(files.map(compressFile))) {
    totals.bytes += sizes.bytes;
    totals.br += sizes.br;
    totals.gz += sizes.gz;
  }
  return totals;
}
