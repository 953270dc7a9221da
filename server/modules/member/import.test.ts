import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db.js';
import { createTestApp, ENGINE, type TestApp } from '../../test/harness.js';
import { makeIdNumber } from './id-number.js';
import {
  csvOf,
  gb18030,
  handZip,
  HEADERS,
  multipartBody,
  workbookParts,
  xlsxOf,
  type FixtureCell,
} from './import/fixtures.js';
import { errorFilePath, importHooks, importLimits } from './import/limits.js';
import { sweepImportFiles } from './import/sweep.js';

let t: TestApp;
let admin: string;
let officer: string; // grassroots officer of 镇江瑞丰科技有限公司工会 (JS-ZJ-JK-XS-001)
const TECHCO = 'JS-ZJ-JK-XS-001';
const saved = { ...importLimits };
const orgIds: Record<string, number> = {};

beforeAll(async () => {
  // A data directory of its own: the sweep test deletes files under it.
  t = await createTestApp({
    env: { LOGIN_RATE_PER_MINUTE: '10000', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'uh-import-')) },
  });
  admin = await t.login('admin');
  officer = await t.login('grassroots');
  const orgs = (await t.request('GET', '/api/orgs', { cookie: admin })).json<{
    items: Array<{ id: number; code: string }>;
  }>().items;
  for (const o of orgs) orgIds[o.code] = o.id;
});
afterAll(() => t.close());
afterEach(() => {
  Object.assign(importLimits, saved);
  importHooks.afterBatch = () => undefined;
});

let seq = 200;
const newId = (birth = '1990-05-06') => makeIdNumber('321102', birth, seq++);
let phoneSeq = 0;
const phone = () => `137${String(++phoneSeq).padStart(8, '0')}`;
/** A good row in template order; `over` replaces cells by header. */
function row(over: Record<string, FixtureCell> = {}): FixtureCell[] {
  const base: Record<string, FixtureCell> = {
    姓名: '张晓燕',
    性别: null,
    身份证号: newId(),
    手机号码: phone(),
    民族: '汉族',
    政治面貌: '群众',
    学历: '大专',
    户籍类型: '城镇',
    工作单位: '瑞丰科技',
    岗位: '装配工',
    就业形态: '普通职工',
    所属工会: TECHCO,
    入会时间: '2021-03-01',
    会员卡号: null,
    ...over,
  };
  return HEADERS.map((h) => base[h] ?? null);
}

const upload = (cookie: string, name: string, content: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: '/api/members/import',
    ...(({ payload, headers }) => ({ payload, headers: { ...headers, cookie } }))(multipartBody(name, content)),
  });

interface Job {
  state: string;
  progress: number;
  total: number | null;
  result: { total: number; imported: number; existing: number; failed: number; errorFile: string | null } | null;
  error: string | null;
}
async function finished(cookie: string, jobId: string): Promise<Job> {
  for (let i = 0; i < 50; i++) {
    await t.deps.jobs.kick();
    const job = (await t.request('GET', `/api/jobs/${jobId}`, { cookie })).json<Job>();
    if (job.state === 'succeeded' || job.state === 'failed') return job;
  }
  throw new Error('job did not finish');
}
async function importFile(cookie: string, name: string, content: Buffer): Promise<Job> {
  const res = await upload(cookie, name, content);
  expect(res.statusCode, res.body).toBe(202);
  return finished(cookie, res.json<{ jobId: string }>().jobId);
}
const countByHash = async (ids: string[]) => {
  const hashes = ids.map((id) => t.deps.crypto.blindIndex('idNumber', id));
  const [r] = await rows<{ n: number }>(
    t.deps.db,
    sql`select count(*)::int as n from member where id_number_hash = any(${sql.param(hashes)}::text[])`,
  );
  return r?.n ?? 0;
};
const load = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
};

