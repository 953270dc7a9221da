// GROUP COMMIT: many requests, one transaction. Why it exists:
//
// When many requests write the same hot rows (a campaign's stock, a motion's roll), one
// transaction per request makes each wait for the row lock of the one before it until that one
// commits: the rush is served one commit at a time. Instead each process gathers the requests of a
// lane (one campaign, one motion) for a few milliseconds — and while the previous batch of that
// lane is committing — and hands them to one `commit` together. Used by the voucher claim engine
// (server/modules/voucher/claim.ts) and the ballot box (server/modules/congress/ballot.engine.ts).
//
// The rules this class keeps, so that the engines only write their transaction:
//   - Lanes are keyed by an id; each lane runs one batch at a time (batches of one lane never race
//     each other in this process; two lanes run side by side).
//   - The first item of an idle lane starts a timer of `windowMs`; when it fires, the batch runs.
//   - A batch holds at most `maxBatch` items, and at most ONE item per `distinctKey` (e.g. one per
//     member): the per-key steps of a commit then work on unique rows. The others stay queued, in
//     arrival order, for the next batch.
//   - When a batch ends and items are waiting (they came while it committed, or did not fit), the
//     next batch runs at once: they have waited long enough. A lane with nothing waiting is deleted.
//   - `commit` answers each item of the batch, in order, with a result or 'retry'. A 'retry' item is
//     queued again (at the end) until it has been committed `maxTries` times; then it is rejected
//     with the error `gaveUp` makes. A missing answer counts as 'retry'.
//   - When `commit` throws, every item of the batch is rejected with that error (the engine decides
//     what is safe to retry inside its commit); the lane goes on with the items still waiting.

export interface GroupCommitOptions {
  /** How long the first item of a batch waits for others (ms). */
  windowMs: number;
  /** Items per batch (per commit) at most. */
  maxBatch: number;
  /** How many times one item may be committed before a 'retry' gives up (default 1: no retry). */
  maxTries?: number;
}

export interface GroupCommitSpec<Item, Result, LaneKey> {
  /** Items with the same distinct key never share a batch (the later one waits for the next). */
  distinctKey(item: Item): unknown;
  /** Commits one batch of a lane; answers each item, in the order given, with its result or 'retry'. */
  commit(laneKey: LaneKey, items: Item[]): Promise<ReadonlyArray<Result | 'retry'>>;
  /** The error an item is rejected with once it has been committed maxTries times and still says 'retry'. */
  gaveUp?(item: Item): unknown;
}

interface Pending<Item, Result> {
  item: Item;
  /** Commits that answered 'retry' for this item so far. */
  tries: number;
  resolve(r: Result): void;
  reject(err: unknown): void;
}

interface Lane<Item, Result, LaneKey> {
  key: LaneKey;
  queue: Array<Pending<Item, Result>>;
  running: boolean;
  timer: NodeJS.Timeout | null;
}

export class GroupCommit<Item, Result, LaneKey = number> {
  private readonly lanes = new Map<LaneKey, Lane<Item, Result, LaneKey>>();
  private readonly maxTries: number;

  constructor(
    private readonly opts: GroupCommitOptions,
    private readonly spec: GroupCommitSpec<Item, Result, LaneKey>,
  ) {
    this.maxTries = Math.max(1, opts.maxTries ?? 1);
  }

  /** Queues an item on its lane; settles once the batch holding it has committed (or failed). */
  submit(laneKey: LaneKey, item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      let lane = this.lanes.get(laneKey);
      if (!lane) this.lanes.set(laneKey, (lane = { key: laneKey, queue: [], running: false, timer: null }));
      lane.queue.push({ item, tries: 0, resolve, reject });
      this.schedule(lane, this.opts.windowMs);
    });
  }

  /** Lanes with items queued or a batch committing (an idle lane is deleted): for tests and figures. */
  get laneCount(): number {
    return this.lanes.size;
  }

  private schedule(lane: Lane<Item, Result, LaneKey>, waitMs: number): void {
    // A running batch reschedules when it ends; a pending timer will pick the new item up (also
    // when the queue is already full: the window is short, and the engines always worked so).
    if (lane.running || lane.timer) return;
    if (lane.queue.length >= this.opts.maxBatch || waitMs === 0) {
      void this.run(lane);
      return;
    }
    lane.timer = setTimeout(() => {
      lane.timer = null;
      void this.run(lane);
    }, waitMs);
  }

  private async run(lane: Lane<Item, Result, LaneKey>): Promise<void> {
    if (lane.running) return;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    lane.running = true;
    const batch: Array<Pending<Item, Result>> = [];
    const rest: Array<Pending<Item, Result>> = [];
    const seen = new Set<unknown>();
    for (const p of lane.queue) {
      const k = this.spec.distinctKey(p.item);
      if (batch.length < this.opts.maxBatch && !seen.has(k)) {
        seen.add(k);
        batch.push(p);
      } else rest.push(p);
    }
    lane.queue = rest;
    try {
      const results = await this.spec.commit(
        lane.key,
        batch.map((p) => p.item),
      );
      batch.forEach((p, i) => {
        const r = results[i] ?? 'retry';
        if (r !== 'retry') return p.resolve(r);
        if (++p.tries >= this.maxTries) return p.reject(this.giveUp(p.item));
        lane.queue.push(p);
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      lane.running = false;
      // Items that came while this batch committed have waited long enough: run them at once.
      if (lane.queue.length > 0) this.schedule(lane, 0);
      else this.lanes.delete(lane.key);
    }
  }

  private giveUp(item: Item): unknown {
    return this.spec.gaveUp
      ? this.spec.gaveUp(item)
      : new Error(`group commit: still 'retry' after ${this.maxTries} tries`);
  }
}
