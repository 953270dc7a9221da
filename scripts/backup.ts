// npm run backup -- <archive.tar.gz>
// Embedded (DATA_DIR): asks the running server for a snapshot over its control socket, or, with no
// server running, opens the data directory itself. PostgreSQL (DATABASE_URL): pg_dump in one
// exported snapshot. Either way one archive: manifest, database, files; never the data key.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/kernel/config.js';
import { createCrypto, loadMasterKey } from '../server/kernel/crypto.js';
import { openDatabase } from '../server/kernel/db.js';
import { BackupRefused, createBackup, keyWarning, manifestOf, type Manifest } from '../server/ops/backup.js';
import { askServer, ServerRefused } from '../server/ops/control.js';

const archive = process.argv[2];
if (!archive || archive.startsWith('-')) {
  console.error('usage: DATA_DIR=… npm run backup -- <archive path, e.g. /mnt/backup/unionhub-2026-12-08.tar.gz>');
  process.exit(2);
}
const target = path.resolve(archive);
const config = loadConfig();
const log = (line: string) => console.log(line);

async function backupHere(): Promise<Manifest> {
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite'))) {
    throw new BackupRefused(`no embedded database at ${path.join(config.dataDir, 'pglite')}: is DATA_DIR right?`);
  }
  if (!config.dataKey && !fs.existsSync(path.join(config.dataDir, 'keys', 'data.key'))) {
    throw new BackupRefused(
      `no data key: neither UNIONHUB_DATA_KEY nor ${path.join(config.dataDir, 'keys', 'data.key')}; give the key the server runs with`,
    );
  }
  const crypto = createCrypto(loadMasterKey(config.dataKey, config.dataDir));
  const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
  try {
    return await createBackup({ database, dataDir: config.dataDir, crypto }, target, log);
  } finally {
    await database.close();
  }
}

try {
  // Embedded: the server, when it runs, holds the database; it takes the snapshot itself.
  const fromServer = config.databaseUrl
    ? null
    : await askServer(config.dataDir, { op: 'backup', archive: target }, (l) => log(`server: ${l}`));
  const m = fromServer === null ? await backupHere() : manifestOf(fromServer);
  const rowsTotal = Object.values(m.tables).reduce((a, b) => a + b, 0);
  const files = Object.keys(m.entries).filter((e) => e.startsWith('files/')).length;
  console.log(
    `backup done${fromServer === null ? '' : ' (snapshot taken by the running server)'}: ${target}\n` +
      `  version ${m.appVersion}, migration ${m.migrations.lastTag ?? m.migrations.count}, ` +
      `${Object.keys(m.tables).length} tables, ${rowsTotal} rows, ${files} files`,
  );
  console.log(keyWarning(config.dataDir, config.dataKey));
} catch (err) {
  if (err instanceof BackupRefused || err instanceof ServerRefused) console.error(`Refused: ${err.message}`);
  else console.error(err instanceof Error ? `Backup failed: ${err.message}` : err);
  process.exitCode = 1;
}
