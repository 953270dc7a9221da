import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { createTestApp, ENGINE, type TestApp } from '../../test/harness.js';
import { makeMember, orgIds } from '../voucher/claim.fixtures.js';
import { BallotEngine } from './ballot.engine.js';
import { congressRepresentative } from './congress.schema.js';
import { seedDemoVotes } from '../../seed/demo-congress-votes.js';
import { checkIn, makeCongress, type CongressFixture, type FixtureRep } from './test-fixtures.js';

// Votes (表决): the quorum at opening, "more than half of ALL representatives" at close, one
// ballot per representative (also under concurrency), ballots the database cannot link to a
// voter, receipts, hidden results, paper reconciliation, and who may do what.

let t: TestApp;
let admin: string;
let city: string;
let county: string;
let hs = 0;

interface Err {
  error: { code: string; details: Array<{ path: string; message: string }> };
}
interface MotionOut {
  id: number;
  state: string;
  total: number | null;
  presentAtOpen: number | null;
  voted: number;
  result: null | { for: number; against: number; abstain: number; passed: boolean; void: boolean; total: number };
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  city = await t.login('city');
  county = await t.login('county');
  hs = (await orgIds(t, admin))['JS-ZJ-DY-001'] ?? 0;
}, 180_000);
afterAll(() => t.close());

const code = (res: { json<T>(): T }) => res.json<Err>().error.code;

async function motion(c: CongressFixture, method = 'secret_electronic', title = '关于安全生产工作报告的决议') {
  const res = await t.request('POST', `/api/congress/sessions/${c.sessionId}/motions`, {
    cookie: city,
    body: { title, method },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<MotionOut>().id;
}
const open = (id: number, cookie = city) => t.request('POST', `/api/congress/motions/${id}/open`, { cookie });
const close = (id: number, cookie = city) => t.request('POST', `/api/congress/motions/${id}/close`, { cookie });
const cookies = new Map<number, string>();
async function cookieOf(rep: FixtureRep): Promise<string> {
  let c = cookies.get(rep.id);
  if (!c) cookies.set(rep.id, (c = await t.loginMember(rep.phone)));
  return c;
}
async function ballot(rep: FixtureRep, motionId: number, choice: string) {
  return t.request('POST', `/api/congress/motions/${motionId}/ballots`, {
    cookie: await cookieOf(rep),
    body: { choice },
  });
}
/** Votes `choices[i]` for reps[i]; returns each voter's receipt. */
async function voteAll(reps: FixtureRep[], motionId: number, choices: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const [i, choice] of choices.entries()) {
    const rep = reps[i];
    if (!rep) throw new Error('too few reps');
    const res = await ballot(rep, motionId, choice);
    expect(res.statusCode, res.body).toBe(201);
    out.push(res.json<{ receipt: string }>().receipt);
  }
  return out;
}

describe('opening under the quorum', () => {
  it('9 representatives: 5 present (one below two thirds) is refused with the figures; 6 (exactly two thirds) opens and freezes the roll', async () => {
    const c = await makeCongress(t, admin, { orgId: hs, reps: 9, present: 5 });
    const id = await motion(c);
    const refused = await open(id);
    expect(refused.statusCode).toBe(409);
    expect(code(refused)).toBe('CONGRESS_NO_QUORUM');
    expect(refused.json<Err>().error.details).toEqual([
      { path: 'present', message: '5' },
      { path: 'quorum', message: '6' },
      { path: 'total', message: '9' },
    ]);
    await checkIn(t, c.sessionId, c.reps.slice(5, 6));
    const opened = await open(id);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json<MotionOut>()).toMatchObject({
      state: 'open',
      total: 9,
      presentAtOpen: 6,
      voted: 0,
      result: null,
    });
    const roll = await rows<{ n: number; present: number }>(
      t.deps.db,
      sql`select count(*)::int as n, count(*) filter (where present_at_open)::int as present
        from congress_motion_roll where motion_id = ${id}`,
    );
    expect(roll[0]).toEqual({ n: 9, present: 6 });
    expect(code(await open(id))).toBe('CONGRESS_MOTION_STATE');
    const board = await t.request('GET', `/api/congress/sessions/${c.sessionId}/board`, { cookie: city });
    expect(board.json()).toMatchObject({ presence: { present: 6, total: 9, quorum: 6, quorate: true } });
  });
});

