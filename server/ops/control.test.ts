import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { askServer, DataDirInUse, serverAnswers, ServerRefused, startControl } from './control.js';

// The embedded server's control socket: answers a backup request, keeps a second server off the
// same DATA_DIR, passes a refusal on as a refusal, and works for a DATA_DIR too deep for a socket path.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-control-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

class Refused extends Error {}

describe('control socket', () => {
  for (const dir of [path.join(tmp, 'data'), path.join(tmp, 'd'.repeat(60), 'e'.repeat(60), 'data')]) {
    it(`answers and refuses a second server (${dir.length} characters)`, async () => {
      fs.mkdirSync(dir, { recursive: true });
      expect(await serverAnswers(dir)).toBe(false);
      expect(await askServer(dir, { op: 'backup', archive: '/x' }, () => undefined)).toBeNull();
      const control = await startControl(
        dir,
        async (req, say) => {
          say('working');
          if (req.archive === '/refuse') throw new Refused('exists already');
          return { archive: req.archive };
        },
        (err) => err instanceof Refused,
      );
      try {
        expect(await serverAnswers(dir)).toBe(true);
        await expect(
          startControl(
            dir,
            async () => null,
            () => false,
          ),
        ).rejects.toThrow(DataDirInUse);
        const lines: string[] = [];
        expect(await askServer(dir, { op: 'backup', archive: '/a.tar.gz' }, (l) => lines.push(l))).toEqual({
          archive: '/a.tar.gz',
        });
        expect(lines).toEqual(['working']);
        await expect(askServer(dir, { op: 'backup', archive: '/refuse' }, () => undefined)).rejects.toThrow(
          ServerRefused,
        );
      } finally {
        await control.close();
      }
      expect(await serverAnswers(dir)).toBe(false);
    });
  }
});
