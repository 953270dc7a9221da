import { Worker } from 'node:worker_threads';
import type { Config } from '../../../kernel/config.js';
import type { Deps } from '../../../kernel/context.js';
import type { JobContext } from '../../../kernel/jobs.js';
import { workerUrl } from '../../../kernel/worker.js';
import { runImport, type ImportResult } from './job.js';
import { importHooks, importLimits } from './limits.js';

// On PostgreSQL an import runs in a worker thread with a connection pool of its own: reading,
// checking and encrypting a million rows (~25 µs each) stays off the thread that answers
// requests, and the job's memory is capped — its short-lived garbage would otherwise pile up in
// the app's heap (V8 collects lazily while the heap limit is far away: 930 MiB peak measured
// for a 1,000,000-row import in the app's own thread). PGlite lives in the app's thread and has
// one connection, so there the import runs in-process (job.ts).

/** The worker's old-generation cap: the import's live data is the seen-ID map (~80 MB per million rows). */
const HEAP_MB = 192;

export interface WorkerInput {
  jobId: string;
  params: unknown;
  url: string;
  config: Config;
  /** The job's "now" (ms): audit time and file sweeping follow the app's clock, not the worker's. */
  now: number;
  limits: typeof importLimits;
}

export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'afterBatch'; info: Parameters<typeof importHooks.afterBatch>[0] }
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; message: string };
export type ToWorker = { type: 'afterBatch'; error: string | null };

export function runImportJob(deps: Deps, ctx: JobContext): Promise<ImportResult> {
  const url = deps.database.url;
  if (!url) return runImport(deps, ctx);
  const input: WorkerInput = {
    jobId: ctx.job.id,
    params: ctx.job.params,
    url,
    config: deps.config,
    now: deps.clock.now().getTime(),
    limits: { ...importLimits },
  };
  const worker = new Worker(workerUrl(import.meta.url, 'worker'), {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  return new Promise<ImportResult>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') void ctx.progress(m.done, m.total).catch(() => undefined);
      else if (m.type === 'afterBatch') {
        // The test seam (limits.ts) lives in this thread: the worker waits for its answer.
        Promise.resolve()
          .then(() => importHooks.afterBatch(m.info))
          .then(() => worker.postMessage({ type: 'afterBatch', error: null } satisfies ToWorker))
          .catch((err: unknown) =>
            worker.postMessage({
              type: 'afterBatch',
              error: err instanceof Error ? err.message : String(err),
            } satisfies ToWorker),
          );
      } else if (m.type === 'done') settle(() => resolve(m.result));
      else settle(() => reject(new Error(m.message)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the import worker stopped (exit code ${code})`))));
  });
}
