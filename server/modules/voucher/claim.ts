// THE CLAIM ENGINE (消费券抢领). Why it is built this way:
//
// A fixed-time rush sends thousands of claims for one campaign in the same second. The naive
// design (one stock row, `UPDATE … SET remaining = remaining - 1 WHERE remaining > 0` plus an
// insert, one transaction per request) makes every claim wait for the row lock held by the one
// before it until that one commits: the rush is served one commit at a time and p99 grows with the
// queue. Here each process gathers the claims of a campaign for a few milliseconds (and while the
// previous batch of that campaign is committing), then commits them together in ONE transaction:
//   1. One set-based statement reads, for every request of the batch: the voucher its Idempotency-Key
//      already got (a retry after a lost answer gets it again; the route gives a request without a
//      key one of its own, so a batch retried after a lost COMMIT is safe too), the member behind the
//      account with its org path, status and job type, the cap of the kind in force there, the
//      member's vouchers of the campaign and yearly total of the kind. The request itself costs one
//      round trip before the engine (the session): nothing about the member is read per request.
//   2. Not in the campaign's subtree → NOT_FOUND; not eligible → VOUCHER_NOT_ELIGIBLE (the campaign's
//      rule, built once per campaign load); members already at the per-member limit →
//      VOUCHER_LIMIT_REACHED; totals of the year over the cap → VOUCHER_CAP_REACHED (a first look;
//      step 5 decides).
//   3. The stock row is taken once for the whole batch: `remaining - least(remaining, n)`, guarded
//      by the campaign being published and open at that instant. Whoever is beyond the stock gets
//      VOUCHER_SOLD_OUT.
//   4. The vouchers are inserted with ON CONFLICT DO NOTHING: the unique index on (campaign, member,
//      seq) refuses a voucher beyond a member's limit even when two processes race, and the one on
//      (account, Idempotency-Key) refuses a second voucher for one request.
//   5. The member's yearly total of the kind is raised by a guarded upsert (the row lock orders
//      two claims of one member in two campaigns); a claim over the cap has its voucher deleted.
//   6. Stock not used (conflicts, caps) is given back, in the same transaction.
// Then COMMIT, and only then every request of the batch is answered: each 201 is durable. Rows are
// written in member order so two batches never wait on each other in opposite orders.
//
// The database decides everything; memory only answers early what can no longer change: a campaign
// this process saw sold out (stock never grows back after a commit) and a member this process saw at
// the limit (vouchers are never deleted; keyed by account). A batch that fails because its
// connection was lost (or a deadlock or serialization failure) is retried on a fresh connection:
// step 1 finds what a commit whose answer was lost already wrote, so nothing is issued twice. On PGlite (one connection) the
// batches simply run one after another. One member appears once per batch (a second claim of the
// same account, or a second account of the same member, waits for the next batch), so the per-member
// steps work on unique rows.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../kernel/clock.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError, isDatabaseUnavailable } from '../../kernel/errors.js';
import { GroupCommit } from '../../kernel/group-commit.js';
import { isOneOf } from '../../kernel/types.js';
import { memberIdOfAccount, memberRef } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { capOfSetting, capSettingAt, chinaYear, type CampaignKind } from './caps.js';
import { VOUCHER_STATES } from './voucher.schema.js';

/** The member behind a member account, with what eligibility looks at. */
export interface MemberFacts {
  memberId: number;
  orgId: number;
  path: string;
  status: string;
  jobType: string;
}

/** What the engine needs of a campaign (published terms, which never change). */
export interface EngineCampaign {
  id: number;
  kind: CampaignKind;
  faceValueFen: number;
  perMemberLimit: number;
  /** Whether the member may claim (visible: else NOT_FOUND; eligible: else VOUCHER_NOT_ELIGIBLE); null: yes. */
  admit(m: MemberFacts): 'NOT_FOUND' | 'VOUCHER_NOT_ELIGIBLE' | null;
}

export interface ClaimSubject {
  accountId: number;
  /** The Idempotency-Key (or one the route made for a request without one). */
  key: string;
}

export interface IssuedVoucher {
  id: number;
  campaignId: number;
  code: string;
  state: (typeof VOUCHER_STATES)[number];
  faceValueFen: number;
  claimedAt: Date;
}

