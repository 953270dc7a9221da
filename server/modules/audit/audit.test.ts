import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionCatalogue, unlabelledAuditActions } from '../../kernel/audit-labels.js';
import { writeAudit } from '../../kernel/audit.js';
import { act, apply, makeWorld, nextIdNumber, staffAt, type World } from '../service/test-fixtures.js';

// The audit log as officers read it (issue 16): labels beside the codes, operators and orgs by
// name, targets by what people call them, filters by operator, exact actions, time and target.

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.t.close());

interface Item {
  id: number;
  actorId: number | null;
  actorName: string | null;
  actorUsername: string | null;
  orgId: number | null;
  orgName: string | null;
  action: string;
  actionLabel: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  targetLink: string | null;
  before: unknown;
  after: unknown;
}
type Page = { items: Item[]; total: number };

const search = async (cookie: string, query: string, lang = 'zh-CN') => {
  const res = await w.t.request('GET', `/api/audit?${query}`, { cookie, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};

describe('GET /api/audit: labels and names beside the codes', () => {
  it('an action reads in the caller’s language; the operator by display name, the org by name', async () => {
    await w.t.login('center');
    const zh = await search(w.admin, 'actions=auth.login&actor=center&pageSize=1');
    expect(zh.items[0]).toMatchObject({
      action: 'auth.login',
      actionLabel: '登录',
      actorName: '服务中心 陈专员',
      actorUsername: 'center',
      orgName: '镇江市职工服务中心',
      targetType: 'account',
      targetLabel: '服务中心 陈专员',
      targetLink: '/staff',
    });
    const en = await search(w.admin, 'actions=auth.login&actor=center&pageSize=1', 'en');
    expect(en.items[0]?.actionLabel).toBe('Signed in');
  });

  it('a case is named by its 工单号 and links to its page; a member by name', async () => {
    const id = await apply(w);
    const c = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.center })).json<{ no: string }>();
    const page = await search(w.admin, `targetType=service_case&targetId=${id}`);
    expect(page.items[0]).toMatchObject({ action: 'case.submitted', actionLabel: '登记工单', targetLabel: c.no });
    expect(page.items[0]?.targetLink).toBe(`/service/cases/${id}`);
    const member = await search(w.admin, `actions=member.create&targetId=${w.memberId}`);
    expect(member.items[0]).toMatchObject({ targetLabel: '周师傅', targetLink: `/members/${w.memberId}` });
  });

  it('a record kind without names reads as kind and number', async () => {
    const res = await w.t.request('POST', '/api/audit/verify', { cookie: w.admin });
    const { jobId } = res.json<{ jobId: string }>();
    const page = await search(w.admin, 'actions=audit.verify&pageSize=1');
    expect(page.items[0]).toMatchObject({ targetLabel: `后台任务 #${jobId}`, targetLink: null });
  });
});

