import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeIdNumber } from '../member/index.js';
import { makeMember, orgIds } from '../voucher/claim.fixtures.js';
import { managerShareHeld } from './composition.js';
import { termLengthHeld } from './congress.dates.js';
import { DEFAULT_RULES } from './congress.rules.js';
import { makeCongress } from './test-fixtures.js';

// Bodies, terms, representatives and composition: the rules at their edges, scope and bad input.

let t: TestApp;
let admin: string;
let other: string; // 瑞丰科技's officer: another org
let ids: Record<string, number>;
let hs: number;
let seq = 500;

interface Rep {
  id: number;
  memberId: number;
  state: string;
  successorId: number | null;
  endedOn: string | null;
  gender: string;
  category: string;
}

/** A member of `orgId` (odd sequence: a man, even: a woman); returns the member id. */
async function member(orgId: number, gender: 'male' | 'female' = 'male'): Promise<number> {
  let n = seq++;
  if ((n % 2 === 1) !== (gender === 'male')) n = seq++;
  const phone = `136${String(n).padStart(8, '0')}`;
  await makeMember(t, admin, orgId, { idNumber: makeIdNumber('320102', '1985-01-01', n), phone, name: '测试代表' });
  const res = await t.request('GET', `/api/members?q=${phone}`, { cookie: admin });
  const id = res.json<{ items: Array<{ id: number }> }>().items[0]?.id;
  if (!id) throw new Error('member not found');
  return id;
}

async function newBody(name: string): Promise<{ bodyId: number; termId: number }> {
  const b = await t.request('POST', '/api/congress/bodies', { cookie: admin, body: { orgId: hs, name } });
  expect(b.statusCode, b.body).toBe(201);
  const bodyId = b.json<{ id: number }>().id;
  const term = await t.request('POST', `/api/congress/bodies/${bodyId}/terms`, {
    cookie: admin,
    body: { number: 1, startsOn: '2026-01-01', endsOn: '2029-12-31' },
  });
  expect(term.statusCode, term.body).toBe(201);
  return { bodyId, termId: term.json<{ id: number }>().id };
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  admin = await t.login('admin');
  other = await t.login('grassroots');
  ids = await orgIds(t, admin);
  hs = ids['JS-ZJ-DY-001'] ?? 0;
});
afterAll(() => t.close());