export type ClaimRefusal =
  | 'VOUCHER_SOLD_OUT'
  | 'VOUCHER_LIMIT_REACHED'
  | 'VOUCHER_CAP_REACHED'
  | 'VOUCHER_NOT_OPEN'
  | 'VOUCHER_IDEMPOTENCY_MISMATCH'
  | 'VOUCHER_NOT_ELIGIBLE'
  | 'NOT_FOUND';

export type ClaimOutcome =
  | { ok: true; voucher: IssuedVoucher }
  /** capFen: the cap passed, with VOUCHER_CAP_REACHED. */
  | { ok: false; code: ClaimRefusal; capFen?: number };

type BatchResult = ClaimOutcome | 'retry';

/** One claim in a lane (a campaign): the campaign as the route loaded it, and who asks. */
interface Pending {
  campaign: EngineCampaign;
  sub: ClaimSubject;
}

export interface EngineOptions {
  /** How long the first claim of a batch waits for others (ms). */
  windowMs: number;
  /** Claims per transaction at most. */
  maxBatch: number;
  /** Attempts of one batch when its connection is lost (or it deadlocks). */
  attempts: number;
}

const DEFAULTS: EngineOptions = { windowMs: 4, maxBatch: 400, attempts: 5 };
/** A member's claim re-queued this often (races on its seq or a code) gives up as a conflict. */
const MAX_TRIES = 6;
/** No cap: a bound the yearly total never reaches. */
const NO_CAP = Number.MAX_SAFE_INTEGER;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // 32 letters, none that read alike

/** A voucher's short code: 10 letters from 32 (50 bits), printed under the QR and typed by a merchant. */
export function voucherCode(): string {
  const bytes = randomBytes(10);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b & 31];
  return out;
}

