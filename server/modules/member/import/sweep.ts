import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../../kernel/context.js';
import { rows } from '../../../kernel/db.js';
import { IMPORT_JOB } from './job.js';
import { importDir } from './limits.js';

// The sweep of DATA_DIR/imports (hourly in the server; tests call it with the manual clock).
// An errors file (full ID numbers and phones, sealed) is kept IMPORT_ERROR_FILE_DAYS after its
// job finished, then deleted; the download then answers 410. An upload, spool or half-written
// file is kept only while its job is queued or running: what a crash or a lost job left behind
// goes, so no original stays on disk longer than its import needs it.

/** A route writes the upload before its job exists: files younger than this are left alone. */
const GRACE_MS = 3_600_000;

/** The oldest finish time whose errors file is still kept. */
export const errorFileCutoff = (deps: Pick<Deps, 'config' | 'clock'>) =>
  new Date(deps.clock.now().getTime() - deps.config.importErrorFileDays * 86_400_000);

export async function sweepImportFiles(deps: Pick<Deps, 'db' | 'config' | 'clock'>): Promise<{ removed: number }> {
  const dir = importDir(deps.config);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  if (names.length === 0) return { removed: 0 };
  const jobs = await rows<{ id: string; upload: string | null; active: boolean }>(
    deps.db,
    sql`
    select id::text as id, params->>'upload' as upload, state in ('queued', 'running') as active from job
    where kind = ${IMPORT_JOB} and (state in ('queued', 'running') or (state = 'succeeded' and finished_at >= ${errorFileCutoff(deps)}))`,
  );
  const keep = new Set<string>();
  for (const j of jobs) {
    keep.add(`${j.id}.errors.enc`);
    if (j.active) for (const name of [`${j.upload}.upload`, `${j.id}.rows`, `${j.id}.errors.enc.part`]) keep.add(name);
  }
  let removed = 0;
  for (const name of names) {
    if (keep.has(name)) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || (!name.endsWith('.errors.enc') && Date.now() - stat.mtimeMs < GRACE_MS)) continue;
    fs.rmSync(file, { force: true });
    removed++;
  }
  return { removed };
}
