import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import { rows, type Db } from './db.js';
import { errorMessage, isDatabaseUnavailable } from './errors.js';
import { job } from './kernel.schema.js';
import { Pump } from './pump.js';

// Long work (imports, exports, verifications) runs as jobs stored in PostgreSQL and claimed with
// FOR UPDATE SKIP LOCKED, so any app process may run any job and a crashed one is picked up again.

export type JobRow = typeof job.$inferSelect;

export interface JobContext {
  job: JobRow;
  db: Db;
  /** Records progress; throttled writes, so call it as often as you like. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

const STALE_MS = 5 * 60_000;
/** Runs of a job that keeps losing its database connection before it is marked failed. */
const MAX_ATTEMPTS = 3;

export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private pump: Pump;

  constructor(
    private db: Db,
    private clock: Clock,
    private log: FastifyBaseLogger,
  ) {
    this.pump = new Pump(
      () => this.drain(),
      (err) => this.log.error({ err }, 'job runner failed'),
    );
  }

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(
    tx: Db,
    input: { kind: string; params?: unknown; accountId: number | null; orgId: number | null },
  ): Promise<string> {
    if (!this.handlers.has(input.kind)) throw new Error(`no handler for job kind ${input.kind}`);
    const [row] = await tx
      .insert(job)
      .values({
        kind: input.kind,
        params: input.params ?? {},
        accountId: input.accountId,
        orgId: input.orgId,
        createdAt: this.clock.now(),
      })
      .returning({ id: job.id });
    if (!row) throw new Error('job insert returned no row');
    return row.id;
  }

  start(intervalMs = 1000): void {
    this.pump.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.pump.stop();
  }

  /** Runs queued jobs now (call after the commit that queued one); resolves when the queue is empty. */
  kick(): Promise<void> {
    return this.pump.kick();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claim();
      if (!claimed) return;
      await this.run(claimed);
    }
  }

  private async claim(): Promise<JobRow | undefined> {
    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - STALE_MS);
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return undefined;
    const [row] = await rows<{ id: string }>(
      this.db,
      sql`update job set state = 'running', started_at = ${now}, heartbeat_at = ${now}, attempts = attempts + 1
          where id = (
            select id from job
            where (state = 'queued' or (state = 'running' and heartbeat_at < ${staleBefore}))
              and kind in (${sql.join(
                kinds.map((k) => sql`${k}`),
                sql`, `,
              )})
            order by created_at limit 1 for update skip locked)
          returning id`,
    );
    if (!row) return undefined;
    const [full] = await this.db.select().from(job).where(eq(job.id, row.id));
    return full;
  }

  private async run(row: JobRow): Promise<void> {
    const handler = this.handlers.get(row.kind);
    if (!handler) return;
    let lastWrite = 0;
    const ctx: JobContext = {
      job: row,
      db: this.db,
      progress: async (done, total) => {
        const t = Date.now();
        if (t - lastWrite < 250 && done < total) return;
        lastWrite = t;
        await this.db
          .update(job)
          .set({ progress: done, total, heartbeatAt: this.clock.now() })
          .where(eq(job.id, row.id));
      },
    };
    try {
      const result = await handler(ctx);
      await this.db
        .update(job)
        .set({ state: 'succeeded', result: result ?? null, finishedAt: this.clock.now() })
        .where(eq(job.id, row.id));
    } catch (err) {
      if (isDatabaseUnavailable(err) && row.attempts < MAX_ATTEMPTS) {
        // The database connection was lost under the job (a failover, a restart): whatever it
        // wrote in a transaction was rolled back, so it runs again from the start. If even this
        // write fails, the job stays 'running' and is claimed again once its heartbeat is stale.
        this.log.warn({ err, jobId: row.id, kind: row.kind }, 'job lost its database connection; queued again');
        await this.db.update(job).set({ state: 'queued', startedAt: null }).where(eq(job.id, row.id));
        return;
      }
      this.log.error({ err, jobId: row.id, kind: row.kind }, 'job failed');
      const message = isDatabaseUnavailable(err)
        ? errorMessage('DATABASE_UNAVAILABLE', 'zh')
        : err instanceof Error
          ? err.message.slice(0, 1000)
          : 'failed';
      await this.db
        .update(job)
        .set({ state: 'failed', error: message, finishedAt: this.clock.now() })
        .where(eq(job.id, row.id));
    }
  }
}
