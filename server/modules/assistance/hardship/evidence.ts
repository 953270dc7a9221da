import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { Crypto } from '../../../kernel/crypto.js';
import { readUpload } from '../../service/index.js';

// Evidence attachments of hardship files: checked by their first bytes as case files are
// (JPG, PNG, WebP, PDF; ≤ 10 MB), then AES-256-GCM encrypted before they touch the disk
// (DATA_DIR/hardship-files, random names), decrypted only for a download in scope.

export const evidenceDir = (dataDir: string) => path.join(dataDir, 'hardship-files');

export async function storeEvidence(dataDir: string, crypto: Crypto, part: MultipartFile) {
  const { buf, kind, fileName } = await readUpload(part, 'evidence');
  const key = `${randomUUID()}.enc`;
  const full = path.join(evidenceDir(dataDir), key);
  await fs.promises.mkdir(path.dirname(full), { recursive: true, mode: 0o700 });
  await fs.promises.writeFile(full, crypto.encrypt(buf.toString('base64')), { mode: 0o600 });
  return { fileName, contentType: kind.type, size: buf.length, storageKey: key };
}

export async function readEvidence(dataDir: string, crypto: Crypto, key: string): Promise<Buffer | null> {
  const full = path.join(evidenceDir(dataDir), path.basename(key));
  const text = await fs.promises.readFile(full, 'utf8').catch(() => null);
  return text === null ? null : Buffer.from(crypto.decrypt(text), 'base64');
}

export async function removeEvidence(dataDir: string, keys: string[]): Promise<void> {
  for (const k of keys) await fs.promises.rm(path.join(evidenceDir(dataDir), path.basename(k)), { force: true });
}
