import { parentPort, workerData } from 'node:worker_threads';
import { createCrypto } from '../../server/kernel/crypto.js';
import { MemberGenerator, type Union } from './gen.js';
import { copyValue } from '../../server/modules/member/import/store.js';
import { arrayLiteral, encryptChunk } from './load.js';

// A worker thread that generates and encrypts chunks of members, and serialises each column to
// a PostgreSQL array literal, so the main thread only sends statements. The crypto is the app's
// own (createCrypto over the bench master key), so blind indexes match the app under test's.

export interface WorkerInit {
  unions: Union[];
  todayMs: number;
  masterKeyBase64: string;
  /** Rows left out: those with (i − base) mod every = at (a file's spoiled rows). */
  skip?: { base: number; every: number; at: number };
  /** 'copy': reply with the rows as COPY text (INSERT_SQL's columns) instead of array literals. */
  format?: 'unnest' | 'copy';
}

export interface ChunkRequest {
  from: number;
  to: number;
}

export interface ChunkReply {
  from: number;
  to: number;
  /** Rows in the chunk. */
  rows: number;
  params: string[];
  /** The rows in COPY's text format, when the pool was made with format 'copy'. */
  copy?: string;
  ms: number;
}

const init = workerData as WorkerInit;
const crypto = createCrypto(Buffer.from(init.masterKeyBase64, 'base64'));
const gen = new MemberGenerator(init.unions, new Date(init.todayMs));
const skip = init.skip;
const keep = skip ? (i: number) => (i - skip.base) % skip.every !== skip.at : undefined;

parentPort?.on('message', (req: ChunkRequest) => {
  const t = performance.now();
  const cols = encryptChunk(crypto, gen, req.from, req.to, keep);
  const rows = cols[0]?.length ?? 0;
  const reply: ChunkReply =
    init.format === 'copy'
      ? { ...req, rows, params: [], copy: copyText(cols, rows), ms: performance.now() - t }
      : { ...req, rows, params: cols.map(arrayLiteral), ms: performance.now() - t };
  parentPort?.postMessage(reply);
});

function copyText(cols: unknown[][], rows: number): string {
  let text = '';
  for (let i = 0; i < rows; i++)
    text += `${cols.map((c) => copyValue((c[i] ?? null) as string | number | boolean | null)).join('\t')}\n`;
  return text;
}
