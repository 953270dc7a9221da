// THE BALLOT BOX (secret electronic ballots). Why it is built this way:
//
// A ballot must (1) be refused the second time, also when the same representative sends twenty at
// once or from two processes, and (2) never be linkable to the voter, administrators included.
// (1) needs the roll's `voted` flag and the ballot row written in ONE transaction (a guarded
// `voted = false → true` UPDATE, then the insert): either both commit or neither. (2) is hurt by
// exactly that: one transaction per ballot gives the roll row and the ballot row the same xmin.
// So ballots are group-committed, as server/modules/voucher/claim.ts does for claims: each process
// gathers the ballots of a motion for a few milliseconds (and while the previous batch commits)
// and commits them together, the ballot rows inserted in random order. An administrator reading
// system columns while the vote runs sees at best which batch a ballot came with; the close
// rewrites every ballot and roll row (vote.service.ts), which erases even that from the live rows.
// Limits: see vote.schema.ts. The batches also make a 1,000-representative vote cheap: one
// transaction of a few statements per batch instead of one per ballot.
//
// One representative appears once per batch (a duplicate waits for the next batch, where the flag
// refuses it). The database decides everything: the roll row lock orders two processes, and the
// motion row is held FOR SHARE so a close (FOR UPDATE) waits for batches in flight and no ballot
// lands after it.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db.js';
import { GroupCommit } from '../../kernel/group-commit.js';
import type { BallotChoice } from './vote.schema.js';

export interface BallotRequest {
  motionId: number;
  sessionId: number;
  representativeId: number;
  choice: BallotChoice;
}

export type BallotOutcome =
  | { ok: true; receipt: string }
  | { ok: false; code: 'CONGRESS_ALREADY_VOTED' | 'CONGRESS_MOTION_STATE' | 'CONGRESS_NOT_PRESENT' };

export interface BallotEngineOptions {
  /** How long the first ballot of a batch waits for others (ms). */
  windowMs: number;
  /** Ballots per transaction at most. */
  maxBatch: number;
}

const DEFAULTS: BallotEngineOptions = { windowMs: 3, maxBatch: 500 };
const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // 32 symbols, none that read alike

/** A ballot's receipt: 10 symbols of 32 (50 random bits), unguessable, shown to the voter. */
export function receiptCode(): string {
  let out = '';
  for (const b of randomBytes(10)) out += RECEIPT_ALPHABET[b & 31];
  return out;
}

