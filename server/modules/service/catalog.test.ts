import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { filesDir } from './files.js';
import { makeWorld, nextIdNumber, staffAt, type World } from './test-fixtures.js';

let seq = 100;

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.t.close());

type Service = {
  id: number;
  name: string;
  category: string;
  inherited: boolean;
  orgId: number;
  baseId: number;
  eligible?: boolean;
  ineligibleReason?: string | null;
};
const catalog = async (cookie: string, orgId?: number) =>
  (await w.t.request('GET', `/api/services${orgId ? `?orgId=${orgId}` : ''}`, { cookie })).json<{ items: Service[] }>()
    .items;
const form = [{ key: 'topic', label: '咨询主题', type: 'choice', required: true, options: ['情绪压力', '家庭关系'] }];

describe('catalog', () => {
  it("inherited down the tree; a district overrides the city's entry, another hides it", async () => {
    const city = await w.t.request('POST', '/api/services', {
      cookie: w.city,
      body: {
        orgId: w.ids['JS-ZJ'],
        category: 'counselling',
        name: '心理咨询',
        deadlineDays: 3,
        form,
        handlingOrgId: w.ids['JS-ZJ-FW'],
      },
    });
    expect(city.statusCode, city.body).toBe(201);
    const base = city.json<Service>().id;
    const county = await w.t.login('county'); // 京口区
    const over = await w.t.request('POST', '/api/services', {
      cookie: county,
      body: {
        orgId: w.ids['JS-ZJ-JK'],
        overridesId: base,
        category: 'counselling',
        name: '京口区心理驿站咨询',
        deadlineDays: 2,
        form,
      },
    });
    expect(over.statusCode, over.body).toBe(201);
    const dy = await staffAt(w, 'dy.manager', w.ids['JS-ZJ-DY']!, 'federation_manager');
    const hide = await w.t.request('POST', '/api/services', {
      cookie: dy.cookie,
      body: {
        orgId: w.ids['JS-ZJ-DY'],
        overridesId: base,
        category: 'counselling',
        name: '心理咨询',
        deadlineDays: 3,
        form,
        hidden: true,
      },
    });
    expect(hide.statusCode, hide.body).toBe(201);

    const at = async (code: string) =>
      (await catalog(w.admin, w.ids[code])).filter((s) => s.category === 'counselling');
    expect((await at('JS-ZJ'))[0]).toMatchObject({ name: '心理咨询', inherited: false });
    expect((await at('JS-ZJ-RZ'))[0]).toMatchObject({ name: '心理咨询', inherited: true });
    expect((await at('JS-ZJ-JK-XS-001'))[0]).toMatchObject({
      name: '京口区心理驿站咨询',
      baseId: base,
      inherited: true,
    });
    expect(await at('JS-ZJ-DY-001')).toEqual([]);
    expect(await at('JS')).toEqual([]); // the province is above the city

    // the member (a 京口 union) sees the override
    const mine = (await catalog(w.member)).filter((s) => s.category === 'counselling');
    expect(mine.map((s) => s.name)).toEqual(['京口区心理驿站咨询']);
    // an inactive override is passed over: the inherited entry shows again
    await w.t.request('PATCH', `/api/services/${over.json<Service>().id}`, { cookie: county, body: { active: false } });
    expect((await at('JS-ZJ-JK-XS-001'))[0]).toMatchObject({ name: '心理咨询' });
    // one override per org; only a parent's service can be overridden
    const dup = await w.t.request('POST', '/api/services', {
      cookie: county,
      body: {
        orgId: w.ids['JS-ZJ-JK'],
        overridesId: base,
        category: 'counselling',
        name: '再来一次',
        deadlineDays: 2,
        form,
      },
    });
    expect(dup.json().error.code).toBe('SERVICE_OVERRIDE_EXISTS');
    const up = await w.t.request('POST', '/api/services', {
      cookie: w.city,
      body: {
        orgId: w.ids['JS-ZJ'],
        overridesId: base,
        category: 'counselling',
        name: '自己改自己',
        deadlineDays: 2,
        form,
      },
    });
    expect(up.json().error.code).toBe('SERVICE_OVERRIDE_INVALID');
  });

  it('a county manager cannot define services for the city; service staff cannot manage the catalog', async () => {
    const county = await w.t.login('county');
    const res = await w.t.request('POST', '/api/services', {
      cookie: county,
      body: { orgId: w.ids['JS-ZJ'], category: 'travel', name: '职工旅游', deadlineDays: 5, form: [] },
    });
    expect(res.statusCode).toBe(404);
    const staff = await w.t.request('POST', '/api/services', {
      cookie: w.center,
      body: { orgId: w.ids['JS-ZJ-FW'], category: 'travel', name: '职工旅游', deadlineDays: 5, form: [] },
    });
    expect(staff.statusCode).toBe(403);
  });

  it('forms are checked when stored', async () => {
    const bad = [
      [{ key: 'Bad Key', label: 'x', type: 'text', required: true }],
      [{ key: 'a', label: 'x', type: 'choice', required: true }],
      [{ key: 'a', label: 'x', type: 'text', required: true, options: ['1'] }],
      [
        { key: 'a', label: 'x', type: 'text', required: true },
        { key: 'a', label: 'y', type: 'date', required: false },
      ],
      [{ key: 'a', label: 'x', type: 'number', required: true, min: 5, max: 1 }],
      [{ key: 'a', label: 'x', type: 'video', required: true }],
    ];
    for (const f of bad) {
      const res = await w.t.request('POST', '/api/services', {
        cookie: w.city,
        body: { orgId: w.ids['JS-ZJ'], category: 'education', name: '学历提升', deadlineDays: 5, form: f },
      });
      expect(res.statusCode, JSON.stringify(f)).toBe(400);
      expect(res.json().error.details[0].path).toMatch(/^form\./);
    }
  });

  it('eligibility: a service for truck drivers only is shown but refused to a courier', async () => {
    const s = await w.t.request('POST', '/api/services', {
      cookie: w.city,
      body: {
        orgId: w.ids['JS-ZJ'],
        category: 'health_check',
        name: '货车司机免费体检',
        deadlineDays: 10,
        form: [],
        eligibility: { membersOnly: true, jobTypes: ['truck_driver'] },
      },
    });
    const id = s.json<Service>().id;
    expect((await catalog(w.member)).find((x) => x.id === id)).toMatchObject({
      eligible: false,
      ineligibleReason: 'job_type',
    });
    const res = await w.t.request('POST', '/api/cases', { cookie: w.member, body: { serviceId: id, fields: {} } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SERVICE_NOT_ELIGIBLE');
  });
});

describe('counter mode', () => {
  it('finds the walk-in by phone (in member scope), 身份证号 or card QR (masked, with prefill) and registers a counter case', async () => {
    // the center holds no members: a phone alone does not reach outside its scope, the ID card or member card does
    expect(
      (await w.t.request('POST', '/api/cases/counter/lookup', { cookie: w.center, body: { phone: '13800000001' } }))
        .statusCode,
    ).toBe(404);
    const byId = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: w.center,
      body: { idNumber: w.memberIdNumber, serviceId: w.serviceId },
    });
    expect(byId.statusCode, byId.body).toBe(200);
    expect(byId.json().member.id).toBe(w.memberId);
    const byPhone = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: w.city,
      body: { phone: '13800000001', serviceId: w.serviceId },
    });
    expect(byPhone.statusCode, byPhone.body).toBe(200);
    expect(byPhone.json().member).toMatchObject({ id: w.memberId, name: '周**', phone: '138****0001' });
    expect(byPhone.json().member.idNumber).toMatch(/^\d{4}\*{10}/);
    expect(byPhone.json().eligible).toBe(true);
    const card = (await w.t.request('GET', '/api/me/card', { cookie: w.member })).json<{ token: string }>();
    const byCard = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: w.center,
      body: { cardToken: card.token },
    });
    expect(byCard.json().member.id).toBe(w.memberId);
    const forged = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: w.center,
      body: { cardToken: `${card.token.slice(0, -2)}xx` },
    });
    expect(forged.statusCode).toBe(400);
    const two = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: w.center,
      body: { phone: '13800000001', cardToken: card.token },
    });
    expect(two.statusCode).toBe(400);
    // the member is outside the center's member scope: the lookup's intake token names them
    expect(byId.json()).toMatchObject({
      scope: 'intake',
      member: { id: w.memberId, name: '周**', current: true },
      eligible: true,
      intakeToken: expect.any(String),
    });
    const made = await w.t.request('POST', '/api/cases', {
      cookie: w.center,
      body: {
        serviceId: w.serviceId,
        channel: 'counter',
        memberId: w.memberId,
        intakeToken: byId.json().intakeToken,
        fields: { summary: '咨询劳动合同续签', kind: '劳动合同' },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ channel: 'counter', state: 'submitted', memberId: w.memberId });
    // the member sees the counter case among their own
    const own = (await w.t.request('GET', '/api/cases', { cookie: w.member })).json<{
      items: Array<{ id: number; channel: string }>;
    }>();
    expect(own.items.find((c) => c.id === made.json().id)?.channel).toBe('counter');
  });

  const numbers = new Map<number, string>();
  const add = async (orgCode: string, name: string, jobType = 'regular') => {
    const idNumber = nextIdNumber();
    const r = await w.t.request('POST', '/api/members', {
      cookie: w.admin,
      body: {
        name,
        idNumber,
        phone: `1370001${String(seq++).padStart(4, '0')}`,
        orgId: w.ids[orgCode],
        joinedAt: '2020-01-01',
        jobType,
        employer: '润州机械厂',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    numbers.set(r.json<{ id: number }>().id, idNumber);
    return { id: r.json<{ id: number }>().id };
  };
  const idOf = (memberId: number) => numbers.get(memberId) ?? '';
  /** A service 瑞丰科技 handles itself, limited to some job types. */
  const factoryService = async () => {
    const svc = await w.t.request('POST', '/api/services', {
      cookie: w.admin,
      body: {
        orgId: w.ids['JS-ZJ-JK-XS-001'],
        category: 'legal_aid',
        name: `厂内法律咨询${seq++}`,
        handlingOrgId: w.ids['JS-ZJ-JK-XS-001'],
        deadlineDays: 5,
        form: [{ key: 'summary', label: '问题', type: 'text', required: true }],
        eligibility: { membersOnly: true, jobTypes: ['regular', 'truck_driver'] },
      },
    });
    expect(svc.statusCode, svc.body).toBe(201);
    return svc.json<{ id: number }>().id;
  };

  it('outside member scope the lookup answers only what intake needs (current or not, masked name, eligibility facts), audited', async () => {
    const grassroots = await w.t.login('grassroots'); // 瑞丰科技 (京口区)
    const other = await add('JS-ZJ-RZ-001', '郑师傅', 'truck_driver'); // 润州区: outside 瑞丰科技's scope
    const otherLeft = await add('JS-ZJ-RZ-001', '秦师傅');
    expect(
      (await w.t.request('PATCH', `/api/members/${otherLeft.id}`, { cookie: w.admin, body: { status: 'left' } }))
        .statusCode,
    ).toBe(200);
    const serviceId = await factoryService();
    const look = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: grassroots,
      body: { idNumber: idOf(other.id), serviceId },
    });
    expect(look.statusCode, look.body).toBe(200);
    expect(look.json()).toEqual({
      scope: 'intake',
      member: { id: other.id, name: '郑**', current: true, jobType: 'truck_driver' },
      eligible: true,
      intakeToken: null,
    });
    for (const secret of [
      '润州',
      '镇江理工学院',
      '润州机械厂',
      'openCases',
      'employer',
      'orgName',
      'idNumber',
      'phone',
      'status',
    ])
      expect(look.body, secret).not.toContain(secret);
    const noService = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: grassroots,
      body: { idNumber: idOf(otherLeft.id) },
    });
    expect(noService.json()).toEqual({
      scope: 'intake',
      member: { id: otherLeft.id, name: '秦**', current: false },
      eligible: null,
      intakeToken: null,
    });
    const [audited] = await rows<{ after: { scope: string; by: string } }>(
      w.t.deps.db,
      sql`select after from audit_log where action = 'case.counter_lookup' and target_id = ${String(other.id)} order by id desc limit 1`,
    );
    expect(audited?.after).toMatchObject({ scope: 'intake', by: 'idNumber', token: false });
    // A lookup that finds nobody answers 404 and is audited all the same.
    const before = await rows<{ n: number }>(
      w.t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'case.counter_lookup' and target_id is null`,
    );
    const missing = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: grassroots,
      body: { idNumber: nextIdNumber() },
    });
    expect(missing.statusCode).toBe(404);
    const [missed] = await rows<{ n: number; after: { by: string; found: boolean } }>(
      w.t.deps.db,
      sql`select count(*) over ()::int as n, after from audit_log where action = 'case.counter_lookup' and target_id is null order by id desc limit 1`,
    );
    expect(missed?.n).toBe((before[0]?.n ?? 0) + 1);
    expect(missed?.after).toMatchObject({ by: 'idNumber', found: false });
  });

  it("a staff-registered case names a current member in scope or one with the caller's intake token; missing, left and out of scope are the same 404", async () => {
    const grassroots = await w.t.login('grassroots');
    const other = await add('JS-ZJ-RZ-001', '韩师傅', 'truck_driver');
    const otherLeft = await add('JS-ZJ-RZ-001', '杨师傅');
    const ownLeft = await add('JS-ZJ-JK-XS-001', '尤师傅');
    for (const id of [otherLeft.id, ownLeft.id])
      expect(
        (await w.t.request('PATCH', `/api/members/${id}`, { cookie: w.admin, body: { status: 'left' } })).statusCode,
      ).toBe(200);
    const serviceId = await factoryService();
    const create = (memberId: number, cookie = grassroots) =>
      w.t.request('POST', '/api/cases', {
        cookie,
        body: { serviceId, channel: 'counter', memberId, fields: { summary: '咨询' } },
      });
    const answers = [];
    for (const id of [other.id, otherLeft.id, ownLeft.id, 99_999_999]) {
      const res = await create(id);
      expect(res.statusCode, `${id} ${res.body}`).toBe(404);
      const { requestId: _, ...error } = res.json<{ error: { requestId: string } }>().error;
      answers.push(error);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const ownNow = await add('JS-ZJ-JK-XS-001', '许师傅');
    const mine = await create(ownNow.id);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ memberId: ownNow.id, applicantName: '许**' });

    // the service center: its lookup gives an intake token, bound to the account and the member, for 10 minutes
    const byCenter = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: w.center,
      body: { idNumber: idOf(other.id), serviceId: w.serviceId },
    });
    const token = byCenter.json<{ intakeToken: string }>().intakeToken;
    expect(token).toMatch(/^UHI1\./);
    const viaCenter = (memberId: number, intakeToken?: string, cookie = w.center) =>
      w.t.request('POST', '/api/cases', {
        cookie,
        body: {
          serviceId: w.serviceId,
          channel: 'counter',
          memberId,
          ...(intakeToken ? { intakeToken } : {}),
          fields: { summary: '窗口咨询', kind: '工伤' },
        },
      });
    expect((await viaCenter(other.id)).statusCode).toBe(404);
    expect((await viaCenter(ownNow.id, token)).statusCode).toBe(404); // another member
    expect((await viaCenter(other.id, `${token.slice(0, -2)}xx`)).statusCode).toBe(404);
    const second = await staffAt(w, 'center.two', w.ids['JS-ZJ-FW']!, 'service_staff');
    expect((await viaCenter(other.id, token, second.cookie)).statusCode).toBe(404); // another account
    const ok = await viaCenter(other.id, token);
    expect(ok.statusCode, ok.body).toBe(201);
    // a left member gets no token; a stale token no longer works
    expect(
      (
        await w.t.request('POST', '/api/cases/counter/lookup', {
          cookie: w.center,
          body: { idNumber: idOf(otherLeft.id) },
        })
      ).json().intakeToken,
    ).toBeNull();
    w.t.clock.advance(11 * 60_000);
    w.center = await w.t.login('center');
    w.admin = await w.t.login('admin');
    expect((await viaCenter(other.id, token)).statusCode).toBe(404);
  });

  it('a phone call from a non-member needs a service open to all; unknown numbers are not found', async () => {
    const none = await w.t.request('POST', '/api/cases/counter/lookup', {
      cookie: w.center,
      body: { phone: '13900009999' },
    });
    expect(none.statusCode).toBe(404);
    const refused = await w.t.request('POST', '/api/cases', {
      cookie: w.center,
      body: {
        serviceId: w.serviceId,
        channel: 'phone',
        contact: { name: '李女士', phone: '13900009999' },
        fields: { summary: 'x', kind: '工伤' },
      },
    });
    expect(refused.json().error.code).toBe('SERVICE_NOT_ELIGIBLE');
    const open = await w.t.request('POST', '/api/services', {
      cookie: w.city,
      body: {
        orgId: w.ids['JS-ZJ'],
        category: 'policy',
        name: '政策咨询',
        deadlineDays: 3,
        handlingOrgId: w.ids['JS-ZJ-FW'],
        form: [{ key: 'question', label: '问题', type: 'text', required: true }],
        eligibility: { membersOnly: false, jobTypes: null },
      },
    });
    const made = await w.t.request('POST', '/api/cases', {
      cookie: w.center,
      body: {
        serviceId: open.json().id,
        channel: 'phone',
        contact: { name: '李女士', phone: '13900009999' },
        fields: { question: '试用期工资怎么算' },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ channel: 'phone', applicantName: '李**', applicantPhone: '139****9999' });
  });
});

describe('attachments', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  const multipart = (name: string, content: Buffer) => {
    const boundary = '----svc' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  };

  it('checked by content; bound to the case; downloadable only by who may see the case', async () => {
    const s = await w.t.request('POST', '/api/services', {
      cookie: w.city,
      body: {
        orgId: w.ids['JS-ZJ'],
        category: 'hardship_help',
        name: '帮扶救助',
        deadlineDays: 10,
        handlingOrgId: w.ids['JS-ZJ-FW'],
        form: [{ key: 'proof', label: '证明材料', type: 'attachment', required: true }],
      },
    });
    const fake = multipart('proof.png', Buffer.from('MZ this is an exe pretending'));
    const refused = await w.t.request('POST', '/api/case-files', { cookie: w.member, ...fake });
    expect(refused.statusCode).toBe(415);
    const up = await w.t.request('POST', '/api/case-files', { cookie: w.member, ...multipart('诊断证明.png', PNG) });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json<{ id: number }>().id;
    // someone else's upload cannot be used or read
    expect((await w.t.request('GET', `/api/case-files/${fileId}`, { cookie: w.center })).statusCode).toBe(404);
    const made = await w.t.request('POST', '/api/cases', {
      cookie: w.member,
      body: { serviceId: s.json().id, fields: { proof: fileId } },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().attachments.map((a: { id: number }) => a.id)).toEqual([fileId]);
    const dl = await w.t.request('GET', `/api/case-files/${fileId}`, { cookie: w.center });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect(
      (await w.t.request('GET', `/api/case-files/${fileId}`, { cookie: await w.t.login('grassroots') })).statusCode,
    ).toBe(404);
    // a file already bound cannot be reused in another application
    const again = await w.t.request('POST', '/api/cases', {
      cookie: w.member,
      body: { serviceId: s.json().id, fields: { proof: fileId } },
    });
    expect(again.statusCode).toBe(400);
  });

  it('is sealed on disk; a plain file stored before sealing still downloads', async () => {
    const up = await w.t.request('POST', '/api/case-files', { cookie: w.member, ...multipart('病历.png', PNG) });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json<{ id: number }>().id;
    const [f] = await rows<{ key: string }>(
      w.t.deps.db,
      sql`select storage_key as key from case_file where id = ${fileId}`,
    );
    const onDisk = path.join(filesDir(w.t.deps.config.dataDir), f?.key ?? '');
    const sealed = fs.readFileSync(onDisk);
    expect(sealed.includes(PNG.subarray(0, 8))).toBe(false);
    expect(sealed.includes(PNG.subarray(8, 40))).toBe(false);
    const own = await w.t.request('GET', `/api/case-files/${fileId}`, { cookie: w.member });
    expect(own.rawPayload.equals(PNG)).toBe(true);
    // As the first release wrote it: the bytes as uploaded.
    fs.writeFileSync(onDisk, PNG);
    expect((await w.t.request('GET', `/api/case-files/${fileId}`, { cookie: w.member })).rawPayload.equals(PNG)).toBe(
      true,
    );
  });
});
