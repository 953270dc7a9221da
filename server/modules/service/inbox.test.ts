import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxMessage } from './service.schema.js';
import { sentence, toInbox } from './notify.js';
import { act, apply, makeWorld, type World } from './test-fixtures.js';

// The inbox: newest first by the event's time, the unread count the badges show, reading one or
// all, nobody reading another's messages, and message texts that end each sentence once.

let w: World;
let accountId: number;
let otherAccount: number;
beforeAll(async () => {
  w = await makeWorld();
  accountId = (await w.t.request('GET', '/api/auth/me', { cookie: w.member })).json<{ id: number }>().id;
  otherAccount = (await w.t.request('GET', '/api/auth/me', { cookie: w.center })).json<{ id: number }>().id;
});
afterAll(() => w.t.close());

interface Inbox {
  items: Array<{ id: number; title: string; body: string; read: boolean; createdAt: string; caseId: number | null }>;
  total: number;
  unread: number;
}
const inbox = async (cookie: string, query = '') => {
  const res = await w.t.request('GET', `/api/me/inbox${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Inbox>();
};
const unread = async (cookie: string) => {
  const res = await w.t.request('GET', '/api/me/inbox/unread', { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ unread: number }>().unread;
};

describe('GET /api/me/inbox', () => {
  it('lists newest first by the time of the event, even when the messages were written out of order', async () => {
    const now = w.t.clock.now().getTime();
    const hour = 3_600_000;
    // Written in this order (ids ascending), happened in another: 2 h ago, 30 h ago, 1 h ago.
    for (const [title, hoursAgo] of [
      ['两小时前', 2],
      ['昨天', 30],
      ['一小时前', 1],
    ] as const)
      await toInbox(w.t.deps.db, new Date(now - hoursAgo * hour), [accountId], {
        kind: 'test',
        title,
        body: title,
        caseId: null,
      });
    const { items } = await inbox(w.member);
    const titles = items.map((m) => m.title);
    expect(titles.indexOf('一小时前')).toBeLessThan(titles.indexOf('两小时前'));
    expect(titles.indexOf('两小时前')).toBeLessThan(titles.indexOf('昨天'));
    const times = items.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Pages follow the same order.
    const first = await inbox(w.member, '?pageSize=1&page=1');
    const second = await inbox(w.member, '?pageSize=1&page=2');
    expect([first.items[0]?.id, second.items[0]?.id]).toEqual([items[0]?.id, items[1]?.id]);
  });

  it('counts the unread for the badge; reading one lowers it; read-all clears it', async () => {
    await apply(w); // 服务申请已提交
    const before = await unread(w.member);
    const listed = await inbox(w.member);
    expect(before).toBeGreaterThanOrEqual(4);
    expect(listed.unread).toBe(before);
    const onlyUnread = await inbox(w.member, '?unread=true');
    expect(onlyUnread.total).toBe(before);
    expect(onlyUnread.items.every((m) => !m.read)).toBe(true);

    const target = listed.items[0];
    if (!target) throw new Error('no message');
    const read = await w.t.request('POST', `/api/me/inbox/${target.id}/read`, { cookie: w.member });
    expect(read.statusCode, read.body).toBe(204);
    expect(await unread(w.member)).toBe(before - 1);
    expect((await inbox(w.member)).items.find((m) => m.id === target.id)?.read).toBe(true);
    // Reading it again changes nothing, and keeps the first time it was read.
    const readAt = () =>
      w.t.deps.db.select({ at: inboxMessage.readAt }).from(inboxMessage).where(eq(inboxMessage.id, target.id));
    const [firstRead] = await readAt();
    expect(firstRead?.at).not.toBeNull();
    w.t.clock.advance(60_000);
    expect((await w.t.request('POST', `/api/me/inbox/${target.id}/read`, { cookie: w.member })).statusCode).toBe(204);
    const [again] = await readAt();
    expect(again?.at).toEqual(firstRead?.at);
    expect(await unread(w.member)).toBe(before - 1);

    const all = await w.t.request('POST', '/api/me/inbox/read-all', { cookie: w.member });
    expect(all.statusCode, all.body).toBe(204);
    expect(await unread(w.member)).toBe(0);
    expect((await inbox(w.member)).items.every((m) => m.read)).toBe(true);
  });

  it("never reads or marks another account's message: 404", async () => {
    await toInbox(w.t.deps.db, w.t.clock.now(), [otherAccount], {
      kind: 'test',
      title: '别人的消息',
      body: '别人的消息',
      caseId: null,
    });
    const theirs = (await inbox(w.center)).items.find((m) => m.title === '别人的消息');
    if (!theirs) throw new Error('no message');
    expect((await w.t.request('POST', `/api/me/inbox/${theirs.id}/read`, { cookie: w.member })).statusCode).toBe(404);
    expect((await inbox(w.member)).items.some((m) => m.id === theirs.id)).toBe(false);
    expect((await inbox(w.center)).items.find((m) => m.id === theirs.id)?.read).toBe(false);
    expect((await w.t.request('POST', '/api/me/inbox/abc/read', { cookie: w.member })).statusCode).toBe(400);
    expect((await w.t.request('GET', '/api/me/inbox/unread')).statusCode).toBe(401);
  });
});

describe('message texts', () => {
  it('ends free text once: "。" typed by staff and the template\'s own do not make "。。"', () => {
    expect(sentence('已协调企业补发工资。')).toBe('已协调企业补发工资。');
    expect(sentence('已协调企业补发工资')).toBe('已协调企业补发工资。');
    expect(sentence(' 已补发。。 ')).toBe('已补发。');
    expect(sentence('请到窗口领取！')).toBe('请到窗口领取！');
  });

  it('a resolution that ends with 。 reaches the member as one sentence', async () => {
    const id = await apply(w);
    for (const [action, body] of [
      ['accept', {}],
      ['resolve', { resolution: '已协调企业补发工资。' }],
    ] as const) {
      const res = await act(w, w.admin, id, action, body);
      expect(res.statusCode, res.body).toBe(200);
    }
    const resolved = (await inbox(w.member)).items.find((m) => m.caseId === id && m.title === '服务申请已办结');
    expect(resolved?.body).toBe('您的法律援助申请已办结：已协调企业补发工资。请对办理结果进行评价。');
    expect((await inbox(w.member, '?pageSize=100')).items.filter((m) => m.body.includes('。。'))).toEqual([]);
  });

  it('a rejection reason without a full stop gets one', async () => {
    const id = await apply(w);
    expect((await act(w, w.admin, id, 'reject', { reason: '不属于受理范围' })).statusCode).toBe(200);
    const rejected = (await inbox(w.member)).items.find((m) => m.caseId === id && m.title === '服务申请未予受理');
    expect(rejected?.body).toBe('您的法律援助申请未予受理：不属于受理范围。');
  });

  it('a rejection reason that ends with 。 reaches the SMS template without it (the template adds its own)', async () => {
    const before = w.t.sms.length;
    const id = await apply(w);
    expect((await act(w, w.admin, id, 'reject', { reason: '请向属地劳动监察大队反映。' })).statusCode).toBe(200);
    await w.t.deps.outbox.kick();
    const sms = w.t.sms.slice(before).find((m) => m.template === 'case_rejected');
    expect(sms?.params.reason).toBe('请向属地劳动监察大队反映');
    const rejected = (await inbox(w.member)).items.find((m) => m.caseId === id && m.title === '服务申请未予受理');
    expect(rejected?.body).toBe('您的法律援助申请未予受理：请向属地劳动监察大队反映。');
  });
});