const RETRYABLE_SQLSTATE = new Set(['40P01', '40001']);
function isRetryable(err: unknown): boolean {
  if (isDatabaseUnavailable(err)) return true;
  let cur: unknown = err;
  for (let i = 0; i < 3 && cur && typeof cur === 'object'; i++) {
    const code = Reflect.get(cur, 'code');
    if (typeof code === 'string' && RETRYABLE_SQLSTATE.has(code)) return true;
    cur = Reflect.get(cur, 'cause');
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const idList = (ids: number[]) => sql`string_to_array(${ids.join(',')}, ',')::bigint[]`;

interface FactRow {
  i: number;
  v_id: number | null;
  v_campaign_id: number | null;
  v_member_id: number | null;
  v_code: string | null;
  v_state: string | null;
  v_face_value_fen: number | null;
  v_claimed_at: Date | string | null;
  member_id: number | null;
  org_id: number | null;
  path: string | null;
  status: string | null;
  job_type: string | null;
  is_set: boolean | null;
  cap_fen: number | string | null;
  held: number;
  total_fen: number | string | null;
}

interface VoucherOut {
  id: number;
  campaign_id: number;
  member_id: number;
  account_id: number;
  key: string | null;
  code: string;
  state: string;
  face_value_fen: number;
  claimed_at: Date | string;
}

const issued = (v: VoucherOut): IssuedVoucher => ({
  id: v.id,
  campaignId: v.campaign_id,
  code: v.code,
  state: isOneOf(VOUCHER_STATES, v.state) ? v.state : 'void',
  faceValueFen: v.face_value_fen,
  claimedAt: new Date(v.claimed_at),
});

export class ClaimEngine {
  private readonly soldOut = new Set<number>();
  private readonly atLimit = new Set<string>();
  private readonly opts: EngineOptions;
  /** Lanes per campaign; one account per batch (see the top); a 'retry' claim is re-queued up to MAX_TRIES. */
  private readonly lanes: GroupCommit<Pending, ClaimOutcome>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    opts: Partial<EngineOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
    this.lanes = new GroupCommit<Pending, ClaimOutcome>(
      { windowMs: this.opts.windowMs, maxBatch: this.opts.maxBatch, maxTries: MAX_TRIES },
      {
        distinctKey: (p) => p.sub.accountId,
        // Every claim of a lane carries the same campaign (published terms never change): the first's is the batch's.
        commit: (_campaignId, batch) => (batch[0] ? this.commit(batch[0].campaign, batch) : Promise.resolve([])),
        gaveUp: () => new AppError('CONFLICT'),
      },
    );
  }

  /** What memory already knows for sure (no database work): sold out, or this member (account) at the limit. */
  known(campaignId: number, accountId: number): ClaimRefusal | null {
    if (this.soldOut.has(campaignId)) return 'VOUCHER_SOLD_OUT';
    if (this.atLimit.has(`${campaignId}:${accountId}`)) return 'VOUCHER_LIMIT_REACHED';
    return null;
  }

  /** Claims one voucher; resolves once the batch holding it has committed. */
  claim(campaign: EngineCampaign, sub: ClaimSubject): Promise<ClaimOutcome> {
    const early = this.known(campaign.id, sub.accountId);
    if (early) return Promise.resolve({ ok: false, code: early });
    return this.lanes.submit(campaign.id, { campaign, sub });
  }

  /** One batch in one transaction, retried on a fresh connection when the connection was lost. */
  private async commit(c: EngineCampaign, batch: Pending[]): Promise<BatchResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const now = this.clock.now();
        const out = await this.db.transaction((tx) => this.batchTx(tx, c, batch, now));
        // Only what committed teaches memory.
        if (out.remaining === 0) this.soldOut.add(c.id);
        out.results.forEach((r, i) => {
          const p = batch[i];
          if (p && r !== 'retry' && (r.ok ? c.perMemberLimit === 1 : r.code === 'VOUCHER_LIMIT_REACHED'))
            this.atLimit.add(`${c.id}:${p.sub.accountId}`);
        });
        return out.results;
      } catch (err) {
        if (attempt >= this.opts.attempts || !isRetryable(err)) throw err;
        await sleep(20 * 2 ** attempt);
      }
    }
  }

  private async batchTx(
    tx: Db,
    c: EngineCampaign,
    batch: Pending[],
    now: Date,
  ): Promise<{ results: BatchResult[]; remaining: number | null }> {
    const results: (BatchResult | undefined)[] = batch.map(() => undefined);
    const year = chinaYear(now);
    const at = now.toISOString();

    // 1. One statement for the batch, per request: the voucher its key already got (a retry gets
    //    it again), the member behind the account with what eligibility looks at, the cap of the kind
    //    in force at the member's org, and the member's vouchers of the campaign and yearly total.
    const facts = await rows<FactRow>(
      tx,
      sql`select x.i, v.id as v_id, v.campaign_id as v_campaign_id, v.member_id as v_member_id, v.code as v_code,
          v.state as v_state, v.face_value_fen as v_face_value_fen, v.claimed_at as v_claimed_at,
          mr.id as member_id, mr.org_id, o.path, mr.status, mr.job_type, cap.is_set, cap.cap_fen,
          (select count(*)::int from voucher h where h.campaign_id = ${c.id} and h.member_id = mr.id) as held,
          (select t.total_fen from voucher_member_total t
            where t.member_id = mr.id and t.kind = ${c.kind} and t.year = ${year}) as total_fen
        from jsonb_to_recordset(${JSON.stringify(batch.map((p, i) => ({ i, a: p.sub.accountId, k: p.sub.key })))}::jsonb)
          as x(i int, a bigint, k text)
        left join voucher v on v.account_id = x.a and v.idempotency_key = x.k
        left join lateral (select ${memberIdOfAccount(sql`x.a`)} as id) ma on true
        left join ${memberRef} mr on mr.id = ma.id
        left join ${orgRef} o on o.id = mr.org_id
        left join lateral ${capSettingAt(sql`o.path`, c.kind)} cap on true`,
    );
    const factOf = new Map(facts.map((f) => [f.i, f]));
    const byKey = new Map<string, VoucherOut>();
    batch.forEach((p, i) => {
      const f = factOf.get(i);
      if (f?.v_id == null) return;
      byKey.set(`${p.sub.accountId}:${p.sub.key}`, {
        id: f.v_id,
        campaign_id: f.v_campaign_id ?? 0,
        member_id: f.v_member_id ?? 0,
        account_id: p.sub.accountId,
        key: p.sub.key,
        code: f.v_code ?? '',
        state: f.v_state ?? 'void',
        face_value_fen: f.v_face_value_fen ?? 0,
        claimed_at: f.v_claimed_at ?? at,
      });
    });
    const answerKnown = (i: number, p: Pending): boolean => {
      const v = byKey.get(`${p.sub.accountId}:${p.sub.key}`);
      if (!v) return false;
      results[i] =
        v.campaign_id === c.id ? { ok: true, voucher: issued(v) } : { ok: false, code: 'VOUCHER_IDEMPOTENCY_MISMATCH' };
      return true;
    };
    batch.forEach((p, i) => answerKnown(i, p));

    // 2. Who may claim (visible, eligible), then the per-member limit and the yearly cap as they stand.
    const open = () => batch.flatMap((p, i) => (results[i] === undefined ? [i] : []));
    const memberOf = new Map<number, { memberId: number; held: number; capFen: number | null }>();
    const seen = new Set<number>();
    for (const i of open()) {
      const f = factOf.get(i);
      if (!f || f.member_id === null || f.path === null) {
        results[i] = { ok: false, code: 'NOT_FOUND' };
        continue;
      }
      const refusal = c.admit({
        memberId: f.member_id,
        orgId: f.org_id ?? 0,
        path: f.path,
        status: f.status ?? '',
        jobType: f.job_type ?? '',
      });
      if (refusal) results[i] = { ok: false, code: refusal };
      // Two accounts of one member in one batch: the second waits for the next batch.
      else if (seen.has(f.member_id)) results[i] = 'retry';
      else {
        seen.add(f.member_id);
        const capFen = capOfSetting(c.kind, f.is_set, f.cap_fen);
        memberOf.set(i, { memberId: f.member_id, held: f.held, capFen });
        if (f.held >= c.perMemberLimit) results[i] = { ok: false, code: 'VOUCHER_LIMIT_REACHED' };
        else if (capFen !== null && Number(f.total_fen ?? 0) + c.faceValueFen > capFen)
          results[i] = { ok: false, code: 'VOUCHER_CAP_REACHED', capFen };
      }
    }

    // 3. The stock, taken once for the batch, only while the campaign is published and open.
    const wanted = open();
    let remaining: number | null = null;
    let taken = 0;
    if (wanted.length > 0) {
      const [stock] = await rows<{ before: number }>(
        tx,
        sql`with s as (select remaining from voucher_stock where campaign_id = ${c.id} for update)
          update voucher_stock t set remaining = t.remaining - least(s.remaining, ${wanted.length})
          from s where t.campaign_id = ${c.id}
            and exists (select 1 from voucher_campaign vc where vc.id = ${c.id} and vc.state = 'published'
              and vc.claim_starts_at <= ${at}::timestamptz and vc.claim_ends_at > ${at}::timestamptz)
          returning s.remaining as before`,
      );
      if (!stock) {
        for (const i of wanted) results[i] = { ok: false, code: 'VOUCHER_NOT_OPEN' };
      } else {
        taken = Math.min(stock.before, wanted.length);
        remaining = stock.before - taken;
        wanted.slice(taken).forEach((i) => (results[i] = { ok: false, code: 'VOUCHER_SOLD_OUT' }));
      }
    }

    // 4. The vouchers, in member order; a conflict (limit raced, key reused, code clash) inserts nothing.
    const going = wanted.slice(0, taken);
    const rowsIn = going.flatMap((i) => {
      const p = batch[i];
      const m = memberOf.get(i);
      return p && m
        ? [
            {
              i,
              m: m.memberId,
              a: p.sub.accountId,
              s: m.held + 1,
              c: voucherCode(),
              k: p.sub.key,
              cap: m.capFen ?? NO_CAP,
            },
          ]
        : [];
    });
    const inserted = rowsIn.length
      ? await rows<VoucherOut>(
          tx,
          sql`insert into voucher (campaign_id, member_id, account_id, seq, code, state, face_value_fen, idempotency_key, claimed_at)
            select ${c.id}, x.m, x.a, x.s, x.c, 'issued', ${c.faceValueFen}, x.k, ${at}::timestamptz
            from jsonb_to_recordset(${JSON.stringify(rowsIn)}::jsonb) as x(m bigint, a bigint, s int, c text, k text)
            order by x.m
            on conflict do nothing
            returning id, campaign_id, member_id, account_id, idempotency_key as key, code, state, face_value_fen, claimed_at`,
        )
      : [];
    const insertedBy = new Map(inserted.map((v) => [v.member_id, v]));

    // 5. The yearly total of the kind, raised only within the cap (the row lock orders campaigns).
    const toCount = rowsIn.filter((r) => insertedBy.has(r.m));
    const within = toCount.length
      ? await rows<{ member_id: number }>(
          tx,
          sql`insert into voucher_member_total (member_id, kind, year, total_fen, cap_fen)
            select x.m, ${c.kind}, ${year}, ${c.faceValueFen}, x.cap
            from jsonb_to_recordset(${JSON.stringify(toCount)}::jsonb) as x(m bigint, cap bigint)
            where ${c.faceValueFen} <= x.cap
            order by x.m
            on conflict (member_id, kind, year) do update
              set total_fen = voucher_member_total.total_fen + excluded.total_fen, cap_fen = excluded.cap_fen
              where voucher_member_total.total_fen + excluded.total_fen <= excluded.cap_fen
            returning member_id`,
        )
      : [];
    const inCap = new Set(within.map((r) => r.member_id));
    const overCap = toCount.filter((r) => !inCap.has(r.m));
    if (overCap.length > 0) {
      const ids = overCap.flatMap((r) => insertedBy.get(r.m)?.id ?? []);
      await tx.execute(sql`delete from voucher where id = any(${idList(ids)})`);
    }
    let kept = 0;
    for (const r of rowsIn) {
      const v = insertedBy.get(r.m);
      if (v && inCap.has(r.m)) {
        results[r.i] = { ok: true, voucher: issued(v) };
        kept++;
      } else if (v) results[r.i] = { ok: false, code: 'VOUCHER_CAP_REACHED', capFen: r.cap };
    }

    // Conflicts: the request's key was used meanwhile (another process), the limit was reached, or try again.
    const conflicted = rowsIn.filter((r) => results[r.i] === undefined);
    if (conflicted.length > 0) {
      const again = await rows<VoucherOut>(
        tx,
        sql`select v.id, v.campaign_id, v.member_id, v.account_id, v.idempotency_key as key, v.code, v.state,
            v.face_value_fen, v.claimed_at
          from jsonb_to_recordset(${JSON.stringify(conflicted)}::jsonb) as x(a bigint, k text)
          join voucher v on v.account_id = x.a and v.idempotency_key = x.k`,
      );
      for (const v of again) byKey.set(`${v.account_id}:${v.key}`, v);
      const recount = await rows<{ member_id: number; n: number }>(
        tx,
        sql`select member_id, count(*)::int as n from voucher
          where campaign_id = ${c.id} and member_id = any(${idList(conflicted.map((r) => r.m))}) group by member_id`,
      );
      const now2 = new Map(recount.map((r) => [r.member_id, r.n]));
      for (const r of conflicted) {
        const p = batch[r.i];
        if (!p || answerKnown(r.i, p)) continue;
        results[r.i] =
          (now2.get(r.m) ?? 0) >= c.perMemberLimit ? { ok: false, code: 'VOUCHER_LIMIT_REACHED' } : 'retry';
      }
    }

    // 6. Stock taken but not used goes back.
    const unused = taken - kept;
    if (unused > 0) {
      await tx.execute(sql`update voucher_stock set remaining = remaining + ${unused} where campaign_id = ${c.id}`);
      if (remaining !== null) remaining += unused;
    }
    return { results: results.map((r) => r ?? 'retry'), remaining };
  }
}

// One engine per app (its database and clock): tests build several apps in one process.
const engines = new WeakMap<Db, ClaimEngine>();

/** The claim engine of an app's database. */
export function claimEngine(db: Db, clock: Clock): ClaimEngine {
  let e = engines.get(db);
  if (!e) engines.set(db, (e = new ClaimEngine(db, clock)));
  return e;
}
