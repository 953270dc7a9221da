// The roster columns union offices use, in the template's order. The export writes the same
// columns (plus 状态), so an exported roster reads back in as an import.

export const COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 12 },
  { key: 'gender', header: '性别', required: false, width: 6 },
  { key: 'idNumber', header: '身份证号', required: true, width: 22 },
  { key: 'phone', header: '手机号码', required: true, width: 14 },
  { key: 'ethnicity', header: '民族', required: false, width: 8 },
  { key: 'politicalStatus', header: '政治面貌', required: false, width: 12 },
  { key: 'education', header: '学历', required: false, width: 10 },
  { key: 'householdType', header: '户籍类型', required: false, width: 14 },
  { key: 'employer', header: '工作单位', required: false, width: 28 },
  { key: 'post', header: '岗位', required: false, width: 12 },
  { key: 'jobType', header: '就业形态', required: false, width: 16 },
  { key: 'union', header: '所属工会', required: true, width: 30 },
  { key: 'joinedAt', header: '入会时间', required: true, width: 12 },
  { key: 'cardNo', header: '会员卡号', required: false, width: 16 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

// Header spellings seen in the wild, mapped through a fixed whitelist (a Map, never an object
// lookup), so a header cell like "__proto__" or "constructor" is just an unknown column.
const ALIASES: ReadonlyArray<[string, ColumnKey]> = [
  ['身份证号码', 'idNumber'],
  ['公民身份号码', 'idNumber'],
  ['身份证', 'idNumber'],
  ['手机号', 'phone'],
  ['联系电话', 'phone'],
  ['手机', 'phone'],
  ['文化程度', 'education'],
  ['户籍', 'householdType'],
  ['户口性质', 'householdType'],
  ['单位', 'employer'],
  ['单位名称', 'employer'],
  ['职务', 'post'],
  ['岗位/职务', 'post'],
  ['工会', 'union'],
  ['所属工会代码', 'union'],
  ['工会名称', 'union'],
  ['入会日期', 'joinedAt'],
  ['会员证号', 'cardNo'],
  ['卡号', 'cardNo'],
];
const HEADERS = new Map<string, ColumnKey>([...COLUMNS.map((c): [string, ColumnKey] => [c.header, c.key]), ...ALIASES]);

/** "姓名*", " 身份证号（必填）" → the column key; anything else → undefined. */
export function headerKey(cell: string): ColumnKey | undefined {
  const text = cell.replace(/\s+/g, '').replace(/[*＊]|[（(]必填[）)]/g, '');
  return HEADERS.get(text);
}

// The dictionary columns (性别, 民族, 政治面貌, 学历, 户籍类型, 就业形态) live in dictionaries.ts.
export { GENDER_TEXT, householdOf, householdText, JOB_TYPE_TEXT, jobTypeOf } from './dictionaries.js';

export const STATUS_TEXT = { active: '在会', transferring: '转出中', left: '退会', deceased: '已故' } as const;

/**
 * Text for a spreadsheet we hand out: a cell starting with = + - @ (or a tab or CR) gets a leading
 * apostrophe, so neither Excel nor a CSV made from the sheet ever runs it as a formula.
 */
export const safeText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
/** The reverse on the way in: a file we exported (or an errors file) imports as it was typed. */
export const unsafeText = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