/** Fisher–Yates with crypto randomness: the batch's insert order says nothing about arrival or roll order. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  const rnd = randomBytes(out.length * 4);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.readUInt32LE(i * 4) % (i + 1);
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
}

export class BallotEngine {
  private readonly opts: BallotEngineOptions;
  /** Lanes per motion; one representative per batch (see the top); no retry: the flag decides. */
  private readonly lanes: GroupCommit<BallotRequest, BallotOutcome>;

  constructor(
    private readonly db: Db,
    opts: Partial<BallotEngineOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
    this.lanes = new GroupCommit<BallotRequest, BallotOutcome>(
      { windowMs: this.opts.windowMs, maxBatch: this.opts.maxBatch },
      {
        distinctKey: (req) => req.representativeId,
        // Rolled back (or its COMMIT's answer lost): the throw rejects the whole batch, so nobody of
        // it is told they voted. A lost COMMIT answer that did commit shows as ALREADY_VOTED on the
        // retry; the roll is right.
        commit: async (motionId, batch) => {
          // Every ballot of a motion carries the motion's session: the first's is the batch's.
          const sessionId = batch[0]?.sessionId ?? 0;
          const results = await this.db.transaction((tx) => this.batchTx(tx, { motionId, sessionId }, batch));
          return batch.map((_, i) => results[i] ?? { ok: false, code: 'CONGRESS_ALREADY_VOTED' });
        },
      },
    );
  }

  /** Casts one ballot; resolves once the batch holding it has committed (the receipt is durable). */
  cast(req: BallotRequest): Promise<BallotOutcome> {
    return this.lanes.submit(req.motionId, req);
  }

  private async batchTx(
    tx: Db,
    lane: { motionId: number; sessionId: number },
    batch: BallotRequest[],
  ): Promise<BallotOutcome[]> {
    const [motion] = await rows<{ state: string; method: string }>(
      tx,
      sql`select state, method from congress_motion where id = ${lane.motionId} for share`,
    );
    if (motion?.state !== 'open' || motion.method !== 'secret_electronic')
      return batch.map(() => ({ ok: false, code: 'CONGRESS_MOTION_STATE' }));

    // The guarded flip, rows locked in representative order (two batches never wait on each other
    // in opposite orders). Only a present representative of the roll who has not voted is flipped.
    const ids = batch.map((p) => p.representativeId);
    const flipped = await rows<{ representative_id: number }>(
      tx,
      sql`with target as (
          select r.representative_id from congress_motion_roll r
          where r.motion_id = ${lane.motionId}
            and r.representative_id = any(string_to_array(${ids.join(',')}, ',')::bigint[])
          order by r.representative_id
          for update)
        update congress_motion_roll r set voted = true
        from target t
        where r.motion_id = ${lane.motionId} and r.representative_id = t.representative_id and not r.voted
          and exists (select 1 from congress_attendance a
            where a.session_id = ${lane.sessionId} and a.representative_id = r.representative_id)
        returning r.representative_id`,
    );
    const ok = new Set(flipped.map((r) => Number(r.representative_id)));

    // The ballots, in random order, with fresh receipts; a receipt clash (2^-50) draws again.
    const going = shuffled(batch.flatMap((p, i) => (ok.has(p.representativeId) ? [i] : [])));
    const receipts = new Map<number, string>();
    let todo = going;
    for (let round = 0; todo.length > 0; round++) {
      if (round > 5) throw new Error('receipt clashes');
      const drawn = todo.map((i) => ({ i, r: receiptCode(), c: batch[i]?.choice ?? 'abstain' }));
      const inserted = await rows<{ receipt: string }>(
        tx,
        sql`insert into congress_ballot (motion_id, receipt, choice)
          select ${lane.motionId}, x.r, x.c from jsonb_to_recordset(${JSON.stringify(drawn.map(({ r, c }) => ({ r, c })))}::jsonb)
            as x(r text, c text)
          on conflict do nothing
          returning receipt`,
      );
      const got = new Set(inserted.map((x) => x.receipt));
      for (const d of drawn) if (got.has(d.r)) receipts.set(d.i, d.r);
      todo = drawn.filter((d) => !got.has(d.r)).map((d) => d.i);
    }

    // Those not flipped: already voted, unless they are not checked in (the route looked first;
    // this is the race with nothing but the database to decide).
    const notFlipped = batch.flatMap((p) => (ok.has(p.representativeId) ? [] : [p.representativeId]));
    const voted = notFlipped.length
      ? await rows<{ representative_id: number }>(
          tx,
          sql`select representative_id from congress_motion_roll
            where motion_id = ${lane.motionId} and voted
              and representative_id = any(string_to_array(${notFlipped.join(',')}, ',')::bigint[])`,
        )
      : [];
    const already = new Set(voted.map((r) => Number(r.representative_id)));
    return batch.map((p, i): BallotOutcome => {
      const receipt = receipts.get(i);
      if (receipt) return { ok: true, receipt };
      return {
        ok: false,
        code: already.has(p.representativeId) ? 'CONGRESS_ALREADY_VOTED' : 'CONGRESS_NOT_PRESENT',
      };
    });
  }
}

// One engine per app (its database): tests build several apps in one process.
const engines = new WeakMap<Db, BallotEngine>();

/** The ballot engine of an app's database. */
export function ballotEngine(db: Db): BallotEngine {
  let e = engines.get(db);
  if (!e) engines.set(db, (e = new BallotEngine(db)));
  return e;
}
