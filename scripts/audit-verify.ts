// npm run audit:verify — walks the audit log's hash chain; exits 1 if any row was altered or removed.
import { createDeps } from '../server/boot.js';
import { verifyAudit } from '../server/kernel/audit.js';
import { loadConfig } from '../server/kernel/config.js';

const deps = await createDeps(loadConfig());
try {
  const result = await verifyAudit(deps.db, deps.crypto);
  if (result.ok) {
    console.log(`audit log intact: ${result.checked} rows checked`);
  } else {
    console.error(
      `AUDIT LOG TAMPERED: ${result.problem} (row ${result.firstBadId ?? '?'}; ${result.checked} rows verified before it)`,
    );
    process.exitCode = 1;
  }
} finally {
  await deps.database.close();
}
