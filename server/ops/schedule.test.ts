import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../test/harness.js';
import { seedOpsFixture } from './ops.fixtures.js';
import { BackupSchedule } from './schedule.js';
import { readBackupArchive } from './backup.js';

// Scheduled backups: named by time, the oldest beyond BACKUP_KEEP removed, the backup directory
// (inside DATA_DIR here) never copied into the next archive, and the status the console would show.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-schedule-test-'));
const dir = path.join(tmp, 'backups');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    demo: false,
    env: { DATA_DIR: tmp, BACKUP_DIR: dir, BACKUP_KEEP: '1', BACKUP_EVERY_HOURS: '6' },
  });
  await seedOpsFixture(t.deps, 3);
});

afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`scheduled backups on ${ENGINE}`, () => {
  it('keeps the newest BACKUP_KEEP archives and reports the last one', async () => {
    const schedule = new BackupSchedule(t.deps);
    expect(schedule.status()).toMatchObject({ enabled: true, last: null, everyHours: 6, keep: 1 });
    const first = await schedule.runOnce();
    t.clock.advance(6 * 3_600_000);
    const second = await schedule.runOnce();
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([path.basename(second)]);
    const status = schedule.status();
    expect(status.last?.file).toBe(path.basename(second));
    expect(status.last?.bytes).toBe(fs.statSync(second).size);
    const names = (await readBackupArchive(second)).map((e) => e.name);
    expect(names.some((n) => n.includes('backups/'))).toBe(false);
    expect(names).toContain('files/service-files/ab/attachment-1');
    schedule.start();
    expect(new Date(status.next ?? schedule.status().next ?? 0).getTime()).toBeGreaterThan(t.clock.now().getTime());
    await schedule.stop();
  });
});
