import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../kernel/context.js';
import { createBackup } from './backup.js';

// Scheduled backups (BACKUP_DIR, BACKUP_EVERY_HOURS, BACKUP_KEEP): one archive every n hours into
// BACKUP_DIR, the oldest beyond BACKUP_KEEP removed. The next run is counted from the newest
// archive in the directory, so a restart neither skips nor doubles one.

const NAME = /^unionhub-\d{8}-\d{6}\.tar\.gz$/;

export interface BackupStatus {
  enabled: boolean;
  dir: string | null;
  everyHours: number;
  keep: number;
  last: { file: string; bytes: number; at: string } | null;
  next: string | null;
  lastError: string | null;
}

function archives(dir: string): { file: string; bytes: number; at: Date }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n))
    .map((n) => {
      const st = fs.statSync(path.join(dir, n));
      return { file: n, bytes: st.size, at: st.mtime };
    })
    .sort((a, b) => (a.file < b.file ? 1 : -1)); // newest first: the name is the time
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private lastError: string | null = null;
  private nextAt: Date | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: Deps,
    private readonly log: (msg: string, err?: unknown) => void = () => undefined,
  ) {}

  private get cfg() {
    return this.deps.config.backup;
  }

  status(): BackupStatus {
    const dir = this.cfg.dir ?? null;
    const newest = dir ? archives(dir)[0] : undefined;
    return {
      enabled: dir !== null,
      dir,
      everyHours: this.cfg.everyHours,
      keep: this.cfg.keep,
      last: newest ? { file: newest.file, bytes: newest.bytes, at: newest.at.toISOString() } : null,
      next: this.nextAt?.toISOString() ?? null,
      lastError: this.lastError,
    };
  }

  /** Takes one backup now and prunes; the file name is the UTC time. */
  async runOnce(): Promise<string> {
    const dir = this.cfg.dir;
    if (!dir) throw new Error('BACKUP_DIR is not set');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, `unionhub-${stamp(this.deps.clock.now())}.tar.gz`);
    await createBackup(
      { database: this.deps.database, dataDir: this.deps.config.dataDir, crypto: this.deps.crypto, skip: [dir] },
      file,
    );
    for (const old of archives(dir).slice(this.cfg.keep)) fs.rmSync(path.join(dir, old.file), { force: true });
    return file;
  }

  start(): void {
    const dir = this.cfg.dir;
    if (!dir) return;
    const every = this.cfg.everyHours * 3_600_000;
    const newest = archives(dir)[0];
    const now = this.deps.clock.now().getTime();
    // Overdue (or never made): in a minute, once the server has settled.
    this.schedule(newest ? Math.max(newest.at.getTime() + every, now + 60_000) : now + 60_000);
  }

  private schedule(at: number): void {
    if (this.stopped) return;
    this.nextAt = new Date(at);
    const delay = Math.max(0, at - this.deps.clock.now().getTime());
    this.timer = setTimeout(
      () => {
        this.running = this.runOnce().then(
          (file) => {
            this.lastError = null;
            this.log(`scheduled backup written: ${file}`);
          },
          (err: unknown) => {
            this.lastError = err instanceof Error ? err.message : String(err);
            this.log('scheduled backup failed', err);
          },
        );
        void this.running.finally(() => {
          this.running = null;
          this.schedule(this.deps.clock.now().getTime() + this.cfg.everyHours * 3_600_000);
        });
      },
      Math.min(delay, 2 ** 31 - 1),
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
