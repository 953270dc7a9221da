import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.js';
import { shot, startStage, watchPage, type Stage } from './support.js';

// An officer imports a roster in the console: template, upload, progress, result, error file.

let s: Stage;
beforeAll(async () => {
  s = await startStage();
});
afterAll(() => s?.close());

const tid = (name: string) => `[data-test="${name}"]`;
const HEADERS = [
  '姓名',
  '性别',
  '身份证号',
  '手机号码',
  '民族',
  '政治面貌',
  '学历',
  '户籍类型',
  '工作单位',
  '岗位',
  '就业形态',
  '所属工会',
  '入会时间',
  '会员卡号',
];

async function rosterFile(good: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员');
  ws.addRow(HEADERS);
  for (let i = 0; i < good; i++) {
    const id = makeIdNumber('321102', `${1970 + (i % 30)}-03-0${1 + (i % 9)}`, i % 1000);
    ws.addRow([
      `导入${i}号`,
      Number(id[16]) % 2 ? '男' : '女',
      id,
      `1520000${String(i).padStart(4, '0')}`,
      '汉族',
      '群众',
      '大专',
      '城镇',
      '瑞丰科技',
      '操作工',
      '普通职工',
      'JS-ZJ-JK-XS-001',
      '2021-05-01',
      '',
    ]);
  }
  ws.addRow([
    '坏行一',
    '男',
    '320102199001011233',
    '13900001111',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'JS-ZJ-JK-XS-001',
    '2021-05-01',
    '',
  ]);
  ws.addRow([
    '坏行二',
    '女',
    makeIdNumber('321102', '1990-01-01', 998),
    '12345',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '不存在的工会',
    '2099-01-01',
    '',
  ]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uh-e2e-')), '会员名册.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('member import in the console', () => {
  it('uploads a roster, follows the progress, shows the counts and gives the error file', async () => {
    const problems: string[] = [];
    const page = await s.browser.newPage({
      viewport: { width: 1366, height: 860 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    watchPage(page, problems);
    await page.goto(`${s.baseUrl}/admin/`);
    await page.fill(tid('login-username'), 'grassroots');
    await page.fill(tid('login-password'), 'Demo#2026');
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('menu-members'));
    await page.goto(`${s.baseUrl}/admin/members`);
    await page.click(tid('member-import'));
    await page.waitForSelector(tid('import-dialog'));

    const template = page.waitForEvent('download');
    await page.click(tid('import-template'));
    const templatePath = await (await template).path();
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.readFile(templatePath);
    const headerRow = tpl.worksheets[0]?.getRow(1).values;
    expect(Array.isArray(headerRow) ? headerRow.slice(1).map((v) => String(v).replace(/[*＊]/g, '')) : []).toEqual(
      expect.arrayContaining(HEADERS),
    );

    await page.click(tid('import-next'));
    const file = await rosterFile(2000);
    await page.setInputFiles(`${tid('import-upload')} input[type=file]`, file);
    await shot(page, 'import-01-upload');
    await page.click(tid('import-start'));
    await page.waitForSelector(`${tid('import-progress')}, ${tid('import-result')}`);
    if (await page.isVisible(tid('import-progress'))) await shot(page, 'import-02-progress');
    await page.waitForSelector(tid('import-result'), { timeout: 60_000 });
    await shot(page, 'import-03-result');
    const counts = async (name: string) => (await page.textContent(tid(`import-result-${name}`)))?.replace(/\D/g, '');
    expect(await counts('total')).toBe('2002');
    expect(await counts('imported')).toBe('2000');
    expect(await counts('failed')).toBe('2');

    const download = page.waitForEvent('download');
    await page.click(tid('import-error-file'));
    const errorsPath = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(errorsPath);
    const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(text).toContain('坏行一');
    expect(text).toContain('坏行二');
    expect(text).toContain('校验位');

    await page.click(tid('import-view-roster'));
    await page.fill(tid('member-filter-q'), '导入1999号');
    await page.click(tid('member-search'));
    await page.locator(tid('member-table'), { hasText: '导入1999号' }).waitFor();
    await shot(page, 'import-04-roster');
    expect(problems).toEqual([]);
  });
});
