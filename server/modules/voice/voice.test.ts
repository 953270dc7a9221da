import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { DEMO_MEMBER_PHONE } from '../../seed/demo.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeIdNumber } from '../member/index.js';
import { weekStart } from './alert.rules.js';

// Worker voice: the sender stays unknown to staff unless they chose otherwise (a property over
// every route staff can call), consent governs publishing, keyword and trend alerts, scope.

let t: TestApp;
let admin: string;
let city: string;
let county: string;
let officer: string; // 瑞丰科技工会, where the member belongs
let center: string; // the service center: a sibling branch, no view of 瑞丰科技's items
let member: string;
const ids: Record<string, number> = {};
const NAME = '欧阳春花';
const ACCOUNT_NAME = '周师傅';

const login = async () => {
  admin = await t.login('admin');
  city = await t.login('city');
  county = await t.login('county');
  officer = await t.login('grassroots');
  center = await t.login('center');
  member = await t.loginMember(DEMO_MEMBER_PHONE);
};

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
  await login();
  for (const o of (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items)
    ids[o.code] = o.id;
  const m = await t.request('POST', '/api/members', {
    cookie: admin,
    body: {
      name: NAME,
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
});
afterAll(() => t.close());

/** Members may send 20 items an hour: tests that send many start a new hour. */
const nextHour = async () => {
  t.clock.advance(3600_000);
  await login();
};

/** Voice items anywhere in an answer (a list's items or one item). */
function voiceItemsIn(body: unknown): Array<{ id: number; showName: boolean; author: unknown }> {
  const b = body as { items?: unknown[]; showName?: boolean };
  const all = Array.isArray(b.items) ? b.items : [b];
  return all.filter(
    (x): x is { id: number; showName: boolean; author: unknown } =>
      typeof x === 'object' && x !== null && 'showName' in x,
  );
}

const send = async (body: Record<string, unknown>, cookie = member) => {
  const res = await t.request('POST', '/api/voice', { cookie, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; orgId: number; status: string }>();
};

describe('anonymity', () => {
  it('no staff-facing answer ever carries the sender, unless they chose to show their name', async () => {
    const secrets = [NAME, ACCOUNT_NAME, DEMO_MEMBER_PHONE, '138****0001', '"accountId"', '"authorId"', '"memberId"'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('suggestion', 'complaint', 'request'),
        fc.constantFrom(
          '食堂饭菜太贵了，希望改善',
          '公司拖欠工资两个月了',
          '车间加班太多，工伤风险大',
          '建议增加职工书屋开放时间',
        ),
        fc.boolean(),
        fc.boolean(),
        async (kind, content, showName, publishConsent) => {
          const item = await send({ kind, title: content.slice(0, 10), content, showName, publishConsent });
          const calls: Array<[string, string, unknown?]> = [
            ['GET', '/api/voice?pageSize=100'],
            ['GET', `/api/voice?pageSize=100&q=${encodeURIComponent(content.slice(0, 4))}`],
            ['GET', `/api/voice/${item.id}`],
            ['POST', `/api/voice/${item.id}/reply`, { reply: '已收到，我们会尽快核实处理。' }],
            ['POST', `/api/voice/${item.id}/publish`, { published: true }],
            ['POST', `/api/voice/${item.id}/close`],
            ['GET', '/api/alerts?pageSize=100'],
            ['GET', '/api/alert-notices?pageSize=100'],
            ['GET', '/api/alert-topics?pageSize=100'],
            ['GET', `/api/audit?targetType=voice_item&targetId=${item.id}&pageSize=100`],
            ['GET', '/api/audit?pageSize=100&action=voice.create'],
          ];
          for (const cookie of [officer, city, admin]) {
            for (const [method, url, body] of calls) {
              const res = await t.request(method, url, { cookie, body });
              expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(500);
              if (url.startsWith('/api/audit')) {
                if (res.statusCode === 403) continue; // no audit:log:read
                // the audit log names the sender only of items sent with their name
                for (const row of res.json<{
                  items: Array<{
                    action: string;
                    actorId: number | null;
                    actorName: string | null;
                    after: { showName?: boolean };
                  }>;
                }>().items) {
                  if (row.action !== 'voice.create' || row.after.showName) continue;
                  expect(row).toMatchObject({ actorId: null, actorName: '匿名职工' });
                }
                continue;
              }
              // the one place a name may stand: `author` of an item whose sender chose to show it
              const text = res.body.replaceAll(`"author":{"name":"${NAME}"}`, '');
              for (const secret of secrets)
                expect(text.includes(secret), `${method} ${url} shows ${secret}`).toBe(false);
              for (const v of voiceItemsIn(res.json()))
                if (!v.showName) expect(v.author, `${url}: item ${v.id}`).toBeNull();
            }
          }
          const view = (await t.request('GET', `/api/voice/${item.id}`, { cookie: officer })).json();
          expect(view.author).toEqual(showName ? { name: NAME } : null);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('replies and publishing', () => {
  it("publishes only with the sender's consent and after a reply; the public list never names anyone", async () => {
    await nextHour();
    const noConsent = await send({
      kind: 'suggestion',
      title: '希望开设职工夜校',
      content: '希望工会开设职工夜校，提升学历。',
      showName: true,
    });
    const r1 = await t.request('POST', `/api/voice/${noConsent.id}/publish`, {
      cookie: officer,
      body: { published: true },
    });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().error.code).toBe('VOICE_NO_CONSENT');

    const item = await send({
      kind: 'suggestion',
      title: '建议增加健身器材',
      content: '厂区活动室的健身器材太少，建议增加。',
      publishConsent: true,
    });
    expect(
      (await t.request('POST', `/api/voice/${item.id}/publish`, { cookie: officer, body: { published: true } })).json()
        .error.code,
    ).toBe('VOICE_NOT_REPLIED');
    const replied = await t.request('POST', `/api/voice/${item.id}/reply`, {
      cookie: officer,
      body: { reply: '已采纳，下月添置跑步机两台。' },
    });
    expect(replied.json()).toMatchObject({ status: 'replied', replierName: '瑞丰科技工会 张主席', author: null });
    expect(
      (await t.request('POST', `/api/voice/${item.id}/publish`, { cookie: officer, body: { published: true } })).json()
        .published,
    ).toBe(true);

    const pub = (await t.request('GET', '/api/voice/public?pageSize=100', { cookie: member })).json<{
      items: Array<{ id: number; reply: string }>;
    }>();
    expect(pub.items.find((p) => p.id === item.id)?.reply).toBe('已采纳，下月添置跑步机两台。');
    expect(JSON.stringify(pub)).not.toContain(NAME);
    // another union's member does not see it
    expect(
      (await t.request('GET', '/api/voice/public?pageSize=100', { cookie: center }))
        .json()
        .items.some((p: { id: number }) => p.id === item.id),
    ).toBe(false);

    // the member takes consent back: unpublished at once
    const back = await t.request('PATCH', `/api/me/voice/${item.id}`, {
      cookie: member,
      body: { publishConsent: false },
    });
    expect(back.json()).toMatchObject({
      publishConsent: false,
      published: false,
      reply: '已采纳，下月添置跑步机两台。',
    });
    expect(
      (await t.request('GET', '/api/voice/public?pageSize=100', { cookie: member }))
        .json()
        .items.some((p: { id: number }) => p.id === item.id),
    ).toBe(false);

    const mine = (await t.request('GET', '/api/me/voice?pageSize=100', { cookie: member })).json<{
      items: Array<{ id: number }>;
    }>();
    expect(mine.items.map((i) => i.id)).toEqual(expect.arrayContaining([item.id, noConsent.id]));
    expect(
      (await t.request('PATCH', `/api/me/voice/${item.id}`, { cookie: officer, body: { publishConsent: true } }))
        .statusCode,
    ).toBe(403);

    expect((await t.request('POST', `/api/voice/${item.id}/close`, { cookie: officer })).json().status).toBe('closed');
    expect(
      (await t.request('POST', `/api/voice/${item.id}/reply`, { cookie: officer, body: { reply: '再次回复' } })).json()
        .error.code,
    ).toBe('VOICE_CLOSED');
  });

  it("keeps each item within its org's subtree; members cannot use the board; non-members must name an org", async () => {
    const item = await send({ kind: 'complaint', title: '宿舍热水器坏了', content: '三号宿舍热水器坏了一周没人修。' });
    expect((await t.request('GET', `/api/voice/${item.id}`, { cookie: center })).statusCode).toBe(404);
    expect(
      (await t.request('POST', `/api/voice/${item.id}/reply`, { cookie: center, body: { reply: '越权回复' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request('GET', '/api/voice?pageSize=100', { cookie: center }))
        .json()
        .items.some((i: { id: number }) => i.id === item.id),
    ).toBe(false);
    expect((await t.request('GET', `/api/voice/${item.id}`, { cookie: county })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/voice', { cookie: member })).statusCode).toBe(403);
    // a signed-in person without a union
    const phone = '13700000055';
    await t.request('POST', '/api/auth/otp', { body: { phone } });
    await t.deps.outbox.kick();
    const code = t.sms.filter((s) => s.phone === phone).at(-1)?.params.code;
    const res = await t.request('POST', '/api/auth/login', { body: { phone, code } });
    const stranger = `uh_sid=${res.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    const none = await t.request('POST', '/api/voice', {
      cookie: stranger,
      body: { kind: 'request', title: '想了解入会', content: '我是外卖骑手，想了解怎么入会。' },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('NO_UNION');
    expect(none.json().error.details[0].path).toBe('orgId');
    expect(
      (
        await send(
          { kind: 'request', title: '想了解入会', content: '我是外卖骑手，想了解怎么入会。', orgId: ids['JS-ZJ-FW'] },
          stranger,
        )
      ).orgId,
    ).toBe(ids['JS-ZJ-FW']);
  });
});

describe('turning an item into a case', () => {
  it('opens a case for the sender, linked to the item; an anonymous sender stays anonymous to the handlers', async () => {
    await nextHour();
    const services = (await t.request('GET', '/api/services?category=policy', { cookie: member })).json<{
      items: Array<{ id: number }>;
    }>();
    const serviceId = services.items[0]?.id;
    expect(serviceId).toBeDefined();
    const fields = { topic: '工资报酬', question: '加班费没有按规定发放' };
    for (const showName of [false, true]) {
      const item = await send({
        kind: 'request',
        title: '加班费没发',
        content: '上个月加班费没有按规定发放。',
        showName,
      });
      const made = await t.request('POST', `/api/voice/${item.id}/case`, {
        cookie: officer,
        body: { serviceId, fields },
      });
      expect(made.statusCode, made.body).toBe(201);
      const caseId = made.json<{ caseId: number }>().caseId;
      expect((await t.request('GET', `/api/voice/${item.id}`, { cookie: officer })).json().caseId).toBe(caseId);
      expect(
        (await t.request('POST', `/api/voice/${item.id}/case`, { cookie: officer, body: { serviceId, fields } })).json()
          .error.code,
      ).toBe('VOICE_HAS_CASE');
      const handler = await t.request('GET', `/api/cases/${caseId}`, { cookie: admin });
      expect(handler.statusCode, handler.body).toBe(200);
      expect(handler.json().source).toEqual({ module: 'voice', id: item.id });
      // with the name shown, the case is the member's like any other (masked phone, masked name)
      if (showName) expect(handler.json().applicantName).toMatch(/^欧\*+$/);
      if (!showName)
        for (const secret of [DEMO_MEMBER_PHONE, '138****0001', NAME, ACCOUNT_NAME, NAME.slice(0, 1)])
          expect(handler.body.includes(secret), secret).toBe(false);
      // the sender follows the case as their own
      expect((await t.request('GET', `/api/cases/${caseId}`, { cookie: member })).statusCode).toBe(200);
    }
  });
});

describe('alerts', () => {
  it('a keyword raises an alert at once, with its item, and notices the staff whose scope covers it', async () => {
    await nextHour();
    const topic = await t.request('POST', '/api/alert-topics', {
      cookie: city,
      body: { orgId: ids['JS-ZJ'], name: '安全隐患', keywords: ['消防通道', '  安全隐患 ', '消防通道'] },
    });
    expect(topic.statusCode, topic.body).toBe(201);
    expect(topic.json().keywords).toEqual(['消防通道', '安全隐患']);
    expect(
      (
        await t.request('POST', '/api/alert-topics', {
          cookie: city,
          body: { orgId: ids['JS-ZJ'], name: '安全隐患', keywords: ['x'] },
        })
      ).json().error.code,
    ).toBe('TOPIC_EXISTS');
    expect(
      (
        await t.request('POST', '/api/alert-topics', {
          cookie: officer,
          body: { orgId: ids['JS-ZJ'], name: '越权', keywords: ['x'] },
        })
      ).statusCode,
    ).toBe(404);
    // the officer sees the city's topic as inherited
    const seen = (await t.request('GET', '/api/alert-topics?pageSize=100', { cookie: officer })).json<{
      items: Array<{ name: string; inherited: boolean }>;
    }>();
    expect(seen.items.find((x) => x.name === '安全隐患')?.inherited).toBe(true);

    const item = await send({
      kind: 'complaint',
      title: '车间消防 通道被堵',
      content: '二车间的消防  通道长期堆放货物。',
    });
    const alerts = (await t.request('GET', '/api/alerts?kind=keyword&pageSize=100', { cookie: officer })).json<{
      items: Array<{ id: number; keywords: string[]; topics: Array<{ name: string }>; items: Array<{ id: number }> }>;
    }>();
    const hit = alerts.items.find((a) => a.items.some((i) => i.id === item.id));
    expect(hit).toMatchObject({ keywords: ['消防通道'], topics: [{ name: '安全隐患' }], status: 'open' });
    const board = (await t.request('GET', `/api/voice/${item.id}`, { cookie: officer })).json();
    expect(board).toMatchObject({ alerted: true, topics: ['安全隐患'] });

    const notices = async (cookie: string) =>
      (await t.request('GET', '/api/alert-notices?unread=true&pageSize=100', { cookie })).json<{
        items: Array<{ id: number; alertId: number; title: string }>;
      }>().items;
    const officerNotice = (await notices(officer)).find((n) => n.alertId === hit?.id);
    expect(officerNotice?.title).toContain('消防通道');
    expect((await notices(county)).some((n) => n.alertId === hit?.id)).toBe(true);
    expect((await notices(center)).some((n) => n.alertId === hit?.id)).toBe(false);
    expect(
      (await t.request('POST', `/api/alert-notices/${officerNotice?.id}/read`, { cookie: officer })).json().readAt,
    ).not.toBeNull();
    expect(
      (await t.request('POST', `/api/alert-notices/${officerNotice?.id}/read`, { cookie: county })).statusCode,
    ).toBe(404);

    // acknowledge, then close with a note; wrong order answers 409; scope holds
    expect(
      (await t.request('POST', `/api/alerts/${hit?.id}/acknowledge`, { cookie: center, body: {} })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/api/alerts/${hit?.id}/acknowledge`, {
          cookie: officer,
          body: { note: '已联系车间主任' },
        })
      ).json(),
    ).toMatchObject({ status: 'acknowledged', acknowledgedByName: '瑞丰科技工会 张主席' });
    expect(
      (await t.request('POST', `/api/alerts/${hit?.id}/acknowledge`, { cookie: officer, body: {} })).json().error.code,
    ).toBe('ALERT_STATE');
    expect(
      (
        await t.request('POST', `/api/alerts/${hit?.id}/close`, { cookie: officer, body: { note: '货物已清走' } })
      ).json(),
    ).toMatchObject({ status: 'closed', note: '货物已清走' });
    expect(
      (await t.request('POST', `/api/alerts/${hit?.id}/close`, { cookie: officer, body: { note: '再关一次' } })).json()
        .error.code,
    ).toBe('ALERT_STATE');

    // a switched-off topic raises nothing
    await t.request('PATCH', `/api/alert-topics/${topic.json().id}`, { cookie: city, body: { active: false } });
    const quiet = await send({ kind: 'complaint', title: '消防通道又堵了', content: '消防通道又被堵住了。' });
    expect((await t.request('GET', `/api/voice/${quiet.id}`, { cookie: officer })).json().alerted).toBe(false);
  });

  it('weeks run Monday to Monday, China time', () => {
    expect(weekStart(new Date('2026-06-07T23:59:59+08:00')).date).toBe('2026-06-01');
    expect(weekStart(new Date('2026-06-08T00:00:00+08:00')).date).toBe('2026-06-08');
    expect(weekStart(new Date('2026-06-07T16:30:00Z')).date).toBe('2026-06-08'); // Monday 00:30 in China
  });

  it("a topic whose week reaches max(3, 2 × the mean of the 8 weeks before) raises one trend alert, which gathers the week's items", async () => {
    const DAY = 86400_000;
    const mk = async (name: string, keyword: string) =>
      (
        await t.request('POST', '/api/alert-topics', {
          cookie: city,
          body: { orgId: ids['JS-ZJ'], name, keywords: [keyword] },
        })
      ).json<{ id: number }>().id;
    const quiet = await mk('食堂', '食堂'); // 1 item a week → threshold max(3, 2) = 3
    const busy = await mk('班车', '班车'); // 2 items a week → threshold max(3, 4) = 4
    const trend = async (topicId: number) => {
      const all = (await t.request('GET', '/api/alerts?kind=trend&pageSize=100', { cookie: city })).json<{
        items: Array<{
          topics: Array<{ id: number }>;
          count: number;
          baseline: number;
          threshold: number;
          items: unknown[];
          weekStart: string;
        }>;
      }>();
      return all.items.filter((a) => a.topics[0]?.id === topicId);
    };
    // Move to a Monday noon so every item of a week falls into that week.
    const now = t.clock.now();
    const nextMonday = weekStart(new Date(now.getTime() + 7 * DAY)).at.getTime() + 4 * 3600_000;
    t.clock.advance(nextMonday - now.getTime());
    for (let week = 0; week < 8; week++) {
      await login();
      await send({ kind: 'suggestion', title: '食堂建议', content: `第${week}周：食堂的菜有点咸。` });
      await send({ kind: 'suggestion', title: '班车建议', content: `第${week}周：班车太挤。` });
      await send({ kind: 'suggestion', title: '班车建议', content: `第${week}周：班车能否加一趟？` });
      t.clock.advance(7 * DAY);
    }
    await login();
    expect(await trend(quiet)).toEqual([]);
    await send({ kind: 'complaint', title: '食堂一', content: '食堂卫生差。' });
    await send({ kind: 'complaint', title: '食堂二', content: '食堂排队太久。' });
    expect(await trend(quiet)).toEqual([]);
    await send({ kind: 'complaint', title: '食堂三', content: '食堂的饭菜涨价了。' });
    const [raised] = await trend(quiet);
    expect(raised).toMatchObject({ count: 3, baseline: 1, threshold: 3, weekStart: weekStart(t.clock.now()).date });
    expect(raised?.items).toHaveLength(3);
    await send({ kind: 'complaint', title: '食堂四', content: '食堂又涨价了。' });
    const after = await trend(quiet);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ count: 4 });
    expect(after[0]?.items).toHaveLength(4);
    const notices = (await t.request('GET', '/api/alert-notices?pageSize=100', { cookie: city })).json<{
      items: Array<{ title: string }>;
    }>().items;
    expect(notices.filter((n) => n.title.includes('话题“食堂”'))).toHaveLength(1);

    for (let i = 0; i < 3; i++) await send({ kind: 'complaint', title: '班车', content: `班车问题 ${i}` });
    expect(await trend(busy)).toEqual([]);
    await send({ kind: 'complaint', title: '班车', content: '班车问题 3' });
    expect(await trend(busy)).toMatchObject([{ count: 4, baseline: 2, threshold: 4 }]);

    // next week starts from zero again: two items raise nothing
    t.clock.advance(7 * DAY);
    await login();
    await send({ kind: 'complaint', title: '食堂', content: '食堂问题。' });
    await send({ kind: 'complaint', title: '食堂', content: '食堂问题二。' });
    expect(await trend(quiet)).toHaveLength(1);
  });
});

describe('the audit log of anonymous voice', () => {
  it("keeps no account, IP or request id on rows of anonymous items and of their sender's later acts, while named rows keep them", async () => {
    await nextHour();
    const headers = { 'user-agent': 'Probe/1.0 (same device)' };
    const post = async (showName: boolean) => {
      const res = await t.request('POST', '/api/voice', {
        cookie: member,
        headers,
        body: {
          kind: 'suggestion',
          title: `审计${showName}`,
          content: '同一台手机发出',
          showName,
          publishConsent: true,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: number }>().id;
    };
    const anon = await post(false);
    const named = await post(true);
    // the sender takes consent back on both, and follows a case opened from the anonymous one
    for (const id of [anon, named])
      expect(
        (await t.request('PATCH', `/api/me/voice/${id}`, { cookie: member, headers, body: { publishConsent: false } }))
          .statusCode,
      ).toBe(200);
    const serviceId = (await t.request('GET', '/api/services?category=policy', { cookie: member })).json<{
      items: Array<{ id: number }>;
    }>().items[0]?.id;
    const made = await t.request('POST', `/api/voice/${anon}/case`, {
      cookie: officer,
      body: { serviceId, fields: { question: '匿名问题' } },
    });
    expect(made.statusCode, made.body).toBe(201);
    const caseId = made.json<{ caseId: number }>().caseId;
    const withdrawn = await t.request('POST', `/api/cases/${caseId}/withdraw`, { cookie: member, headers, body: {} });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    type Row = {
      action: string;
      actor_id: number | null;
      actor_name: string | null;
      ip: string | null;
      request_id: string | null;
    };
    const audit = (where: ReturnType<typeof sql>) =>
      rows<Row>(
        t.deps.db,
        sql`select action, actor_id, actor_name, ip, request_id from audit_log where ${where} order by id`,
      );
    const anonRows = [
      ...(await audit(
        sql`target_type = 'voice_item' and target_id = ${String(anon)} and action in ('voice.create', 'voice.consent')`,
      )),
      ...(await audit(
        sql`target_type = 'service_case' and target_id = ${String(caseId)} and action = 'case.withdrawn'`,
      )),
    ];
    const namedRows = await audit(sql`target_type = 'voice_item' and target_id = ${String(named)}`);
    expect(anonRows.map((r) => r.action)).toEqual(['voice.create', 'voice.consent', 'case.withdrawn']);
    expect(namedRows.map((r) => r.action)).toEqual(['voice.create', 'voice.consent']);
    for (const r of anonRows)
      expect(r).toMatchObject({ actor_id: null, actor_name: '匿名职工', ip: null, request_id: null });
    for (const r of namedRows) expect(r.ip && r.actor_id && r.request_id).toBeTruthy();
    // nothing of a named row reappears in an anonymous one
    const linking = new Set(
      namedRows.flatMap((r) => [r.ip, r.request_id, r.actor_id, r.actor_name].filter((v) => v !== null).map(String)),
    );
    for (const r of anonRows)
      for (const v of [r.ip, r.request_id, r.actor_id, r.actor_name])
        expect(linking.has(String(v)), String(v)).toBe(false);
    // the case timeline staff read names no one either
    const timeline = (await t.request('GET', `/api/cases/${caseId}`, { cookie: admin })).json<{
      timeline: Array<{ kind: string; actorName: string | null }>;
    }>().timeline;
    expect(timeline.find((e) => e.kind === 'withdrawn')?.actorName).toBe('匿名职工');
    const [ev] = await rows<{ actor_id: number | null }>(
      t.deps.db,
      sql`select actor_id from case_event where case_id = ${caseId} and kind = 'withdrawn'`,
    );
    expect(ev?.actor_id).toBeNull();
  });
});
