import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { MemberGenerator, PlainMember } from './gen.js';

// A registry file as a union would upload it: the import template's columns, one member per row,
// 1% of the rows wrong in one way or another (each kind equally often).

export const COLUMNS = [
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
] as const;

const JOB_LABELS: Record<PlainMember['jobType'], string> = {
  regular: '普通职工',
  courier: '快递员',
  food_delivery: '外卖骑手',
  truck_driver: '货车司机',
  ride_hailing: '网约车司机',
  other_new: '其他新就业形态',
};

/** Every BAD_EVERY-th row (from BAD_OFFSET) is wrong: 1% of the file. */
export const BAD_EVERY = 100;
export const BAD_OFFSET = 50;
export const BAD_KINDS = [
  '身份证号 check digit',
  '身份证号 format',
  'phone',
  'unknown 所属工会',
  'empty 姓名',
  'impossible 入会时间',
] as const;

export function isBadRow(k: number): boolean {
  return k % BAD_EVERY === BAD_OFFSET;
}

function wrongCheckDigit(id: string): string {
  const last = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

/** Row k of the file (0-based, header excluded): generator row `offset + k`, maybe spoiled. */
export function fileRow(gen: MemberGenerator, offset: number, k: number): string[] {
  const m = gen.at(offset + k);
  const row = [
    m.name,
    m.gender === 'male' ? '男' : '女',
    m.idNumber,
    m.phone,
    m.ethnicity,
    m.politicalStatus,
    m.education,
    m.householdType === 'urban' ? '城镇' : m.migrantWorker ? '农村（农民工）' : '农村',
    m.employer,
    m.post ?? '',
    JOB_LABELS[m.jobType],
    m.union.code,
    m.joinedAt,
    // Half the rows bring the card number they already have; the rest get one from the database.
    k % 2 === 0 ? `BJ${String(offset + k).padStart(9, '0')}` : '',
  ];
  if (isBadRow(k)) {
    const kind = Math.floor(k / BAD_EVERY) % BAD_KINDS.length;
    if (kind === 0) row[2] = wrongCheckDigit(m.idNumber);
    else if (kind === 1) row[2] = m.idNumber.slice(0, 15);
    else if (kind === 2) row[3] = '1381234';
    else if (kind === 3) row[11] = 'JS-NO-SUCH-UNION';
    else if (kind === 4) row[0] = '';
    else row[12] = '2019-13-45';
  }
  return row;
}

export interface FileFigures {
  path: string;
  format: 'csv' | 'xlsx';
  rows: number;
  badRows: number;
  bytes: number;
  seconds: number;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function writeImportFile(
  path: string,
  format: 'csv' | 'xlsx',
  gen: MemberGenerator,
  offset: number,
  rows: number,
): Promise<FileFigures> {
  const t = performance.now();
  let bad = 0;
  if (format === 'csv') {
    const out = fs.createWriteStream(path);
    // UTF-8 with a BOM, as Excel saves "CSV UTF-8".
    out.write(`\ufeff${COLUMNS.join(',')}\r\n`);
    let buf = '';
    for (let k = 0; k < rows; k++) {
      if (isBadRow(k)) bad++;
      buf += `${fileRow(gen, offset, k).map(csvCell).join(',')}\r\n`;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    out.end(buf);
    await once(out, 'finish');
  } else {
    // Deflate level 6 (zlib's default, as zip tools and Excel use): 1,000,000 rows take ~88 MiB.
    // exceljs's own default is faster and ~15% bigger, over the importer's 100 MB upload cap.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
      useStyles: false,
      zip: { zlib: { level: 6 } },
    });
    const ws = wb.addWorksheet('会员信息');
    ws.addRow([...COLUMNS]).commit();
    for (let k = 0; k < rows; k++) {
      if (isBadRow(k)) bad++;
      ws.addRow(fileRow(gen, offset, k)).commit();
      // Let the zip stream drain now and then, so memory stays flat.
      if (k % 50_000 === 0) await new Promise((r) => setImmediate(r));
    }
    ws.commit();
    await wb.commit();
  }
  return { path, format, rows, badRows: bad, bytes: fs.statSync(path).size, seconds: (performance.now() - t) / 1000 };
}
