import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeMember, orgIds } from '../voucher/claim.fixtures.js';
import { noticeHeld, reportedInTime } from './compliance.js';
import { addWorkingDays } from './congress.dates.js';
import { DEFAULT_RULES } from './congress.rules.js';
import { congressSession } from './congress.schema.js';
import { checkIn, makeCongress, type CongressFixture } from './test-fixtures.js';

// Sessions: numbering, state steps, attendance (staff and QR), live presence against the quorum,
// the compliance record at its edges, and the member's own routes.

let t: TestApp;
let admin: string;
let other: string;
let hs: number;
const day = 86_400_000;

interface Presence {
  present: number;
  total: number;
  quorum: number;
  quorate: boolean;
}
interface Session {
  id: number;
  number: number;
  state: string;
  documentsSentAt: string | null;
  presence: Presence;
  documents: Array<{ title: string }>;
}
type Compliance = { rules: Array<{ code: string; held: boolean; detail: string }> };
const code = (res: { json<T>(): T }) => res.json<{ error: { code: string } }>().error.code;
const rule = (c: Compliance, name: string) => c.rules.find((r) => r.code === name);

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  other = await t.login('grassroots');
  hs = (await orgIds(t, admin))['JS-ZJ-DY-001'] ?? 0;
});
afterAll(() => t.close());

