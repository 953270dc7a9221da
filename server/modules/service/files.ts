import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { Crypto } from '../../kernel/crypto.js';
import { AppError } from '../../kernel/errors.js';
import { assertStorableText, badText } from '../../kernel/input.js';
import { readSealed, writeSealed } from '../../kernel/files.js';

// Case attachments: accepted by their first bytes (never by name or the browser's type), capped
// in size while streaming, sealed (kernel/files.ts) under DATA_DIR/service-files with a random
// name. Attachments stored before sealing are plain files without the seal's header: they are
// still sent as they are (readCaseFile), so nothing needed migrating.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const KINDS: Array<{ type: string; ext: string; test: (b: Buffer) => boolean }> = [
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    ext: 'png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'application/pdf', ext: 'pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    type: 'image/webp',
    ext: 'webp',
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export function sniffFile(head: Buffer): { type: string; ext: string } | undefined {
  return KINDS.find((k) => k.test(head));
}

export const filesDir = (dataDir: string) => path.join(dataDir, 'service-files');

/**
 * Reads an upload into memory (≤ 10 MB, else 413), refuses an empty one or one whose first bytes
 * are not JPG, PNG, WebP or PDF, and gives a file name safe to store and send back.
 */
export async function readUpload(
  part: MultipartFile,
  fallbackName: string,
): Promise<{ buf: Buffer; kind: { type: string; ext: string }; fileName: string }> {
  if (badText(part.filename)) {
    part.file.resume();
    assertStorableText(part.filename, 'file');
  }
  const buf = await part.toBuffer().catch((err: unknown) => {
    if (err instanceof Error && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE');
    throw err;
  });
  if (buf.length === 0) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: 'file.empty' }]);
  const kind = sniffFile(buf);
  if (!kind) throw new AppError('CASE_FILE_TYPE');
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const fileName = (part.filename || `${fallbackName}.${kind.ext}`).replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120);
  return { buf, kind, fileName };
}

/** Reads the upload (readUpload) and seals it to disk; returns what to record. */
export async function storeUpload(dataDir: string, crypto: Crypto, part: MultipartFile) {
  const { buf, kind, fileName } = await readUpload(part, 'file');
  const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}.enc`;
  await writeSealed(crypto, path.join(filesDir(dataDir), key), buf);
  return { fileName, contentType: kind.type, size: buf.length, storageKey: key };
}

/** An attachment's bytes (null when the file is gone); a plain one from before sealing is read as it is. */
export function readCaseFile(dataDir: string, crypto: Crypto, storageKey: string): Promise<Buffer | null> {
  const full = path.join(filesDir(dataDir), storageKey);
  return readSealed(crypto, full, (plain) => plain);
}
