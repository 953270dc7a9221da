import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { handZip } from './fixtures.js';
import { decodeText, elements, readXlsx } from './xlsx.js';
import { FileRejected } from './zip.js';

const part = (name: string, xml: string) => {
  const raw = Buffer.from(xml);
  return { name, stored: zlib.deflateRawSync(raw), declaredSize: raw.length, crc: zlib.crc32(raw) };
};

function workbook(sheetXml: string, sharedXml?: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uh-xlsx-')), 'book.xlsx');
  fs.writeFileSync(
    file,
    handZip([
      part('[Content_Types].xml', '<Types/>'),
      part(
        'xl/workbook.xml',
        '<workbook xmlns:r="r"><sheets><sheet name="花名册" sheetId="1" r:id="rId7"/><sheet name="说明" sheetId="2" r:id="rId1"/></sheets></workbook>',
      ),
      part(
        'xl/_rels/workbook.xml.rels',
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      ),
      part(
        'xl/worksheets/sheet1.xml',
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明页</t></is></c></row></sheetData></worksheet>',
      ),
      part('xl/worksheets/sheet2.xml', sheetXml),
      ...(sharedXml ? [part('xl/sharedStrings.xml', sharedXml)] : []),
    ]),
  );
  return file;
}

async function read(file: string) {
  const out = [];
  for await (const r of readXlsx(file, () => undefined)) out.push(r);
  return out;
}

describe('xlsx reader', () => {
  it('reads the first sheet in workbook order, with every kind of cell', async () => {
    const shared =
      '<sst><si><t>王小明</t></si><si><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh><t>ちょう</t></rPh></si><si><t>A&amp;B_x000D_</t></si></sst>';
    const sheet = `<x:worksheet><x:sheetData>
      <x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c><x:c r="D2"><x:v>43891</x:v></x:c></x:row>
      <x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>&#x5218;&lt;</x:t></x:is></x:c><x:c r="C5" t="b"><x:v>1</x:v></x:c><x:c r="E5" t="str"><x:f>A1</x:f><x:v>公式</x:v></x:c><x:c r="F5" t="s"><x:v>2</x:v></x:c><x:c r="G5" t="s"><x:v>99</x:v></x:c></x:row>
      <x:row r="6"/>
    </x:sheetData></x:worksheet>`;
    const rows = await read(workbook(sheet, shared));
    expect(rows).toEqual([
      { line: 2, cells: ['王小明', null, '张三 ', 43891] },
      { line: 5, cells: [null, '刘<', true, null, '公式', 'A&B\r', null] },
      { line: 6, cells: [] },
    ]);
  });

  it('keeps a character whole when a chunk ends inside it', async () => {
    const xml = Buffer.from(
      `<sst>${Array.from({ length: 300 }, (_, i) => `<si><t>普通职工${i}号</t></si>`).join('')}</sst>`,
    );
    for (const size of [1, 2, 5, 7, 64]) {
      const chunks = async function* () {
        for (let i = 0; i < xml.length; i += size) yield xml.subarray(i, i + size);
      };
      const texts = [];
      for await (const [, body] of elements(chunks(), 'si')) texts.push(body);
      expect(texts).toHaveLength(300);
      expect(texts.every((t, i) => t === `<t>普通职工${i}号</t>`)).toBe(true);
    }
  });

  it('decodes character references and OOXML escapes, and leaves invalid ones alone', () => {
    expect(decodeText('&#20013;&#x6587;&quot;&apos;&gt;_x0009__x005F_x0041_&#0;&#x110000;')).toBe(
      '中文"\'>\t_x0041_&#0;&#x110000;',
    );
  });

  it('refuses a workbook whose sheet is damaged', async () => {
    const file = workbook(
      '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
    );
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(
      zlib.deflateRawSync(
        Buffer.from(
          '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
        ),
      ),
    );
    bytes[at + 3] = (bytes[at + 3] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    await expect(read(file)).rejects.toBeInstanceOf(FileRejected);
  });
});
