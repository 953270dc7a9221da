import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, makeWorld, staffAt, type World } from './test-fixtures.js';

// A handler reveals the applicant's phone to call back (issue 16): with a reason, audited, only
// where the caller may handle the case.

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.t.close());

const reveal = (cookie: string, id: number, body: unknown, lang = 'zh-CN') =>
  w.t.request('POST', `/api/cases/${id}/reveal-phone`, { cookie, body, headers: { 'accept-language': lang } });

type AuditItem = { action: string; actorId: number; targetId: string; after: { reason?: string } };
const auditOf = async (id: number, action: string) =>
  (
    await w.t.request('GET', `/api/audit?targetType=service_case&targetId=${id}&actions=${action}`, {
      cookie: w.admin,
    })
  ).json<{ items: AuditItem[] }>().items;

describe('POST /api/cases/:id/reveal-phone', () => {
  it('a handler gets the full phone; the case shows it masked, and offers the reveal', async () => {
    const id = await apply(w);
    const c = (await w.t.request('GET', `/api/cases/${id}`, { cookie: w.center })).json<{
      applicantPhone: string;
      actions: string[];
    }>();
    expect(c.applicantPhone).toBe('138****0001');
    expect(c.actions).toContain('revealPhone');
    const res = await reveal(w.center, id, { reason: '回电核实诉求' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ phone: '13800000001' });
  });

  it('is audited with the reason, and the row names no phone', async () => {
    const id = await apply(w);
    expect((await reveal(w.center, id, { reason: '回电核实诉求' })).statusCode).toBe(200);
    const rows = await auditOf(id, 'case.reveal_phone');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.after).toEqual({ reason: '回电核实诉求' });
    expect(JSON.stringify(rows)).not.toContain('13800000001');
  });

  it('400 without a reason, naming the field in the caller’s language; nothing audited', async () => {
    const id = await apply(w);
    const none = await reveal(w.center, id, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toEqual([{ path: 'reason', message: '此项为必填项' }]);
    const blank = await reveal(w.center, id, { reason: ' ' }, 'en');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details).toEqual([{ path: 'reason', message: 'Give a reason' }]);
    expect(await auditOf(id, 'case.reveal_phone')).toEqual([]);
  });

  it('404 outside the caller’s scope (audited as a refused access), 403 to a reader who may not handle', async () => {
    const id = await apply(w);
    const county = await w.t.login('county');
    const out = await reveal(county, id, { reason: '回电核实诉求' });
    expect(out.statusCode).toBe(404);
    expect(out.json().error.code).toBe('NOT_FOUND');
    expect(await auditOf(id, 'access.denied')).toHaveLength(1);
    const reader = await staffAt(w, 'fw.auditor', w.ids['JS-ZJ-FW'] ?? 0, 'auditor');
    const refused = await reveal(reader.cookie, id, { reason: '回电核实诉求' });
    expect(refused.statusCode).toBe(403);
    const asMember = await reveal(w.member, id, { reason: '回电核实诉求' });
    expect(asMember.statusCode).toBe(403);
    expect(await auditOf(id, 'case.reveal_phone')).toEqual([]);
  });
});
