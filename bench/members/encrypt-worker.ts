import { parentPort, workerData } from 'node:worker_threads';
import { createCrypto } from '../../server/kernel/crypto.js';
import { MemberGenerator, type Union } from './gen.js';
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
  const reply: ChunkReply = { ...req, rows: cols[0]?.length ?? 0, params: cols.map(arrayLiteral), ms: performance.now() - t };
  parentPort?.postMessage(reply);
});
