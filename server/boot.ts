import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { systemClock, type Clock } from './kernel/clock.js';
import type { Config } from './kernel/config.js';
import type { Deps } from './kernel/context.js';
import { createCrypto, loadMasterKey } from './kernel/crypto.js';
import { migrateDatabase, openDatabase, type Database } from './kernel/db.js';
import { deliverInvalidation, INVALIDATION_CHANNEL } from './kernel/invalidation.js';
import { JobRunner } from './kernel/jobs.js';
import { logSerializers, prettyDestination } from './kernel/log.js';
import { createDevSmsDriver, createHttpSmsDriver, dispatchOutbox, type SmsDriver } from './kernel/outbox.js';
import { Pump } from './kernel/pump.js';
import { syncBuiltinRoles } from './modules/auth/index.js';
// The manifests register their permissions, codes and messages when MODULES loads.
import './modules.js';

// Everything the app needs, opened and migrated. Used by main.ts, the scripts and the tests.
export interface BootOptions {
  clock?: Clock;
  database?: Database;
  sms?: SmsDriver;
  log?: FastifyBaseLogger;
}

/**
 * The process's logger: JSON lines in production (or `LOG_FORMAT=json`), one short readable line
 * per entry in development; to stdout unless a destination is given (tests capture it).
 */
export function createLogger(config: Config, destination?: pino.DestinationStream): FastifyBaseLogger {
  return pino(
    {
      level: config.logLevel,
      // Personal data never reaches the log: request bodies are not logged, requests appear by route
      // with their query's keys only, errors lose their SQL parameters (kernel/log.ts), and these paths are cut.
      serializers: logSerializers,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          '*.password',
          '*.phone',
          '*.idNumber',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? (config.logFormat === 'pretty' ? prettyDestination() : undefined),
  );
}

export async function createDeps(config: Config, opts: BootOptions = {}): Promise<Deps> {
  const log = opts.log ?? createLogger(config);
  const database =
    opts.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pglite` }));
  await migrateDatabase(database);
  await database.listen(INVALIDATION_CHANNEL, deliverInvalidation);
  await syncBuiltinRoles(database.db);
  const crypto = createCrypto(loadMasterKey(config.dataKey, config.dataDir));
  const clock = opts.clock ?? systemClock;
  const sms =
    opts.sms ??
    (config.sms.driver === 'http' && config.sms.url
      ? createHttpSmsDriver(config.sms.url, config.sms.token)
      : createDevSmsDriver(log, config.demo));
  const jobs = new JobRunner(database.db, clock, log);
  const outbox = new Pump(
    async () => void (await dispatchOutbox(database.db, crypto, sms, log)),
    (err) => log.error({ err }, 'outbox dispatch failed'),
  );
  return { config, database, db: database.db, crypto, clock, jobs, sms, outbox };
}