describe('secret electronic ballots', () => {
  let c: CongressFixture;
  beforeAll(async () => {
    // 10 representatives, 8 present: half of ALL (5) fails even though it is most of those present.
    c = await makeCongress(t, admin, { orgId: hs, reps: 10, present: 8 });
  }, 120_000);

  it('5 for of 10 (2 absent) fails; 6 for passes; results hidden until close; receipts published and recounted', async () => {
    const a = await motion(c, 'secret_electronic', '动议甲');
    const b = await motion(c, 'secret_electronic', '动议乙');
    expect((await open(a)).statusCode).toBe(200);
    expect((await open(b)).statusCode).toBe(200);
    const choicesA = ['for', 'for', 'for', 'for', 'for', 'against', 'against', 'abstain'];
    const choicesB = ['for', 'for', 'for', 'for', 'for', 'for', 'against', 'abstain'];
    await voteAll(c.reps, a, choicesA);
    const receiptsB = await voteAll(c.reps, b, choicesB);
    for (const r of receiptsB) expect(r).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);

    // Before close: the count of ballots is live, the result and the receipts are not.
    const live = await t.request('GET', `/api/congress/motions/${b}`, { cookie: city });
    expect(live.json<MotionOut>()).toMatchObject({ voted: 8, result: null });
    const hidden = await t.request('GET', `/api/congress/motions/${b}/receipts`, { cookie: city });
    expect(hidden.statusCode).toBe(409);
    expect(code(hidden)).toBe('CONGRESS_RESULTS_HIDDEN');
    const rep0 = c.reps[0];
    if (!rep0) throw new Error('no rep');
    const hiddenToRep = await t.request('GET', `/api/congress/motions/${b}/receipts`, { cookie: await cookieOf(rep0) });
    expect(code(hiddenToRep)).toBe('CONGRESS_RESULTS_HIDDEN');
    const mine = await t.request('GET', `/api/me/congress/motions?sessionId=${c.sessionId}`, {
      cookie: await cookieOf(rep0),
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const myItems = mine.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(myItems.find((m) => m.id === b)).toMatchObject({
      onRoll: true,
      present: true,
      voted: true,
      votes: 8,
      result: null,
    });
    expect(JSON.stringify(myItems)).not.toMatch(/"choice"/);

    const ra = await close(a);
    expect(ra.statusCode, ra.body).toBe(200);
    expect(ra.json()).toEqual({
      for: 5,
      against: 2,
      abstain: 1,
      invalid: 0,
      present: 8,
      total: 10,
      passed: false,
      void: false,
    });
    const rb = await close(b);
    expect(rb.json()).toEqual({
      for: 6,
      against: 1,
      abstain: 1,
      invalid: 0,
      present: 8,
      total: 10,
      passed: true,
      void: false,
    });
    expect(code(await close(b))).toBe('CONGRESS_MOTION_STATE');

    // Every voter finds their receipt once, with the choice they cast; the recount equals the result.
    const pub = await t.request('GET', `/api/congress/motions/${b}/receipts`, { cookie: await cookieOf(rep0) });
    expect(pub.statusCode, pub.body).toBe(200);
    const published = pub.json<{ items: Array<{ receipt: string; choice: string }>; tally: Record<string, number> }>();
    expect(published.items).toHaveLength(8);
    receiptsB.forEach((receipt, i) => {
      const found = published.items.filter((x) => x.receipt === receipt);
      expect(found).toEqual([{ receipt, choice: choicesB[i] }]);
    });
    const recount = { for: 0, against: 0, abstain: 0 };
    for (const x of published.items)
      if (x.choice === 'for' || x.choice === 'against' || x.choice === 'abstain') recount[x.choice]++;
    expect(recount).toEqual({ for: 6, against: 1, abstain: 1 });
    expect(published.tally).toEqual(recount);
    const staffView = await t.request('GET', `/api/congress/motions/${b}`, { cookie: city });
    expect(staffView.json<MotionOut>().result).toMatchObject({ for: 6, passed: true });

    // Staff actions are audited; ballots are not.
    const audit = await rows<{ action: string }>(
      t.deps.db,
      sql`select action from audit_log where target_type = 'congress_motion' and target_id = ${String(b)} order by id`,
    );
    expect(audit.map((x) => x.action)).toEqual([
      'congress_motion.create',
      'congress_motion.open',
      'congress_motion.close',
    ]);
    const ballotAudit = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action like '%ballot%'`,
    );
    expect(ballotAudit[0]?.n).toBe(0);
  });

  it(`a second ballot is refused, also 20 at once from one representative: exactly one 201 (${ENGINE})`, async () => {
    const id = await motion(c, 'secret_electronic', '并发投票');
    expect((await open(id)).statusCode).toBe(200);
    const [r0, r1] = c.reps;
    if (!r0 || !r1) throw new Error('no reps');
    expect((await ballot(r0, id, 'for')).statusCode).toBe(201);
    const again = await ballot(r0, id, 'against');
    expect(again.statusCode).toBe(409);
    expect(code(again)).toBe('CONGRESS_ALREADY_VOTED');
    const cookie = await cookieOf(r1);
    const storm = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.request('POST', `/api/congress/motions/${id}/ballots`, { cookie, body: { choice: 'against' } }),
      ),
    );
    expect(storm.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = storm.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(code(r)).toBe('CONGRESS_ALREADY_VOTED');
    const stored = await rows<{ ballots: number; voted: number }>(
      t.deps.db,
      sql`select (select count(*)::int from congress_ballot where motion_id = ${id}) as ballots,
        (select count(*)::int from congress_motion_roll where motion_id = ${id} and voted) as voted`,
    );
    expect(stored[0]).toEqual({ ballots: 2, voted: 2 });

    // Two processes (two engines, two connections on PostgreSQL) racing for one representative:
    // the roll row's guarded flip lets exactly one ballot in.
    const r2 = c.reps[2];
    if (!r2) throw new Error('no rep');
    const req = { motionId: id, sessionId: c.sessionId, representativeId: r2.id, choice: 'for' as const };
    const raced = await Promise.all([new BallotEngine(t.deps.db).cast(req), new BallotEngine(t.deps.db).cast(req)]);
    expect(raced.filter((o) => o.ok)).toHaveLength(1);
    expect(raced.filter((o) => !o.ok)).toEqual([{ ok: false, code: 'CONGRESS_ALREADY_VOTED' }]);
    const after = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from congress_ballot where motion_id = ${id}`,
    );
    expect(after[0]?.n).toBe(3);
  });

  it('ballot rows carry no voter link: no such column, no time, no sequence; after close they cannot be ordered to match the roll', async () => {
    const cols = await rows<{
      column_name: string;
      data_type: string;
      column_default: string | null;
      is_identity: string;
    }>(
      t.deps.db,
      sql`select column_name, data_type, column_default, is_identity from information_schema.columns
        where table_schema = 'public' and table_name = 'congress_ballot' order by column_name`,
    );
    expect(cols.map((x) => x.column_name)).toEqual(['choice', 'motion_id', 'receipt']);
    for (const col of cols) {
      expect(col.column_name).not.toMatch(/member|representative|account|voter|person|roll|session/);
      expect(col.data_type).not.toMatch(/time|interval/); // not even a date: no time at all
      expect(col.column_default).toBeNull(); // no serial, no now()
      expect(col.is_identity).toBe('NO');
    }
    // Its only reference is the motion.
    const refs = await rows<{ target: string }>(
      t.deps.db,
      sql`select confrelid::regclass::text as target from pg_constraint
        where conrelid = 'congress_ballot'::regclass and contype = 'f'`,
    );
    expect(refs.map((r) => r.target)).toEqual(['congress_motion']);

    // Voting in roll order, one at a time (each ballot alone in its batch), then closing.
    const id = await motion(c, 'secret_electronic', '不可关联');
    expect((await open(id)).statusCode).toBe(200);
    const receiptsInRollOrder = await voteAll(c.reps, id, [
      'for',
      'against',
      'for',
      'abstain',
      'for',
      'for',
      'against',
      'for',
    ]);
    expect((await close(id)).statusCode).toBe(200);
    // After close: one transaction id on every ballot and roll row (the close's), so xmin links nothing;
    // the physical order of the ballots is the order of their random receipts, not the order of voting.
    const xmins = await rows<{ x: string }>(
      t.deps.db,
      sql`select distinct xmin::text as x from congress_ballot where motion_id = ${id}
        union select distinct xmin::text from congress_motion_roll where motion_id = ${id}`,
    );
    expect(xmins).toHaveLength(1);
    const physical = await rows<{ receipt: string }>(
      t.deps.db,
      sql`select receipt from congress_ballot where motion_id = ${id} order by ctid`,
    );
    const byReceipt = [...receiptsInRollOrder].sort();
    expect(physical.map((r) => r.receipt)).toEqual(byReceipt);
    // (8 random receipts fall in voting order by chance once in 40,320 runs.)
    expect(byReceipt).not.toEqual(receiptsInRollOrder);
  });

  it('refusals: not checked in 403, not on the roll 403, not a representative 403, a paper motion 409, bad input 400', async () => {
    const id = await motion(c, 'secret_electronic', '拒绝情形');
    // Not open yet.
    const first = c.reps[0];
    if (!first) throw new Error('no rep');
    expect(code(await ballot(first, id, 'for'))).toBe('CONGRESS_MOTION_STATE'); // not open yet
    expect((await open(id)).statusCode).toBe(200);
    const absent = c.reps[9];
    if (!absent) throw new Error('no rep');
    const notPresent = await ballot(absent, id, 'for');
    expect(notPresent.statusCode).toBe(403);
    expect(code(notPresent)).toBe('CONGRESS_NOT_PRESENT');

    // A representative added after opening (and checked in) is not on the frozen roll.
    const m = await makeMember(t, admin, hs);
    const found = await t.request('GET', `/api/members?q=${m.phone}`, { cookie: admin });
    const memberId = found.json<{ items: Array<{ id: number }> }>().items[0]?.id ?? 0;
    const [late] = await t.deps.db
      .insert(congressRepresentative)
      .values({
        termId: c.termId,
        memberId,
        delegation: '第1代表团',
        category: 'frontline',
        startedOn: '2026-01-01',
        createdAt: t.clock.now(),
      })
      .returning();
    if (!late) throw new Error('no rep');
    const lateRep = { id: late.id, memberId, accountId: m.accountId, phone: m.phone };
    await checkIn(t, c.sessionId, [lateRep]);
    const notOnRoll = await ballot(lateRep, id, 'for');
    expect(notOnRoll.statusCode).toBe(403);
    expect(code(notOnRoll)).toBe('CONGRESS_NOT_ON_ROLL');

    // A member of the org who is no representative.
    const outsider = await makeMember(t, admin, hs);
    const outsiderCookie = await t.loginMember(outsider.phone);
    const notRep = await t.request('POST', `/api/congress/motions/${id}/ballots`, {
      cookie: outsiderCookie,
      body: { choice: 'for' },
    });
    expect(notRep.statusCode).toBe(403);
    expect(code(notRep)).toBe('CONGRESS_NOT_REPRESENTATIVE');
    const notRepList = await t.request('GET', `/api/me/congress/motions?sessionId=${c.sessionId}`, {
      cookie: outsiderCookie,
    });
    expect(notRepList.statusCode).toBe(403);
    const notRepReceipts = await t.request('GET', `/api/congress/motions/${id}/receipts`, { cookie: outsiderCookie });
    expect(notRepReceipts.statusCode).toBe(403);

    // Hostile input.
    const rep0 = c.reps[0];
    if (!rep0) throw new Error('no rep');
    for (const body of [{ choice: 'maybe' }, { choice: 'for', representativeId: 1 }, {}]) {
      const bad = await t.request('POST', `/api/congress/motions/${id}/ballots`, {
        cookie: await cookieOf(rep0),
        body,
      });
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
    }
    const badChoice = await ballot(rep0, id, 'maybe');
    expect(badChoice.json<Err>().error.details[0]).toMatchObject({ path: 'choice', message: '请选择赞成、反对或弃权' });
    const missing = await t.request('POST', `/api/congress/motions/999999/ballots`, {
      cookie: await cookieOf(rep0),
      body: { choice: 'for' },
    });
    expect(missing.statusCode).toBe(404);
    // Staff cannot vote; members cannot open.
    expect(
      (await t.request('POST', `/api/congress/motions/${id}/ballots`, { cookie: city, body: { choice: 'for' } }))
        .statusCode,
    ).toBe(403);
    expect((await open(id, await cookieOf(rep0))).statusCode).toBe(403);

    // A paper motion takes no electronic ballot.
    const paper = await motion(c, 'secret_paper', '纸质票');
    expect((await open(paper)).statusCode).toBe(200);
    expect(code(await ballot(rep0, paper, 'for'))).toBe('CONGRESS_MOTION_STATE');
  });

  it("staff of another org get 404 for the session's motions and every motion route", async () => {
    const id = await motion(c, 'open', '他组织');
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/congress/sessions/${c.sessionId}/motions`],
      ['POST', `/api/congress/sessions/${c.sessionId}/motions`, { title: 'x', method: 'open' }],
      ['GET', `/api/congress/sessions/${c.sessionId}/board`],
      ['GET', `/api/congress/motions/${id}`],
      ['POST', `/api/congress/motions/${id}/open`],
      [
        'POST',
        `/api/congress/motions/${id}/paper`,
        { issued: 1, returned: 1, for: 1, against: 0, abstain: 0, invalid: 0 },
      ],
      ['POST', `/api/congress/motions/${id}/close`],
      ['GET', `/api/congress/motions/${id}/receipts`],
    ];
    for (const [method, url, body] of routes) {
      const res = await t.request(method, url, { cookie: county, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const stillDraft = await t.request('GET', `/api/congress/motions/${id}`, { cookie: city });
    expect(stillDraft.json<MotionOut>().state).toBe('draft');
  });
});

describe('paper ballots and show of hands', () => {
  let c: CongressFixture;
  beforeAll(async () => {
    c = await makeCongress(t, admin, { orgId: hs, reps: 6, present: 5 });
  }, 60_000);
  const paper = (id: number, body: Record<string, unknown>) =>
    t.request('POST', `/api/congress/motions/${id}/paper`, { cookie: city, body });

  it('counts that do not add up are 422 with field details; more returned than issued voids the vote', async () => {
    const id = await motion(c, 'secret_paper');
    expect(code(await paper(id, { issued: 5, returned: 5, for: 4, against: 1, abstain: 0, invalid: 0 }))).toBe(
      'CONGRESS_MOTION_STATE',
    ); // not open yet
    expect((await open(id)).statusCode).toBe(200);
    const closeEarly = await close(id);
    expect(closeEarly.statusCode).toBe(422);
    expect(code(closeEarly)).toBe('CONGRESS_COUNTS_MISMATCH');
    const mismatch = await paper(id, { issued: 5, returned: 5, for: 3, against: 1, abstain: 0, invalid: 0 });
    expect(mismatch.statusCode).toBe(422);
    expect(code(mismatch)).toBe('CONGRESS_COUNTS_MISMATCH');
    const details = mismatch.json<Err>().error.details;
    expect(details.map((d) => d.path)).toEqual(['returned', 'for', 'against', 'abstain', 'invalid']);
    expect(details[0]?.message).toBe('赞成、反对、弃权、无效票数之和应等于收回票数');
    const negative = await paper(id, { issued: -1, returned: 5, for: 5, against: 0, abstain: 0, invalid: 0 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json<Err>().error.details[0]).toMatchObject({ path: 'issued', message: '请填写0至100000的整数' });

    const voided = await paper(id, { issued: 5, returned: 6, for: 5, against: 1, abstain: 0, invalid: 0 });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json<MotionOut>()).toMatchObject({ voted: 6, result: null });
    const result = await close(id);
    expect(result.json()).toEqual({
      for: 5,
      against: 1,
      abstain: 0,
      invalid: 0,
      present: 5,
      total: 6,
      passed: false,
      void: true,
    });
  });

  it('a paper vote that adds up passes on more than half of all; an open vote likewise from its counts', async () => {
    const p = await motion(c, 'secret_paper');
    expect((await open(p)).statusCode).toBe(200);
    expect((await paper(p, { issued: 5, returned: 5, for: 4, against: 0, abstain: 0, invalid: 1 })).statusCode).toBe(
      200,
    );
    expect((await close(p)).json()).toMatchObject({ for: 4, invalid: 1, total: 6, passed: true, void: false });
    const receipts = await t.request('GET', `/api/congress/motions/${p}/receipts`, { cookie: city });
    expect(receipts.json()).toEqual({ motionId: p, items: [], tally: { for: 4, against: 0, abstain: 0 } });

    const hands = await motion(c, 'open', '举手表决');
    expect((await open(hands)).statusCode).toBe(200);
    expect(
      (await paper(hands, { issued: 5, returned: 5, for: 3, against: 2, abstain: 0, invalid: 0 })).statusCode,
    ).toBe(200);
    expect((await close(hands)).json()).toMatchObject({ for: 3, against: 2, total: 6, passed: false });
  });
});

describe('demo votes', () => {
  it('seedDemoVotes writes closed votes that the routes read back consistently', async () => {
    const c = await makeCongress(t, admin, { orgId: hs, reps: 12, present: 11, session: 'closed' });
    const [acct] = await rows<{ id: number }>(
      t.deps.db,
      sql`select id::int as id from account where username = 'city'`,
    );
    await seedDemoVotes(t.deps.db, t.deps, {
      orgId: hs,
      bodyId: c.bodyId,
      termId: c.termId,
      reps: c.reps.map((r) => ({ id: r.id, memberId: r.memberId })),
      sessions: { first: c.sessionId, second: c.sessionId, third: c.sessionId, upcoming: c.sessionId },
      staffAccountId: acct?.id ?? 0,
    });
    const list = await t.request('GET', `/api/congress/sessions/${c.sessionId}/motions`, { cookie: city });
    const items = list.json<{ items: Array<MotionOut & { method: string }> }>().items;
    expect(items.map((m) => [m.method, m.state])).toEqual([
      ['secret_electronic', 'closed'],
      ['open', 'closed'],
      ['secret_paper', 'closed'],
    ]);
    const [secret] = items;
    if (!secret) throw new Error('no motion');
    expect(secret).toMatchObject({ total: 12, presentAtOpen: 11, voted: 8 });
    const pub = await t.request('GET', `/api/congress/motions/${secret.id}/receipts`, { cookie: city });
    const published = pub.json<{ items: unknown[]; tally: { for: number; against: number; abstain: number } }>();
    expect(published.items).toHaveLength(8);
    expect(published.tally).toEqual({
      for: secret.result?.for,
      against: secret.result?.against,
      abstain: secret.result?.abstain,
    });
  });
});