describe('bodies and terms', () => {
  it('creates a body once per name, lists it with its current term and shows its terms', async () => {
    const { bodyId, termId } = await newBody('江苏恒神股份有限公司职工代表大会');
    const again = await t.request('POST', '/api/congress/bodies', {
      cookie: admin,
      body: { orgId: hs, name: '江苏恒神股份有限公司职工代表大会' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('CONGRESS_BODY_EXISTS');
    const list = await t.request('GET', `/api/congress/bodies?orgId=${hs}&q=恒神`, { cookie: admin });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json<{ items: Array<{ id: number; orgName: string; currentTerm: { id: number } | null }> }>()
      .items[0];
    expect(item).toMatchObject({ id: bodyId, orgName: '江苏恒神股份有限公司工会', currentTerm: { id: termId } });
    const detail = await t.request('GET', `/api/congress/bodies/${bodyId}`, { cookie: admin });
    expect(detail.json<{ terms: unknown[] }>().terms).toEqual([
      { id: termId, number: 1, startsOn: '2026-01-01', endsOn: '2029-12-31', representatives: 0 },
    ]);
    const dup = await t.request('POST', `/api/congress/bodies/${bodyId}/terms`, {
      cookie: admin,
      body: { number: 1, startsOn: '2030-01-01', endsOn: '2034-12-31' },
    });
    expect(dup.json<{ error: { code: string } }>().error.code).toBe('CONGRESS_TERM_EXISTS');
  });

  it('refuses a term of two years and accepts three (the rules in force: 3 to 5)', async () => {
    const b = await t.request('POST', '/api/congress/bodies', { cookie: admin, body: { orgId: hs, name: '任期测试' } });
    const bodyId = b.json<{ id: number }>().id;
    const two = await t.request('POST', `/api/congress/bodies/${bodyId}/terms`, {
      cookie: admin,
      body: { number: 1, startsOn: '2026-01-01', endsOn: '2027-12-31' },
    });
    expect(two.statusCode).toBe(422);
    expect(two.json<{ error: { code: string } }>().error.code).toBe('CONGRESS_TERM_LENGTH');
    const three = await t.request('POST', `/api/congress/bodies/${bodyId}/terms`, {
      cookie: admin,
      body: { number: 1, startsOn: '2026-01-01', endsOn: '2028-12-31' },
    });
    expect(three.statusCode, three.body).toBe(201);
    const six = await t.request('POST', `/api/congress/bodies/${bodyId}/terms`, {
      cookie: admin,
      body: { number: 2, startsOn: '2029-01-01', endsOn: '2034-12-31' },
    });
    expect(six.statusCode).toBe(422);
    // The edges of the arithmetic (inclusive end, or the anniversary itself).
    expect(termLengthHeld('2024-01-01', '2026-12-31', 3, 5)).toBe(true);
    expect(termLengthHeld('2024-01-01', '2026-12-30', 3, 5)).toBe(false);
    expect(termLengthHeld('2024-01-01', '2029-01-01', 3, 5)).toBe(true);
    expect(termLengthHeld('2024-01-01', '2029-01-02', 3, 5)).toBe(false);
  });

  it('takes a jurisdiction rule set for the subtree, and term lengths follow it', async () => {
    const put = await t.request('PUT', `/api/congress/rules/${ids['JS-ZJ-DY'] ?? 0}`, {
      cookie: admin,
      body: { rules: { termYearsMin: 2 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const got = await t.request('GET', `/api/congress/rules?orgId=${hs}`, { cookie: admin });
    expect(got.json<{ rules: { termYearsMin: number; termYearsMax: number } }>().rules).toMatchObject({
      termYearsMin: 2,
      termYearsMax: 5,
    });
    const bad = await t.request('PUT', `/api/congress/rules/${hs}`, {
      cookie: admin,
      body: { rules: { quorumNumerator: 0, unknown: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    await t.request('PUT', `/api/congress/rules/${ids['JS-ZJ-DY'] ?? 0}`, { cookie: admin, body: { rules: {} } });
  });

  it('answers bad input with 400 and field messages, in Chinese by default and English on request', async () => {
    const res = await t.request('POST', '/api/congress/bodies', { cookie: admin, body: { orgId: hs, name: '  ' } });
    expect(res.statusCode).toBe(400);
    const details = res.json<{ error: { details: Array<{ path: string; message: string }> } }>().error.details;
    expect(details).toContainEqual({ path: 'name', message: '请填写名称（1至100字）' });
    const en = await t.request('POST', '/api/congress/bodies/1/terms', {
      cookie: admin,
      headers: { 'accept-language': 'en' },
      body: { number: 1, startsOn: '2026-02-30', endsOn: '2025-01-01' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json<{ error: { details: Array<{ path: string; message: string }> } }>().error.details).toContainEqual({
      path: 'startsOn',
      message: 'Give a date as YYYY-MM-DD',
    });
    const cat = await t.request('POST', '/api/congress/terms/1/representatives', {
      cookie: admin,
      body: { memberId: 1, delegation: '', category: 'boss' },
    });
    expect(cat.statusCode).toBe(400);
    const msgs = cat.json<{ error: { details: Array<{ path: string; message: string }> } }>().error.details;
    expect(msgs).toContainEqual({ path: 'category', message: '代表类别须为一线职工、专业技术人员、管理人员或其他' });
    expect(msgs).toContainEqual({ path: 'delegation', message: '请填写代表团（组）' });
  });
});

describe('representatives', () => {
  it('adds a member of the subtree once, refuses an outsider, and a replacement keeps both rows', async () => {
    const { termId } = await newBody('代表测试');
    const a = await member(hs, 'female');
    const b = await member(hs);
    const outsider = await member(ids['JS-ZJ-JK-XS-001'] ?? 0);
    const url = `/api/congress/terms/${termId}/representatives`;
    const add = await t.request('POST', url, {
      cookie: admin,
      body: { memberId: a, delegation: '原丝车间', category: 'frontline' },
    });
    expect(add.statusCode, add.body).toBe(201);
    const rep = add.json<Rep & { name: string }>();
    expect(rep).toMatchObject({ memberId: a, gender: 'female', state: 'active', name: '测试代表' });
    const twice = await t.request('POST', url, {
      cookie: admin,
      body: { memberId: a, delegation: '碳化车间', category: 'technical' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('CONGRESS_REPRESENTATIVE_EXISTS');
    const out = await t.request('POST', url, {
      cookie: admin,
      body: { memberId: outsider, delegation: '原丝车间', category: 'frontline' },
    });
    expect(out.statusCode).toBe(422);
    expect(out.json<{ error: { code: string } }>().error.code).toBe('CONGRESS_NOT_A_MEMBER');

    const rep2 = await t.request('POST', `/api/congress/representatives/${rep.id}/replace`, {
      cookie: admin,
      body: { memberId: b, reason: '调离本公司', on: '2026-06-30' },
    });
    expect(rep2.statusCode, rep2.body).toBe(200);
    const { ended, successor } = rep2.json<{ ended: Rep; successor: Rep }>();
    expect(ended).toMatchObject({ id: rep.id, state: 'replaced', endedOn: '2026-06-30', successorId: successor.id });
    expect(successor).toMatchObject({ memberId: b, state: 'active', category: 'frontline' });
    const all = await t.request('GET', url, { cookie: admin });
    expect(all.json<{ items: Rep[]; total: number }>().total).toBe(2);
    const active = await t.request('GET', `${url}?state=active`, { cookie: admin });
    expect(active.json<{ items: Rep[] }>().items.map((r) => r.memberId)).toEqual([b]);
    const again = await t.request('POST', `/api/congress/representatives/${rep.id}/replace`, {
      cookie: admin,
      body: { memberId: b, reason: 'x' },
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('CONGRESS_REPRESENTATIVE_STATE');
    const end = await t.request('POST', `/api/congress/representatives/${successor.id}/end`, {
      cookie: admin,
      body: { reason: '退休' },
    });
    expect(end.json<Rep>()).toMatchObject({ state: 'left' });
    const term = await t.request('GET', `/api/congress/terms/${termId}`, { cookie: admin });
    expect(term.json<{ representatives: number }>().representatives).toBe(0);
  });

  it("keeps another org's staff out: 404 on the body, term, representatives and changes", async () => {
    const { bodyId, termId } = await newBody('范围测试');
    for (const url of [
      `/api/congress/bodies/${bodyId}`,
      `/api/congress/terms/${termId}`,
      `/api/congress/terms/${termId}/representatives`,
      `/api/congress/terms/${termId}/composition`,
    ])
      expect((await t.request('GET', url, { cookie: other })).statusCode, url).toBe(404);
    const add = await t.request('POST', `/api/congress/terms/${termId}/representatives`, {
      cookie: other,
      body: { memberId: 1, delegation: 'x', category: 'frontline' },
    });
    expect(add.statusCode).toBe(404);
    const list = await t.request('GET', '/api/congress/bodies', { cookie: other });
    expect(list.json<{ items: Array<{ id: number }> }>().items.map((b) => b.id)).not.toContain(bodyId);
    const mine = await t.request('POST', '/api/congress/bodies', { cookie: other, body: { orgId: hs, name: 'x' } });
    expect(mine.statusCode).toBe(404);
  });
});

describe('composition', () => {
  it('holds the manager share at exactly 20% and fails just above; frontline and women against the workforce', async () => {
    expect(managerShareHeld(DEFAULT_RULES, 20, 100)).toBe(true);
    expect(managerShareHeld(DEFAULT_RULES, 21, 100)).toBe(false);
    expect(managerShareHeld(DEFAULT_RULES, 20, 99)).toBe(false);
    const c = await makeCongress(t, admin, { orgId: hs, reps: 10 }); // every fifth a manager: 2 of 10
    const url = `/api/congress/terms/${c.termId}/composition`;
    const at20 = (await t.request('GET', url, { cookie: admin })).json<{
      total: number;
      counts: { manager: number; frontline: number; men: number; women: number };
      shares: { manager: number; women: number };
      workforce: { members: number; women: number; womenShare: number };
      rules: Array<{ code: string; held: boolean; level: string; detail: string }>;
    }>();
    expect(at20).toMatchObject({ total: 10, counts: { manager: 2, frontline: 8 }, shares: { manager: 0.2 } });
    expect(at20.rules.find((r) => r.code === 'manager_share')).toMatchObject({ held: true, level: 'error' });
    expect(at20.rules.find((r) => r.code === 'frontline_share')).toMatchObject({ held: true, level: 'warning' });
    expect(at20.workforce.members).toBeGreaterThanOrEqual(10);
    expect(at20.counts.men + at20.counts.women).toBe(10);
    // Women against the workforce of the subtree: a warning when short by more than the tolerance.
    await member(hs, 'female');
    const women = (await t.request('GET', url, { cookie: admin })).json<typeof at20>();
    expect(women.workforce.women).toBeGreaterThan(0);
    const w = women.rules.find((r) => r.code === 'women_share');
    expect(w?.held).toBe(women.shares.women + DEFAULT_RULES.womenTolerance >= women.workforce.womenShare);
    expect(w?.detail).toContain(`女职工代表 ${women.counts.women}/10 人`);
    const m = await member(hs);
    const add = await t.request('POST', `/api/congress/terms/${c.termId}/representatives`, {
      cookie: admin,
      body: { memberId: m, delegation: '机关', category: 'manager' },
    });
    expect(add.statusCode, add.body).toBe(201);
    const above = (await t.request('GET', url, { cookie: admin, headers: { 'accept-language': 'en' } })).json<
      typeof at20
    >();
    const rule = above.rules.find((r) => r.code === 'manager_share');
    expect(rule).toMatchObject({ held: false });
    expect(rule?.detail).toContain('Managers 3/11');
  });
});
