import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEMBER_PHONE } from '../../seed/demo.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeIdNumber } from '../member/index.js';
import { searchEntries } from './qa.search.js';
import { qaEntry } from './qa.schema.js';
import { searchVector } from './qa.service.js';

// Policy Q&A: Chinese search over the demo knowledge base, inheritance down the tree, what
// members never see (drafts, withdrawn and expired entries), the four-eyes rule and scope.

let t: TestApp;
let admin: string;
let city: string; // federation manager of 镇江市总工会 (may publish)
let center: string; // service staff of 镇江市职工服务中心 (may edit, not publish)
let officer: string; // grassroots officer of 瑞丰科技工会
let memberCookie: string; // 周师傅, a member of 瑞丰科技工会
const ids: Record<string, number> = {};

interface Hit {
  id: number;
  question: string;
  answer: string;
  orgName: string;
  highlights: { question: string; answer: string };
}
const search = async (cookie: string, q: string) => {
  const res = await t.request('GET', `/api/qa/search?q=${encodeURIComponent(q)}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Hit[]; tokens: string[] }>();
};
const questions = async (cookie: string, q: string) => (await search(cookie, q)).items.map((h) => h.question);

/** The 政策咨询 service (the demo catalog comes only with demo members). */
const POLICY_SERVICE = (cityId: number, centerId: number) => ({
  orgId: cityId,
  category: 'policy',
  name: '政策咨询',
  deadlineDays: 3,
  handlingOrgId: centerId,
  eligibility: { membersOnly: false, jobTypes: null },
  form: [
    { key: 'question', label: '问题', type: 'text', required: true },
    { key: 'topic', label: '类别', type: 'text', required: false },
  ],
});

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  city = await t.login('city');
  center = await t.login('center');
  officer = await t.login('grassroots');
  for (const o of (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
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
  const svc = await t.request('POST', '/api/services', {
    cookie: admin,
    body: POLICY_SERVICE(ids['JS-ZJ'] ?? 0, ids['JS-ZJ-FW'] ?? 0),
  });
  expect(svc.statusCode, svc.body).toBe(201);
  memberCookie = await t.loginMember(DEMO_MEMBER_PHONE);
});
afterAll(() => t.close());

describe('Chinese search', () => {
  // Each query must bring the expected entry into the first `within` results.
  const CASES: Array<[string, string, number]> = [
    ['工伤认定需要哪些材料', '工伤认定需要哪些材料？', 1],
    ['工伤 材料', '工伤认定需要哪些材料？', 1],
    ['工伤认定要啥材料', '工伤认定需要哪些材料？', 1],
    ['加班费怎么算', '加班费怎么算？', 1],
    ['加班工资咋算', '加班费怎么算？', 2],
    ['试用期 最长', '试用期最长可以约定多久？', 2],
    ['入会', '怎样加入工会？', 3],
    ['骑手能入会吗', '快递员、外卖骑手、网约车司机能加入工会吗？', 2],
    ['不签劳动合同', '单位一直不签劳动合同怎么办？', 2],
    ['公司拖欠工资怎么办', '单位拖欠工资怎么办？', 1],
    ['被辞退有补偿吗', '被公司辞退能拿到经济补偿吗？', 2],
    ['产假多少天', '女职工产假有多少天？', 1],
    ['年假几天', '带薪年休假有几天？', 1],
    ['仲裁要钱吗 收费', '申请劳动仲裁要交费吗？', 2],
    ['上班路上出车祸', '上下班路上出了交通事故算工伤吗？', 2],
    ['外卖骑手受伤', '外卖骑手送餐途中受伤怎么办？', 1],
    ['困难职工帮扶', '困难职工帮扶有哪些内容？', 1],
    ['社保', '单位必须给职工交社保吗？', 3],
    ['失业金', '失业了能领失业保险金吗？', 2],
    ['工伤认', '工伤认定需要哪些材料？', 5],
  ];
  for (const [q, expected, within] of CASES) {
    it(`"${q}" finds "${expected}" in the first ${within}`, async () => {
      const found = await questions(memberCookie, q);
      expect(found.slice(0, within), `results: ${found.join(' | ')}`).toContain(expected);
    });
  }

  it('marks the matched words with <em>, escapes the rest, and reports the search words', async () => {
    const { items, tokens } = await search(memberCookie, '工伤认定要啥材料');
    expect(tokens).toEqual(['工伤认定', '材料']);
    expect(items[0]?.highlights.question).toBe('<em>工伤认定</em>需要哪些<em>材料</em>？');
    expect(items[0]?.highlights.answer).toContain('<em>工伤认定</em>申请表');
    // Text that looks like markup comes back escaped; only our <em> are tags.
    const made = await t.request('POST', '/api/qa/entries', {
      cookie: center,
      body: {
        orgId: ids['JS-ZJ-FW'],
        category: 'other',
        question: '<script>alert(1)</script> 工会会员卡 & 权益',
        answer: '会员卡可享受 <b>优惠</b>。',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect((await t.request('POST', `/api/qa/entries/${made.json().id}/publish`, { cookie: city })).statusCode).toBe(
      200,
    );
    const centerSees = (await search(center, '会员卡 权益')).items.find((h) => h.id === made.json().id);
    expect(centerSees?.highlights.question).toBe(
      '&#60;script&#62;alert(1)&#60;/script&#62; 工会<em>会员卡</em> &#38; <em>权益</em>',
    );
    expect(centerSees?.highlights.answer).toBe('<em>会员卡</em>可享受 &#60;b&#62;优惠&#60;/b&#62;。');
  });

  it('answers an empty list for words it does not hold, and 400 for an empty query', async () => {
    expect((await search(memberCookie, '量子计算机')).items).toEqual([]);
    expect((await t.request('GET', '/api/qa/search?q=', { cookie: memberCookie })).statusCode).toBe(400);
    expect((await t.request('GET', '/api/qa/search?q=工伤')).statusCode).toBe(401);
  });
});

describe('what members see', () => {
  it("inherits down the tree: a union sees its own, its city's and the province's entries, not a sibling's or another city's", async () => {
    const own = await t.request('POST', '/api/qa/entries', {
      cookie: officer,
      body: {
        orgId: ids['JS-ZJ-JK-XS-001'],
        category: 'other',
        question: '瑞丰科技职工食堂补贴怎么申领',
        answer: '每月由工会统一发放到饭卡。',
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect((await t.request('POST', `/api/qa/entries/${own.json().id}/publish`, { cookie: city })).statusCode).toBe(
      200,
    );
    // another city with a union and a member
    const nj = (
      await t.request('POST', '/api/orgs', {
        cookie: admin,
        body: { parentId: ids.JS, code: 'JS-NJ', name: '南京市总工会', type: 'federation', level: 'city' },
      })
    ).json<{ id: number }>();
    const njUnion = (
      await t.request('POST', '/api/orgs', {
        cookie: admin,
        body: { parentId: nj.id, code: 'JS-NJ-001', name: '南京某公司工会', type: 'grassroots' },
      })
    ).json<{ id: number }>();
    const phone = '13800000077';
    await t.request('POST', '/api/members', {
      cookie: admin,
      body: {
        name: '吴师傅',
        idNumber: makeIdNumber('320102', '1990-01-01', 77),
        phone,
        orgId: njUnion.id,
        joinedAt: '2020-01-01',
      },
    });
    await t.request('POST', '/api/auth/otp', { body: { phone } });
    await t.deps.outbox.kick();
    const code = t.sms.filter((s) => s.phone === phone).at(-1)?.params.code;
    const login = await t.request('POST', '/api/auth/login', { body: { phone, code } });
    const nanjing = `uh_sid=${login.cookies.find((c) => c.name === 'uh_sid')?.value}`;

    expect(await questions(memberCookie, '食堂补贴')).toContain('瑞丰科技职工食堂补贴怎么申领');
    expect(await questions(memberCookie, '疗休养 报名')).toContain('镇江市职工疗休养怎么报名？');
    expect(await questions(memberCookie, '加班费')).toContain('加班费怎么算？');
    expect(await questions(nanjing, '加班费')).toContain('加班费怎么算？');
    expect(await questions(nanjing, '疗休养 报名')).not.toContain('镇江市职工疗休养怎么报名？');
    expect(await questions(nanjing, '食堂补贴')).not.toContain('瑞丰科技职工食堂补贴怎么申领');
    // staff of a sibling branch (the service center) do not get the grassroots entry either
    expect(await questions(center, '食堂补贴')).not.toContain('瑞丰科技职工食堂补贴怎么申领');
  });

  it('drafts, withdrawn and edited-but-unreviewed entries stay out of search; the editor cannot publish their own edit', async () => {
    const q = '职工书屋开放时间';
    const made = await t.request('POST', '/api/qa/entries', {
      cookie: center,
      body: {
        orgId: ids['JS-ZJ-FW'],
        category: 'other',
        question: '职工书屋开放时间是什么时候',
        answer: '周一至周五 9:00-17:00。',
        source: '服务中心公告',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ id: number }>().id;
    expect(made.json()).toMatchObject({ status: 'draft', editedByName: '服务中心 陈专员' });
    expect(await questions(center, q)).not.toContain('职工书屋开放时间是什么时候');
    // service staff may edit but not publish; the city manager may publish but not an entry they edited last
    expect((await t.request('POST', `/api/qa/entries/${id}/publish`, { cookie: center })).statusCode).toBe(403);
    const pub = await t.request('POST', `/api/qa/entries/${id}/publish`, { cookie: city });
    expect(pub.json()).toMatchObject({ status: 'published', publishedByName: '镇江市总工会 王主任' });
    expect((await t.request('POST', `/api/qa/entries/${id}/publish`, { cookie: city })).json().error.code).toBe(
      'QA_STATE',
    );
    expect(await questions(center, q)).toContain('职工书屋开放时间是什么时候');

    const edited = await t.request('PATCH', `/api/qa/entries/${id}`, {
      cookie: city,
      body: { answer: '周一至周六 9:00-18:00。' },
    });
    expect(edited.json()).toMatchObject({ status: 'draft', editedByName: '镇江市总工会 王主任' });
    expect(await questions(center, q)).not.toContain('职工书屋开放时间是什么时候');
    const own = await t.request('POST', `/api/qa/entries/${id}/publish`, { cookie: city });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('QA_OWN_EDIT');
    expect((await t.request('POST', `/api/qa/entries/${id}/publish`, { cookie: admin })).statusCode).toBe(200);
    expect((await search(center, q)).items[0]?.answer).toBe('周一至周六 9:00-18:00。');

    expect((await t.request('POST', `/api/qa/entries/${id}/withdraw`, { cookie: city })).json().status).toBe(
      'withdrawn',
    );
    expect(await questions(center, q)).not.toContain('职工书屋开放时间是什么时候');
    const audit = (
      await t.request('GET', `/api/audit?targetType=qa_entry&targetId=${id}&pageSize=50`, { cookie: admin })
    ).json<{ items: Array<{ action: string }> }>();
    expect(audit.items.map((a) => a.action).sort()).toEqual([
      'qa.create',
      'qa.publish',
      'qa.publish',
      'qa.update',
      'qa.withdraw',
    ]);
  });

  it('shows an entry only within its effective dates', async () => {
    expect(await questions(memberCookie, '金秋助学 申请时间')).not.toContain('2023 年金秋助学申请时间');
    const today = t.clock.now();
    const day = (n: number) => new Date(today.getTime() + 8 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);
    const made = await t.request('POST', '/api/qa/entries', {
      cookie: center,
      body: {
        orgId: ids['JS-ZJ-FW'],
        category: 'assistance',
        question: '今年送温暖活动什么时候报名',
        answer: '下周一开始。',
        effectiveFrom: day(3),
        effectiveTo: day(10),
      },
    });
    await t.request('POST', `/api/qa/entries/${made.json().id}/publish`, { cookie: city });
    expect(await questions(center, '送温暖 报名')).not.toContain('今年送温暖活动什么时候报名');
    t.clock.advance(4 * 86400_000);
    center = await t.login('center'); // sessions do not outlive the jump
    expect(await questions(center, '送温暖 报名')).toContain('今年送温暖活动什么时候报名');
    t.clock.advance(10 * 86400_000);
    center = await t.login('center');
    expect(await questions(center, '送温暖 报名')).not.toContain('今年送温暖活动什么时候报名');

    const bad = await t.request('POST', '/api/qa/entries', {
      cookie: center,
      body: {
        orgId: ids['JS-ZJ-FW'],
        category: 'other',
        question: '日期颠倒',
        answer: '不应保存',
        effectiveFrom: '2026-05-01',
        effectiveTo: '2026-04-01',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({ path: 'effectiveTo', message: '开始时间不能晚于结束时间' });
  });
});

describe('asking', () => {
  it('a member who finds no answer asks; the question becomes a case of 政策咨询', async () => {
    [officer, memberCookie] = [await t.login('grassroots'), await t.loginMember(DEMO_MEMBER_PHONE)]; // the clock moved on above
    const asked = await t.request('POST', '/api/qa/ask', {
      cookie: memberCookie,
      body: { question: '单位让我签空白劳动合同怎么办？', topic: '劳动合同' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const c = await t.request('GET', `/api/cases/${asked.json().caseId}`, { cookie: memberCookie });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({
      category: 'policy',
      channel: 'online',
      state: 'submitted',
      no: asked.json().caseNo,
    });
    expect(JSON.stringify(c.json())).toContain('单位让我签空白劳动合同怎么办？');
    expect(
      (await t.request('POST', '/api/qa/ask', { cookie: officer, body: { question: '工作人员不能用这个入口提问' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request('POST', '/api/qa/ask', { cookie: memberCookie, body: { question: '短' } })).statusCode,
    ).toBe(400);
  });
});

describe('the editor, in scope', () => {
  it('lists drafts of the subtree only; outside it answers 404; members have no editor', async () => {
    [admin, city, officer] = [await t.login('admin'), await t.login('city'), await t.login('grassroots')];
    memberCookie = await t.loginMember(DEMO_MEMBER_PHONE);
    const list = (await t.request('GET', '/api/qa/entries?pageSize=100', { cookie: officer })).json<{
      items: Array<{ orgId: number }>;
      total: number;
    }>();
    expect(list.total).toBeGreaterThan(0);
    for (const e of list.items) expect(e.orgId).toBe(ids['JS-ZJ-JK-XS-001']);
    const provinceEntry = (
      await t.request('GET', '/api/qa/entries?pageSize=1&category=work_injury', { cookie: admin })
    ).json<{ items: Array<{ id: number }> }>().items[0];
    expect((await t.request('GET', `/api/qa/entries/${provinceEntry?.id}`, { cookie: officer })).statusCode).toBe(404);
    expect(
      (
        await t.request('PATCH', `/api/qa/entries/${provinceEntry?.id}`, {
          cookie: officer,
          body: { answer: '越权修改' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request('POST', '/api/qa/entries', {
          cookie: officer,
          body: { orgId: ids.JS, category: 'other', question: '越权新增', answer: '越权新增' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request('GET', '/api/qa/entries', { cookie: memberCookie })).statusCode).toBe(403);
    const byCity = (
      await t.request('GET', `/api/qa/entries?orgId=${ids['JS-ZJ']}&status=draft&pageSize=100`, { cookie: city })
    ).json<{ items: Array<{ status: string }> }>();
    for (const e of byCity.items) expect(e.status).toBe('draft');
  });
});

describe('a common word over many entries', () => {
  // Search ranks in full only the entries whose question holds most of the query's words; these
  // filler entries all hold 工伤 (in the question) but never 材料, and outnumber that shortlist.
  it('still brings the entry holding every word first, and fills the page', async () => {
    memberCookie = await t.loginMember(DEMO_MEMBER_PHONE);
    const at = t.clock.now();
    await t.deps.db.insert(qaEntry).values(
      Array.from({ length: 150 }, (_, i) => {
        const e = {
          question: `工伤职工第${i + 1}类常见问题`,
          answer: '请向所在单位工会咨询工伤保险待遇。',
          source: null,
        };
        return {
          ...e,
          orgId: ids.JS ?? 0,
          category: 'work_injury' as const,
          status: 'published' as const,
          searchVector: searchVector(e),
          createdAt: at,
          updatedAt: at,
        };
      }),
    );
    expect((await questions(memberCookie, '工伤 材料'))[0]).toBe('工伤认定需要哪些材料？');
    expect((await questions(memberCookie, '工伤认定要啥材料'))[0]).toBe('工伤认定需要哪些材料？');
    const page = await t.request('GET', `/api/qa/search?q=${encodeURIComponent('工伤')}&limit=50`, {
      cookie: memberCookie,
    });
    expect(page.json<{ items: Hit[] }>().items).toHaveLength(50);
  });

  // With this many questions holding 工伤, the pick is made among the questions that satisfy the
  // rule alone; entries that hold the words only in their answer must not be missed for it.
  it('picks among the questions first and ranks as a pick among every match would', async () => {
    const at = t.clock.now();
    await t.deps.db.insert(qaEntry).values(
      Array.from({ length: 80 }, (_, i) => {
        const e = {
          question: `职工第${i + 1}类待遇咨询`,
          answer: '工伤认定需要准备劳动合同等材料，保险待遇按规定支付。',
          source: null,
        };
        return {
          ...e,
          orgId: ids.JS ?? 0,
          category: 'work_injury' as const,
          status: 'published' as const,
          searchVector: searchVector(e),
          createdAt: at,
          updatedAt: at,
        };
      }),
    );
    const actor = {
      accountId: 0,
      kind: 'staff' as const,
      username: null,
      displayName: '',
      orgId: ids['JS-ZJ-JK-XS-001'] ?? 0,
      sessionState: 'active' as const,
      grants: [],
    };
    const today = t.clock.now().toISOString().slice(0, 10);
    for (const q of ['工伤', '工伤 材料', '工伤认定要啥材料', '工伤 保险 待遇', '职工 待遇', '加班费怎么算', '材料']) {
      const [quick, every] = await Promise.all(
        [false, true].map((everyMatch) => searchEntries(t.deps.db, actor, { q, limit: 20, today, everyMatch })),
      );
      expect(
        quick?.items.map((h) => h.id),
        q,
      ).toEqual(every?.items.map((h) => h.id));
      expect(quick?.items.length, q).toBeGreaterThan(0);
    }
  });
});
