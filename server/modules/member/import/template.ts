import ExcelJS from 'exceljs';
import { COLUMNS } from './columns.js';
import {
  EDUCATION_CHOICES,
  ETHNICITY_CHOICES,
  GENDER_TEXT,
  HOUSEHOLD_CHOICES,
  JOB_TYPE_TEXT,
  POLITICAL_CHOICES,
} from './dictionaries.js';

// The import template: the roster sheet (header only: an example row would be imported by
// whoever forgets to delete it) with a drop-down list on every dictionary column, and a second
// sheet 填写说明 explaining every column with an example. Where the registry takes only listed
// values (性别, 户籍类型, 就业形态) Excel refuses others; where it stores words (民族, 政治面貌,
// 学历) it only asks. The import also reads codes and common spellings (dictionaries.ts).

const NOTES: Record<string, [rule: string, example: string]> = {
  姓名: ['必填，2-30 个字，与身份证一致', '王小明'],
  性别: ['可不填；填写时须与身份证号一致（男/女）', '男'],
  身份证号: ['必填，18 位居民身份证号；请保持文本格式，勿让 Excel 转成数字', '320102199001011234'],
  手机号码: ['必填，11 位大陆手机号', '13912345678'],
  民族: ['可不填；从下拉列表选择，也可写“汉”或 GB/T 3304 代码（01）', '汉族'],
  政治面貌: [`可不填；${POLITICAL_CHOICES.join(' / ')}（也可写“党员”“团员”等）`, '群众'],
  学历: [`可不填；${EDUCATION_CHOICES.join(' / ')}（也可写“大学本科”“专科”等）`, '本科'],
  户籍类型: [`可不填；${HOUSEHOLD_CHOICES.join(' / ')}（也可写“城镇户口”“农业户口”等）`, '农村（农民工）'],
  工作单位: ['可不填，最多 100 字', '镇江瑞丰科技有限公司'],
  岗位: ['可不填，最多 50 字', '装配工'],
  就业形态: [
    `可不填（默认普通职工）；${Object.values(JOB_TYPE_TEXT).join(' / ')}（也可写“普通”“外卖员”“快递小哥”“网约车”“其他”等）`,
    '外卖骑手',
  ],
  所属工会: ['必填；基层工会的代码或完整名称，须在您的管理范围内', 'JS-ZJ-JK-XS-001'],
  入会时间: ['必填；YYYY-MM-DD 或 Excel 日期，不能晚于今天', '2020-03-01'],
  会员卡号: ['可不填；字母、数字和连字符，不能与已有会员重复', 'ZJ2020000123'],
};

/** A drop-down of the listed values; `strict`: Excel refuses anything else, otherwise it only asks. */
const list = (values: readonly string[], strict = true): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${values.join(',')}"`],
  showErrorMessage: true,
  ...(strict
    ? { errorTitle: '请从列表中选择', error: '请从下拉列表中选择一个值' }
    : {
        errorStyle: 'information',
        errorTitle: '不在列表中',
        error: '列表外的写法将按原样导入；常见写法（如“党员”“大学本科”）会换成列表中的值',
      }),
});

const LISTS: Record<string, ExcelJS.DataValidation> = {
  性别: list(Object.values(GENDER_TEXT)),
  民族: list(ETHNICITY_CHOICES, false),
  政治面貌: list(POLITICAL_CHOICES, false),
  学历: list(EDUCATION_CHOICES, false),
  户籍类型: list(HOUSEHOLD_CHOICES),
  就业形态: list(Object.values(JOB_TYPE_TEXT)),
  入会时间: {
    type: 'date',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [new Date()],
    showErrorMessage: true,
    errorTitle: '入会时间',
    error: '请填写不晚于今天的日期（YYYY-MM-DD）',
  },
};

/** Rows of the roster sheet that carry the drop-downs (a range, not one rule per cell). */
const LIST_ROWS = 5000;

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UnionHub';
  const sheet = wb.addWorksheet('会员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    // 身份证号, 手机号码 and 会员卡号 as text: Excel would turn an 18-digit number into 3.2E+17.
    style:
      c.key === 'idNumber' || c.key === 'phone' || c.key === 'cardNo'
        ? { numFmt: '@' }
        : c.key === 'joinedAt'
          ? { numFmt: 'yyyy-mm-dd' }
          : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = NOTES[c.header]?.[0] ?? '';
    const rule = LISTS[c.header];
    if (rule) {
      const col = sheet.getColumn(i + 1).letter;
      // exceljs keeps one rule per address; a range address keeps the file small.
      // exceljs has worksheet.dataValidations; its typings do not declare it.
      const validations: unknown = Reflect.get(sheet, 'dataValidations');
      if (
        !validations ||
        typeof validations !== 'object' ||
        !('add' in validations) ||
        typeof validations.add !== 'function'
      ) {
        throw new Error('exceljs: worksheet.dataValidations is missing');
      }
      validations.add(`${col}2:${col}${LIST_ROWS}`, rule);
    }
  });

  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', width: 12 },
    { header: '填写要求', width: 70 },
    { header: '示例', width: 24 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of COLUMNS) notes.addRow([c.header, NOTES[c.header]?.[0] ?? '', NOTES[c.header]?.[1] ?? '']);
  notes.addRow([]);
  notes.addRow([
    '说明',
    '红色列为必填。请在第一张工作表填写，每人一行；同一身份证号已是会员的将被跳过，可放心重复导入。也可上传 UTF-8 或 GBK 编码的 CSV 文件（首行为同样的列名）。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
