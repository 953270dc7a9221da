import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../server/modules/member/index.js';
import { createTestApp, type TestApp } from '../server/test/harness.js';

// Masking as a property: whatever members exist, no GET endpoint (every one in the OpenAPI
// document, with every id we know) shows a full 身份证号 or phone, to staff or to the member;
// only the audited reveal does, and only to a permitted user.

let t: TestApp;
let admin: string;
let officer: string;
let getRoutes: string[];
let union = 0;
let target = 0;

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000' } });
  admin = await t.login('admin');
  officer = await t.login('grassroots');
  const doc = (await t.request('GET', '/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
  getRoutes = Object.entries(doc.paths)
    .filter(([, ops]) => 'get' in ops)
    .map(([p]) => p)
    .filter((p) => p !== '/api/openapi.json');
  const orgs = (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items;
  union = orgs.find((o) => o.code === 'JS-ZJ-JK-XS-001')?.id ?? 0;
  target = orgs.find((o) => o.code === 'JS-ZJ-DY-001')?.id ?? 0;
});
afterAll(() => t.close());

const person = fc.record({
  birth: fc.date({ min: new Date('1960-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }),
  seq: fc.integer({ min: 0, max: 999 }),
  phone: fc.integer({ min: 0, max: 99_999_999 }).map((n) => `13${String(n).padStart(9, '0')}`),
});

describe('masking', () => {
  it('no GET endpoint shows a full ID number or phone (property over members and routes)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(person, {
          minLength: 1,
          maxLength: 3,
          selector: (p) => `${p.birth.toISOString().slice(0, 10)}${p.seq}`,
        }),
        async (people) => {
          const secrets: string[] = [];
          const ids: number[] = [];
          for (const p of people) {
            const idNumber = makeIdNumber('321102', p.birth.toISOString().slice(0, 10), p.seq);
            const res = await t.request('POST', '/api/members', {
              cookie: officer,
              body: { name: '保密测试', idNumber, phone: p.phone, orgId: union, joinedAt: '2021-01-01' },
            });
            if (res.statusCode === 409) continue; // the same person drawn in an earlier run
            expect(res.statusCode, res.body).toBe(201);
            secrets.push(idNumber, p.phone);
            ids.push(res.json<{ id: number }>().id);
          }
          // some traffic through the flows, so their lists have rows
          for (const id of ids)
            await t.request('POST', '/api/transfers', { cookie: officer, body: { memberId: id, toOrgId: target } });
          for (const cookie of [admin, officer]) {
            for (const route of getRoutes) {
              for (const id of route.includes('{') ? ids : [0]) {
                const url = route.replace(/\{[^}]+\}/g, String(id)) + (route.includes('{') ? '' : '?pageSize=100');
                const res = await t.request('GET', url, { cookie });
                for (const s of secrets) expect(res.body.includes(s), `${url} shows ${s}`).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('the member sees their own record masked too; reveal is the only way to the full values', async () => {
    const idNumber = makeIdNumber('321102', '1980-08-08', 808);
    const res = await t.request('POST', '/api/members', {
      cookie: officer,
      body: { name: '本人', idNumber, phone: '13800000001', orgId: union, joinedAt: '2021-01-01' },
    });
    const id = res.json<{ id: number }>().id;
    const member = await t.loginMember('13800000001');
    for (const url of ['/api/me/member', '/api/me/card', '/api/auth/me']) {
      const body = (await t.request('GET', url, { cookie: member })).body;
      expect(body).not.toContain(idNumber);
      expect(body).not.toContain('13800000001');
    }
    const revealed = await t.request('POST', `/api/members/${id}/reveal`, {
      cookie: officer,
      body: { reason: '核对身份' },
    });
    expect(revealed.json()).toEqual({ idNumber, phone: '13800000001' });
    // the export is masked too (read back as a workbook: the file itself is compressed)
    const exported = await t.request('GET', '/api/members/export', { cookie: officer });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(cells).toContain('本人');
    expect(cells).not.toContain(idNumber);
    expect(cells).not.toContain('13800000001');
  });
});
