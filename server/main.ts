import { buildApp } from './app.js';
import { createDeps, createLogger } from './boot.js';
import { ConfigError, loadConfig } from './kernel/config.js';
import { serverAnswers } from './ops/control.js';
import { startOps } from './ops/server.js';
import { seedDemo } from './seed/demo.js';

// config → dependencies → app → listen. Nothing else.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config);
  if (!config.databaseUrl && (await serverAnswers(config.dataDir))) {
    // Two processes on one PGlite data directory would corrupt it.
    console.error(`Another UnionHub server is running on ${config.dataDir}; stop it first.`);
    process.exit(1);
  }
  const deps = await createDeps(config, { log });
  // Embedded: the control socket (backups while running), which also keeps a second server off this DATA_DIR.
  const ops = await startOps(deps, log);
  if (config.demo) await seedDemo(deps, log);
  const app = await buildApp(deps, { logger: log });
  deps.jobs.start();
  deps.outbox.start(2000);
  const shutdown = async () => {
    await app.close();
    await ops.close();
    await deps.jobs.stop();
    await deps.outbox.stop();
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  log.info(
    `UnionHub ${config.demo ? '(demo) ' : ''}on ${deps.database.engine}: http://localhost:${config.port}/  admin console /admin/  member H5 /h5/  API docs /api/docs`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
