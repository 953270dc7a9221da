import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, answers, apply, makeWorld, travel, type World } from './test-fixtures.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.t.close());

type Case = {
  id: number;
  state: string;
  timeline: Array<{ kind: string; actorName: string | null; note: string | null }>;
  actions: string[];
  assigneeId: number | null;
  fields: Record<string, unknown>;
  applicantName: string;
};

const BODIES: Record<string, Record<string, unknown>> = {
  accept: {},
  start: {},
  resolve: { resolution: '已协调企业补发工资' },
  reject: { reason: '不属于受理范围' },
  transfer: { toOrgId: 0, reason: '属地办理' },
  withdraw: {},
  reopen: { reason: '问题没有解决' },
  rate: { rating: 'satisfied' },
};
const STAFF = ['accept', 'start', 'resolve', 'reject', 'transfer'];
const MEMBER = ['withdraw', 'reopen', 'rate'];
// Which actions each state allows (docs/API-SERVICE.md).
const ALLOWED: Record<string, string[]> = {
  submitted: ['accept', 'reject', 'transfer', 'withdraw'],
  transferred: ['accept', 'reject', 'transfer', 'withdraw'],
  accepted: ['start', 'resolve', 'reject', 'transfer', 'withdraw'],
  in_progress: ['resolve', 'transfer', 'withdraw'],
  resolved: ['reopen', 'rate'],
  rejected: [],
  withdrawn: [],
};
const TARGET: Record<string, string> = {
  accept: 'accepted',
  start: 'in_progress',
  resolve: 'resolved',
  reject: 'rejected',
  transfer: 'transferred',
  withdraw: 'withdrawn',
  reopen: 'in_progress',
  rate: 'resolved',
};

/** A fresh case brought to `state` through the API. */
async function caseIn(state: string): Promise<number> {
  const id = await apply(w);
  const path: Record<string, string[]> = {
    submitted: [],
    accepted: ['accept'],
    in_progress: ['accept', 'start'],
    resolved: ['accept', 'start', 'resolve'],
    rejected: ['reject'],
    withdrawn: ['withdraw'],
    transferred: ['transfer'],
  };
  for (const a of path[state] ?? []) {
    const res = await act(
      w,
      MEMBER.includes(a) ? w.member : w.admin,
      id,
      a,
      a === 'transfer' ? { toOrgId: w.ids['JS-ZJ-JK'], reason: '属地办理' } : body(a),
    );
    expect(res.statusCode, `${a}: ${res.body}`).toBe(200);
  }
  return id;
}
const body = (a: string) =>
  a === 'transfer' ? { toOrgId: w.ids['JS-ZJ-RZ'], reason: '转润州区办理' } : (BODIES[a] ?? {});

