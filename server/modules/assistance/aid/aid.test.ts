import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test/harness.js';
import { hashPassword } from '../../auth/index.js';
import { account } from '../../auth/auth.schema.js';
import { makeIdNumber } from '../../member/index.js';
import { makeWorld, PW, staffAt, type World } from '../../service/test-fixtures.js';
import { hardshipConsent, hardshipFile } from '../hardship/hardship.schema.js';

// Programmes, budgets and caps, the approval chain, the ledger export, 微心愿. The same file runs
// on PGlite and PostgreSQL; the concurrent approvals need real parallel transactions (PostgreSQL).

let w: World;
let head: { id: number; cookie: string };
let grassroots: string;
let outsider: { id: number; cookie: string };
let seq = 600;
const YEAR = new Date().getFullYear();

/** A member at techco with a household file in `state` (inserted directly: the file's own flow is tested in hardship/). */
async function household(
  category: 'deep' | 'relative' | 'sudden' = 'deep',
  state: 'filed' | 'draft' = 'filed',
  name = '王小明',
): Promise<{ fileId: number; memberId: number }> {
  const m = await w.t.request('POST', '/api/members', {
    cookie: w.admin,
    body: {
      name,
      idNumber: makeIdNumber('321102', '1980-05-06', seq++),
      phone: `139${String(seq).padStart(8, '0')}`,
      orgId: w.ids['JS-ZJ-JK-XS-001'],
      joinedAt: '2015-01-01',
      jobType: 'regular',
    },
  });
  expect(m.statusCode, m.body).toBe(201);
  const memberId = m.json<{ id: number }>().id;
  const now = w.t.clock.now();
  const db = w.t.deps.db;
  const [c] = await db
    .insert(hardshipConsent)
    .values({ memberId, version: 'v1', scope: ['collect', 'verify', 'assist'], givenVia: 'staff', givenAt: now })
    .returning();
  const [f] = await db
    .insert(hardshipFile)
    .values({
      memberId,
      orgId: w.ids['JS-ZJ-JK-XS-001']!,
      consentId: c!.id,
      state,
      category,
      createdAt: now,
      updatedAt: now,
      filedAt: state === 'filed' ? now : null,
    })
    .returning();
  return { fileId: f!.id, memberId };
}

