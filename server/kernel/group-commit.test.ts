import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit } from './group-commit.js';

// The batching rules on their own, with fake timers and a commit that records its batches.
interface Item {
  who: string;
  n: number;
}

type Answer = string | 'retry';

function engine(
  opts: { windowMs?: number; maxBatch?: number; maxTries?: number } = {},
  answer: (lane: number, item: Item) => Answer = (_, i) => `${i.who}#${i.n}`,
) {
  const batches: Array<{ lane: number; items: string[] }> = [];
  let fail: Error | null = null;
  let hold: Promise<void> | null = null;
  const gc = new GroupCommit<Item, string>(
    { windowMs: opts.windowMs ?? 5, maxBatch: opts.maxBatch ?? 100, maxTries: opts.maxTries },
    {
      distinctKey: (i) => i.who,
      commit: async (lane, items) => {
        batches.push({ lane, items: items.map((i) => `${i.who}#${i.n}`) });
        if (hold) await hold;
        if (fail) {
          const err = fail;
          fail = null;
          throw err;
        }
        return items.map((i) => answer(lane, i));
      },
      gaveUp: (i) => new Error(`gave up on ${i.who}`),
    },
  );
  return {
    gc,
    batches,
    failNext(err: Error) {
      fail = err;
    },
    /** Makes the next commits wait until the returned function is called. */
    holdCommits(): () => void {
      let release = () => {};
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('GroupCommit', () => {
  it('gathers the items of a lane within the window into one batch, lanes apart', async () => {
    vi.useFakeTimers();
    const e = engine({ windowMs: 5 });
    const a = e.gc.submit(1, { who: 'a', n: 1 });
    await vi.advanceTimersByTimeAsync(3);
    expect(e.batches).toEqual([]); // still inside the window
    const b = e.gc.submit(1, { who: 'b', n: 1 });
    const c = e.gc.submit(2, { who: 'c', n: 1 });
    await vi.advanceTimersByTimeAsync(2);
    expect(await a).toBe('a#1');
    expect(await b).toBe('b#1');
    await vi.advanceTimersByTimeAsync(5);
    expect(await c).toBe('c#1');
    expect(e.batches).toEqual([
      { lane: 1, items: ['a#1', 'b#1'] },
      { lane: 2, items: ['c#1'] },
    ]);
  });

  it('never puts more than maxBatch items in a batch; the rest follow at once', async () => {
    vi.useFakeTimers();
    const e = engine({ windowMs: 5, maxBatch: 3 });
    const done = Promise.all(['a', 'b', 'c', 'd', 'e'].map((who) => e.gc.submit(1, { who, n: 1 })));
    await vi.advanceTimersByTimeAsync(5);
    expect(await done).toEqual(['a#1', 'b#1', 'c#1', 'd#1', 'e#1']);
    expect(e.batches.map((b) => b.items)).toEqual([
      ['a#1', 'b#1', 'c#1'],
      ['d#1', 'e#1'],
    ]);
  });

  it('takes one item per distinct key; the duplicate goes with the next batch', async () => {
    vi.useFakeTimers();
    const e = engine();
    const done = Promise.all([
      e.gc.submit(1, { who: 'a', n: 1 }),
      e.gc.submit(1, { who: 'a', n: 2 }),
      e.gc.submit(1, { who: 'b', n: 1 }),
      e.gc.submit(1, { who: 'a', n: 3 }),
    ]);
    await vi.advanceTimersByTimeAsync(5);
    expect(await done).toEqual(['a#1', 'a#2', 'b#1', 'a#3']);
    expect(e.batches.map((b) => b.items)).toEqual([['a#1', 'b#1'], ['a#2'], ['a#3']]);
  });

  it('runs one batch at a time per lane; what came meanwhile runs as soon as it ends', async () => {
    vi.useFakeTimers();
    const e = engine({ windowMs: 5 });
    const release = e.holdCommits();
    const first = e.gc.submit(1, { who: 'a', n: 1 });
    await vi.advanceTimersByTimeAsync(5);
    const second = e.gc.submit(1, { who: 'b', n: 1 });
    await vi.advanceTimersByTimeAsync(50); // the window passes; the lane is busy
    expect(e.batches).toHaveLength(1);
    release();
    expect(await first).toBe('a#1');
    expect(await second).toBe('b#1');
    expect(e.batches.map((b) => b.items)).toEqual([['a#1'], ['b#1']]);
  });

  it("re-queues an item answered 'retry' until maxTries, then rejects with the caller's error", async () => {
    vi.useFakeTimers();
    let flaky = 2; // 'b' succeeds on its third commit
    const e = engine({ maxTries: 3 }, (_, i) => {
      if (i.who === 'a') return 'retry';
      if (i.who === 'b' && flaky-- > 0) return 'retry';
      return `${i.who}#${i.n}`;
    });
    const a = e.gc.submit(1, { who: 'a', n: 1 });
    const b = e.gc.submit(1, { who: 'b', n: 1 });
    const aFails = expect(a).rejects.toThrow('gave up on a');
    await vi.advanceTimersByTimeAsync(5);
    await aFails;
    expect(await b).toBe('b#1');
    expect(e.batches.map((x) => x.items)).toEqual([
      ['a#1', 'b#1'],
      ['a#1', 'b#1'],
      ['a#1', 'b#1'],
    ]);
  });

  it("without maxTries a 'retry' answer is not retried", async () => {
    vi.useFakeTimers();
    const gc = new GroupCommit<Item, string>(
      { windowMs: 5, maxBatch: 10 },
      { distinctKey: (i) => i.who, commit: (_, items) => Promise.resolve(items.map(() => 'retry' as const)) },
    );
    const a = gc.submit(1, { who: 'a', n: 1 });
    const fails = expect(a).rejects.toThrow("still 'retry' after 1 tries");
    await vi.advanceTimersByTimeAsync(5);
    await fails;
  });

  it('rejects the whole batch when the commit throws, and the lane keeps working', async () => {
    vi.useFakeTimers();
    const e = engine();
    const release = e.holdCommits();
    e.failNext(new Error('connection lost'));
    const a = e.gc.submit(1, { who: 'a', n: 1 });
    const b = e.gc.submit(1, { who: 'b', n: 1 });
    const aFails = expect(a).rejects.toThrow('connection lost');
    const bFails = expect(b).rejects.toThrow('connection lost');
    await vi.advanceTimersByTimeAsync(5);
    const c = e.gc.submit(1, { who: 'c', n: 1 }); // waits while the failing batch commits
    release();
    await aFails;
    await bFails;
    expect(await c).toBe('c#1');
    const d = e.gc.submit(1, { who: 'a', n: 2 });
    await vi.advanceTimersByTimeAsync(5);
    expect(await d).toBe('a#2');
  });

  it('deletes a lane once nothing waits in it', async () => {
    vi.useFakeTimers();
    const e = engine();
    const release = e.holdCommits();
    const a = e.gc.submit(1, { who: 'a', n: 1 });
    const b = e.gc.submit(2, { who: 'b', n: 1 });
    expect(e.gc.laneCount).toBe(2);
    await vi.advanceTimersByTimeAsync(5);
    expect(e.gc.laneCount).toBe(2); // committing
    release();
    await Promise.all([a, b]);
    expect(e.gc.laneCount).toBe(0);
    // A new item makes the lane again.
    const c = e.gc.submit(1, { who: 'c', n: 1 });
    expect(e.gc.laneCount).toBe(1);
    await vi.advanceTimersByTimeAsync(5);
    await c;
    expect(e.gc.laneCount).toBe(0);
  });
});