describe('import template', () => {
  it('has the roster columns in order, drop-downs and a notes sheet', async () => {
    const res = await t.request('GET', '/api/members/import-template', { cookie: officer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E4%BC%9A%E5%91%98");
    const wb = await load(res.rawPayload);
    const sheet = wb.worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet?.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(sheet?.getCell('K100').dataValidation?.formulae?.[0]).toContain('外卖骑手');
    expect(wb.getWorksheet('填写说明')?.getCell('A2').value).toBe('姓名');
  });

  it('offers every dictionary column as a drop-down: strict where the registry takes only its values', async () => {
    const sheet = (await load((await t.request('GET', '/api/members/import-template', { cookie: officer })).rawPayload))
      .worksheets[0];
    const rule = (header: string, row = 2) => sheet?.getCell(row, HEADERS.indexOf(header) + 1).dataValidation;
    const listed = (header: string, row = 2) =>
      (rule(header, row)?.formulae?.[0] ?? '').replace(/^"|"$/g, '').split(',');
    expect(listed('就业形态', 4999)).toEqual([
      '普通职工',
      '快递员',
      '外卖骑手',
      '货车司机',
      '网约车司机',
      '其他新就业形态',
    ]);
    expect(listed('户籍类型')).toEqual(['城镇', '农村', '农村（农民工）']);
    expect(listed('政治面貌')).toEqual(['中共党员', '中共预备党员', '共青团员', '民主党派成员', '无党派人士', '群众']);
    expect(listed('学历')).toContain('硕士研究生');
    expect(listed('民族')).toHaveLength(56);
    for (const h of ['性别', '户籍类型', '就业形态'])
      expect(rule(h), h).toMatchObject({ type: 'list', showErrorMessage: true, allowBlank: true });
    for (const h of ['性别', '户籍类型', '就业形态']) expect(rule(h)?.errorStyle, h).toBeUndefined(); // Excel's default: stop
    for (const h of ['民族', '政治面貌', '学历'])
      expect(rule(h), h).toMatchObject({ type: 'list', errorStyle: 'information' });
    // Excel refuses a list written inline past 255 characters
    for (const h of ['民族', '政治面貌', '学历', '户籍类型', '就业形态'])
      expect(rule(h)?.formulae?.[0]?.length, h).toBeLessThanOrEqual(255);
    expect(rule('姓名')).toBeUndefined();
  });
});

describe('import', () => {
  it('imports a good file: derived gender and birth date, masked, in scope, history and one audit row', async () => {
    const id1 = makeIdNumber('321102', '1985-02-03', 12); // female (even sequence digit)
    const id2 = makeIdNumber('321102', '1992-11-30', 13); // male
    const file = await xlsxOf([
      row({
        姓名: '陈外卖',
        性别: '女',
        身份证号: id1,
        手机号码: '13811112222',
        户籍类型: '农村（农民工）',
        就业形态: '外卖骑手',
        所属工会: '镇江瑞丰科技有限公司工会',
        入会时间: new Date(Date.UTC(2020, 2, 1)),
      }),
      row({ 身份证号: id2, 入会时间: '2021/5/6', 会员卡号: 'ZJ-0001' }),
      row({ 身份证号: newId().toLowerCase() }),
    ]);
    const job = await importFile(officer, '瑞丰会员.xlsx', file);
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect(job.result).toEqual({ total: 3, imported: 3, existing: 0, failed: 0, errorFile: null });
    expect(job.progress).toBe(job.total);
    const list = (await t.request('GET', `/api/members?q=${id1}`, { cookie: officer })).json<{
      items: Array<{ id: number }>;
    }>();
    const m = (await t.request('GET', `/api/members/${list.items[0]?.id}`, { cookie: officer })).json();
    expect(m).toMatchObject({
      name: '陈外卖',
      gender: 'female',
      birthDate: '1985-02-03',
      idNumber: `3211**********${id1.slice(14)}`,
      phone: '138****2222',
      householdType: 'rural',
      migrantWorker: true,
      jobType: 'food_delivery',
      joinedAt: '2020-03-01',
      orgName: '镇江瑞丰科技有限公司工会',
    });
    expect(m.history.map((h: { kind: string }) => h.kind)).toEqual(['imported']);
    const second = (await t.request('GET', `/api/members?q=${id2}`, { cookie: officer })).json().items[0];
    expect(second).toMatchObject({ joinedAt: '2021-05-06', cardNo: 'ZJ-0001', gender: 'male' });
    const audit = (await t.request('GET', '/api/audit?action=member.import', { cookie: admin })).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].after).toEqual({ total: 3, imported: 3, existing: 0, failed: 0, file: '瑞丰会员.xlsx' });

    // The same file again adds nothing: everyone is an existing member now.
    const again = await importFile(officer, '瑞丰会员.xlsx', file);
    expect(again.result).toEqual({ total: 3, imported: 0, existing: 3, failed: 0, errorFile: null });
    expect(await countByHash([id1, id2])).toBe(2);
    // The roster's total (member_tally, kept by the statement triggers the import's COPY or INSERT fires) is exact.
    const [{ n } = { n: -1 }] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from member where job_type = 'food_delivery'`,
    );
    expect(
      (await t.request('GET', '/api/members?jobType=food_delivery&pageSize=1', { cookie: admin })).json(),
    ).toMatchObject({ total: n, totalCapped: false });
  });

  it('reports each bad cell with its reason in an errors file and imports the good rows', async () => {
    const good = newId();
    const dup = newId();
    const male = makeIdNumber('321102', '1990-01-01', 13);
    const tomorrow = new Date(t.deps.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const bad: Array<[Record<string, FixtureCell>, string, string]> = [
      [{ 身份证号: '320102199001011233' }, '身份证号', '身份证号校验位不正确，请核对'],
      [{ 身份证号: '12345' }, '身份证号', '身份证号应为 18 位'],
      [{ 身份证号: '991102199001011234' }, '身份证号', '地区代码无效'],
      [{ 身份证号: '321102199002301234' }, '身份证号', '出生日期无效'],
      [{ 身份证号: Number('321102199001011230') }, '身份证号', '存成了数字'],
      [{ 身份证号: male, 性别: '女' }, '性别', '性别与身份证号不符，身份证号显示为男'],
      [{ 手机号码: '12345' }, '手机号码', '请输入正确的手机号码'],
      [{ 所属工会: '不存在的工会' }, '所属工会', '找不到该工会'],
      [{ 所属工会: 'JS-ZJ-DY-001' }, '所属工会', '不在您的管理范围内'],
      [{ 入会时间: tomorrow }, '入会时间', '日期不能晚于今天'],
      [{ 入会时间: '2020-02-30' }, '入会时间', '请输入有效日期'],
      [{ 就业形态: '程序员' }, '就业形态', '就业形态请填写'],
      [{ 姓名: null }, '姓名', '此项为必填项'],
      [{ 身份证号: dup }, '身份证号', '与本文件第 2 行重复'],
    ];
    const file = await xlsxOf([row({ 身份证号: dup }), row({ 身份证号: good }), ...bad.map(([over]) => row(over))]);
    const job = await importFile(officer, 'bad.xlsx', file);
    expect(job.result).toMatchObject({ total: bad.length + 2, imported: 2, existing: 0, failed: bad.length });
    expect(await countByHash([good, dup])).toBe(2);
    const res = await t.request('GET', job.result?.errorFile ?? '', { cookie: officer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await load(res.rawPayload)).worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...HEADERS, '原行号', '错误说明']);
    bad.forEach(([over, column, reason], i) => {
      const r = sheet?.getRow(i + 2);
      const col = HEADERS.indexOf(column) + 1;
      expect(r?.getCell(HEADERS.length + 1).value).toBe(i + 4); // line in the original file
      expect(String(r?.getCell(HEADERS.length + 2).value)).toContain(`${column}：`);
      expect(String(r?.getCell(HEADERS.length + 2).value)).toContain(reason);
      const note = r?.getCell(col).note;
      expect(typeof note === 'string' ? note : JSON.stringify(note)).toContain(reason);
      if (typeof over[column] === 'string') expect(r?.getCell(col).value).toBe(over[column]);
      expect(r?.getCell(1).value).toBe(over['姓名'] === null ? null : '张晓燕'); // the row is repeated
    });
    // The errors file is the starter's alone.
    expect((await t.request('GET', job.result?.errorFile ?? '', { cookie: admin })).statusCode).toBe(404);
    fs.rmSync(`${t.deps.config.dataDir}/imports/${job.result?.errorFile?.split('/')[4]}.errors.enc`);
  });

  it('the errors file is sealed on disk, deleted after IMPORT_ERROR_FILE_DAYS by the sweep, then answers 410', async () => {
    const id = newId();
    const job = await importFile(
      officer,
      'one-bad.csv',
      Buffer.from(csvOf([row({ 身份证号: id, 手机号码: '13912345678', 入会时间: '2020-02-30' })])),
    );
    const jobId = job.result?.errorFile?.split('/')[4] ?? '';
    const onDisk = fs.readFileSync(errorFilePath(t.deps.config, jobId));
    expect(onDisk.subarray(0, 2).toString()).not.toBe('PK'); // not a plain .xlsx (a zip) any more
    expect((await t.request('GET', job.result?.errorFile ?? '', { cookie: officer })).statusCode).toBe(200);
    // Files left by a crash (an upload without a job, half a sealed file) go too, once an hour old.
    const orphan = path.join(t.deps.config.dataDir, 'imports', '00000000-0000-0000-0000-000000000000.upload');
    fs.writeFileSync(orphan, id);
    fs.utimesSync(orphan, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    await sweepImportFiles(t.deps);
    expect(fs.existsSync(orphan)).toBe(false);
    t.clock.advance(6 * 86_400_000);
    await sweepImportFiles(t.deps);
    expect(fs.existsSync(errorFilePath(t.deps.config, jobId))).toBe(true);
    t.clock.advance(86_400_000 + 60_000);
    await sweepImportFiles(t.deps);
    expect(fs.existsSync(errorFilePath(t.deps.config, jobId))).toBe(false);
    [admin, officer] = [await t.login('admin'), await t.login('grassroots')]; // a week later: sessions have expired
    const gone = await t.request('GET', job.result?.errorFile ?? '', { cookie: officer });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error).toMatchObject({
      code: 'IMPORT_ERRORS_EXPIRED',
      message: '错误行文件已超过保留期限并已删除，如需请重新导入',
    });
    const en = await t.request('GET', job.result?.errorFile ?? '', {
      cookie: officer,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toContain('retention period');
  });

  it('writes at most maxErrorRows bad rows in full and counts the rest; a file of mostly bad rows is refused at the cap', async () => {
    importLimits.maxErrorRows = 3;
    const bad = Array.from({ length: 7 }, () => row({ 手机号码: '12345' }));
    const good = Array.from({ length: 8 }, () => row());
    const mostlyBad = await importFile(officer, 'wrong.csv', Buffer.from(csvOf([good[0] ?? [], ...bad])));
    expect(mostlyBad).toMatchObject({
      state: 'failed',
      error: '错误行已超过 3 行，且多于正确的行：请确认文件按导入模板填写、各列与表头对应后重新导入',
    });
    expect(await countByHash([String(good[0]?.[2])])).toBe(0);
    const job = await importFile(officer, 'capped.csv', Buffer.from(csvOf([...good, ...bad])));
    expect(job.result).toMatchObject({ total: 15, imported: 8, failed: 7 });
    const sheet = (await load((await t.request('GET', job.result?.errorFile ?? '', { cookie: officer })).rawPayload))
      .worksheets[0];
    expect(sheet?.actualRowCount).toBe(1 + 3 + 1);
    expect([2, 3, 4].map((r) => sheet?.getRow(r).getCell(HEADERS.length + 1).value)).toEqual([10, 11, 12]);
    expect(String(sheet?.getRow(5).getCell(HEADERS.length + 2).value)).toBe(
      '共 7 行有错误，本文件只列出前 3 行；请改正这些行后重新导入，其余错误行会再次列出',
    );
  });

  it('a member of another union is a bad row that says to use a transfer; one of the same union stays existing', async () => {
    const elsewhere = newId();
    const here = newId();
    const made = await t.request('POST', '/api/members', {
      cookie: admin,
      body: {
        name: '丹阳会员',
        idNumber: elsewhere,
        phone: phone(),
        orgId: orgIds['JS-ZJ-DY-001'],
        joinedAt: '2020-01-01',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(
      (
        await t.request('POST', '/api/members', {
          cookie: officer,
          body: { name: '本会会员', idNumber: here, phone: phone(), orgId: orgIds[TECHCO], joinedAt: '2020-01-01' },
        })
      ).statusCode,
    ).toBe(201);
    const job = await importFile(
      officer,
      'transfer.xlsx',
      await xlsxOf([row({ 身份证号: elsewhere }), row({ 身份证号: here })]),
    );
    expect(job.result).toMatchObject({ total: 2, imported: 0, existing: 1, failed: 1 });
    const sheet = (await load((await t.request('GET', job.result?.errorFile ?? '', { cookie: officer })).rawPayload))
      .worksheets[0];
    expect(String(sheet?.getRow(2).getCell(HEADERS.length + 2).value)).toBe(
      '身份证号：此人已是其他工会的会员，请通过会员关系转接办理',
    );
    const [m] = await rows<{ org: number }>(
      t.deps.db,
      sql`select org_id::int as org from member where id_number_hash = ${t.deps.crypto.blindIndex('idNumber', elsewhere)}`,
    );
    expect(m?.org).toBe(orgIds['JS-ZJ-DY-001']); // untouched
  });

  it('refuses a part that inflates more than any sheet does, and shared strings past their byte cap', async () => {
    const sheet = Buffer.from(
      `<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(100_000)}</sheetData></worksheet>`,
    );
    const bomb = handZip([
      ...workbookParts(),
      {
        name: 'xl/worksheets/sheet1.xml',
        stored: zlib.deflateRawSync(sheet, { level: 9 }),
        declaredSize: sheet.length,
        crc: zlib.crc32(sheet),
      },
    ]);
    expect(sheet.length / bomb.length).toBeGreaterThan(100);
    expect((await upload(officer, 'ratio.xlsx', bomb)).json().error).toMatchObject({
      code: 'IMPORT_FILE_REJECTED',
      details: [{ message: '文件内容过大，请拆分后分批导入' }],
    });
    importLimits.maxSharedStringBytes = 20_000;
    const one = row({ 身份证号: '1' });
    const at = HEADERS.indexOf('手机号码');
    const many = await xlsxOf(
      Array.from({ length: 3000 }, (_, i) => one.map((c, j) => (j === at ? `139${String(i).padStart(8, '0')}` : c))),
    ); // 33 KB of phones
    expect(await importFile(officer, 'strings.xlsx', many)).toMatchObject({
      state: 'failed',
      error: '文件内容过大，请拆分后分批导入',
    });
  });

  it('reads CSV in UTF-8 (with BOM) and in GB18030', async () => {
    const a = newId();
    const b = newId();
    const utf8 = Buffer.from(`\ufeff${csvOf([row({ 身份证号: a, 姓名: '李"引号"' })])}`);
    expect((await importFile(officer, 'utf8.csv', utf8)).result).toMatchObject({ imported: 1, failed: 0 });
    const gbk = gb18030(csvOf([row({ 身份证号: b, 姓名: '欧阳娜娜', 所属工会: '镇江瑞丰科技有限公司工会' })]));
    expect(gbk.includes(Buffer.from('欧阳'))).toBe(false); // really not UTF-8
    expect((await importFile(officer, 'gbk.csv', gbk)).result).toMatchObject({ imported: 1, failed: 0 });
    expect((await t.request('GET', `/api/members?q=${b}`, { cookie: officer })).json().items[0].name).toBe('欧阳娜娜');
  });

  it('ignores header cells like __proto__ and constructor', async () => {
    const id = newId();
    const file = await xlsxOf(
      [[...row({ 身份证号: id }), '{"polluted":1}', 'x', 'y']],
      [...HEADERS, '__proto__', 'constructor', 'prototype'],
    );
    expect((await importFile(officer, 'proto.xlsx', file)).result).toMatchObject({ imported: 1, failed: 0 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.constructor).toBe(Object);
  });

  it('refuses hostile and wrong files quickly', async () => {
    const rejected = async (name: string, content: Buffer, status = 400) => {
      const res = await upload(officer, name, content);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      return res.json().error;
    };
    // A zip whose directory admits to inflating to 3 GB: refused from the directory alone.
    const declared = handZip([
      ...workbookParts(),
      {
        name: 'xl/worksheets/sheet1.xml',
        stored: zlib.deflateRawSync(Buffer.alloc(1000)),
        declaredSize: 3_000_000_000,
      },
    ]);
    expect(await rejected('bomb.xlsx', declared)).toMatchObject({
      code: 'IMPORT_FILE_REJECTED',
      details: [{ path: 'file', message: '文件内容过大，请拆分后分批导入' }],
    });
    const many = handZip([
      ...workbookParts(),
      ...Array.from({ length: 1001 }, (_, i) => ({
        name: `x/${i}`,
        stored: Buffer.alloc(0),
        method: 0 as const,
        declaredSize: 0,
      })),
    ]);
    expect((await rejected('many.xlsx', many)).code).toBe('IMPORT_FILE_REJECTED');
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
    expect(await rejected('photo.xlsx', png)).toMatchObject({
      details: [{ message: '只能导入 .xlsx 工作簿或 CSV 文件' }],
    });
    expect((await rejected('notes.xlsx', Buffer.from('just some text\n'))).code).toBe('IMPORT_FILE_REJECTED');
    expect((await rejected('broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]))).code).toBe(
      'IMPORT_FILE_REJECTED',
    );
    importLimits.maxUploadBytes = 1000;
    expect((await rejected('big.csv', Buffer.alloc(5000, 'a'), 413)).code).toBe('IMPORT_TOO_LARGE');
    // Not multipart at all, or no file in it.
    const json = await t.request('POST', '/api/members/import', { cookie: officer, body: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(
      (await t.request('POST', '/api/members/import', { cookie: officer, body: { file: 'x'.repeat(1_100_000) } }))
        .statusCode,
    ).toBe(413);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/members/import',
      ...(({ payload, headers }) => ({ payload, headers: { ...headers, cookie: officer } }))(
        multipartBody('a.csv', Buffer.from('x'), 'other'),
      ),
    });
    expect(noFile.json().error.code).toBe('IMPORT_FILE_REJECTED');
  });

  it('a bomb that lies in its directory stops at the declared size; the job fails without inflating it', async () => {
    const liar = handZip([
      ...workbookParts(),
      { name: 'xl/sharedStrings.xml', stored: zlib.deflateRawSync(Buffer.alloc(200_000_000)), declaredSize: 1000 },
    ]);
    expect(liar.length).toBeLessThan(400_000);
    const started = Date.now();
    const job = await importFile(officer, 'liar.xlsx', liar);
    expect(job.state).toBe('failed');
    expect(job.error).toBe('文件内容过大，请拆分后分批导入');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses more rows than the cap, and a file without the required columns', async () => {
    importLimits.maxRows = 3;
    const ids = [newId(), newId(), newId(), newId()];
    const job = await importFile(officer, 'many.xlsx', await xlsxOf(ids.map((id) => row({ 身份证号: id }))));
    expect(job).toMatchObject({ state: 'failed', error: '超过 3 行，请拆分后分批导入' });
    expect(await countByHash(ids)).toBe(0);
    const noId = await importFile(officer, 'cols.csv', Buffer.from(csvOf([['王五']], ['姓名', '备注'])));
    expect(noId.error).toBe('缺少必填列：身份证号、手机号码、所属工会、入会时间');
    // Rows of any kind count, blank ones too: a file of empty lines stops at the cap.
    importLimits.maxSheetRows = 10;
    const blank = await importFile(officer, 'blank.csv', Buffer.from(`${HEADERS.join(',')}\n${',\n'.repeat(20)}`));
    expect(blank).toMatchObject({ state: 'failed', error: '超过 3 行，请拆分后分批导入' });
  });

  it('a crash in the middle of the insert leaves nothing; the job picked up again imports everything once', async () => {
    importLimits.batchSize = 2;
    const ids = Array.from({ length: 5 }, () => newId());
    const backup = `${t.deps.config.dataDir}/crash-${process.pid}.bak`;
    importHooks.afterBatch = ({ batch, file }) => {
      if (batch !== 2) return;
      fs.copyFileSync(file, backup); // what a killed process would have left on disk
      throw new Error('simulated crash');
    };
    const res = await upload(officer, 'crash.xlsx', await xlsxOf(ids.map((id) => row({ 身份证号: id }))));
    const jobId = res.json<{ jobId: string }>().jobId;
    expect(await finished(officer, jobId)).toMatchObject({ state: 'failed', error: 'simulated crash' });
    expect(await countByHash(ids)).toBe(0);
    const [{ n } = { n: -1 }] = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'member.import' and target_id = ${jobId}`,
    );
    expect(n).toBe(0);

    // As after a kill: the upload is still there, the job is 'running' with a stale heartbeat.
    importHooks.afterBatch = () => undefined;
    const [params] = await rows<{ upload: string }>(
      t.deps.db,
      sql`select params->>'upload' as upload from job where id = ${jobId}`,
    );
    fs.renameSync(backup, `${t.deps.config.dataDir}/imports/${params?.upload}.upload`);
    const stale = new Date(t.deps.clock.now().getTime() - 10 * 60_000);
    await t.deps.db.execute(
      sql`update job set state = 'running', error = null, finished_at = null, heartbeat_at = ${stale} where id = ${jobId}`,
    );
    const rerun = await finished(officer, jobId);
    expect(rerun.result).toEqual({ total: 5, imported: 5, existing: 0, failed: 0, errorFile: null });
    expect(await countByHash(ids)).toBe(5);
  });

  // On PostgreSQL rows are COPYed while the file is read, so a person added meanwhile makes the
  // COPY fail; the import starts over and counts them as existing. (On PGlite the insert holds
  // the only connection, so no one can add a member meanwhile; ON CONFLICT covers the rest.)
  it.runIf(ENGINE === 'postgres')(
    'someone who becomes a member while the file is imported counts as existing, nothing twice',
    async () => {
      importLimits.batchSize = 2;
      const ids = Array.from({ length: 4 }, () => newId());
      const batches: number[] = [];
      importHooks.afterBatch = async ({ batch }) => {
        batches.push(batch);
        if (batches.length > 1) return;
        // Batch 2 is checked while batch 1 is written: wait for that check, then add its second person.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const res = await t.request('POST', '/api/members', {
          cookie: officer,
          body: { name: '抢先', idNumber: ids[3], phone: phone(), orgId: orgIds[TECHCO], joinedAt: '2022-01-01' },
        });
        expect(res.statusCode, res.body).toBe(201);
      };
      const job = await importFile(officer, 'race.xlsx', await xlsxOf(ids.map((id) => row({ 身份证号: id }))));
      expect(job.result).toEqual({ total: 4, imported: 3, existing: 1, failed: 0, errorFile: null });
      expect(batches).toEqual([1, 1, 2]); // the first attempt failed at batch 2, the second went through
      expect(await countByHash(ids)).toBe(4);
    },
  );
});

