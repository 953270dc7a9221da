import { parentPort, workerData } from 'node:worker_threads';
import { createCrypto, loadMasterKey } from '../../../kernel/crypto.js';
import { openDatabase } from '../../../kernel/db.js';
import { runImport } from './job.js';
import { importHooks, importLimits } from './limits.js';
import type { FromWorker, ToWorker, WorkerInput } from './thread.js';

// The import's worker thread (see thread.ts): its own pool (the import's transaction holds one
// connection; the checks and progress use the others), its own crypto from the same key.

const input = workerData as WorkerInput; // node types workerData as any; thread.ts posts a WorkerInput
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const post = (m: FromWorker) => port.postMessage(m);

Object.assign(importLimits, input.limits);
let waiting: { resolve: () => void; reject: (err: Error) => void } | null = null;
port.on('message', (m: ToWorker) => {
  const w = waiting;
  waiting = null;
  if (m.error === null) w?.resolve();
  else w?.reject(new Error(m.error));
});
importHooks.afterBatch = (info) =>
  new Promise<void>((resolve, reject) => {
    waiting = { resolve, reject };
    post({ type: 'afterBatch', info });
  });

const database = await openDatabase({ url: input.url, poolSize: 3 });
try {
  const deps = {
    db: database.db,
    database,
    crypto: createCrypto(loadMasterKey(input.config.dataKey, input.config.dataDir)),
    config: input.config,
    clock: { now: () => new Date(input.now) },
  };
  const ctx = {
    job: { id: input.jobId, params: input.params },
    db: database.db,
    progress: async (done: number, total: number) => post({ type: 'progress', done, total }),
  };
  post({ type: 'done', result: await runImport(deps, ctx) });
} catch (err) {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
} finally {
  await database.close();
  port.close();
}
