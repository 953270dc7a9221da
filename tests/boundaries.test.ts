import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The module-boundary rule of eslint.config.js, run on snippets as if they were files of a module:
// an inner file of another module is refused, its index.js and the kernel are not.
// The snippets are not files of the TypeScript project, so the type-aware rules (and the project
// service they need) are left out: only the boundary rule runs.
const eslint = new ESLint({
  cwd: path.resolve(import.meta.dirname, '..'),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('module boundaries (no-restricted-imports)', () => {
  it("refuses another module's inner file, from a module's top folder and from a sub-folder", async () => {
    expect(
      await restricted('server/modules/voice/x.ts', "import { chinaDate } from '../qa/home.js';\nvoid chinaDate;\n"),
    ).toHaveLength(1);
    expect(
      await restricted(
        'server/modules/assistance/aid/x.ts',
        "import { member } from '../../member/member.schema.js';\nvoid member;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restricted(
        'server/modules/service/x.ts',
        "import { account } from '../auth/auth.schema.js';\nvoid account;\n",
      ),
    ).toHaveLength(1);
  });

  it("allows another module's index.js, the kernel, the module's own files and the seed", async () => {
    const ok = [
      "import { getOrg } from '../org/index.js';",
      "import { AppError } from '../../kernel/errors.js';",
      "import { loadMember } from './member.service.js';",
      "import { say } from './import/validate.js';",
      "import { seedDemoMembers } from '../../seed/demo-members.js';",
    ].join('\n');
    expect(
      await restricted(
        'server/modules/member/x.ts',
        `${ok}\nvoid [getOrg, AppError, loadMember, say, seedDemoMembers];\n`,
      ),
    ).toEqual([]);
    expect(
      await restricted(
        'server/modules/assistance/aid/x.ts',
        "import { openCase } from '../../service/index.js';\nimport { requireConsent } from '../hardship/index.js';\nvoid [openCase, requireConsent];\n",
      ),
    ).toEqual([]);
  });

  it("lets a schema file import another module's schema file for a foreign key, and nothing else inner", async () => {
    expect(
      await restricted('server/modules/qa/qa.schema.ts', "import { org } from '../org/org.schema.js';\nvoid org;\n"),
    ).toEqual([]);
    expect(
      await restricted(
        'server/modules/assistance/aid/aid.schema.ts',
        "import { member } from '../../member/member.schema.js';\nvoid member;\n",
      ),
    ).toEqual([]);
    expect(
      await restricted(
        'server/modules/qa/qa.schema.ts',
        "import { getOrg } from '../org/org.service.js';\nvoid getOrg;\n",
      ),
    ).toHaveLength(1);
  });
});

// Issue 15: a module's public surface is functions and types, never tables. Other modules read the
// owner's views (org_ref, account_ref, member_ref) or call its functions; writes stay in the owner.
describe('module public surfaces (index.ts)', () => {
  const root = path.resolve(import.meta.dirname, '..');
  // server/modules/<m>/index.ts and, for modules with sub-folders, server/modules/<m>/<sub>/index.ts
  const indexes = fs
    .readdirSync(path.join(root, 'server/modules'), { recursive: true, encoding: 'utf8' })
    .map((f) => `server/modules/${f.split(path.sep).join('/')}`)
    .filter((f) => /^server\/modules\/[^/]+\/([^/]+\/)?index\.ts$/.test(f))
    .sort();

  it('finds every module index, and would recognise a table', async () => {
    expect(indexes).toContain('server/modules/member/index.ts');
    expect(indexes).toContain('server/modules/assistance/aid/index.ts');
    expect(indexes.length).toBeGreaterThanOrEqual(11);
    const { member, memberRef } = await import('../server/modules/member/member.schema.js');
    expect(is(member, PgTable)).toBe(true);
    expect(is(memberRef, PgTable)).toBe(false);
  });

  it('no module index.ts exports a Drizzle table', async () => {
    const tables: string[] = [];
    for (const file of indexes) {
      const exports: Record<string, unknown> = await import(pathToFileURL(path.join(root, file)).href);
      for (const [name, value] of Object.entries(exports)) if (is(value, PgTable)) tables.push(`${file}: ${name}`);
    }
    expect(tables).toEqual([]);
  });
});