async function programme(body: Record<string, unknown>, cookie = w.city) {
  const res = await w.t.request('POST', '/api/assistance/programmes', {
    cookie,
    body: {
      orgId: w.ids['JS-ZJ'],
      year: YEAR,
      kind: 'winter_warmth',
      name: '送温暖',
      budgetFen: 1_000_00,
      rules: {},
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; leftFen: number }>();
}

async function propose(programmeId: number, fileId: number, amountFen?: number, cookie = grassroots) {
  return w.t.request('POST', '/api/assistance/records', {
    cookie,
    body: { programmeId, fileId, form: 'cash', ...(amountFen ? { amountFen } : {}) },
  });
}
const proposed = async (programmeId: number, fileId: number, amountFen?: number) => {
  const res = await propose(programmeId, fileId, amountFen);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
};
const act = (id: number, action: string, cookie = head.cookie, body: Record<string, unknown> = {}) =>
  w.t.request('POST', `/api/assistance/records/${id}/${action}`, { cookie, body });
const figures = async (id: number) =>
  (await w.t.request('GET', `/api/assistance/programmes/${id}`, { cookie: w.city })).json<{
    budgetFen: number;
    committedFen: number;
    paidFen: number;
    leftFen: number;
    pendingFen: number;
  }>();

beforeAll(async () => {
  w = await makeWorld();
  head = await staffAt(w, 'head1', w.ids['JS-ZJ']!, 'org_head');
  outsider = await staffAt(w, 'dyofficer', w.ids['JS-ZJ-DY']!, 'grassroots_officer');
  grassroots = await w.t.login('grassroots');
}, 120_000);
afterAll(async () => w?.t.close());

describe('programmes', () => {
  it('lists live figures; grassroots officers see the programmes above them; other subtrees do not', async () => {
    const p = await programme({ name: '2026 送温暖', budgetFen: 500_000 });
    const list = await w.t.request('GET', '/api/assistance/programmes', { cookie: grassroots });
    expect(list.statusCode, list.body).toBe(200);
    const item = list
      .json<{ items: Array<{ id: number; leftFen: number; canManage: boolean }> }>()
      .items.find((x) => x.id === p.id);
    expect(item).toMatchObject({ leftFen: 500_000, canManage: false });
    // Danyang's officer is below the city too: sees it, cannot change it.
    expect(
      (await w.t.request('GET', `/api/assistance/programmes/${p.id}`, { cookie: outsider.cookie })).statusCode,
    ).toBe(200);
    expect(
      (
        await w.t.request('PATCH', `/api/assistance/programmes/${p.id}`, {
          cookie: outsider.cookie,
          body: { name: 'x改' },
        })
      ).statusCode,
    ).toBe(404);
    // A grassroots programme is invisible to another county.
    const own = await programme(
      { orgId: w.ids['JS-ZJ-JK-XS-001'], name: '瑞丰节日慰问', kind: 'festival' },
      grassroots,
    );
    expect(
      (await w.t.request('GET', `/api/assistance/programmes/${own.id}`, { cookie: outsider.cookie })).statusCode,
    ).toBe(404);
    const dy = await w.t.request('GET', `/api/assistance/programmes?orgId=${w.ids['JS-ZJ-JK-XS-001']}`, {
      cookie: outsider.cookie,
    });
    expect(dy.statusCode).toBe(404);
  });

  it('refuses a budget below what is committed, and bad rules', async () => {
    const p = await programme({ budgetFen: 100_00, rules: { amountFen: 60_00 } });
    const h = await household();
    expect((await act(await proposed(p.id, h.fileId), 'approve')).statusCode).toBe(200);
    const low = await w.t.request('PATCH', `/api/assistance/programmes/${p.id}`, {
      cookie: w.city,
      body: { budgetFen: 50_00 },
    });
    expect(low.statusCode).toBe(409);
    expect(low.json<{ error: { code: string } }>().error.code).toBe('AID_BUDGET_BELOW_COMMITTED');
    const bad = await w.t.request('POST', '/api/assistance/programmes', {
      cookie: w.city,
      body: {
        orgId: w.ids['JS-ZJ'],
        year: YEAR,
        kind: 'other',
        name: 'x',
        budgetFen: 100,
        rules: { amountFen: 500, capFen: 100 },
      },
    });
    expect(bad.statusCode).toBe(400);
    const neg = await w.t.request('POST', '/api/assistance/programmes', {
      cookie: w.city,
      body: { orgId: w.ids['JS-ZJ'], year: YEAR, kind: 'nope', name: 'x', budgetFen: -1, rules: {}, extra: 1 },
    });
    expect(neg.statusCode).toBe(400);
  });
});

describe('approval chain', () => {
  it('officer proposes → head approves → paid; figures follow; the proposer cannot approve', async () => {
    const p = await programme({ budgetFen: 1_000_00, rules: { amountByCategory: { deep: 300_00, relative: 200_00 } } });
    const h = await household('deep');
    const id = await proposed(p.id, h.fileId);
    expect((await figures(p.id)).pendingFen).toBe(300_00);
    // The grassroots officer has no approve right; the admin, who has every right, proposed its own.
    expect((await act(id, 'approve', grassroots)).statusCode).toBe(403);
    const own = await w.t.request('POST', '/api/assistance/records', {
      cookie: w.admin,
      body: { programmeId: p.id, fileId: h.fileId, form: 'goods', goods: '米面油', amountFen: 100_00 },
    });
    expect(own.statusCode, own.body).toBe(201);
    const ownApprove = await act(own.json<{ id: number }>().id, 'approve', w.admin);
    expect(ownApprove.statusCode).toBe(403);
    expect(ownApprove.json<{ error: { code: string } }>().error.code).toBe('AID_OWN_PROPOSAL');
    const ok = await act(id, 'approve');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ state: string; decidedByName: string }>()).toMatchObject({
      state: 'approved',
      decidedByName: 'head1',
    });
    expect(await figures(p.id)).toMatchObject({ committedFen: 300_00, paidFen: 0, leftFen: 700_00 });
    // One route per transition: a second approval or a payment of a proposal is a conflict.
    expect((await act(id, 'approve')).statusCode).toBe(409);
    expect((await act(own.json<{ id: number }>().id, 'pay', w.city)).statusCode).toBe(409);
    expect((await act(id, 'pay', head.cookie)).statusCode).toBe(403);
    const paid = await act(id, 'pay', w.city);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(await figures(p.id)).toMatchObject({ committedFen: 300_00, paidFen: 300_00, leftFen: 700_00 });
    expect((await act(id, 'cancel', w.city, { reason: '撤销测试' })).statusCode).toBe(409);
    // The member sees it.
    const hist = await w.t.request('GET', `/api/assistance/records?programmeId=${p.id}&state=paid`, { cookie: w.city });
    expect(hist.json<{ items: Array<{ memberName: string }> }>().items[0]!.memberName).toBe('王**');
    // One household's records (what the propose dialog reads for the cap).
    const forFile = await w.t.request('GET', `/api/assistance/records?programmeId=${p.id}&fileId=${h.fileId}`, {
      cookie: w.city,
    });
    expect(forFile.json<{ items: Array<{ fileId: number }> }>().items.every((x) => x.fileId === h.fileId)).toBe(true);
    expect(
      (await w.t.request('GET', `/api/assistance/records?fileId=${h.fileId + 100000}`, { cookie: w.city })).json<{
        total: number;
      }>().total,
    ).toBe(0);
  });

  it('checks eligibility: category, filed state, the programme serving the household, open programme', async () => {
    const p = await programme({ rules: { categories: ['deep'], amountFen: 100_00 } });
    const rel = await household('relative');
    const res = await propose(p.id, rel.fileId);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('AID_NOT_ELIGIBLE');
    const draft = await household('deep', 'draft');
    expect((await propose(p.id, draft.fileId)).statusCode).toBe(409);
    const deep = await household('deep');
    expect((await propose(p.id, deep.fileId, 150_00)).statusCode).toBe(400); // above the standard amount
    // A Danyang programme does not serve a Jingkou household.
    const dy = await programme({ orgId: w.ids['JS-ZJ-DY'], rules: { amountFen: 100_00 } });
    expect((await propose(dy.id, deep.fileId, undefined, w.admin)).statusCode).toBe(409);
    expect((await w.t.request('POST', `/api/assistance/programmes/${p.id}/close`, { cookie: w.city })).statusCode).toBe(
      200,
    );
    const closed = await propose(p.id, deep.fileId);
    expect(closed.json<{ error: { code: string } }>().error.code).toBe('AID_PROGRAMME_CLOSED');
    // Scope: Danyang's officer cannot propose for a Jingkou household.
    const out = await w.t.request('POST', '/api/assistance/records', {
      cookie: outsider.cookie,
      body: { programmeId: p.id, fileId: deep.fileId, form: 'cash' },
    });
    expect(out.statusCode).toBe(404);
  });

  it('never commits past the budget; a cancelled approval gives the money back', async () => {
    const p = await programme({ budgetFen: 1_000_00, rules: { amountFen: 400_00 } });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await proposed(p.id, (await household()).fileId));
    expect((await act(ids[0]!, 'approve')).statusCode).toBe(200);
    expect((await act(ids[1]!, 'approve')).statusCode).toBe(200);
    const over = await act(ids[2]!, 'approve');
    expect(over.statusCode).toBe(409);
    expect(over.json<{ error: { code: string } }>().error.code).toBe('AID_BUDGET_EXCEEDED');
    expect((await figures(p.id)).committedFen).toBe(800_00);
    expect(
      (await w.t.request('GET', `/api/assistance/records/${ids[2]}`, { cookie: w.city })).json<{ state: string }>()
        .state,
    ).toBe('proposed');
    expect((await act(ids[0]!, 'cancel', grassroots, { reason: '家庭情况变化' })).statusCode).toBe(200);
    expect((await figures(p.id)).committedFen).toBe(400_00);
    expect((await act(ids[2]!, 'approve')).statusCode).toBe(200);
    expect((await figures(p.id)).leftFen).toBe(200_00);
  });

  it('never passes a household cap or its max times', async () => {
    const p = await programme({ budgetFen: 10_000_00, rules: { capFen: 500_00, maxTimes: 3 } });
    const h = await household();
    const a = await proposed(p.id, h.fileId, 300_00);
    const b = await proposed(p.id, h.fileId, 300_00);
    expect((await act(a, 'approve')).statusCode).toBe(200);
    const over = await act(b, 'approve');
    expect(over.json<{ error: { code: string } }>().error.code).toBe('AID_CAP_EXCEEDED');
    // Proposals above what is left of the cap are refused at once.
    expect((await propose(p.id, h.fileId, 300_00)).statusCode).toBe(409);
    expect((await act(b, 'reject', head.cookie, { reason: '超出上限' })).statusCode).toBe(200);
    const c = await proposed(p.id, h.fileId, 100_00);
    const d = await proposed(p.id, h.fileId, 50_00);
    expect((await act(c, 'approve')).statusCode).toBe(200);
    expect((await act(d, 'approve')).statusCode).toBe(200);
    // Three times used.
    expect((await propose(p.id, h.fileId, 10_00)).statusCode).toBe(409);
    expect((await figures(p.id)).committedFen).toBe(450_00);
  });

  it('lists pending approvals for the head, filters and pages; bad filters are 400', async () => {
    const p = await programme({ rules: { amountFen: 10_00 } });
    await proposed(p.id, (await household()).fileId);
    const pending = await w.t.request('GET', `/api/assistance/records?view=pending&programmeId=${p.id}`, {
      cookie: head.cookie,
    });
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json<{ items: Array<{ actions: string[] }> }>().items[0]!.actions).toContain('approve');
    expect(
      (
        await w.t.request('GET', `/api/assistance/records?view=pending&programmeId=${p.id}`, { cookie: grassroots })
      ).json<{ total: number }>().total,
    ).toBe(0);
    expect((await w.t.request('GET', '/api/assistance/records?state=bogus', { cookie: w.city })).statusCode).toBe(400);
    expect((await w.t.request('GET', '/api/assistance/records?from=2026-13-01', { cookie: w.city })).statusCode).toBe(
      400,
    );
    expect(
      (await w.t.request('GET', `/api/assistance/records?orgId=${w.ids['JS-ZJ-JK']}`, { cookie: outsider.cookie }))
        .statusCode,
    ).toBe(404);
    const outList = await w.t.request('GET', `/api/assistance/records?programmeId=${p.id}`, {
      cookie: outsider.cookie,
    });
    expect(outList.json<{ total: number }>().total).toBe(0);
  });
});

