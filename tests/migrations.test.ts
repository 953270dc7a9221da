import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../server/test/harness.js';

const run = promisify(execFile);

// The migrations are generated from the table definitions: a table changed without a new
// migration would pass on a fresh test database and break every real one. Regenerate into a copy
// and require that nothing new comes out.
describe.runIf(ENGINE === 'pglite')('migrations', () => {
  it('db/migrations is in step with every *.schema.ts', async () => {
    // drizzle-kit wants a relative output folder
    fs.mkdirSync('test-results', { recursive: true });
    const dir = path.relative(process.cwd(), fs.mkdtempSync(path.join('test-results', 'drift-')));
    try {
      fs.cpSync('db/migrations', path.join(dir, 'migrations'), { recursive: true });
      const config = path.join(dir, 'drizzle.config.json');
      fs.writeFileSync(
        config,
        JSON.stringify({ dialect: 'postgresql', schema: './server/**/*.schema.ts', out: `./${dir}/migrations` }),
      );
      const { stdout, stderr } = await run('npx', ['drizzle-kit', 'generate', '--config', config, '--name', 'drift']);
      const added = fs.readdirSync(path.join(dir, 'migrations')).filter((f) => f.includes('drift'));
      expect(added, stdout + stderr).toEqual([]);
      expect(stdout + stderr).toMatch(/No schema changes/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
