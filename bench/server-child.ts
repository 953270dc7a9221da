import pino from 'pino';
import { buildApp } from '../server/app.js';
import { createDeps } from '../server/boot.js';
import { loadConfig } from '../server/kernel/config.js';
import { seedDemo } from '../server/seed/demo.js';
import { addVolume } from './volume.js';

// The app under test in a process of its own, as main.ts runs it (app + job runner), so that its
// CPU and memory (RSS, VmHWM) are measured apart from the load generator's. Started by child.ts;
// configuration comes through the environment (DATABASE_URL, or DATA_DIR alone for PGlite).
//   BENCH_CHILD_SEED=1  load the demo federation (no members) and volume.ts's orgs first
//   BENCH_CHILD_ROUTES=claim-storm  add the claim-storm baselines (storm/routes.ts: bench-only routes)
// Reports {port} over IPC once listening; {stop} from the parent closes it.

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
  const log = pino({ level: 'silent' });
  const deps = await createDeps(config, { log });
  if (process.env.BENCH_CHILD_SEED === '1') {
    await seedDemo(deps, log, { members: 0 });
    await addVolume(deps.db);
    await deps.database.query('analyze');
  }
  const app = await buildApp(deps);
  if (process.env.BENCH_CHILD_ROUTES === 'claim-storm')
    (await import('./storm/routes.js')).registerStormRoutes(app, deps);
  deps.jobs.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await deps.jobs.stop();
    await deps.outbox.stop();
    await deps.database.close();
    process.exit(0);
  };
  process.on('message', (m: unknown) => {
    if ((m as { cmd?: string }).cmd === 'stop') void stop();
  });
  // Never outlive the bench process.
  process.on('disconnect', () => void stop());
  process.send?.({ port, engine: deps.database.engine });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
