// npm run admin:create -- --username NAME [--display-name TEXT] [--org-code CODE --org-name TEXT]
// The password comes from ADMIN_PASSWORD, or is asked for (not echoed) on a terminal.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { createDeps } from '../server/boot.js';
import { loadConfig } from '../server/kernel/config.js';
import { AppError } from '../server/kernel/errors.js';
import { createAdministrator } from '../server/modules/auth/bootstrap.js';

async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('Set ADMIN_PASSWORD or run in a terminal to type the password.');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(prompt);
  out._writeToOutput = () => undefined; // hide what is typed
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    'org-code': { type: 'string' },
    'org-name': { type: 'string' },
  },
});
if (!values.username) {
  console.error(
    'usage: npm run admin:create -- --username NAME [--display-name TEXT] [--org-code CODE --org-name TEXT]',
  );
  process.exit(2);
}
const config = loadConfig();
const deps = await createDeps(config);
try {
  const password = process.env.ADMIN_PASSWORD ?? (await askPassword('Password: '));
  const rootOrg =
    values['org-code'] && values['org-name'] ? { code: values['org-code'], name: values['org-name'] } : undefined;
  const made = await createAdministrator(deps, {
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    password,
    rootOrg,
  });
  console.log(`Administrator "${values.username}" created (account ${made.accountId}, sysadmin at org ${made.orgId}).`);
} catch (err) {
  if (err instanceof AppError)
    console.error(`Refused: ${err.code} ${err.details.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await deps.database.close();
}
