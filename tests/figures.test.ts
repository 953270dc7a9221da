import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../server/kernel/clock.js';
import { rows } from '../server/kernel/db.js';
import { createTestApp, type TestApp } from '../server/test/harness.js';

// The figures behind the console's charts (cases, members, hardship) on the demo federation:
// each series equals counts made here from the rows themselves, a county officer's figures cover
// only its subtree, every demo officer sees non-zero figures in its own scope, bad ranges are a 400
// naming the field, and each chart's table exports to a real .xlsx.

let t: TestApp;
const cookies = new Map<string, string>();
const get = async <T>(who: string, url: string, headers: Record<string, string> = {}) => {
  const res = await t.request('GET', url, { cookie: cookies.get(who) ?? '', headers });
  expect(res.statusCode, `${who} ${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json<T>();
};
let paths: Map<string, string>; // org code → path

beforeAll(async () => {
  t = await createTestApp({ members: 400, env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  for (const u of ['admin', 'city', 'county', 'grassroots', 'center', 'head']) cookies.set(u, await t.login(u));
  paths = new Map(
    (await rows<{ code: string; path: string }>(t.deps.db, sql`select code, path from org`)).map((o) => [
      o.code,
      o.path,
    ]),
  );
}, 120_000);
afterAll(() => t.close());

const monthOf = (d: string) => `${d.slice(0, 7)}-01`;
const count = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};

interface CaseFigures {
  total: number;
  byChannel: Array<{ channel: string; total: number }>;
  byService: Array<{ serviceId: number; total: number }>;
  granularity: string;
  window: { from: string; to: string };
  series: Array<{
    period: string;
    total: number;
    online: number;
    counter: number;
    phone: number;
    rated: number;
    satisfied: number;
  }>;
}
interface CaseRow {
  path: string;
  created_at: string;
  channel: string;
  rating: string | null;
}
const caseRows = () =>
  rows<CaseRow>(
    t.deps.db,
    sql`select o.path, c.created_at::text as created_at, c.channel, c.rating
      from service_case c join org o on o.id = c.handling_org_id`,
  );

describe('GET /api/cases/figures series', () => {
  it('per month (the default): cases by channel and ratings equal the cases counted here, for the county officer only in 京口', async () => {
    const jingkou = paths.get('JS-ZJ-JK') ?? '-';
    const f = await get<CaseFigures>('county', '/api/cases/figures');
    expect(f.granularity).toBe('month');
    expect(f.series).toHaveLength(12);
    const mine = (await caseRows()).filter((c) => c.path.startsWith(jingkou));
    const all = await caseRows();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length); // the county sees part of the federation
    const inWindow = mine.filter((c) => {
      const d = chinaDate(new Date(c.created_at));
      return d >= f.window.from && d <= f.window.to;
    });
    const byMonth = count(inWindow, (c) => monthOf(chinaDate(new Date(c.created_at))));
    for (const p of f.series) {
      const these = inWindow.filter((c) => monthOf(chinaDate(new Date(c.created_at))) === p.period);
      expect(p.total, p.period).toBe(byMonth.get(p.period) ?? 0);
      expect(p.online + p.counter + p.phone).toBe(p.total);
      expect(p.phone).toBe(these.filter((c) => c.channel === 'phone').length);
      expect(p.rated).toBe(these.filter((c) => c.rating !== null).length);
      expect(p.satisfied).toBe(
        these.filter((c) => c.rating === 'satisfied' || c.rating === 'basically_satisfied').length,
      );
    }
    expect(f.series.filter((p) => p.total > 0).length).toBeGreaterThanOrEqual(10); // spread over the year
    // the totals cover every case in scope
    expect(f.total).toBe(mine.length);
  });

  it('per day and per week over a range, in China time', async () => {
    const to = chinaDate(t.clock.now());
    const from = chinaDate(t.clock.now().getTime() - 59 * 86_400_000);
    const inRange = (await caseRows()).filter((c) => {
      const d = chinaDate(new Date(c.created_at));
      return d >= from && d <= to;
    });
    const days = await get<CaseFigures>('admin', `/api/cases/figures?granularity=day&from=${from}&to=${to}`);
    expect(days.series).toHaveLength(60);
    const perDay = count(inRange, (c) => chinaDate(new Date(c.created_at)));
    for (const p of days.series) expect(p.total, p.period).toBe(perDay.get(p.period) ?? 0);
    const weeks = await get<CaseFigures>('admin', `/api/cases/figures?granularity=week&from=${from}&to=${to}`);
    expect(weeks.series.every((p) => new Date(`${p.period}T00:00:00Z`).getUTCDay() === 1)).toBe(true); // Mondays
    expect(weeks.series.reduce((n, p) => n + p.total, 0)).toBe(inRange.length);
    expect(days.total).toBe(inRange.length);
  });

  it('bad ranges answer 400 naming the field, in Chinese and in English', async () => {
    const order = await t.request('GET', '/api/cases/figures?from=2026-05-02&to=2026-05-01', {
      cookie: cookies.get('city') ?? '',
    });
    expect(order.statusCode).toBe(400);
    expect(order.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'from', message: '开始日期不能晚于结束日期' }] },
    });
    const long = await t.request('GET', '/api/cases/figures?granularity=day&from=2024-01-01&to=2026-01-01', {
      cookie: cookies.get('city') ?? '',
      headers: { 'accept-language': 'en' },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { details: Array<{ path: string; message: string }> } }>().error.details[0]).toEqual({
      path: 'from',
      message: 'The range is too long: at most 366 periods (366 days by day)',
    });
    for (const q of ['granularity=year', 'from=2026-02-30', 'orgId=0']) {
      const res = await t.request('GET', `/api/members/figures?${q}`, { cookie: cookies.get('city') ?? '' });
      expect([400], q).toContain(res.statusCode);
    }
    const hardship = await t.request('GET', '/api/hardship/figures?from=2026-03-01&to=2026-01-01', {
      cookie: cookies.get('city') ?? '',
    });
    expect(hardship.statusCode).toBe(400);
  });

  it("an org outside the caller's scope is 404; figures need their permission", async () => {
    const runzhou = (await rows<{ id: number }>(t.deps.db, sql`select id from org where code = 'JS-ZJ-RZ'`))[0]?.id;
    for (const url of ['/api/cases/figures', '/api/members/figures', '/api/hardship/figures']) {
      const res = await t.request('GET', `${url}?orgId=${runzhou}`, { cookie: cookies.get('county') ?? '' });
      expect(res.statusCode, url).toBe(404);
    }
    // the center's staff hold no member or hardship figures; the head holds no case figures
    expect((await t.request('GET', '/api/members/figures', { cookie: cookies.get('center') ?? '' })).statusCode).toBe(
      403,
    );
    expect((await t.request('GET', '/api/hardship/figures', { cookie: cookies.get('center') ?? '' })).statusCode).toBe(
      403,
    );
    expect((await t.request('GET', '/api/cases/figures', { cookie: cookies.get('head') ?? '' })).statusCode).toBe(403);
  });
});

interface MemberFigures {
  total: number;
  newEmployment: number;
  byJobType: Array<{ jobType: string; count: number }>;
  byAge: Array<{ band: string; count: number }>;
  window: { from: string; to: string };
  joinsByMonth: Array<{ period: string; joins: number }>;
}

describe('GET /api/members/figures', () => {
  it('job types, age bands and joins per month equal the members counted here, within the scope', async () => {
    const techco = paths.get('JS-ZJ-JK-XS-001') ?? '-';
    const f = await get<MemberFigures>('grassroots', '/api/members/figures');
    const members = (
      await rows<{ path: string; job_type: string; status: string; birth_date: string; joined_at: string }>(
        t.deps.db,
        sql`select o.path, m.job_type, m.status, m.birth_date::text as birth_date, m.joined_at::text as joined_at
          from member m join org o on o.id = m.org_id`,
      )
    ).filter((m) => m.path.startsWith(techco));
    const current = members.filter((m) => m.status === 'active' || m.status === 'transferring');
    expect(f.total).toBe(current.length);
    const jobs = count(current, (m) => m.job_type);
    for (const j of f.byJobType) expect(j.count, j.jobType).toBe(jobs.get(j.jobType) ?? 0);
    const today = chinaDate(t.clock.now());
    const age = (birth: string) => {
      const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
      return today.slice(5) < birth.slice(5) ? years - 1 : years;
    };
    const band = (a: number) =>
      a < 25 ? 'under25' : a < 35 ? '25to34' : a < 45 ? '35to44' : a < 55 ? '45to54' : '55plus';
    const ages = count(current, (m) => band(age(m.birth_date)));
    for (const a of f.byAge) expect(a.count, a.band).toBe(ages.get(a.band) ?? 0);
    const joins = count(
      members.filter((m) => m.joined_at >= f.window.from && m.joined_at <= f.window.to),
      (m) => monthOf(m.joined_at),
    );
    expect(f.joinsByMonth).toHaveLength(12);
    for (const j of f.joinsByMonth) expect(j.joins, j.period).toBe(joins.get(j.period) ?? 0);
    // 瑞丰科技 alone: less than the city's
    const city = await get<MemberFigures>('city', '/api/members/figures');
    expect(city.total).toBeGreaterThan(f.total);
  });
});

interface HardshipFigures {
  total: number;
  byCategory: Array<{ category: string; count: number }>;
  byCause: Array<{ cause: string; count: number }>;
}

describe('GET /api/hardship/figures', () => {
  it('households on file by category and cause equal the files counted here, within the scope', async () => {
    const jingkou = paths.get('JS-ZJ-JK') ?? '-';
    const f = await get<HardshipFigures>('county', '/api/hardship/figures');
    const files = (
      await rows<{ path: string; state: string; category: string | null; causes: string[] }>(
        t.deps.db,
        sql`select o.path, f.state, f.category, f.causes from hardship_file f join org o on o.id = f.org_id`,
      )
    ).filter(
      (x) => x.path.startsWith(jingkou) && ['draft', 'verifying', 'filed'].includes(x.state) && x.category !== null,
    );
    expect(f.total).toBe(files.length);
    const cats = count(files, (x) => x.category ?? '');
    for (const c of f.byCategory) expect(c.count, c.category).toBe(cats.get(c.category) ?? 0);
    const causes = count(
      files.flatMap((x) => x.causes),
      (c) => c,
    );
    for (const c of f.byCause) expect(c.count, c.cause).toBe(causes.get(c.cause) ?? 0);
  });
});

describe('the demo gives every officer figures in its own scope', () => {
  it.each([
    ['admin', true, true, true],
    ['city', true, true, true],
    ['county', true, true, true],
    ['grassroots', true, true, true],
    ['center', true, false, false],
    ['head', false, true, true],
  ])('%s', async (who, cases, members, hardship) => {
    if (cases) {
      const f = await get<CaseFigures>(who, '/api/cases/figures');
      expect(f.series.filter((p) => p.total > 0).length, 'months with cases').toBeGreaterThanOrEqual(10);
      expect(f.series.filter((p) => p.rated > 0).length, 'months with ratings').toBeGreaterThanOrEqual(8);
      expect(f.byChannel.length, 'channels').toBe(3);
      expect(f.byService.length, 'services').toBeGreaterThanOrEqual(2);
    }
    if (members) {
      const f = await get<MemberFigures>(who, '/api/members/figures');
      expect(f.byJobType.filter((j) => j.count > 0).length, 'job types').toBeGreaterThanOrEqual(2);
      expect(f.newEmployment, 'new employment').toBeGreaterThan(0);
      expect(f.byAge.filter((a) => a.count > 0).length, 'age bands').toBeGreaterThanOrEqual(4);
      expect(f.joinsByMonth.filter((j) => j.joins > 0).length, 'months with joins').toBeGreaterThanOrEqual(6);
    }
    if (hardship) {
      const f = await get<HardshipFigures>(who, '/api/hardship/figures');
      expect(f.byCategory.filter((c) => c.count > 0).length, 'categories').toBe(3);
      expect(f.byCause.filter((c) => c.count > 0).length, 'causes').toBeGreaterThanOrEqual(3);
    }
  });
});

describe('exports', () => {
  it.each([
    ['/api/cases/figures/export?table=trend', 'county', 13],
    ['/api/cases/figures/export?table=channels', 'county', 4],
    ['/api/members/figures/export?table=ages', 'grassroots', 6],
    ['/api/hardship/figures/export?table=causes', 'city', 9],
  ])('%s: a real .xlsx with the table, audited', async (url, who, lines) => {
    const res = await t.request('GET', url, { cookie: cookies.get(who) ?? '' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(lines);
    expect(String(ws?.getRow(1).getCell(1).value)).toMatch(/期间|渠道|年龄段|致困原因/);
    const [audit] = await rows<{ action: string }>(
      t.deps.db,
      sql`select action from audit_log order by id desc limit 1`,
    );
    expect(audit?.action).toMatch(/figures\.export$/);
  });
});

describe('the demo leaves pending work for every role (the workbench shows it)', () => {
  const total = async (who: string, url: string) => (await get<{ total: number }>(who, url)).total;
  it('cases to accept for the center, the county and the grassroots union', async () => {
    for (const who of ['center', 'county', 'grassroots'])
      expect(await total(who, '/api/cases?view=all&state=submitted'), who).toBeGreaterThan(0);
  });
  it('join requests, transfers, corrections, hardship reviews and alerts for the grassroots officer; approvals for the head', async () => {
    expect(await total('grassroots', '/api/join-requests?status=pending')).toBeGreaterThan(0);
    expect(await total('grassroots', '/api/corrections?status=pending')).toBeGreaterThan(0);
    expect(await total('grassroots', '/api/transfers')).toBeGreaterThan(0);
    expect(await total('grassroots', '/api/hardship/reviews/due')).toBeGreaterThan(0);
    expect(await total('grassroots', '/api/alerts?status=open')).toBeGreaterThan(0);
    expect(await total('county', '/api/join-requests?status=pending')).toBeGreaterThan(0);
    expect(await total('head', '/api/assistance/records?state=proposed')).toBeGreaterThan(0);
  });
});
