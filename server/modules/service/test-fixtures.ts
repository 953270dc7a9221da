import { expect } from 'vitest';
import { makeIdNumber } from '../member/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

// What the service tests share: the demo federation, a legal-aid service defined at the city
// and handled by the city's service center, and the demo member with a member record.

export const PW = 'Str0ng&Unique!';

export interface World {
  t: TestApp;
  ids: Record<string, number>;
  admin: string;
  city: string;
  center: string;
  member: string;
  memberId: number;
  memberIdNumber: string;
  serviceId: number;
}

let seq = 500;
export const nextIdNumber = () => makeIdNumber('321102', '1985-03-04', seq++);

export async function makeWorld(): Promise<World> {
  const t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000' } });
  const admin = await t.login('admin');
  const orgs = (await t.request('GET', '/api/orgs?pageSize=100', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items;
  const ids: Record<string, number> = {};
  for (const o of orgs) ids[o.code] = o.id;
  const memberIdNumber = nextIdNumber();
  const m = await t.request('POST', '/api/members', {
    cookie: admin,
    body: {
      name: '周师傅',
      idNumber: memberIdNumber,
      phone: '13800000001',
      orgId: ids['JS-ZJ-JK-XS-001'],
      joinedAt: '2019-01-01',
      jobType: 'courier',
    },
  });
  expect(m.statusCode, m.body).toBe(201);
  const s = await t.request('POST', '/api/services', {
    cookie: admin,
    body: {
      orgId: ids['JS-ZJ'],
      category: 'legal_aid',
      name: '法律援助',
      handlingOrgId: ids['JS-ZJ-FW'],
      deadlineDays: 5,
      form: [
        { key: 'summary', label: '问题描述', type: 'text', required: true },
        { key: 'kind', label: '纠纷类型', type: 'choice', required: true, options: ['劳动合同', '工资报酬', '工伤'] },
        { key: 'amount', label: '涉及金额', type: 'number', required: false, min: 0 },
      ],
    },
  });
  expect(s.statusCode, s.body).toBe(201);
  return {
    t,
    ids,
    admin,
    city: await t.login('city'),
    center: await t.login('center'),
    member: await t.loginMember('13800000001'),
    memberId: m.json<{ id: number }>().id,
    memberIdNumber,
    serviceId: s.json<{ id: number }>().id,
  };
}

export const answers = { summary: '公司拖欠三个月工资', kind: '工资报酬', amount: 12000 };

/** A new staff member with a role at an org; returns the account id and a session. */
export async function staffAt(
  w: World,
  username: string,
  orgId: number,
  roleCode: string,
): Promise<{ id: number; cookie: string }> {
  const s = await w.t.request('POST', '/api/staff', {
    cookie: w.admin,
    body: { username, displayName: username, orgId, password: PW },
  });
  expect(s.statusCode, s.body).toBe(201);
  const id = s.json<{ id: number }>().id;
  const g = await w.t.request('POST', `/api/staff/${id}/grants`, { cookie: w.admin, body: { roleCode, orgId } });
  expect(g.statusCode, g.body).toBeLessThan(300);
  return { id, cookie: await w.t.login(username, PW) };
}

export async function apply(w: World, fields: Record<string, unknown> = answers): Promise<number> {
  const res = await w.t.request('POST', '/api/cases', { cookie: w.member, body: { serviceId: w.serviceId, fields } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

export async function act(w: World, cookie: string, id: number, action: string, body: Record<string, unknown> = {}) {
  return w.t.request('POST', `/api/cases/${id}/${action}`, { cookie, body });
}

/** Moves the clock, then signs everyone in again (sessions time out while the clock runs). */
export async function travel(w: World, ms: number): Promise<void> {
  w.t.clock.advance(ms);
  w.admin = await w.t.login('admin');
  w.city = await w.t.login('city');
  w.center = await w.t.login('center');
  w.member = await w.t.loginMember('13800000001');
}