describe('GET /api/audit: filters', () => {
  it('target= finds a case by its 工单号, and every step of it, not the other cases', async () => {
    const id = await apply(w);
    const other = await apply(w);
    expect((await act(w, w.center, id, 'accept')).statusCode).toBe(200);
    const { no } = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.center })).json<{ no: string }>();
    const page = await search(w.admin, `target=${no}`);
    expect(page.items.map((i) => i.action).sort()).toEqual(['case.accepted', 'case.submitted']);
    expect(page.items.every((i) => i.targetId === String(id) && i.targetLabel === no)).toBe(true);
    // the date part counts: the same id under another day's number is no case
    const wrongDay = `FW19990101${no.slice(10)}`;
    expect((await search(w.admin, `target=${wrongDay}`)).total).toBe(0);
    expect(page.items.some((i) => i.targetId === String(other))).toBe(false);
  });

  it('target= finds a member by full name', async () => {
    const byName = await search(w.admin, `target=${encodeURIComponent('周师傅')}&actions=member.create`);
    expect(byName.items.map((i) => i.targetId)).toEqual([String(w.memberId)]);
  });

  it('actions= takes several exact codes; an unknown code is a field error', async () => {
    const page = await search(w.admin, 'actions=auth.login,auth.logout&pageSize=100');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => ['auth.login', 'auth.logout'].includes(i.action))).toBe(true);
    // exact: case.accept is not a prefix of case.accepted here
    const bad = await w.t.request('GET', '/api/audit?actions=case.accept', { cookie: w.admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'actions', message: '没有这种操作类型' }]);
    const en = await w.t.request('GET', '/api/audit?actions=nope', {
      cookie: w.admin,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toBe('No such action');
  });

  it('actor= takes an account id, a login or a display name', async () => {
    const byLogin = await search(w.admin, 'actor=center&actions=auth.login');
    const byDisplay = await search(w.admin, `actor=${encodeURIComponent('服务中心 陈专员')}&actions=auth.login`);
    const id = byLogin.items[0]?.actorId;
    const byId = await search(w.admin, `actor=${id}&actions=auth.login`);
    expect(byLogin.total).toBeGreaterThan(0);
    expect(byDisplay.total).toBe(byLogin.total);
    expect(byId.total).toBe(byLogin.total);
    expect(byLogin.items.every((i) => i.actorUsername === 'center')).toBe(true);
  });

  it('a county officer finds nothing outside its subtree, even by a case number', async () => {
    const id = await apply(w); // handled by the city's service center
    const { no } = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.center })).json<{ no: string }>();
    const county = await w.t.login('county');
    expect((await search(county, `target=${no}`)).total).toBe(0);
    expect((await search(w.admin, `target=${no}`)).total).toBeGreaterThan(0);
  });

  it('a member outside the reader’s member scope is masked and not linked', async () => {
    const reader = await staffAt(w, 'jk.auditor', w.ids['JS-ZJ-JK'] ?? 0, 'auditor');
    // a member of 丹阳 created by an officer whose audit row lies in 京口 (the officer's own org)
    const officer = await staffAt(w, 'jk.officer', w.ids['JS-ZJ-JK'] ?? 0, 'federation_manager');
    const m = await w.t.request('POST', '/api/members', {
      cookie: w.admin,
      body: {
        name: '欧阳明月',
        phone: '13912345678',
        idNumber: nextIdNumber(),
        orgId: w.ids['JS-ZJ-DY-001'],
        joinedAt: '2020-01-01',
        jobType: 'regular',
      },
    });
    expect(m.statusCode, m.body).toBe(201);
    const memberId = m.json<{ id: number }>().id;
    // the officer's refused read of it is an audit row of the officer's org
    expect((await w.t.request('GET', `/api/members/${memberId}`, { cookie: officer.cookie })).statusCode).toBe(404);
    const page = await search(reader.cookie, `actions=access.denied&targetId=${memberId}`);
    expect(page.items[0]).toMatchObject({ targetType: 'member', targetLabel: '欧***', targetLink: null });
    const full = await search(w.admin, `actions=access.denied&targetId=${memberId}`);
    expect(full.items[0]).toMatchObject({ targetLabel: '欧阳明月', targetLink: `/members/${memberId}` });
  });
});

describe('GET /api/audit/actions', () => {
  it('lists every labelled action for the filter, with both languages', async () => {
    const res = await w.t.request('GET', '/api/audit/actions', { cookie: w.admin });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Array<{ code: string; module: string; zh: string; en: string }> }>().items;
    expect(items).toContainEqual({ code: 'case.accepted', module: 'service', zh: '受理工单', en: 'Case accepted' });
    expect(items.length).toBe(auditActionCatalogue().size);
    expect(items.every((i) => i.zh && i.en)).toBe(true);
  });

  it('is for readers of the log only', async () => {
    const member = await w.t.request('GET', '/api/audit/actions', { cookie: w.member });
    expect(member.statusCode).toBe(403);
  });
});

describe('every action written has a label', () => {
  it('the check the harness runs at every test app’s close names an unlabelled action', async () => {
    const source = { actorId: null, actorName: null, ip: null, requestId: null, at: w.t.clock.now() };
    const rollback = new Error('rollback');
    const seen = await w.t.deps.db
      .transaction(async (tx) => {
        expect(await unlabelledAuditActions(tx)).toEqual([]);
        await writeAudit(tx, w.t.deps.crypto, source, { orgId: null, action: 'case.unheard_of' });
        throw Object.assign(rollback, { seen: await unlabelledAuditActions(tx) });
      })
      .catch((e: unknown) => (e === rollback ? rollback : Promise.reject(e)));
    expect(seen).toMatchObject({ seen: ['case.unheard_of'] });
  });
});
