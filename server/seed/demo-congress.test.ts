import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';

// The demo 恒神 congress: a hundred representatives whose composition holds, four sessions this
// year (three closed and compliant, one upcoming with its notice out), run by the `hengshen`
// officer, and a demo member of 恒神 who finds their seat on the H5.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ members: 60, env: { LOGIN_RATE_PER_MINUTE: '1000' } });
}, 300_000); // the whole demo with members loads: slow on a shared machine
afterAll(() => t.close());

interface Body {
  id: number;
  name: string;
  currentTerm: { id: number; number: number; startsOn: string; endsOn: string } | null;
}
interface Rule {
  code: string;
  held: boolean;
  detail: string;
}

describe('demo congress', () => {
  it('loads the 恒神 congress: 100 representatives, composition held, four sessions, compliant closed sessions', async () => {
    const staff = await t.login('hengshen');
    const bodies = (await t.request('GET', '/api/congress/bodies', { cookie: staff })).json<{ items: Body[] }>();
    expect(bodies.items).toHaveLength(1);
    const body = bodies.items[0];
    expect(body).toMatchObject({
      name: '江苏恒神股份有限公司职工代表大会',
      currentTerm: { number: 3, startsOn: '2024-01-01', endsOn: '2028-12-31' },
    });
    const termId = body?.currentTerm?.id ?? 0;
    const term = (await t.request('GET', `/api/congress/terms/${termId}`, { cookie: staff })).json<{
      representatives: number;
      sessions: number;
    }>();
    expect(term).toMatchObject({ representatives: 100, sessions: 4 });
    const comp = (await t.request('GET', `/api/congress/terms/${termId}/composition`, { cookie: staff })).json<{
      counts: { manager: number; frontline: number; women: number };
      rules: Rule[];
    }>();
    expect(comp.counts.manager).toBeLessThanOrEqual(20);
    expect(comp.counts.frontline).toBeGreaterThan(50);
    expect(comp.counts.women).toBeGreaterThan(20);
    expect(comp.rules.map((r) => [r.code, r.held])).toEqual([
      ['manager_share', true],
      ['frontline_share', true],
      ['women_share', true],
    ]);
    const sessions = (await t.request('GET', `/api/congress/terms/${termId}/sessions`, { cookie: staff })).json<{
      items: Array<{ id: number; state: string; startsAt: string; presence: { quorate: boolean } }>;
    }>().items;
    expect(sessions.map((s) => s.state)).toEqual(['closed', 'closed', 'closed', 'planned']);
    const year = new Date(t.clock.now().getTime() + 8 * 3600_000).getUTCFullYear();
    for (const s of sessions)
      expect(new Date(new Date(s.startsAt).getTime() + 8 * 3600_000).getUTCFullYear()).toBe(year);
    for (const s of sessions.slice(0, 3)) {
      expect(s.presence.quorate).toBe(true);
      const c = (await t.request('GET', `/api/congress/sessions/${s.id}/compliance`, { cookie: staff })).json<{
        rules: Rule[];
      }>();
      expect(c.rules.filter((r) => !r.held)).toEqual([]);
    }
    const upcoming = (
      await t.request('GET', `/api/congress/sessions/${sessions[3]?.id ?? 0}/compliance`, { cookie: staff })
    ).json<{ rules: Rule[] }>();
    expect(upcoming.rules.find((r) => r.code === 'notice_days')?.held).toBe(true);
  });

  it('shows a demo member of 恒神 their seat and the sessions', async () => {
    const me = await t.loginMember('13800000003'); // 李秀英, 原丝车间
    const seats = (await t.request('GET', '/api/me/congress', { cookie: me })).json<{
      seats: Array<{ bodyName: string; termNumber: number; category: string; sessions: Array<{ checkedIn: boolean }> }>;
    }>().seats;
    expect(seats).toHaveLength(1);
    expect(seats[0]).toMatchObject({
      bodyName: '江苏恒神股份有限公司职工代表大会',
      termNumber: 3,
      category: 'frontline',
    });
    expect(seats[0]?.sessions.map((s) => s.checkedIn)).toEqual([true, true, true, false]);
    const other = await t.loginMember('13800000010'); // a rider of the logistics park: no seat
    expect((await t.request('GET', '/api/me/congress', { cookie: other })).json()).toEqual({ seats: [] });
  });
});
