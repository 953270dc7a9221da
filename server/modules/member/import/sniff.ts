import fs from 'node:fs';
import { FileRejected, readCentralDirectory } from './zip.js';

// What an upload is, by its content (never by its name or the browser's content type): an .xlsx
// (a zip holding a workbook), or a CSV (text: UTF-8, with or without a BOM, or GB18030 — what
// Excel on a Chinese Windows saves as "CSV"). Anything else is refused before a job is queued.

export type UploadFormat = { format: 'xlsx' } | { format: 'csv'; encoding: 'utf-8' | 'gb18030' };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CHUNK = 1024 * 1024;

/** Reads the file in chunks through a fatal decoder: true when all of it decodes. */
function decodes(file: string, encoding: 'utf-8' | 'gb18030'): boolean {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(CHUNK);
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const text = decoder.decode(buf.subarray(0, n), { stream: true });
      // Text has no control characters besides tab and line breaks (a PNG or a PDF has plenty).
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's format by content; a name ending in .xlsx or .csv must agree with it (a PNG renamed .xlsx is refused). */
export function sniffUpload(file: string, name: string): UploadFormat {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(4);
  const n = fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (n === 0) throw new FileRejected('notSupported', 'empty file');
  if (n === 4 && head.equals(ZIP_MAGIC)) {
    if (ext === 'csv' || ext === 'txt') throw new FileRejected('notSupported', 'a zip named as text');
    readCentralDirectory(file);
    return { format: 'xlsx' };
  }
  if (ext === 'xlsx' || ext === 'xls' || ext === 'xlsm') throw new FileRejected('notSupported', 'not a zip workbook');
  if (decodes(file, 'utf-8')) return { format: 'csv', encoding: 'utf-8' };
  if (decodes(file, 'gb18030')) return { format: 'csv', encoding: 'gb18030' };
  throw new FileRejected('notSupported', 'neither a workbook nor text');
}
