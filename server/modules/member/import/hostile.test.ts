import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/harness.js';
import { makeIdNumber } from '../id-number.js';
import { csvOf, handZip, HEADERS, multipartBody, workbookParts, type RawEntry } from './fixtures.js';
import { importLimits } from './limits.js';

// Hostile files through the real import (HTTP upload → job), as the probe of issue 14 sent them:
// a 10 MB CSV of 1,000,000 bad rows, a 5.5 MB .xlsx whose sheet inflates to 1.9 GB, a 4 MB
// .xlsx whose shared strings inflate to 1.9 GB. Each must be refused or finished with the
// process's RSS growing < 300 MB (on PostgreSQL the import's worker thread is in this process),
// in less time than a valid file of its size. The files are made here, compressed blocks
// repeated (a deflate block ended with a full flush can be followed by another), never on git.

const MB = 1024 * 1024;
const INFLATED = 1_900_000_000;
let t: TestApp;
let officer: string;

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'uh-hostile-')) } });
  officer = await t.login('grassroots');
}, 60_000);
afterAll(() => t.close());

interface Job {
  state: string;
  error: string | null;
  result: { total: number; imported: number; existing: number; failed: number; errorFile: string | null } | null;
}
interface Run {
  job: Job;
  ms: number;
  rssGrowthMb: number;
  refused: boolean;
  errorRows?: number;
  lastLine?: string;
}

/** Uploads and waits for the job, sampling the process's RSS every 50 ms. */
async function measure(name: string, content: Buffer): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = Date.now();
  try {
    const { payload, headers } = multipartBody(name, content);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members/import',
      payload,
      headers: { ...headers, cookie: officer },
    });
    let job: Job = { state: 'failed', error: res.body, result: null };
    if (res.statusCode === 202) {
      const id = res.json<{ jobId: string }>().jobId;
      for (;;) {
        await t.deps.jobs.kick();
        job = (await t.request('GET', `/api/jobs/${id}`, { cookie: officer })).json<Job>();
        if (job.state === 'succeeded' || job.state === 'failed') break;
        if (Date.now() - started > 180_000) throw new Error(`${name}: the job did not finish in 3 minutes`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const run: Run = {
      job,
      ms: Date.now() - started,
      rssGrowthMb: Math.round((peak - base) / MB),
      refused: res.statusCode === 400 || job.state === 'failed',
    };
    if (job.result?.errorFile) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        (await t.request('GET', job.result.errorFile, { cookie: officer })).rawPayload as unknown as ArrayBuffer,
      );
      const sheet = wb.worksheets[0];
      run.errorRows = (sheet?.actualRowCount ?? 0) - 1;
      run.lastLine = String(sheet?.getRow(sheet.actualRowCount).getCell(HEADERS.length + 2).value);
    }
    console.log(
      `[hostile ${ENGINE}] ${name} ${(content.length / MB).toFixed(1)} MB: ${run.refused ? `refused (${job.error})` : `finished ${JSON.stringify(job.result)}`}; ${run.ms} ms; RSS +${run.rssGrowthMb} MB`,
    );
    return run;
  } finally {
    clearInterval(sampler);
  }
}

/** A deflated part: `head`, then `block` deflated once and repeated until `size` bytes, then `tail`. */
function repeatedPart(name: string, head: string, block: string, tail: string, size: number): RawEntry {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const [h, b, e] = [head, block.repeat(Math.ceil(MB / block.length)), tail].map((s) => Buffer.from(s));
  if (!h || !b || !e) throw new Error('parts');
  const times = Math.floor((size - h.length - e.length) / b.length);
  const deflated = zlib.deflateRawSync(b, flush);
  let crc = zlib.crc32(h);
  for (let i = 0; i < times; i++) crc = zlib.crc32(b, crc);
  crc = zlib.crc32(e, crc);
  const stored = Buffer.concat([
    zlib.deflateRawSync(h, flush),
    ...Array.from({ length: times }, () => deflated),
    zlib.deflateRawSync(e),
  ]);
  return { name, stored, declaredSize: h.length + times * b.length + e.length, crc };
}

const inline = (s: string) => `<c t="inlineStr"><is><t>${s}</t></is></c>`;
const headerRow = `<row>${HEADERS.map(inline).join('')}</row>`;
const TECHCO = 'JS-ZJ-JK-XS-001';

