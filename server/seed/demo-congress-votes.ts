import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { carries, quorumOf, DEFAULT_RULES } from '../modules/congress/congress.rules.js';
import { congressAttendance, congressSession } from '../modules/congress/congress.schema.js';
import type { DemoCongress } from './demo-congress.js';
import {
  congressBallot,
  congressMotion,
  congressMotionRoll,
  type BallotChoice,
  type MotionMethod,
} from '../modules/congress/vote.schema.js';

// The 恒神 congress's votes (issue 18's demo): in the second session a closed secret electronic
// vote on 《安全生产工作报告》 (most representatives voted; passed) and a show-of-hands vote with
// its counts; in the third a closed paper-ballot vote. Written as the routes leave a closed vote:
// the roll frozen at opening, ballots without a voter link, in receipt order.

const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Deterministic demo receipts (the product draws them from crypto.randomBytes). */
function demoReceipt(motionId: number, k: number): string {
  const h = createHash('sha256').update(`demo-ballot:${motionId}:${k}`).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += RECEIPT_ALPHABET[(h[i] ?? 0) & 31];
  return out;
}

interface Counts {
  for: number;
  against: number;
  abstain: number;
  invalid: number;
}

async function sessionFacts(tx: Db, sessionId: number, reps: DemoCongress['reps']) {
  const [s] = await tx.select().from(congressSession).where(eq(congressSession.id, sessionId));
  if (!s?.openedAt || !s.closedAt) throw new Error(`seed: session ${sessionId} is not closed`);
  const ids = reps.map((r) => r.id);
  const att = ids.length
    ? await tx
        .select({ id: congressAttendance.representativeId })
        .from(congressAttendance)
        .where(and(eq(congressAttendance.sessionId, sessionId), inArray(congressAttendance.representativeId, ids)))
    : [];
  const present = new Set(att.map((a) => a.id));
  return { openedAt: s.openedAt, present };
}

/** A closed motion: the roll (every rep), its figures and result, as closeMotion stores them. */
async function closedMotion(
  tx: Db,
  c: DemoCongress,
  sessionId: number,
  o: {
    title: string;
    description: string;
    method: MotionMethod;
    /** Minutes after the session opened. */
    opensAfter: number;
    minutes: number;
    /** The counts (and, for paper and show of hands, the ballots issued and returned) given who is present. */
    counts: (present: number) => Counts & { issued?: number; returned?: number };
  },
): Promise<{ id: number; present: number; counts: Counts }> {
  const { openedAt: sessionOpenedAt, present } = await sessionFacts(tx, sessionId, c.reps);
  const total = c.reps.length;
  if (present.size < quorumOf(DEFAULT_RULES, total)) throw new Error('seed: the demo session is not quorate');
  const openedAt = new Date(sessionOpenedAt.getTime() + o.opensAfter * 60_000);
  const closedAt = new Date(openedAt.getTime() + o.minutes * 60_000);
  const counts = o.counts(present.size);
  const paper = o.method !== 'secret_electronic';
  const [m] = await tx
    .insert(congressMotion)
    .values({
      sessionId,
      title: o.title,
      description: o.description,
      method: o.method,
      state: 'closed',
      openedAt,
      closedAt,
      total,
      presentAtOpen: present.size,
      paperIssued: paper ? (counts.issued ?? present.size) : null,
      paperReturned: paper ? (counts.returned ?? counts.for + counts.against + counts.abstain + counts.invalid) : null,
      paperFor: paper ? counts.for : null,
      paperAgainst: paper ? counts.against : null,
      paperAbstain: paper ? counts.abstain : null,
      paperInvalid: paper ? counts.invalid : null,
      resultFor: counts.for,
      resultAgainst: counts.against,
      resultAbstain: counts.abstain,
      resultInvalid: counts.invalid,
      resultPresent: present.size,
      void: false,
      passed: carries(DEFAULT_RULES, counts.for, total),
      createdBy: c.staffAccountId,
      createdAt: new Date(openedAt.getTime() - 3600_000),
    })
    .returning({ id: congressMotion.id });
  if (!m) throw new Error('seed: motion');
  return { id: m.id, present: present.size, counts };
}

export async function seedDemoVotes(tx: Db, deps: Deps, c: DemoCongress): Promise<void> {
  void deps; // the signature the lead wires (deps.clock is not needed: times follow the sessions)

  // Second session: the secret electronic vote on the safety-production report. Every present
  // representative but three voted; their ballots are stored without any link to them.
  const second = await sessionFacts(tx, c.sessions.second, c.reps);
  const voters = c.reps.filter((r) => second.present.has(r.id)).slice(0, Math.max(0, second.present.size - 3));
  const choices: BallotChoice[] = voters.map((_, k) => (k % 13 === 5 ? 'against' : k % 9 === 4 ? 'abstain' : 'for'));
  const tally = { for: 0, against: 0, abstain: 0, invalid: 0 };
  for (const ch of choices) tally[ch]++;
  const safety = await closedMotion(tx, c, c.sessions.second, {
    title: '关于《2026年度安全生产工作报告》的决议',
    description:
      '审议通过公司2026年度安全生产工作报告（工伤保险缴纳、安全生产举报奖励、职业健康检查、劳动防护用品发放等）。',
    method: 'secret_electronic',
    opensAfter: 150,
    minutes: 12,
    counts: () => tally,
  });
  const voted = new Set(voters.map((v) => v.id));
  await tx.insert(congressMotionRoll).values(
    c.reps.map((r) => ({
      motionId: safety.id,
      representativeId: r.id,
      presentAtOpen: second.present.has(r.id),
      voted: voted.has(r.id),
    })),
  );
  const ballots = choices
    .map((choice, k) => ({ motionId: safety.id, receipt: demoReceipt(safety.id, k), choice }))
    .sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
  if (ballots.length) await tx.insert(congressBallot).values(ballots);

  // Second session: a show of hands on the welfare-fund plan, counted by the tellers.
  const hands = await closedMotion(tx, c, c.sessions.second, {
    title: '关于2026年职工福利费使用方案的决议',
    description: '举手表决，监票人清点。',
    method: 'open',
    opensAfter: 175,
    minutes: 5,
    counts: (p) => ({ issued: p, returned: p, for: p - 4, against: 1, abstain: 3, invalid: 0 }),
  });
  await roll(tx, c, hands.id, second.present);

  // Third session: a paper secret ballot on the revised labour-contract rules; tellers' counts.
  const third = await sessionFacts(tx, c.sessions.third, c.reps);
  const paper = await closedMotion(tx, c, c.sessions.third, {
    title: '关于修订《劳动合同管理办法》的决议',
    description: '纸质无记名投票，发出票数与收回票数经监票人核对。',
    method: 'secret_paper',
    opensAfter: 120,
    minutes: 25,
    counts: (p) => ({ issued: p, returned: p - 1, for: p - 9, against: 4, abstain: 3, invalid: 1 }),
  });
  await roll(tx, c, paper.id, third.present);
}

async function roll(tx: Db, c: DemoCongress, motionId: number, present: Set<number>): Promise<void> {
  await tx
    .insert(congressMotionRoll)
    .values(c.reps.map((r) => ({ motionId, representativeId: r.id, presentAtOpen: present.has(r.id), voted: false })));
}
