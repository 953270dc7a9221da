import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number.js';
import { COLUMNS, type ColumnKey } from './columns.js';
import { checkRow, type RowContext } from './validate.js';

// Row checks without a database: what a single spreadsheet row turns into.
const header = new Map<ColumnKey, number>(COLUMNS.map((c, i) => [c.key, i]));
const union = { id: 7, path: '/1/2/3/6/7/', type: 'grassroots', status: 'active' };
const unionName = '镇江瑞丰科技有限公司工会';
const unionCode = 'JS-ZJ-JK-XS-001';
const ctx: RowContext = {
  lang: 'zh',
  unionsByCode: new Map([[unionCode, union]]),
  unionsByName: new Map([[unionName, [union]]]),
  inScope: () => true,
};
const idNumber = makeIdNumber('321102', '1990-05-06', 123);
const row = (over: Partial<Record<ColumnKey, string>> = {}) =>
  COLUMNS.map(
    (c) =>
      ({
        name: '王小明',
        gender: '男',
        idNumber,
        phone: '13912345678',
        union: unionCode,
        joinedAt: '2020-03-01',
        jobType: '普通职工',
        ...over,
      })[c.key] ?? '',
  );

describe('import row checks', () => {
  it('a good row becomes member values', () => {
    const checked = checkRow(2, row(), header, ctx);
    expect(checked.errors.size).toBe(0);
    expect(checked.values).toMatchObject({
      name: '王小明',
      idNumber,
      orgId: 7,
      gender: 'male',
      birthDate: '1990-05-06',
    });
  });

  it('a cell the reader could not decode (U+FFFD) is refused, not imported garbled', () => {
    const checked = checkRow(3, row({ employer: '镇江\uFFFD\uFFFD有限公司' }), header, ctx);
    expect(checked.values).toBeNull();
    expect(checked.errors.get('employer')).toMatch(/没有读取完整/);
  });
});
