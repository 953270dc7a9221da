import fs from 'node:fs';

// A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes,
// CRLF / LF / CR), so a large file is read a chunk at a time. Excel writes commas; a file saved
// with semicolons or tabs is still read when its first line uses them instead.

export interface CsvRow {
  line: number;
  cells: string[];
}

/** The longest field we keep; beyond it a cell is cut (no real roster cell comes close). */
const MAX_FIELD = 10_000;

export async function* readCsv(
  file: string,
  encoding: 'utf-8' | 'gb18030',
  onBytes: (n: number) => void = () => undefined,
): AsyncGenerator<CsvRow> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  let sep = '';
  let field = '';
  let cells: string[] = [];
  let quoted = false;
  let afterQuote = false; // just closed a quoted section: a second quote means a literal one
  let pendingCr = false;
  let line = 1;
  let rowStart = 1;

  const endField = () => {
    cells.push(field);
    field = '';
    afterQuote = false;
  };

  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  for await (const chunk of stream) {
    if (!Buffer.isBuffer(chunk)) throw new TypeError('a file stream without an encoding yields bytes');
    onBytes(chunk.length);
    const text = decoder.decode(chunk, { stream: true });
    const rows: CsvRow[] = [];
    if (!sep) sep = guessSeparator(text);
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i); // i < text.length: one UTF-16 unit, as text[i]
      if (pendingCr) {
        pendingCr = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (ch === '\n') line++;
          if (field.length < MAX_FIELD) field += ch;
        }
        continue;
      }
      if (ch === '"') {
        if (afterQuote || field === '') {
          if (afterQuote) field += '"';
          quoted = true;
          afterQuote = false;
          continue;
        }
      }
      afterQuote = false;
      if (ch === sep) endField();
      else if (ch === '\n' || ch === '\r') {
        endField();
        rows.push({ line: rowStart, cells });
        cells = [];
        line++;
        rowStart = line;
        pendingCr = ch === '\r';
      } else if (field.length < MAX_FIELD) field += ch;
    }
    yield* rows;
  }
  const rest = decoder.decode();
  if (rest) field += rest;
  if (field !== '' || cells.length > 0) {
    endField();
    yield { line: rowStart, cells };
  }
}

function guessSeparator(text: string): string {
  const first = text.split(/\r|\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((s) => [s, first.split(s).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 1 ? counts[0][0] : ',';
}