describe('quorum and attendance', () => {
  let c: CongressFixture;
  beforeAll(async () => {
    c = await makeCongress(t, admin, { orgId: hs, reps: 9, present: 5 });
  });

  it('is not quorate with 5 of 9 present and quorate with 6 (two thirds of all representatives)', async () => {
    const url = `/api/congress/sessions/${c.sessionId}/attendance`;
    const five = (await t.request('GET', url, { cookie: admin })).json<Presence & { items: unknown[] }>();
    expect(five).toMatchObject({ present: 5, total: 9, quorum: 6, quorate: false });
    expect(five.items).toHaveLength(9);
    const comp = await t.request('GET', `/api/congress/sessions/${c.sessionId}/compliance`, { cookie: admin });
    expect(rule(comp.json<Compliance>(), 'quorum')).toMatchObject({
      held: false,
      detail: '到会 5 人，应到 9 人，法定人数 6 人',
    });
    const sixth = c.reps[5];
    if (!sixth) throw new Error('fixture');
    const first = await t.request('POST', url, { cookie: admin, body: { representativeId: sixth.id } });
    expect(first.statusCode, first.body).toBe(201);
    t.clock.advance(60_000);
    const again = await t.request('POST', url, { cookie: admin, body: { representativeId: sixth.id } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const six = (await t.request('GET', `/api/congress/sessions/${c.sessionId}`, { cookie: admin })).json<Session>();
    expect(six.presence).toEqual({ present: 6, total: 9, quorum: 6, quorate: true });
  });

  it('checks a representative in by the QR token only: wrong token 422, non-representative 403, again the same', async () => {
    const code0 = await t.request('GET', `/api/congress/sessions/${c.sessionId}/check-in-code`, { cookie: admin });
    expect(code0.json<{ token: string }>().token).toBe('fixture-token');
    const rep = c.reps[8];
    if (!rep) throw new Error('fixture');
    const me = await t.loginMember(rep.phone);
    const wrong = await t.request('POST', '/api/me/congress/check-in', {
      cookie: me,
      body: { sessionId: c.sessionId, token: 'fixture-tokem' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(code(wrong)).toBe('CONGRESS_CHECK_IN_INVALID');
    const stranger = await makeMember(t, admin, hs);
    const outsider = await t.loginMember(stranger.phone);
    const notRep = await t.request('POST', '/api/me/congress/check-in', {
      cookie: outsider,
      body: { sessionId: c.sessionId, token: 'fixture-token' },
    });
    expect(notRep.statusCode).toBe(403);
    expect(code(notRep)).toBe('CONGRESS_NOT_REPRESENTATIVE');
    const ok = await t.request('POST', '/api/me/congress/check-in', {
      cookie: me,
      body: { sessionId: c.sessionId, token: 'fixture-token' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    t.clock.advance(60_000);
    const twice = await t.request('POST', '/api/me/congress/check-in', {
      cookie: me,
      body: { sessionId: c.sessionId, token: 'fixture-token' },
    });
    expect(twice.json()).toEqual(ok.json());
    const mine = await t.request('GET', `/api/me/congress/sessions/${c.sessionId}`, { cookie: me });
    expect(mine.json<{ checkedIn: boolean }>().checkedIn).toBe(true);
    const seat = await t.request('GET', '/api/me/congress', { cookie: me });
    expect(
      seat.json<{ seats: Array<{ termId: number; sessions: Array<{ id: number; checkedIn: boolean }> }> }>().seats,
    ).toEqual([
      expect.objectContaining({
        termId: c.termId,
        sessions: [expect.objectContaining({ id: c.sessionId, checkedIn: true })],
      }),
    ]);
    const strangerView = await t.request('GET', `/api/me/congress/sessions/${c.sessionId}`, { cookie: outsider });
    expect(strangerView.statusCode).toBe(403);
    expect((await t.request('GET', '/api/me/congress', { cookie: outsider })).json()).toEqual({ seats: [] });
  });

  it('counts a representative once when check-ins race (QR and the desk at the same moment)', async () => {
    const rep = c.reps[7];
    if (!rep) throw new Error('fixture');
    const me = await t.loginMember(rep.phone);
    const before = (await t.request('GET', `/api/congress/sessions/${c.sessionId}`, { cookie: admin })).json<Session>();
    const results = await Promise.all([
      t.request('POST', '/api/me/congress/check-in', {
        cookie: me,
        body: { sessionId: c.sessionId, token: 'fixture-token' },
      }),
      t.request('POST', '/api/me/congress/check-in', {
        cookie: me,
        body: { sessionId: c.sessionId, token: 'fixture-token' },
      }),
      t.request('POST', `/api/congress/sessions/${c.sessionId}/attendance`, {
        cookie: admin,
        body: { representativeId: rep.id },
      }),
    ]);
    for (const r of results) expect([200, 201], r.body).toContain(r.statusCode);
    expect(new Set(results.map((r) => r.json<{ at: string }>().at)).size).toBe(1);
    const after = (await t.request('GET', `/api/congress/sessions/${c.sessionId}`, { cookie: admin })).json<Session>();
    expect(after.presence.present).toBe(before.presence.present + 1);
  });

  it("keeps another org's staff out of the session's records (404)", async () => {
    for (const url of [
      `/api/congress/sessions/${c.sessionId}`,
      `/api/congress/sessions/${c.sessionId}/attendance`,
      `/api/congress/sessions/${c.sessionId}/compliance`,
      `/api/congress/sessions/${c.sessionId}/check-in-code`,
      `/api/congress/terms/${c.termId}/sessions`,
    ])
      expect((await t.request('GET', url, { cookie: other })).statusCode, url).toBe(404);
    const rec = await t.request('POST', `/api/congress/sessions/${c.sessionId}/attendance`, {
      cookie: other,
      body: { representativeId: c.reps[0]?.id ?? 0 },
    });
    expect(rec.statusCode).toBe(404);
    const close = await t.request('POST', `/api/congress/sessions/${c.sessionId}/close`, { cookie: other });
    expect(close.statusCode).toBe(404);
  });
});

describe('session lifecycle and compliance', () => {
  it('numbers sessions, sends documents, opens with a fresh token, closes, publishes, reports; refuses steps out of order', async () => {
    const c = await makeCongress(t, admin, { orgId: hs, reps: 3, present: 0, session: 'closed' });
    const now = t.clock.now();
    const startsAt = new Date(now.getTime() + 10 * day).toISOString();
    const created = await t.request('POST', `/api/congress/terms/${c.termId}/sessions`, {
      cookie: admin,
      body: { title: '二次会议', startsAt, topics: ['审议集体合同'], agenda: [{ title: '工作报告', minutes: 30 }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json<Session>();
    expect(s).toMatchObject({ number: 2, state: 'planned', documentsSentAt: null });
    const base = `/api/congress/sessions/${s.id}`;
    const doc = await t.request('POST', `${base}/documents`, {
      cookie: admin,
      body: { title: '集体合同草案', body: '全文……' },
    });
    expect(doc.statusCode).toBe(201);
    const rep = c.reps[0];
    if (!rep) throw new Error('fixture');
    const me = await t.loginMember(rep.phone);
    const early = await t.request('POST', '/api/me/congress/check-in', {
      cookie: me,
      body: { sessionId: s.id, token: 'anything' },
    });
    expect(early.statusCode).toBe(409);
    expect((await t.request('GET', `${base}/check-in-code`, { cookie: admin })).statusCode).toBe(409);
    expect((await t.request('POST', `${base}/close`, { cookie: admin })).statusCode).toBe(409);
    const sent = await t.request('POST', `${base}/send-documents`, { cookie: admin });
    expect(sent.json<Session>().documentsSentAt).toBe(now.toISOString());
    const patched = await t.request('PATCH', base, { cookie: admin, body: { location: '行政楼三楼会议室' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const opened = await t.request('POST', `${base}/open`, { cookie: admin });
    expect(opened.json<Session>().state).toBe('open');
    expect((await t.request('PATCH', base, { cookie: admin, body: { title: 'x' } })).statusCode).toBe(409);
    const { token, path } = (await t.request('GET', `${base}/check-in-code`, { cookie: admin })).json<{
      token: string;
      path: string;
    }>();
    expect(token).toMatch(/^[\w-]{24}$/);
    expect(path).toBe(`/congress/check-in?session=${s.id}&token=${token}`);
    const ok = await t.request('POST', '/api/me/congress/check-in', { cookie: me, body: { sessionId: s.id, token } });
    expect(ok.statusCode, ok.body).toBe(200);
    const docs = await t.request('GET', `/api/me/congress/sessions/${s.id}`, { cookie: me });
    expect(docs.json<Session>().documents.map((d) => d.title)).toEqual(['集体合同草案']);
    expect((await t.request('POST', `${base}/publish`, { cookie: admin })).statusCode).toBe(409);
    expect((await t.request('POST', `${base}/close`, { cookie: admin })).json<Session>().state).toBe('closed');
    const late = await t.request('POST', '/api/me/congress/check-in', { cookie: me, body: { sessionId: s.id, token } });
    expect(late.statusCode).toBe(409);
    expect((await t.request('POST', `${base}/publish`, { cookie: admin })).statusCode).toBe(200);
    expect((await t.request('POST', `${base}/publish`, { cookie: admin })).statusCode).toBe(409);
    expect((await t.request('POST', `${base}/report`, { cookie: admin })).statusCode).toBe(200);
    const comp = (await t.request('GET', `${base}/compliance`, { cookie: admin })).json<Compliance>();
    expect(comp.rules.map((r) => r.code)).toEqual([
      'quorum',
      'notice_days',
      'sessions_per_year',
      'term_length',
      'manager_share',
      'published',
      'reported_in_time',
    ]);
    expect(rule(comp, 'published')?.held).toBe(true);
    expect(rule(comp, 'reported_in_time')?.held).toBe(true);
    expect(rule(comp, 'term_length')?.held).toBe(true);
    expect(rule(comp, 'quorum')?.held).toBe(false); // 1 of 3
    const bad = await t.request('POST', `/api/congress/terms/${c.termId}/sessions`, {
      cookie: admin,
      body: { title: '', startsAt: '2026-13-01', topics: [] },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { details: Array<{ path: string; message: string }> } }>().error.details;
    expect(paths).toContainEqual({ path: 'title', message: '请填写标题（1至200字）' });
    expect(paths.map((p) => p.path)).toContain('startsAt');
  });

  it('holds notice at 7 days and fails at 6; counts sessions per year; reports within 7 working days', async () => {
    const c = await makeCongress(t, admin, { orgId: hs, reps: 3, present: 3, session: 'planned' });
    const startsAt = new Date('2026-06-15T09:00:00+08:00');
    const mk = async (daysAhead: number) => {
      const res = await t.request('POST', `/api/congress/terms/${c.termId}/sessions`, {
        cookie: admin,
        body: {
          title: `提前${daysAhead}天`,
          startsAt: startsAt.toISOString(),
          documentsSentAt: new Date(startsAt.getTime() - daysAhead * day).toISOString(),
          topics: ['安全生产'],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<Session>().id;
      return (await t.request('GET', `/api/congress/sessions/${id}/compliance`, { cookie: admin })).json<Compliance>();
    };
    const seven = await mk(7);
    expect(rule(seven, 'notice_days')).toEqual({
      code: 'notice_days',
      held: true,
      detail: '会前 7 天送达会议文件（应不少于 7 天）',
    });
    expect(rule(await mk(6), 'notice_days')?.held).toBe(false);
    expect(rule(seven, 'sessions_per_year')?.detail).toContain('2026年本届召开 2 次会议');
    expect(rule(seven, 'reported_in_time')).toMatchObject({ held: false, detail: '会议尚未闭幕' });
    // Presence counts who checked in (the fixture's session, all three).
    await checkIn(t, c.sessionId, c.reps);
    const fixture = (
      await t.request('GET', `/api/congress/sessions/${c.sessionId}/compliance`, { cookie: admin })
    ).json<Compliance>();
    expect(rule(fixture, 'quorum')?.held).toBe(true);
    // A session closed on Friday 2026-06-05: seven working days run to Tuesday 06-16.
    expect(addWorkingDays('2026-06-05', 7)).toBe('2026-06-16');
    const closed = new Date('2026-06-05T17:00:00+08:00');
    expect(reportedInTime(DEFAULT_RULES, closed, new Date('2026-06-16T20:00:00+08:00'))).toBe(true);
    expect(reportedInTime(DEFAULT_RULES, closed, new Date('2026-06-17T08:00:00+08:00'))).toBe(false);
    expect(noticeHeld(DEFAULT_RULES, new Date('2026-06-08T23:00:00+08:00'), startsAt)).toBe(true);
    expect(noticeHeld(DEFAULT_RULES, new Date('2026-06-09T00:30:00+08:00'), startsAt)).toBe(false);
    await t.deps.db
      .update(congressSession)
      .set({ state: 'closed', closedAt: closed, reportedAt: new Date('2026-06-17T08:00:00+08:00') })
      .where(eq(congressSession.id, c.sessionId));
    const lateReport = (
      await t.request('GET', `/api/congress/sessions/${c.sessionId}/compliance`, { cookie: admin })
    ).json<Compliance>();
    expect(rule(lateReport, 'reported_in_time')).toMatchObject({ held: false });
    expect(rule(lateReport, 'reported_in_time')?.detail).toContain('期限 2026-06-16');
  });
});
