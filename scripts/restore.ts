// npm run restore -- <archive.tar.gz>
// Into an empty DATA_DIR (it may hold keys/data.key) and, with DATABASE_URL, an empty database.
// Refuses a newer migration level than this code knows, a damaged archive and a wrong key.
import path from 'node:path';
import { loadConfig } from '../server/kernel/config.js';
import { BackupRefused, keyLocation, restoreBackup } from '../server/ops/backup.js';
import { serverAnswers } from '../server/ops/control.js';

const archive = process.argv[2];
if (!archive || archive.startsWith('-')) {
  console.error('usage: DATA_DIR=<empty directory> [DATABASE_URL=<empty database>] npm run restore -- <archive>');
  process.exit(2);
}
const config = loadConfig();
try {
  if (!config.databaseUrl && (await serverAnswers(config.dataDir))) {
    throw new BackupRefused(
      `a UnionHub server is running on ${config.dataDir}: stop it, and restore into an empty DATA_DIR`,
    );
  }
  const r = await restoreBackup(
    { dataDir: config.dataDir, databaseUrl: config.databaseUrl, dataKey: config.dataKey },
    path.resolve(archive),
    (l) => console.log(l),
  );
  const rowsTotal = Object.values(r.manifest.tables).reduce((a, b) => a + b, 0);
  console.log(
    `restored the backup of ${r.manifest.createdAt} (version ${r.manifest.appVersion}): ${rowsTotal} rows, ${r.files} files, ` +
      `audit log of ${r.auditRows} rows verified.\nThe server may start now on this DATA_DIR${config.databaseUrl ? ' and DATABASE_URL' : ''}, ` +
      `with the same key (${keyLocation(config.dataDir, config.dataKey)}).`,
  );
} catch (err) {
  if (err instanceof BackupRefused) console.error(`Refused: ${err.message}`);
  else console.error(err instanceof Error ? `Restore failed: ${err.message}` : err);
  process.exitCode = 1;
}