describe('export', () => {
  it('is masked, scope-limited, formula-safe and audited with the row count', async () => {
    const id = newId();
    const file = await xlsxOf([
      row({
        姓名: '=HYPERLINK("http://x")',
        身份证号: id,
        手机号码: '13955556666',
        工作单位: '+SUM(A1)',
        岗位: '@cmd',
      }),
    ]);
    expect((await importFile(officer, 'formula.xlsx', file)).result).toMatchObject({ imported: 1 });
    const outside = newId();
    await t.request('POST', '/api/members', {
      cookie: admin,
      body: {
        name: '丹阳会员',
        idNumber: outside,
        phone: phone(),
        orgId: orgIds['JS-ZJ-DY-001'],
        joinedAt: '2020-01-01',
      },
    });

    const res = await t.request('GET', '/api/members/export?sort=name', { cookie: officer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /filename\*=UTF-8''%E4%BC%9A%E5%91%98%E5%90%8D%E5%86%8C-\d{8}\.xlsx/,
    );
    const sheet = (await load(res.rawPayload)).worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, '状态']);
    const body = [] as unknown[][];
    sheet?.eachRow((r, n) => void (n > 1 && body.push((r.values as unknown[]).slice(1))));
    const total = (await t.request('GET', '/api/members?pageSize=1', { cookie: officer })).json().total;
    expect(body).toHaveLength(total);
    const mine = body.find((r) => r[2] === `3211**********${id.slice(14)}`);
    expect(mine).toBeDefined();
    expect(mine?.slice(0, 4)).toEqual([
      '\'=HYPERLINK("http://x")',
      Number(id[16]) % 2 ? '男' : '女',
      `3211**********${id.slice(14)}`,
      '139****6666',
    ]);
    expect(mine?.[8]).toBe("'+SUM(A1)");
    expect(mine?.[9]).toBe("'@cmd");
    expect(mine?.[14]).toBe('在会');
    expect(res.body).not.toContain(id);
    expect(body.some((r) => r[0] === '丹阳会员')).toBe(false);
    const audit = (await t.request('GET', '/api/audit?action=member.export', { cookie: admin })).json();
    expect(audit.items[0].after).toEqual({ rows: total, filters: { sort: 'name' } });

    // The admin sees the other union too; a full ID number in the query is masked in the audit row.
    const byId = await t.request('GET', `/api/members/export?q=${outside}`, { cookie: admin });
    const adminRows = (await load(byId.rawPayload)).worksheets[0]?.rowCount;
    expect(adminRows).toBe(2);
    const last = (await t.request('GET', '/api/audit?action=member.export', { cookie: admin })).json().items[0];
    expect(last.after).toEqual({ rows: 1, filters: { q: `3211**********${outside.slice(14)}` } });
  });
});

