import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { Crypto } from '../../../kernel/crypto.js';
import { readSealed, writeSealed } from '../../../kernel/files.js';
import { readUpload } from '../../service/index.js';

// Evidence attachments of hardship files: checked by their first bytes as case files are
// (JPG, PNG, WebP, PDF; ≤ 10 MB), then sealed (kernel/files.ts) before they touch the disk
// (DATA_DIR/hardship-files, random names), opened only for a download in scope. Evidence stored
// before sealed files existed is a base64 token of crypto.encrypt, still read as such.

export const evidenceDir = (dataDir: string) => path.join(dataDir, 'hardship-files');

export async function storeEvidence(dataDir: string, crypto: Crypto, part: MultipartFile) {
  const { buf, kind, fileName } = await readUpload(part, 'evidence');
  const key = `${randomUUID()}.enc`;
  await writeSealed(crypto, path.join(evidenceDir(dataDir), key), buf);
  return { fileName, contentType: kind.type, size: buf.length, storageKey: key };
}

export async function readEvidence(dataDir: string, crypto: Crypto, key: string): Promise<Buffer | null> {
  const full = path.join(evidenceDir(dataDir), path.basename(key));
  return readSealed(crypto, full, (old) => Buffer.from(crypto.decrypt(old.toString('utf8')), 'base64'));
}

export async function removeEvidence(dataDir: string, keys: string[]): Promise<void> {
  for (const k of keys) await fs.promises.rm(path.join(evidenceDir(dataDir), path.basename(k)), { force: true });
}