describe('export', () => {
  it('is masked by default; reveal needs member:member:reveal and is audited', async () => {
    const p = await programme({ rules: { amountFen: 20_00 } });
    await proposed(p.id, (await household('deep', 'filed', '赵大宝')).fileId);
    const read = async (url: string, cookie: string) => {
      const res = await w.t.request('GET', url, { cookie });
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const masked = await read(`/api/assistance/records/export?programmeId=${p.id}`, w.city);
    expect(masked[1]![3]).toBe('赵**');
    expect(masked[1]![4]).toMatch(/^\d{4}\*{10}/);
    const full = await read(`/api/assistance/records/export?programmeId=${p.id}&reveal=true`, w.city);
    expect(full[1]![3]).toBe('赵大宝');
    expect(
      (
        await w.t.request('GET', `/api/assistance/records/export?programmeId=${p.id}&reveal=true`, {
          cookie: head.cookie,
        })
      ).statusCode,
    ).toBe(403);
    const log = await w.t.request('GET', '/api/audit?action=aid.record.export.reveal', { cookie: w.admin });
    expect(log.body).toContain('aid.record.export.reveal');
  });
});

describe('微心愿', () => {
  it('posted by a worker, reviewed, shown anonymously, claimed, fulfilled', async () => {
    const post = await w.t.request('POST', '/api/me/wishes', {
      cookie: w.member,
      body: {
        title: '想给孩子买一个书包',
        story: '孩子今年上小学一年级，想要一个新书包和文具。',
        estimatedFen: 150_00,
      },
    });
    expect(post.statusCode, post.body).toBe(201);
    const id = post.json<{ id: number }>().id;
    const board = async () =>
      (await w.t.request('GET', '/api/wishes')).json<{ items: Array<{ id: number; state: string; area: string }> }>();
    expect((await board()).items.some((x) => x.id === id)).toBe(false);
    expect(
      (await w.t.request('POST', `/api/assistance/wishes/${id}/publish`, { cookie: outsider.cookie, body: {} }))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.t.request('POST', `/api/assistance/wishes/${id}/publish`, { cookie: grassroots, body: {} })).statusCode,
    ).toBe(200);
    const res = await w.t.request('GET', '/api/wishes');
    const item = res.json<{ items: Array<{ id: number; area: string }> }>().items.find((x) => x.id === id);
    expect(item?.area).toBe('象山街道总工会');
    // Never the worker's name, phone or union.
    expect(res.body).not.toContain('周师傅');
    expect(res.body).not.toContain('13800000001');
    expect(res.body).not.toContain('瑞丰');
    expect(res.body).not.toMatch(/accountId|memberId|orgId/);
    const own = await w.t.request('POST', `/api/wishes/${id}/claim`, { cookie: w.member });
    expect(own.json<{ error: { code: string } }>().error.code).toBe('WISH_OWN');
    // Another member claims it.
    const now = w.t.clock.now();
    await w.t.deps.db.insert(account).values({
      kind: 'member',
      displayName: '李爱心',
      passwordHash: await hashPassword(PW),
      passwordChangedAt: now,
      phoneEnc: w.t.deps.crypto.encrypt('13700000009'),
      phoneHash: w.t.deps.crypto.blindIndex('phone', '13700000009'),
    });
    const donor = await w.t.loginMember('13700000009', PW);
    expect((await w.t.request('POST', `/api/wishes/${id}/claim`, { cookie: donor })).statusCode).toBe(200);
    expect((await w.t.request('POST', `/api/wishes/${id}/claim`, { cookie: donor })).statusCode).toBe(409);
    expect(
      (
        await w.t.request('POST', `/api/assistance/wishes/${id}/fulfil`, {
          cookie: grassroots,
          body: { note: '书包已送到' },
        })
      ).statusCode,
    ).toBe(200);
    const mine = (await w.t.request('GET', '/api/me/wishes', { cookie: w.member })).json<{
      items: Array<{ id: number; state: string; donorName: string }>;
    }>();
    expect(mine.items.find((x) => x.id === id)).toMatchObject({ state: 'fulfilled', donorName: '爱心会员 李**' });
  });

  it('staff claim for an org; reject and withdraw; staff list masks the poster', async () => {
    const a = (
      await w.t.request('POST', '/api/me/wishes', {
        cookie: w.member,
        body: { title: '一台旧电脑', story: '孩子上网课需要一台能用的电脑。', estimatedFen: 800_00 },
      })
    ).json<{ id: number }>().id;
    const b = (
      await w.t.request('POST', '/api/me/wishes', {
        cookie: w.member,
        body: { title: '一件冬衣', story: '冬天快到了，想要一件厚实的棉衣。', estimatedFen: 200_00 },
      })
    ).json<{ id: number }>().id;
    const list = await w.t.request('GET', '/api/assistance/wishes?state=submitted', { cookie: grassroots });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Array<{ posterName: string }> }>().items[0]!.posterName).toBe('周**');
    expect(
      (
        await w.t.request('POST', `/api/assistance/wishes/${a}/reject`, {
          cookie: grassroots,
          body: { reason: '请补充说明' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await w.t.request('POST', `/api/assistance/wishes/${a}/publish`, { cookie: grassroots, body: {} })).statusCode,
    ).toBe(409);
    expect(
      (
        await w.t.request('POST', `/api/assistance/wishes/${b}/publish`, {
          cookie: grassroots,
          body: { story: '冬天快到了，想要一件厚实的冬衣。' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await w.t.request('POST', `/api/assistance/wishes/${b}/claim`, {
          cookie: w.city,
          body: { donorKind: 'partner', donorName: '镇江某爱心企业' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await w.t.request('POST', `/api/me/wishes/${b}/withdraw`, { cookie: w.member })).statusCode).toBe(409);
    expect(
      (
        await w.t.request('POST', '/api/me/wishes', {
          cookie: w.member,
          body: { title: 'x', story: 'short', estimatedFen: 0 },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe.runIf(ENGINE === 'postgres')('concurrent approvals (PostgreSQL)', () => {
  it('commits exactly the budget, never more', async () => {
    const p = await programme({ budgetFen: 1_500_00, rules: { amountFen: 300_00 } });
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(await proposed(p.id, (await household()).fileId));
    const results = await Promise.all(ids.map((id) => act(id, 'approve')));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(3);
    expect(await figures(p.id)).toMatchObject({ committedFen: 1_500_00, leftFen: 0 });
  });

  it('never passes a household cap', async () => {
    const p = await programme({ budgetFen: 100_000_00, rules: { capFen: 500_00 } });
    const h = await household();
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await proposed(p.id, h.fileId, 200_00));
    const results = await Promise.all(ids.map((id) => act(id, 'approve')));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(2);
    expect(
      results
        .filter((r) => r.statusCode === 409)
        .every((r) => r.json<{ error: { code: string } }>().error.code === 'AID_CAP_EXCEEDED'),
    ).toBe(true);
    expect((await figures(p.id)).committedFen).toBe(400_00);
  });
});
