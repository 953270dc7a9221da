import type { TestApp } from '../../test/harness.js';
import { makeMember } from '../voucher/claim.fixtures.js';
import {
  congressAttendance,
  congressBody,
  congressRepresentative,
  congressSession,
  congressTerm,
  type RepresentativeCategory,
} from './congress.schema.js';

// Test helpers of the congress module: a body with a term, representatives who can sign in on the
// H5, and a session with some of them checked in. Written straight to the tables so the tests of
// votes, proposals and evaluations do not depend on the core routes.

export interface FixtureRep {
  id: number;
  memberId: number;
  accountId: number;
  phone: string;
}

export interface CongressFixture {
  orgId: number;
  bodyId: number;
  termId: number;
  sessionId: number;
  reps: FixtureRep[];
}

let bodySeq = 0;

/**
 * A body at `orgId` with term 1 (this year and the next three), `reps` representatives (members
 * made at `orgId` with accounts, password Demo#2026; every fifth a manager, the rest frontline),
 * and session 1 in state `session` with the first `present` representatives checked in.
 */
export async function makeCongress(
  t: TestApp,
  admin: string,
  opts: { orgId: number; reps: number; present?: number; session?: 'planned' | 'open' | 'closed' },
): Promise<CongressFixture> {
  const db = t.deps.db;
  const now = t.clock.now();
  const year = now.getUTCFullYear();
  const [body] = await db
    .insert(congressBody)
    .values({ orgId: opts.orgId, name: `测试职代会 ${++bodySeq}`, createdAt: now })
    .returning();
  if (!body) throw new Error('no body');
  const [term] = await db
    .insert(congressTerm)
    .values({ bodyId: body.id, number: 1, startsOn: `${year}-01-01`, endsOn: `${year + 3}-12-31`, createdAt: now })
    .returning();
  if (!term) throw new Error('no term');
  const reps: FixtureRep[] = [];
  for (let i = 0; i < opts.reps; i++) {
    const m = await makeMember(t, admin, opts.orgId);
    const memberId = await memberIdByPhone(t, admin, m.phone);
    const category: RepresentativeCategory = i % 5 === 4 ? 'manager' : 'frontline';
    const [rep] = await db
      .insert(congressRepresentative)
      .values({
        termId: term.id,
        memberId,
        delegation: `第${(i % 3) + 1}代表团`,
        category,
        startedOn: term.startsOn,
        createdAt: now,
      })
      .returning();
    if (!rep) throw new Error('no representative');
    reps.push({ id: rep.id, memberId, accountId: m.accountId, phone: m.phone });
  }
  const state = opts.session ?? 'open';
  const [session] = await db
    .insert(congressSession)
    .values({
      termId: term.id,
      number: 1,
      title: `${year}年第一次职工代表大会`,
      startsAt: now,
      topics: ['安全生产工作报告'],
      documentsSentAt: new Date(now.getTime() - 8 * 86_400_000),
      state,
      openedAt: state === 'planned' ? null : now,
      closedAt: state === 'closed' ? now : null,
      checkInToken: 'fixture-token',
      createdAt: now,
    })
    .returning();
  if (!session) throw new Error('no session');
  const present = reps.slice(0, opts.present ?? 0);
  if (present.length > 0)
    await db
      .insert(congressAttendance)
      .values(present.map((r) => ({ sessionId: session.id, representativeId: r.id, via: 'staff' as const, at: now })));
  return { orgId: opts.orgId, bodyId: body.id, termId: term.id, sessionId: session.id, reps };
}

/** Checks more representatives in at a fixture's session (straight to the table). */
export async function checkIn(t: TestApp, sessionId: number, reps: readonly FixtureRep[]): Promise<void> {
  if (reps.length === 0) return;
  await t.deps.db
    .insert(congressAttendance)
    .values(reps.map((r) => ({ sessionId, representativeId: r.id, via: 'staff' as const, at: t.clock.now() })))
    .onConflictDoNothing();
}

async function memberIdByPhone(t: TestApp, admin: string, phone: string): Promise<number> {
  const res = await t.request('GET', `/api/members?q=${phone}`, { cookie: admin });
  const found = res.json<{ items: Array<{ id: number }> }>().items[0];
  if (!found) throw new Error(`member ${phone} not found: ${res.body}`);
  return found.id;
}
