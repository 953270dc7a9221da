import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCrypto } from './crypto.js';
import { readSealed, sealedWriter, writeSealed } from './files.js';

const crypto = createCrypto(Buffer.alloc(32, 7));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-sealed-'));

describe('sealed files', () => {
  it('round-trip; the clear bytes are nowhere on disk; a change or another key is refused', async () => {
    const clear = Buffer.from('320102199001011233 13800001111 '.repeat(1000));
    const file = path.join(dir, 'a.enc');
    await writeSealed(crypto, file, clear);
    const raw = fs.readFileSync(file);
    expect(raw.includes(Buffer.from('320102199001011233'))).toBe(false);
    expect((await readSealed(crypto, file))?.equals(clear)).toBe(true);
    raw[raw.length - 40] = (raw[raw.length - 40] ?? 0) ^ 1;
    fs.writeFileSync(file, raw);
    await expect(readSealed(crypto, file)).rejects.toThrow();
    await writeSealed(crypto, file, clear);
    await expect(readSealed(createCrypto(Buffer.alloc(32, 8)), file)).rejects.toThrow();
  });

  it('streams (empty too), leaves no part file, answers null for a missing file, and sends unsealed files to legacy', async () => {
    const file = path.join(dir, 'b.enc');
    const w = sealedWriter(crypto, file);
    for (let i = 0; i < 100; i++) w.stream.write(Buffer.from(`row ${i}\n`));
    w.stream.end();
    await w.done;
    expect((await readSealed(crypto, file))?.toString()).toContain('row 99\n');
    expect(fs.readdirSync(dir).some((n) => n.endsWith('.part'))).toBe(false);
    const empty = sealedWriter(crypto, path.join(dir, 'c.enc'));
    empty.stream.end();
    await empty.done;
    expect((await readSealed(crypto, path.join(dir, 'c.enc')))?.length).toBe(0);
    expect(await readSealed(crypto, path.join(dir, 'none'))).toBeNull();
    fs.writeFileSync(path.join(dir, 'plain'), 'old');
    await expect(readSealed(crypto, path.join(dir, 'plain'))).rejects.toThrow();
    expect(
      (await readSealed(crypto, path.join(dir, 'plain'), (b) => Buffer.concat([b, Buffer.from('!')])))?.toString(),
    ).toBe('old!');
  });
});
