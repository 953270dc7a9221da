import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../kernel/context.js';
import { BackupRefused, createBackup } from './backup.js';
import { startControl } from './control.js';
import { rotationUnfinished } from './rotate.js';
import { BackupSchedule } from './schedule.js';

// What the running server does for operations: on the embedded database, answer `npm run backup`
// over the control socket (the snapshot is taken in this process, which holds the database).
export async function startOps(
  deps: Deps,
  log: FastifyBaseLogger,
  skip: string[] = [],
): Promise<{ close(): Promise<void> }> {
  if (await rotationUnfinished(deps.database)) {
    // Rows under two keys: the server would fail on half of them. Finishing is one command.
    throw new Error(
      'a data-key rotation is unfinished on this database: run npm run key:rotate (same keys) to finish it, then start the server',
    );
  }
  const schedule = new BackupSchedule(deps, (msg, err) => (err ? log.error({ err }, msg) : log.info(msg)));
  schedule.start();
  if (deps.config.backup.dir) {
    log.info(
      `scheduled backups every ${deps.config.backup.everyHours} h into ${deps.config.backup.dir} (keeping ${deps.config.backup.keep}); the data key is not in them: keep it apart`,
    );
  }
  if (deps.database.engine !== 'pglite') return { close: () => schedule.stop() };
  const control = await startControl(
    deps.config.dataDir,
    async (req, say) => {
      log.info('backup requested over the control socket');
      const manifest = await createBackup(
        {
          database: deps.database,
          dataDir: deps.config.dataDir,
          crypto: deps.crypto,
          skip: [...skip, ...(deps.config.backup.dir ? [deps.config.backup.dir] : [])],
        },
        req.archive,
        say,
      );
      log.info({ tables: Object.keys(manifest.tables).length }, 'backup written');
      return manifest;
    },
    (err) => err instanceof BackupRefused,
  );
  return {
    async close() {
      await schedule.stop();
      await control.close();
    },
  };
}
