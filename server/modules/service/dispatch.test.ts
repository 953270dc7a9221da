import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/harness.js';
import { eq, sql } from 'drizzle-orm';
import { rows } from '../../kernel/db.js';
import { compactCaseTally, splitRange } from './figures.js';
import { countCases } from './case.query.js';
import { sweepCases } from './index.js';
import { serviceCase } from './service.schema.js';
import { act, apply, makeWorld, staffAt, travel, type World } from './test-fixtures.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.t.close());

type Case = {
  id: number;
  state: string;
  assigneeId: number | null;
  coverForId: number | null;
  overdue: boolean;
  handlingOrgId: number;
  access: Array<{ orgId: number; current: boolean }>;
  timeline: Array<{ kind: string }>;
  actions: string[];
};
const get = async (cookie: string, id: number) => w.t.request('GET', `/api/cases/${id}`, { cookie });

describe('dispatch', () => {
  it('transfer across regions: the receiver acts, the sender keeps read-only history, others see nothing', async () => {
    const danyang = await staffAt(w, 'dy.staff', w.ids['JS-ZJ-DY-001']!, 'service_staff');
    const jingkou = await staffAt(w, 'jk.staff', w.ids['JS-ZJ-JK']!, 'service_staff');
    const id = await apply(w);
    expect((await act(w, w.center, id, 'accept')).statusCode).toBe(200);
    // before the transfer the 丹阳 union's staff cannot see it
    expect((await get(danyang.cookie, id)).statusCode).toBe(404);
    const moved = await act(w, w.center, id, 'transfer', {
      toOrgId: w.ids['JS-ZJ-DY-001'],
      reason: '职工在丹阳就业，属地办理',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // the receiver sees and acts
    const there = (await get(danyang.cookie, id)).json<Case>();
    expect(there.state).toBe('transferred');
    expect(there.actions).toContain('accept');
    expect(there.timeline.map((e) => e.kind)).toEqual(['submitted', 'accepted', 'transferred']);
    // the sender keeps read access, not the power to act
    const sender = await get(w.center, id);
    expect(sender.statusCode).toBe(200);
    expect(sender.json<Case>().access).toEqual(
      expect.arrayContaining([{ orgId: w.ids['JS-ZJ-FW'], orgName: '镇江市职工服务中心', current: false }]),
    );
    expect(sender.json<Case>().actions).toEqual([]);
    expect((await act(w, w.center, id, 'accept')).statusCode).toBe(403);
    // the sender's list (view all) still shows it, its queue does not
    const all = (await w.t.request('GET', '/api/cases?view=all&pageSize=100', { cookie: w.center })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(all.items.map((c) => c.id)).toContain(id);
    const team = (await w.t.request('GET', '/api/cases?view=team&pageSize=100', { cookie: w.center })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(team.items.map((c) => c.id)).not.toContain(id);
    // an org that never held it still sees nothing
    expect((await get(jingkou.cookie, id)).statusCode).toBe(404);
    const accepted = await act(w, danyang.cookie, id, 'accept');
    expect(accepted.json<Case>()).toMatchObject({ state: 'accepted', assigneeId: danyang.id });
  });

  it('assign to a person or back to the queue; someone who cannot handle there is refused', async () => {
    const colleague = await staffAt(w, 'fw.colleague', w.ids['JS-ZJ-FW']!, 'service_staff');
    const outsider = await staffAt(w, 'dy.other', w.ids['JS-ZJ-DY']!, 'service_staff');
    const id = await apply(w);
    const a = await act(w, w.center, id, 'assign', { assigneeId: colleague.id });
    expect(a.json<Case>().assigneeId).toBe(colleague.id);
    const mine = (await w.t.request('GET', '/api/cases?view=mine', { cookie: colleague.cookie })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(mine.items.map((c) => c.id)).toContain(id);
    const bad = await act(w, w.center, id, 'assign', { assigneeId: outsider.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CASE_ASSIGNEE_INVALID');
    expect((await act(w, w.center, id, 'assign', { assigneeId: null })).json<Case>().assigneeId).toBeNull();
    const queue = (await w.t.request('GET', '/api/cases?view=queue&pageSize=100', { cookie: w.center })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(queue.items.map((c) => c.id)).toContain(id);
  });

  it("AB posts: while A is away A's open cases and new assignments go to B, and come back when A returns", async () => {
    const a = await staffAt(w, 'ab.a', w.ids['JS-ZJ-FW']!, 'service_staff');
    const b = await staffAt(w, 'ab.b', w.ids['JS-ZJ-FW']!, 'service_staff');
    const c1 = await apply(w);
    const c2 = await apply(w);
    expect((await act(w, a.cookie, c1, 'accept')).json<Case>().assigneeId).toBe(a.id);
    expect((await act(w, a.cookie, c2, 'accept')).statusCode).toBe(200);
    await act(w, a.cookie, c2, 'resolve', { resolution: '已办结' });
    const now = w.t.clock.now().getTime();
    const put = await w.t.request('PUT', `/api/service-posts/${a.id}`, {
      cookie: w.city,
      body: {
        backupId: b.id,
        away: {
          from: new Date(now + 3600_000).toISOString(),
          until: new Date(now + 3 * 86400_000).toISOString(),
          reason: 'business_trip',
        },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ backupId: b.id, away: false, coveredById: null });
    expect((await get(w.center, c1)).json<Case>().assigneeId).toBe(a.id); // not away yet
    await travel(w, 2 * 3600_000);
    expect(await sweepCases(w.t.deps)).toMatchObject({ moved: 1 });
    const covered = (await get(w.center, c1)).json<Case>();
    expect(covered).toMatchObject({ assigneeId: b.id, coverForId: a.id });
    expect(covered.timeline.map((e) => e.kind)).toContain('covered');
    expect((await get(w.center, c2)).json<Case>().assigneeId).toBe(a.id); // resolved cases stay
    // a new assignment to A goes to B
    const c3 = await apply(w);
    expect((await act(w, w.center, c3, 'assign', { assigneeId: a.id })).json<Case>()).toMatchObject({
      assigneeId: b.id,
      coverForId: a.id,
    });
    const cover = (await w.t.request('GET', '/api/service-posts/cover', { cookie: w.city })).json<{
      items: Array<{ accountId: number; coveredById: number }>;
    }>();
    expect(cover.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ accountId: a.id, coveredById: b.id })]),
    );
    // A returns: the cases B holds for A go back
    await travel(w, 3 * 86400_000);
    expect(await sweepCases(w.t.deps)).toMatchObject({ returned: 2 });
    for (const id of [c1, c3])
      expect((await get(w.center, id)).json<Case>()).toMatchObject({ assigneeId: a.id, coverForId: null });
    expect((await w.t.request('GET', '/api/service-posts/cover', { cookie: w.city })).json().items).toEqual([]);
  });

  it('a backup must be another handler of the same org', async () => {
    const a = await staffAt(w, 'ab.x', w.ids['JS-ZJ-FW']!, 'service_staff');
    const elsewhere = await staffAt(w, 'ab.y', w.ids['JS-ZJ-RZ']!, 'service_staff');
    for (const backupId of [a.id, elsewhere.id]) {
      const res = await w.t.request('PUT', `/api/service-posts/${a.id}`, {
        cookie: w.city,
        body: { backupId, away: null },
      });
      expect(res.json().error.code).toBe('POST_BACKUP_INVALID');
    }
  });

  it('overdue: the sweep marks cases past their deadline (working days) once, and tells the handler and the supervisor', async () => {
    const id = await apply(w);
    await act(w, w.center, id, 'accept');
    await sweepCases(w.t.deps);
    expect((await get(w.center, id)).json<Case>().overdue).toBe(false);
    await travel(w, 8 * 86400_000); // 5 working days are at most 7 calendar days
    const first = await sweepCases(w.t.deps);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    const c = (await get(w.center, id)).json<Case>();
    expect(c.overdue).toBe(true);
    expect(c.timeline.filter((e) => e.kind === 'overdue')).toHaveLength(1);
    expect((await sweepCases(w.t.deps)).overdue).toBe(0);
    for (const cookie of [w.center, w.city]) {
      const inbox = (await w.t.request('GET', '/api/me/inbox?unread=true&pageSize=100', { cookie })).json<{
        items: Array<{ kind: string; caseId: number }>;
      }>();
      expect(inbox.items.some((m) => m.kind === 'case_overdue' && m.caseId === id)).toBe(true);
    }
    const overdue = (await w.t.request('GET', '/api/cases?view=overdue&pageSize=100', { cookie: w.center })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(overdue.items.map((x) => x.id)).toContain(id);
    // members do not see the internal overdue step
    expect((await get(w.member, id)).json<Case>().timeline.map((e) => e.kind)).not.toContain('overdue');
  });

  it('the case list counts its matches up to a cap, then says totalCapped; a later page counts too', async () => {
    for (let i = 0; i < 3; i++) await apply(w);
    const where = eq(serviceCase.serviceId, w.serviceId);
    const n = (await w.t.deps.db.select({ id: serviceCase.id }).from(serviceCase).where(where)).length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(await countCases(w.t.deps.db, where, n - 1)).toEqual({ total: n - 1, totalCapped: true });
    expect(await countCases(w.t.deps.db, where, n)).toEqual({ total: n, totalCapped: false });
    const list = async (q: string) =>
      (await w.t.request('GET', `/api/cases?view=all&serviceId=${w.serviceId}&${q}`, { cookie: w.admin })).json<{
        items: unknown[];
        total: number;
        totalCapped: boolean;
      }>();
    expect(await list('pageSize=100')).toMatchObject({ total: n, totalCapped: false });
    const second = await list('page=2&pageSize=2');
    expect(second).toMatchObject({ total: n, totalCapped: false });
    expect(second.items).toHaveLength(Math.min(2, n - 2));
    // The count rides with the page's rows; a page past the end is counted on its own.
    expect(await list('page=999&pageSize=2')).toMatchObject({ items: [], total: n, totalCapped: false });
    expect(await list('q=FW20260101999999')).toMatchObject({ items: [], total: 0, totalCapped: false });
  });

  it('figures: open, overdue, closed this month, handling time, satisfaction, by channel and by service', async () => {
    const id = await apply(w);
    await act(w, w.center, id, 'accept');
    await act(w, w.center, id, 'resolve', { resolution: '已办结' });
    await act(w, w.member, id, 'rate', { rating: 'satisfied' });
    const f = (await w.t.request('GET', '/api/cases/figures', { cookie: w.city })).json();
    expect(f.closedThisMonth).toBeGreaterThanOrEqual(1);
    expect(f.rated).toBeGreaterThanOrEqual(1);
    expect(f.satisfactionRate).toBeGreaterThan(0);
    expect(f.byChannel.find((c: { channel: string }) => c.channel === 'online').total).toBe(f.total);
    expect(f.byService[0]).toMatchObject({ serviceId: w.serviceId, total: f.total });
    // a grassroots officer of an unrelated union sees none of it
    const g = (await w.t.request('GET', '/api/cases/figures', { cookie: await w.t.login('grassroots') })).json();
    expect(g.total).toBe(0);
  });

  it("call-back list: resolved cases in the supervisor's scope, then the call-back is recorded", async () => {
    const id = await apply(w);
    await act(w, w.center, id, 'accept');
    await act(w, w.center, id, 'resolve', { resolution: '已办结' });
    const list = (await w.t.request('GET', '/api/cases/callbacks?pageSize=100', { cookie: w.city })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(list.items.map((c) => c.id)).toContain(id);
    expect((await w.t.request('GET', '/api/cases/callbacks', { cookie: w.center })).statusCode).toBe(403);
    const done = await act(w, w.city, id, 'callback', { reached: true, note: '电话回访，职工表示满意' });
    expect(done.statusCode, done.body).toBe(200);
    const after = (await w.t.request('GET', '/api/cases/callbacks?pageSize=100', { cookie: w.city })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(after.items.map((c) => c.id)).not.toContain(id);
  });
});

describe.runIf(ENGINE === 'postgres')('concurrency (PostgreSQL)', () => {
  it('two staff accepting the same case at once: exactly one wins', async () => {
    const other = await staffAt(w, 'race.b', w.ids['JS-ZJ-FW']!, 'service_staff');
    for (let round = 0; round < 5; round++) {
      const id = await apply(w);
      const results = await Promise.all([act(w, w.center, id, 'accept'), act(w, other.cookie, id, 'accept')]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)?.json().error.code).toBe('CASE_STATE');
      const c = (await get(w.center, id)).json<Case>();
      expect(c.timeline.filter((e) => e.kind === 'accepted')).toHaveLength(1);
    }
  });
});

describe('export', () => {
  it('the case list as .xlsx, masked, in scope', async () => {
    const ExcelJS = (await import('exceljs')).default;
    await apply(w);
    const res = await w.t.request('GET', '/api/cases/export?view=team', { cookie: w.center });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('服务工单');
    expect(ws?.rowCount).toBeGreaterThan(1);
    const text = JSON.stringify(ws?.getSheetValues());
    expect(text).toContain('周**');
    expect(text).not.toContain('13800000001');
    expect(text).not.toContain('周师傅');
    // The state under the one name staff and members share (shared/case-states.ts).
    expect(text).toContain('待受理');
    expect(text).not.toContain('已提交');
  });
});

// The figures read case_tally (kept by triggers) for whole months and the cases for part-months;
// here they are held against an aggregate written directly over the cases.
describe('figures from the tally', () => {
  type Raw = {
    channel: string;
    service_id: number;
    state: string;
    overdue: boolean;
    rating: string | null;
    created_at: Date;
    resolved_at: Date | null;
  };
  const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const OPEN = ['submitted', 'accepted', 'in_progress', 'transferred'];
  async function expected(from?: string, to?: string) {
    const all = await rows<Raw>(
      w.t.deps.db,
      sql`select channel, service_id::int as service_id, state, overdue, rating, created_at, resolved_at from service_case`,
    );
    const cs = all.filter(
      (c) => (!from || chinaDate(new Date(c.created_at)) >= from) && (!to || chinaDate(new Date(c.created_at)) <= to),
    );
    const month = chinaDate(w.t.clock.now()).slice(0, 7);
    const resolved = cs.filter((c) => c.state === 'resolved');
    const rated = cs.filter((c) => c.rating);
    const secs = resolved.reduce(
      (n, c) => n + (new Date(c.resolved_at!).getTime() - new Date(c.created_at).getTime()) / 1000,
      0,
    );
    const by = <K extends string | number>(key: (c: Raw) => K) => [...new Set(cs.map(key))];
    return {
      total: cs.length,
      open: cs.filter((c) => OPEN.includes(c.state)).length,
      overdue: cs.filter((c) => OPEN.includes(c.state) && c.overdue).length,
      closedThisMonth: resolved.filter((c) => chinaDate(new Date(c.resolved_at!)).slice(0, 7) === month).length,
      avgHandlingHours: resolved.length ? Math.round((secs / resolved.length / 3600) * 10) / 10 : null,
      rated: rated.length,
      satisfactionRate: rated.length
        ? Math.round((rated.filter((c) => c.rating !== 'dissatisfied').length / rated.length) * 1000) / 1000
        : null,
      byChannel: Object.fromEntries(by((c) => c.channel).map((ch) => [ch, cs.filter((c) => c.channel === ch).length])),
      byService: Object.fromEntries(
        by((c) => c.service_id).map((s) => [s, cs.filter((c) => c.service_id === s).length]),
      ),
    };
  }
  async function figures(query: string) {
    const f = (await w.t.request('GET', `/api/cases/figures?${query}`, { cookie: w.admin })).json<
      {
        byChannel: Array<{ channel: string; total: number }>;
        byService: Array<{ serviceId: number; serviceName: string; total: number }>;
      } & Record<string, unknown>
    >();
    expect(f.byService.every((s) => s.serviceName.length > 0)).toBe(true);
    return {
      ...f,
      byChannel: Object.fromEntries(f.byChannel.map((c) => [c.channel, c.total])),
      byService: Object.fromEntries(f.byService.map((s) => [s.serviceId, s.total])),
    };
  }

  it('equal a direct aggregate for whole months, part-months and open ranges, before and after folding', async () => {
    // Cases moved back in time across China month ends (00:30 on the 1st in China is 16:30 UTC the day before).
    const now = w.t.clock.now();
    const y = now.getUTCFullYear();
    const m = now.getUTCMonth();
    const at = (monthsBack: number, dayOfMonth: number, utcHour: number) =>
      new Date(Date.UTC(y, m - monthsBack, dayOfMonth, utcHour, 30));
    const moves = [at(2, 3, 2), at(2, 28, 10), at(1, 0, 16), at(1, 1, 1), at(1, 15, 8), at(0, 0, 15), at(0, 0, 17)];
    for (const when of moves) {
      const id = await apply(w);
      await w.t.deps.db.execute(sql`update service_case set created_at = ${when}, due_at = ${when} where id = ${id}`);
    }
    const ids = (
      await rows<{ id: number }>(w.t.deps.db, sql`select id from service_case order by id desc limit 4`)
    ).map((r) => r.id);
    await act(w, w.center, ids[0]!, 'accept');
    await act(w, w.center, ids[0]!, 'resolve', { resolution: '已办结' });
    await act(w, w.member, ids[0]!, 'rate', { rating: 'basically_satisfied' });
    await act(w, w.center, ids[1]!, 'accept');
    await act(w, w.center, ids[1]!, 'transfer', { toOrgId: w.ids['JS-ZJ-DY-001'], reason: '属地办理' });
    await sweepCases(w.t.deps);
    const first = (d: Date) => chinaDate(d).slice(0, 8) + '01';
    const ranges: Array<[string | undefined, string | undefined]> = [
      [undefined, undefined],
      [first(at(2, 10, 0)), undefined],
      [undefined, chinaDate(at(1, 14, 0))],
      [chinaDate(at(2, 20, 0)), chinaDate(at(1, 10, 0))],
      [chinaDate(at(1, 1, 0)), chinaDate(at(1, 1, 0))],
      [first(at(2, 10, 0)), chinaDate(new Date(Date.UTC(y, m - 1, 0, 12)))],
    ];
    const check = async () => {
      for (const [from, to] of ranges) {
        const q = [from && `from=${from}`, to && `to=${to}`].filter(Boolean).join('&');
        expect(await figures(q), q).toMatchObject(await expected(from, to));
      }
    };
    await check();
    expect(await compactCaseTally(w.t.deps.db)).toBeGreaterThan(0);
    await check();
  });

  it('splits a date range into whole months and part-months', () => {
    expect(splitRange()).toEqual({ months: {}, days: [] });
    expect(splitRange('2026-03-01', '2026-05-31')).toEqual({
      months: { from: '2026-03-01', to: '2026-06-01' },
      days: [],
    });
    expect(splitRange('2026-03-15', '2026-05-10')).toEqual({
      months: { from: '2026-04-01', to: '2026-05-01' },
      days: [
        ['2026-03-15', '2026-04-01'],
        ['2026-05-01', '2026-05-11'],
      ],
    });
    expect(splitRange('2026-03-15', '2026-03-20')).toEqual({ months: null, days: [['2026-03-15', '2026-03-21']] });
    expect(splitRange('2026-03-15')).toEqual({ months: { from: '2026-04-01' }, days: [['2026-03-15', '2026-04-01']] });
    expect(splitRange(undefined, '2026-12-31')).toEqual({ months: { to: '2027-01-01' }, days: [] });
    expect(splitRange('2026-03-20', '2026-03-10')).toEqual({ months: null, days: [] });
  });
});