/** About `bytes` of good rows (distinct people from the `from`-th on). */
function validCsv(bytes: number, from = 0): Buffer {
  const rows: string[][] = [];
  let size = 0;
  for (let i = from; size < bytes; i++) {
    const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 900) * 86_400_000).toISOString().slice(0, 10);
    const r = [
      '张晓燕',
      '',
      makeIdNumber('321102', birth, 100 + (i % 900)),
      `139${String(i).padStart(8, '0')}`,
      '汉族',
      '群众',
      '大专',
      '城镇',
      '瑞丰科技',
      '装配工',
      '普通职工',
      TECHCO,
      '2021-03-01',
      '',
    ];
    size += Buffer.byteLength(r.join(',')) + 2;
    rows.push(r);
  }
  return Buffer.from(csvOf(rows));
}

describe(`hostile imports (${ENGINE})`, () => {
  it('three hostile files are refused or finished with RSS +< 300 MB, faster than a valid file of their size', async () => {
    const csvBad = Buffer.from(`${HEADERS.join(',')}\n${'王,,1234\n'.repeat(1_000_000)}`);
    const sheetBomb = handZip([
      ...workbookParts(),
      repeatedPart(
        'xl/worksheets/sheet1.xml',
        `<?xml version="1.0"?><worksheet><sheetData>${headerRow}`,
        `<row>${inline('王')}${inline('')}${inline('1234')}</row>`,
        '</sheetData></worksheet>',
        INFLATED,
      ),
    ]);
    const stringsBomb = handZip([
      ...workbookParts(),
      repeatedPart(
        'xl/sharedStrings.xml',
        '<?xml version="1.0"?><sst>',
        `<si><t>${'王'.repeat(30)}</t></si>`,
        '</sst>',
        INFLATED,
      ),
      {
        ...repeatedPart(
          'xl/worksheets/sheet1.xml',
          `<worksheet><sheetData>${headerRow}`,
          '<row><c t="s"><v>1</v></c></row>',
          '</sheetData></worksheet>',
          1000,
        ),
      },
    ]);
    const valid = validCsv(10 * MB);

    const good = await measure('valid.csv', valid);
    expect(good.job.result).toMatchObject({ failed: 0, imported: good.job.result?.total });
    const perByte = good.ms / valid.length;

    const csv = await measure('bad-rows.csv', csvBad);
    const sheet = await measure('sheet-bomb.xlsx', sheetBomb);
    const strings = await measure('strings-bomb.xlsx', stringsBomb);
    for (const [run, file] of [
      [csv, csvBad],
      [sheet, sheetBomb],
      [strings, stringsBomb],
    ] as const) {
      expect(run.rssGrowthMb).toBeLessThan(300);
      expect(run.ms).toBeLessThan(perByte * file.length); // faster than a valid file of its size
      expect(run.refused).toBe(true);
    }
    // Rows past the errors file's cap, mostly bad: the wrong file, refused with nothing imported.
    expect(csv.job.error).toBe(
      `错误行已超过 ${importLimits.maxErrorRows} 行，且多于正确的行：请确认文件按导入模板填写、各列与表头对应后重新导入`,
    );
    // The bombs are refused from the zip directory, before they inflate.
    for (const run of [sheet, strings])
      expect(JSON.parse(run.job.error ?? '{}').error.details[0].message).toBe('文件内容过大，请拆分后分批导入');
    // A file with as many bad rows, but fewer than its good ones, finishes: the first maxErrorRows
    // bad rows in full, the rest counted (a smaller cap, to keep this test short).
    importLimits.maxErrorRows = 1000;
    const mixed = Buffer.concat([validCsv(2 * MB, 500_000), Buffer.from('王,,1234\n'.repeat(5000))]);
    const run = await measure('mixed.csv', mixed);
    importLimits.maxErrorRows = 10_000;
    expect(run.job.result).toMatchObject({ failed: 5000, imported: (run.job.result?.total ?? 0) - 5000 });
    expect(run.errorRows).toBe(1000 + 1);
    expect(run.lastLine).toBe('共 5000 行有错误，本文件只列出前 1000 行；请改正这些行后重新导入，其余错误行会再次列出');
    expect(run.rssGrowthMb).toBeLessThan(300);
  }, 600_000);
});