describe('case state machine', () => {
  it('a member applies: masked applicant, answers back, first timeline entry, inbox message', async () => {
    const id = await apply(w);
    const c = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.center })).json<
      Case & { channel: string; no: string }
    >();
    expect(c.state).toBe('submitted');
    expect(c.channel).toBe('online');
    expect(c.no).toMatch(/^FW\d{14}$/);
    expect(c.applicantName).toBe('周**');
    expect(c.fields).toEqual(answers);
    expect(c.timeline.map((e) => e.kind)).toEqual(['submitted']);
    expect(c.actions).toEqual(expect.arrayContaining(['accept', 'reject', 'transfer', 'assign']));
    const inbox = (await w.t.request('GET', '/api/me/inbox', { cookie: w.member })).json<{
      items: Array<{ caseId: number }>;
      unread: number;
    }>();
    expect(inbox.items.some((m) => m.caseId === id)).toBe(true);
    expect(inbox.unread).toBeGreaterThan(0);
  });

  it('answers are checked against the form, field by field', async () => {
    const res = await w.t.request('POST', '/api/cases', {
      cookie: w.member,
      body: { serviceId: w.serviceId, fields: { kind: '别的', amount: 'abc', extra: 1 } },
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json<{ error: { details: Array<{ path: string; message: string }> } }>()
      .error.details.map((d) => d.path)
      .sort();
    expect(paths).toEqual(['fields.amount', 'fields.extra', 'fields.kind', 'fields.summary']);
    expect(res.json().error.details.find((d: { path: string }) => d.path === 'fields.summary').message).toBe(
      '此项为必填项',
    );
  });

  for (const [state, allowed] of Object.entries(ALLOWED)) {
    for (const action of [...STAFF, ...MEMBER]) {
      const ok = allowed.includes(action);
      it(`${state} --${action}--> ${ok ? TARGET[action] : '409 CASE_STATE'}`, async () => {
        const id = await caseIn(state);
        const res = await act(w, MEMBER.includes(action) ? w.member : w.admin, id, action, body(action));
        if (ok) {
          expect(res.statusCode, res.body).toBe(200);
          const c = res.json<Case>();
          expect(c.state).toBe(TARGET[action]);
          expect(c.timeline.length).toBeGreaterThan(1);
        } else {
          expect(res.statusCode, res.body).toBe(409);
          expect(res.json().error.code).toBe('CASE_STATE');
          const after = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.admin })).json<Case>();
          expect(after.state).toBe(state);
        }
      });
    }
  }

  it('every step is on the timeline with its actor; the member sees the org, not the person', async () => {
    const id = await caseIn('resolved');
    const staffView = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.admin })).json<Case>();
    expect(staffView.timeline.map((e) => e.kind)).toEqual(['submitted', 'accepted', 'started', 'resolved']);
    // staff by display name, not by login
    expect(staffView.timeline[1]?.actorName).toBe('系统管理员');
    // the applicant who submitted it, masked as the applicant's name is
    expect(staffView.timeline[0]?.actorName).toBe('周**');
    const own = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.member })).json<Case>();
    expect(own.timeline[1]?.actorName).toBe('镇江市职工服务中心');
    expect(own.actions).toEqual(expect.arrayContaining(['reopen', 'rate']));
  });

  it('reopening is refused after 7 days; rating twice is refused', async () => {
    const id = await caseIn('resolved');
    await travel(w, 8 * 86400_000);
    const late = await act(w, w.member, id, 'reopen', { reason: '问题没有解决' });
    expect(late.json().error.code).toBe('CASE_REOPEN_EXPIRED');
    expect((await act(w, w.member, id, 'rate', { rating: 'basically_satisfied' })).statusCode).toBe(200);
    const again = await act(w, w.member, id, 'rate', { rating: 'satisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CASE_ALREADY_RATED');
  });

  it('不满意 reopens the case for a second handling, flags it and tells the supervisors', async () => {
    const id = await caseIn('resolved');
    const res = await act(w, w.member, id, 'rate', { rating: 'dissatisfied', comment: '工资只补发了一半' });
    expect(res.statusCode, res.body).toBe(200);
    const c = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.city })).json<
      Case & { flagged: boolean; reopenCount: number; rating: string }
    >();
    expect(c).toMatchObject({ state: 'in_progress', flagged: true, reopenCount: 1, rating: 'dissatisfied' });
    expect(c.timeline.map((e) => e.kind).slice(-2)).toEqual(['rated', 'reopened']);
    expect(c.actions).toContain('unflag');
    const inbox = (await w.t.request('GET', '/api/me/inbox', { cookie: w.city })).json<{
      items: Array<{ kind: string; caseId: number }>;
    }>();
    expect(inbox.items.some((m) => m.kind === 'case_dissatisfied' && m.caseId === id)).toBe(true);
    // the second handling, then the member is satisfied
    expect((await act(w, w.admin, id, 'resolve', { resolution: '余款已补发' })).statusCode).toBe(200);
    expect((await act(w, w.member, id, 'rate', { rating: 'satisfied' })).json<Case>().state).toBe('resolved');
  });

  it('the member is told by SMS when the case is accepted, resolved or rejected', async () => {
    const before = w.t.sms.length;
    const id = await caseIn('resolved');
    await w.t.deps.outbox.kick();
    const mine = w.t.sms
      .slice(before)
      .filter((m) => m.phone === '13800000001')
      .map((m) => m.template);
    expect(mine).toEqual(expect.arrayContaining(['case_accepted', 'case_resolved']));
    expect(id).toBeGreaterThan(0);
  });

  it('the member cannot act as staff, and staff cannot act for the member', async () => {
    const id = await apply(w);
    expect((await act(w, w.member, id, 'accept')).statusCode).toBe(403);
    expect((await act(w, w.admin, id, 'withdraw')).statusCode).toBe(403);
  });

  it('another member cannot see the case (404)', async () => {
    const id = await apply(w);
    await w.t.request('POST', '/api/auth/otp', { body: { phone: '13700000077' } });
    const code = w.t.sms.at(-1)?.params.code;
    await w.t.deps.outbox.kick();
    const sms = w.t.sms.filter((m) => m.phone === '13700000077').at(-1);
    const login = await w.t.request('POST', '/api/auth/login', {
      body: { phone: '13700000077', code: sms?.params.code ?? code },
    });
    const other = `uh_sid=${login.cookies.find((c) => c.name === 'uh_sid')?.value}`;
    expect((await w.t.request('GET', `/api/cases/${id}`, { cookie: other })).statusCode).toBe(404);
    expect((await w.t.request('GET', '/api/cases', { cookie: other })).json().total).toBe(0);
  });
});
