import ExcelJS from 'exceljs';
import type { Crypto } from '../../../kernel/crypto.js';
import type { Lang } from '../../../kernel/errors.js';
import { sealedWriter } from '../../../kernel/files.js';
import { memberFieldMessage } from '../member.errors.js';
import { COLUMNS, safeText } from './columns.js';
import { importLimits } from './limits.js';
import type { CheckedRow } from './validate.js';

// The file of bad rows: each bad row as it was (template columns, so it can be corrected and
// uploaded again), its line in the original file, and all its reasons in 错误说明; each bad cell
// is filled red and carries its own reason as a cell note. Written as a stream and sealed
// (kernel/files.ts: it holds full ID numbers and phones). Only the first maxErrorRows bad rows
// are written; the rest are counted, and a last line says how many there were: a million bad
// rows would otherwise cost gigabytes (exceljs keeps every note of a sheet until it ends).

const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
export const LINE_HEADER = '原行号';
export const REASON_HEADER = '错误说明';

export class ErrorFileWriter {
  private workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  private sheet: ExcelJS.Worksheet | undefined;
  private sealed: ReturnType<typeof sealedWriter> | undefined;
  /** Bad rows seen; `written` of them are in the file. */
  count = 0;
  written = 0;

  constructor(
    private readonly file: string,
    private readonly crypto: Crypto,
    private readonly lang: Lang,
  ) {}

  private open(): ExcelJS.Worksheet {
    if (this.sheet) return this.sheet;
    this.sealed = sealedWriter(this.crypto, this.file);
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.sealed.stream,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = this.workbook.addWorksheet('错误行', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      ...COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } })),
      { header: LINE_HEADER, key: 'line', width: 8 },
      { header: REASON_HEADER, key: 'reason', width: 60 },
    ];
    sheet.getRow(1).font = HEADER_FONT;
    sheet.getRow(1).commit();
    this.sheet = sheet;
    return sheet;
  }

  add(row: CheckedRow): void {
    this.count++;
    if (this.written >= importLimits.maxErrorRows) return;
    const sheet = this.open();
    const reasons = COLUMNS.filter((c) => row.errors.has(c.key)).map(
      (c) => `${c.header}：${row.errors.get(c.key) ?? ''}`,
    );
    const r = sheet.addRow([...row.texts.map(safeText), row.line, reasons.join('；')]);
    COLUMNS.forEach((c, i) => {
      const reason = row.errors.get(c.key);
      if (!reason) return;
      const cell = r.getCell(i + 1);
      cell.fill = BAD_FILL;
      cell.note = reason;
    });
    r.commit();
    this.written++;
  }

  /** Finishes the file; false when there was nothing to write (no file then). */
  async close(): Promise<boolean> {
    if (!this.workbook || !this.sheet || !this.sealed) return false;
    if (this.count > this.written) {
      const text = memberFieldMessage('import.errorsCapped', this.lang)
        .replace('{total}', String(this.count))
        .replace('{n}', String(this.written));
      const r = this.sheet.addRow([]);
      r.getCell(COLUMNS.length + 2).value = text;
      r.font = HEADER_FONT;
      r.commit();
    }
    await this.workbook.commit();
    await this.sealed.done;
    return true;
  }
}
