import ExcelJS from 'exceljs';
import { COLUMNS, safeText } from './columns.js';
import type { CheckedRow } from './validate.js';

// The file of bad rows: each bad row as it was (template columns, so it can be corrected and
// uploaded again), its line in the original file, and all its reasons in 错误说明; each bad cell
// is filled red and carries its own reason as a cell note. Written as a stream: a file with
// 500,000 bad rows is as cheap to write as one with five.

const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
export const LINE_HEADER = '原行号';
export const REASON_HEADER = '错误说明';

export class ErrorFileWriter {
  private workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  private sheet: ExcelJS.Worksheet | undefined;
  count = 0;

  constructor(private readonly file: string) {}

  private open(): ExcelJS.Worksheet {
    if (this.sheet) return this.sheet;
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.file, useStyles: true, useSharedStrings: false });
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
    const sheet = this.open();
    const reasons = COLUMNS.filter((c) => row.errors.has(c.key)).map((c) => `${c.header}：${row.errors.get(c.key) ?? ''}`);
    const r = sheet.addRow([...row.texts.map(safeText), row.line, reasons.join('；')]);
    COLUMNS.forEach((c, i) => {
      const reason = row.errors.get(c.key);
      if (!reason) return;
      const cell = r.getCell(i + 1);
      cell.fill = BAD_FILL;
      cell.note = reason;
    });
    r.commit();
    this.count++;
  }

  /** Finishes the file; false when there was nothing to write (no file then). */
  async close(): Promise<boolean> {
    if (!this.workbook) return false;
    await this.workbook.commit();
    return true;
  }
}
