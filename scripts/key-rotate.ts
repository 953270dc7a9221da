// npm run key:rotate [-- --batch 500]
// Moves every ciphertext, blind index, sealed file and the audit chain from the current data key
// (UNIONHUB_DATA_KEY or DATA_DIR/keys/data.key) to a new one: UNIONHUB_NEW_DATA_KEY, or a key
// generated into DATA_DIR/keys/data.key.new (kept there until the rotation ends, so a resumed
// run uses the same one). Stop the server first. Resumable: run it again after a crash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/kernel/config.js';
import { openDatabase } from '../server/kernel/db.js';
import { serverAnswers } from '../server/ops/control.js';
import { rotateKey, RotationRefused } from '../server/ops/rotate.js';

const { values } = parseArgs({ options: { batch: { type: 'string' } } });
const batchSize = values.batch ? Number(values.batch) : 500;
const config = loadConfig();
const keysDir = path.join(config.dataDir, 'keys');
const keyFile = path.join(keysDir, 'data.key');
const newFile = path.join(keysDir, 'data.key.new');

function readKey(file: string): Buffer {
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new RotationRefused(`${file} does not hold a 32-byte base64 key`);
  return key;
}

try {
  if (!config.databaseUrl && (await serverAnswers(config.dataDir))) {
    throw new RotationRefused(
      `the server is running on ${config.dataDir}: stop it first (the rotation needs the database alone)`,
    );
  }
  if (!config.dataKey && !fs.existsSync(keyFile))
    throw new RotationRefused(`no current key: neither UNIONHUB_DATA_KEY nor ${keyFile}`);
  const oldKey = config.dataKey ? Buffer.from(config.dataKey, 'base64') : readKey(keyFile);
  const envNew = process.env.UNIONHUB_NEW_DATA_KEY;
  let newKey: Buffer;
  if (envNew) {
    newKey = Buffer.from(envNew, 'base64');
    if (newKey.length !== 32) throw new RotationRefused('UNIONHUB_NEW_DATA_KEY must be 32 bytes, base64-encoded');
  } else if (fs.existsSync(newFile)) {
    newKey = readKey(newFile);
    console.log(`using the new key generated before: ${newFile}`);
  } else {
    fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    newKey = crypto.randomBytes(32);
    fs.writeFileSync(newFile, newKey.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    console.log(`new key generated: ${newFile}`);
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
  try {
    if (database.engine === 'postgres') {
      const [other] = await database.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      if ((other?.n ?? 0) > 0 && process.env.UNIONHUB_ROTATE_IGNORE_SESSIONS !== '1') {
        throw new RotationRefused(
          `${other?.n} other sessions are connected to this database: stop every UnionHub server first ` +
            '(set UNIONHUB_ROTATE_IGNORE_SESSIONS=1 if they are not UnionHub, e.g. a monitoring tool)',
        );
      }
    }
    const started = Date.now();
    await rotateKey({ database, dataDir: config.dataDir, oldKey, newKey, batchSize, log: (l) => console.log(l) });
    console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await database.close();
  }
  const bar = '!'.repeat(78);
  if (!config.dataKey && !envNew) {
    const retired = path.join(keysDir, `data.key.retired-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    fs.renameSync(keyFile, retired);
    fs.renameSync(newFile, keyFile);
    console.log(
      `${bar}\n!! ${keyFile} now holds the NEW key; the old one is ${retired}.\n` +
        '!! Copy the new key to where you keep the key apart from the backups, now.\n' +
        '!! Backups made before today open only with the OLD key: keep the old key (apart) as long as\n' +
        `!! you keep those backups, then destroy it. Make a fresh backup now.\n${bar}`,
    );
  } else {
    console.log(
      `${bar}\n!! Start the server with the NEW key: set UNIONHUB_DATA_KEY to ${envNew ? 'the value of UNIONHUB_NEW_DATA_KEY' : `the content of ${newFile} (then delete that file)`}.\n` +
        '!! Backups made before today open only with the OLD key: keep it (apart) as long as those backups. Make a fresh backup now.\n' +
        bar,
    );
  }
} catch (err) {
  if (err instanceof RotationRefused) console.error(`Refused: ${err.message}`);
  else {
    console.error(err instanceof Error ? `Rotation stopped: ${err.message}` : err);
    console.error('Nothing is lost: run npm run key:rotate again with the same keys to resume where it stopped.');
  }
  process.exitCode = 1;
}
