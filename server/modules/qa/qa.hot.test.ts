import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEMBER_PHONE } from '../../seed/demo.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeIdNumber } from '../member/index.js';
import { QA_CATEGORIES, qaEntry } from './qa.schema.js';

// 热门问题: before typing, the member sees the answers opened most and the categories to browse;
// opening an answer counts once per opening, and only for an entry the person may read.

let t: TestApp;
let admin: string;
let city: string;
let center: string;
let member: string; // 周师傅 of 瑞丰科技工会 (京口区)
const ids: Record<string, number> = {};

interface Hot {
  items: Array<{ id: number; question: string; category: string; views: number; orgName: string; answer: string }>;
  categories: Array<{ category: string; entries: number }>;
}
const hot = async (cookie: string, query = '') => {
  const res = await t.request('GET', `/api/qa/hot${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Hot>();
};
const view = (cookie: string, id: number) => t.request('POST', `/api/qa/entries/${id}/views`, { cookie });
const viewsOf = async (id: number) =>
  (await t.deps.db.select({ n: qaEntry.viewCount }).from(qaEntry).where(eq(qaEntry.id, id)))[0]?.n;
const idOf = async (question: string) => {
  const [row] = await t.deps.db.select({ id: qaEntry.id }).from(qaEntry).where(eq(qaEntry.question, question));
  if (!row) throw new Error(`no entry ${question}`);
  return row.id;
};

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  city = await t.login('city');
  center = await t.login('center');
  for (const o of (await t.request('GET', '/api/orgs?pageSize=100', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items)
    ids[o.code] = o.id;
  const m = await t.request('POST', '/api/members', {
    cookie: admin,
    body: {
      name: '周师傅',
      idNumber: makeIdNumber('321102', '1983-04-16', 317),
      phone: DEMO_MEMBER_PHONE,
      orgId: ids['JS-ZJ-JK-XS-001'],
      joinedAt: '2012-05-01',
    },
  });
  expect(m.statusCode, m.body).toBe(201);
  member = await t.loginMember(DEMO_MEMBER_PHONE);
});
afterAll(() => t.close());

describe('GET /api/qa/hot', () => {
  it('before any view: published entries the member reads, and the categories that hold them in dictionary order', async () => {
    const { items, categories } = await hot(member);
    expect(items.length).toBe(10);
    expect(items.every((i) => i.views === 0)).toBe(true);
    expect(categories.map((c) => c.category)).toEqual(
      QA_CATEGORIES.filter((c) => categories.some((x) => x.category === c)),
    );
    expect(categories.find((c) => c.category === 'work_injury')?.entries).toBeGreaterThan(1);
    expect(items.some((i) => i.question === '2023 年金秋助学申请时间')).toBe(false); // out of force
  });

  it('ranks by openings: the answer opened three times leads, then the one opened once', async () => {
    const injury = await idOf('工伤认定需要哪些材料？');
    const overtime = await idOf('加班费怎么算？');
    for (let i = 0; i < 3; i++) expect((await view(member, injury)).statusCode).toBe(204);
    expect((await view(member, overtime)).statusCode).toBe(204);
    expect(await viewsOf(injury)).toBe(3);
    expect(await viewsOf(overtime)).toBe(1);
    const { items } = await hot(member, '?limit=3');
    expect(items.map((i) => [i.question, i.views]).slice(0, 2)).toEqual([
      ['工伤认定需要哪些材料？', 3],
      ['加班费怎么算？', 1],
    ]);
    expect(items).toHaveLength(3);
    // Staff read the same list for their own org's chain.
    expect((await hot(center, '?limit=1')).items[0]?.question).toBe('工伤认定需要哪些材料？');
  });

  it('browses one category, most opened first', async () => {
    const { items } = await hot(member, '?category=work_injury&limit=50');
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => i.category === 'work_injury')).toBe(true);
    expect(items[0]?.question).toBe('工伤认定需要哪些材料？');
  });

  it('answers 400 for an unknown category or a bad limit, 401 without a session', async () => {
    expect((await t.request('GET', '/api/qa/hot?category=astrology', { cookie: member })).statusCode).toBe(400);
    expect((await t.request('GET', '/api/qa/hot?limit=0', { cookie: member })).statusCode).toBe(400);
    expect((await t.request('GET', '/api/qa/hot')).statusCode).toBe(401);
  });
});

describe('POST /api/qa/entries/:id/views', () => {
  it('counts nothing and answers 404 for a draft, an entry out of force, another branch, or no entry', async () => {
    const draft = await t.request('POST', '/api/qa/entries', {
      cookie: center,
      body: { orgId: ids['JS-ZJ-FW'], category: 'other', question: '草稿问题不给会员看', answer: '草稿。' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    // Published at 润州区: 周师傅 of 京口区 does not read it.
    const elsewhere = await t.request('POST', '/api/qa/entries', {
      cookie: admin,
      body: { orgId: ids['JS-ZJ-RZ'], category: 'other', question: '润州区的专属问题', answer: '仅润州。' },
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const published = await t.request('POST', `/api/qa/entries/${elsewhere.json<{ id: number }>().id}/publish`, {
      cookie: city,
    });
    expect(published.statusCode, published.body).toBe(200);
    const expired = await idOf('2023 年金秋助学申请时间');
    for (const id of [draft.json<{ id: number }>().id, elsewhere.json<{ id: number }>().id, expired]) {
      expect((await view(member, id)).statusCode).toBe(404);
      expect(await viewsOf(id)).toBe(0);
    }
    expect((await view(member, 99_999_999)).statusCode).toBe(404);
    expect((await view(member, 0)).statusCode).toBe(400);
    expect((await t.request('POST', `/api/qa/entries/${expired}/views`)).statusCode).toBe(401);
  });
});
