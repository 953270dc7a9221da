// The last step of `npm run build:web`: copies the landing page (web/public) next to the two built
// apps, writes a brotli and a gzip file beside every compressible file (scripts/web-compress.ts),
// and prints one summary line instead of Vite's listing of every asset.
import fs from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../server/kernel/paths.js';
import { compressDir } from './web-compress.js';

const WEB = path.join(projectRoot, 'dist/web');
for (const app of ['admin', 'h5']) {
  if (!fs.existsSync(path.join(WEB, app, 'index.html'))) throw new Error(`dist/web/${app} is not built`);
}
// The landing page is plain files; copied so that it is served compressed like the apps.
await rm(path.join(WEB, 'public'), { recursive: true, force: true });
await cp(path.join(projectRoot, 'web/public'), path.join(WEB, 'public'), { recursive: true });

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const lines: string[] = [];
for (const app of ['admin', 'h5', 'public']) {
  const t = await compressDir(path.join(WEB, app));
  lines.push(`${app} ${t.files} files ${kb(t.bytes)} (brotli ${kb(t.br)}, gzip ${kb(t.gz)})`);
}
console.log(`web build → dist/web: ${lines.join('; ')}`);
