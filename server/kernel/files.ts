import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Crypto } from './crypto.js';

// Files with personal data on disk (hardship evidence, case attachments, import error files) are
// sealed: AES-256-GCM on the file subkey, laid out as MAGIC | IV (12) | ciphertext | tag (16).
// The magic marks a sealed file, so a file written before sealing (plain case attachments, the
// base64 token evidence of the first release) is still told apart and read by its caller's
// `legacy` reader. A file is written under a temporary name and renamed, so a half-written one
// is never read. Reading is whole-file: the files sealed here are capped at ~10 MB.

const MAGIC = Buffer.from('UHSEAL1\n', 'latin1');
const IV = 12;
const TAG = 16;

const isSealed = (head: Buffer) =>
  head.length >= MAGIC.length + IV + TAG && head.subarray(0, MAGIC.length).equals(MAGIC);

/** A transform that seals what passes through it. */
function sealStream(crypto: Crypto): Transform {
  const iv = randomBytes(IV);
  const cipher = crypto.fileCipher(iv);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!started) {
        started = true;
        this.push(Buffer.concat([MAGIC, iv]));
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(Buffer.concat([MAGIC, iv]));
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

/**
 * A writable that seals into `file`; `done` settles once the file is complete on disk (renamed
 * into place) or failed (nothing left behind).
 */
export function sealedWriter(crypto: Crypto, file: string): { stream: Writable; done: Promise<void> } {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const part = `${file}.part`;
  const stream = sealStream(crypto);
  const done = pipeline(stream, fs.createWriteStream(part, { mode: 0o600 }))
    .then(() => fs.promises.rename(part, file))
    .catch(async (err: unknown) => {
      await fs.promises.rm(part, { force: true });
      throw err;
    });
  done.catch(() => undefined); // the caller awaits it; this only keeps an early failure from going unhandled
  return { stream, done };
}

/** Seals `data` into `file`. */
export async function writeSealed(crypto: Crypto, file: string, data: Buffer): Promise<void> {
  const w = sealedWriter(crypto, file);
  Readable.from([data]).pipe(w.stream);
  await w.done;
}

/** Opens sealed bytes; throws when they were altered or sealed with another key. */
function unseal(crypto: Crypto, sealed: Buffer): Buffer {
  if (!isSealed(sealed)) throw new Error('not a sealed file');
  const decipher = crypto.fileDecipher(sealed.subarray(MAGIC.length, MAGIC.length + IV));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([decipher.update(sealed.subarray(MAGIC.length + IV, sealed.length - TAG)), decipher.final()]);
}

/**
 * A file's clear bytes, or null when there is no such file. A file without the seal goes to
 * `legacy` (a reader for what that caller wrote before files were sealed); without one it is refused.
 */
export async function readSealed(
  crypto: Crypto,
  file: string,
  legacy?: (raw: Buffer) => Buffer,
): Promise<Buffer | null> {
  const raw = await fs.promises.readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (raw === null) return null;
  if (isSealed(raw)) return unseal(crypto, raw);
  if (legacy) return legacy(raw);
  throw new Error(`${path.basename(file)} is not sealed`);
}
