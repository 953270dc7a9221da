import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + start);
    dir = up;
  }
  return dir;
}

/** The project folder, whether running from server/ (tsx, vitest) or dist/server/ (built). */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
