import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../server/modules/member/index.js';
import { shot, staffPage, startStage, tid, type Stage } from './support.js';

// The audit log as an officer reads it (issue 16): a handler reveals an applicant's phone to call
// back (with a reason), accepts the case; the city's officer finds the case in the log by its
// 工单号 and reads the acceptance as a table of changed fields.

let s: Stage;
let caseId = 0;
beforeAll(async () => {
  s = await startStage();
  const admin = await s.t.login('admin');
  const orgs = (await s.t.request('GET', '/api/orgs?pageSize=100', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items;
  const org = (code: string) => orgs.find((o) => o.code === code)?.id;
  const m = await s.t.request('POST', '/api/members', {
    cookie: admin,
    body: {
      name: '周师傅',
      idNumber: makeIdNumber('321102', '1985-03-04', 901),
      phone: '13800000001',
      orgId: org('JS-ZJ-JK-XS-001'),
      joinedAt: '2019-01-01',
      jobType: 'courier',
    },
  });
  expect(m.statusCode, m.body).toBe(201);
  const svc = await s.t.request('POST', '/api/services', {
    cookie: admin,
    body: {
      orgId: org('JS-ZJ'),
      category: 'legal_aid',
      name: '法律援助',
      handlingOrgId: org('JS-ZJ-FW'),
      deadlineDays: 5,
      form: [{ key: 'summary', label: '问题描述', type: 'text', required: true }],
    },
  });
  expect(svc.statusCode, svc.body).toBe(201);
  const member = await s.t.loginMember('13800000001');
  const c = await s.t.request('POST', '/api/cases', {
    cookie: member,
    body: { serviceId: svc.json<{ id: number }>().id, fields: { summary: '公司拖欠三个月工资' } },
  });
  expect(c.statusCode, c.body).toBe(201);
  caseId = c.json<{ id: number }>().id;
}, 300_000);
afterAll(() => s?.close());

describe('audit log journey', () => {
  it('a handler reveals the phone with a reason; the log finds the case by its 工单号 and shows the change as fields', async () => {
    const problems: string[] = [];
    // the handler: the masked phone, 查看号码 with a reason, then a number to call
    const desk = await staffPage(s, 'center', problems, 'menu-service-group');
    await desk.goto(`${s.baseUrl}/admin/service/cases/${caseId}`);
    await desk.waitForSelector(tid('case-detail'));
    expect((await desk.textContent(tid('case-phone')))?.trim()).toBe('138****0001');
    const no = ((await desk.textContent(tid('case-detail-no'))) ?? '').trim();
    expect(no).toMatch(/^FW\d{14}$/);
    await desk.click(tid('case-reveal-phone'));
    const box = desk.locator('.el-message-box');
    await box.waitFor();
    await box.locator('input').fill('回电核实诉求');
    await box.locator('.el-button--primary').click();
    const tel = desk.locator(tid('case-phone-full'));
    await tel.waitFor();
    expect(await tel.getAttribute('href')).toBe('tel:13800000001');
    await shot(desk, 'audit-01-case-phone-revealed');
    // and accepts the case
    await desk.click(tid('case-action-accept'));
    await desk.waitForSelector(`${tid('case-action-dialog')} ${tid('case-action-submit')}`, { state: 'visible' });
    await desk.click(tid('case-action-submit'));
    await desk.waitForSelector(`${tid('case-detail-state')}[data-state="accepted"]`);

    // the city's officer: the log by 工单号, in words
    const officer = await staffPage(s, 'city', problems, 'menu-audit');
    // from the case itself: its log in one click
    await officer.goto(`${s.baseUrl}/admin/service/cases/${caseId}`);
    await officer.click(tid('case-audit-link'));
    await officer.waitForSelector(tid('audit-table'));
    expect(await officer.inputValue(tid('audit-filter-target'))).toBe(no);
    await expect
      .poll(() => officer.locator(`${tid('audit-table')} .el-table__body-wrapper tr.el-table__row`).count())
      .toBe(3);
    // and from the menu, by typing the number
    await officer.click(tid('menu-audit'));
    await officer.click(tid('audit-reset'));
    await officer.fill(tid('audit-filter-target'), no);
    await officer.click(tid('audit-search'));
    const rows = officer.locator(`${tid('audit-table')} .el-table__body-wrapper tr.el-table__row`);
    await expect.poll(() => rows.count()).toBe(3);
    const actions = await officer
      .locator(`${tid('audit-table')} .el-table__body-wrapper ${tid('audit-action')}`)
      .allTextContents();
    expect(actions.map((a) => a.trim())).toEqual(['受理工单', '查看申请人完整手机号', '登记工单']);
    const targets = await officer
      .locator(`${tid('audit-table')} .el-table__body-wrapper ${tid('audit-target')}`)
      .allTextContents();
    expect(targets.every((x) => x.trim() === no)).toBe(true);
    const table = (await officer.textContent(tid('audit-table'))) ?? '';
    expect(table).toContain('服务中心 陈专员');
    expect(table).toContain('镇江市职工服务中心');
    expect(table).toContain('原因：回电核实诉求');
    expect(table).not.toContain('13800000001');
    expect(table).not.toContain('service_case');
    await shot(officer, 'audit-02-found-by-case-number');

    // the acceptance as a before/after table of fields: the state from 待受理 to 已受理
    await officer
      .locator(`${tid('audit-table')} [data-test^="audit-detail-"]`)
      .first()
      .click();
    const drawer = officer.locator(tid('audit-drawer'));
    await drawer.locator(tid('audit-changes')).waitFor();
    const cells = await drawer
      .locator(`${tid('audit-changes')} .el-table__body tr`)
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(cells).toEqual([['状态', '待受理（submitted）', '已受理（accepted）']]);
    expect((await drawer.textContent()) ?? '').toContain('受理工单');
    // the drawer has slid in whole before the picture
    const panel = officer.locator('.el-drawer');
    await expect.poll(async () => (await panel.boundingBox())?.x).toBe(1366 - 600);
    await shot(officer, 'audit-03-change-as-fields');
    // the target links to the case
    await drawer.locator(tid('audit-drawer-target')).click();
    await officer.waitForURL(`**/admin/service/cases/${caseId}`);
    expect(problems).toEqual([]);
  });
});
