import path from 'node:path';
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