// Last: its imports would change the audit counts the tests above read.
describe('dictionary columns', () => {
  it('take a label, a code or a common spelling, and store the registry value', async () => {
    const cases: Array<[Record<string, FixtureCell>, Record<string, unknown>]> = [
      [{ 就业形态: '其他' }, { jobType: 'other_new' }],
      [{ 就业形态: '其它' }, { jobType: 'other_new' }],
      [{ 就业形态: '普通' }, { jobType: 'regular' }],
      [{ 就业形态: '外卖员' }, { jobType: 'food_delivery' }],
      [{ 就业形态: '快递小哥' }, { jobType: 'courier' }],
      [{ 就业形态: 'ride_hailing' }, { jobType: 'ride_hailing' }],
      [{ 就业形态: ' 货运司机 ' }, { jobType: 'truck_driver' }],
      [{ 户籍类型: '农业户口' }, { householdType: 'rural', migrantWorker: false }],
      [{ 户籍类型: '农村(农民工)' }, { householdType: 'rural', migrantWorker: true }],
      [{ 户籍类型: 'urban' }, { householdType: 'urban', migrantWorker: false }],
      [
        { 政治面貌: '党员', 学历: '大学本科', 民族: '回' },
        { politicalStatus: '中共党员', education: '本科', ethnicity: '回族' },
      ],
      [
        { 政治面貌: 'league', 学历: '专科', 民族: '01' },
        { politicalStatus: '共青团员', education: '大专', ethnicity: '汉族' },
      ],
      [
        { 政治面貌: '九三学社社员', 学历: '硕士', 民族: 3 },
        { politicalStatus: '民主党派成员', education: '硕士研究生', ethnicity: '回族' },
      ],
      // a word the dictionary does not know is kept as typed, as the API keeps it
      [
        { 政治面貌: '归侨', 学历: '技师学院' },
        { politicalStatus: '归侨', education: '技师学院' },
      ],
    ];
    const ids = cases.map(() => newId('1988-08-08'));
    const female = makeIdNumber('321102', '1991-02-02', 24);
    const file = await xlsxOf([
      ...cases.map(([over], i) => row({ ...over, 身份证号: ids[i] ?? '' })),
      row({ 身份证号: female, 性别: '女性' }),
    ]);
    const job = await importFile(officer, 'aliases.xlsx', file);
    expect(job.result).toMatchObject({ total: cases.length + 1, imported: cases.length + 1, failed: 0 });
    for (const [i, [over, stored]] of cases.entries()) {
      const found = (await t.request('GET', `/api/members?q=${ids[i]}`, { cookie: officer })).json<{
        items: Array<{ id: number }>;
      }>().items[0];
      const m = (await t.request('GET', `/api/members/${found?.id}`, { cookie: officer })).json<
        Record<string, unknown>
      >();
      expect(m, JSON.stringify(over)).toMatchObject(stored);
    }
    // an unknown job type or household type is still refused
    const bad = await importFile(
      officer,
      'bad-alias.xlsx',
      await xlsxOf([row({ 就业形态: '程序员' }), row({ 户籍类型: '外星' })]),
    );
    expect(bad.result).toMatchObject({ imported: 0, failed: 2 });
  });
});
