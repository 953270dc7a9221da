import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../kernel/audit.js';
import { createCrypto } from '../kernel/crypto.js';
import { readSealed } from '../kernel/files.js';
import { createTestApp, ENGINE, TEST_KEY, type TestApp } from '../test/harness.js';
import { seedOpsFixture, type OpsFixture } from './ops.fixtures.js';
import { rotateKey, rotationUnfinished, RotationRefused } from './rotate.js';

// Key rotation interrupted half-way (as a crash would: the run stops after some batches) and
// resumed; then every ciphertext, blind index, sealed file and the audit chain are under the new
// key only.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-rotate-test-'));
const oldKey = Buffer.from(TEST_KEY, 'base64');
const newKey = randomBytes(32);
const oldC = createCrypto(oldKey);
const newC = createCrypto(newKey);
let t: TestApp;
let fixture: OpsFixture;

beforeAll(async () => {
  t = await createTestApp({ demo: false, env: { DATA_DIR: tmp } });
  fixture = await seedOpsFixture(t.deps, 12);
});

afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`key rotation on ${ENGINE}`, () => {
  it('stops half-way, refuses another key, resumes, and leaves everything under the new key only', async () => {
    const database = t.deps.database;
    const lines: string[] = [];
    const first = await rotateKey({
      database,
      dataDir: tmp,
      oldKey,
      newKey,
      batchSize: 5,
      stopAfterBatches: 2,
      log: (l) => lines.push(l),
    });
    expect(first.done).toBe(false);
    expect(await rotationUnfinished(database)).toBe(true);
    // Half-way: some rows are under the new key, some still under the old one.
    const mid = await database.query<{ p: string }>(
      'select phone_enc as p from account where phone_enc is not null order by id',
    );
    const underNew = mid.filter((r) => {
      try {
        newC.decrypt(r.p);
        return true;
      } catch {
        return false;
      }
    }).length;
    expect(underNew).toBeGreaterThan(0);
    expect(underNew).toBeLessThan(mid.length);

    await expect(rotateKey({ database, dataDir: tmp, oldKey, newKey: randomBytes(32), batchSize: 5 })).rejects.toThrow(
      RotationRefused,
    );

    const second = await rotateKey({ database, dataDir: tmp, oldKey, newKey, batchSize: 5, log: (l) => lines.push(l) });
    expect(second.done).toBe(true);
    expect(await rotationUnfinished(database)).toBe(false);
    expect(lines.some((l) => l.startsWith('resuming'))).toBe(true);

    const members = await database.query<{ i: string; ih: string; p: string; ph: string }>(
      'select id_number_enc as i, id_number_hash as ih, phone_enc as p, phone_hash as ph from member order by id',
    );
    expect(members.map((m) => newC.decrypt(m.i))).toEqual(fixture.idNumbers);
    expect(members.map((m) => newC.decrypt(m.p))).toEqual(fixture.phones);
    expect(members.map((m) => m.ih)).toEqual(fixture.idNumbers.map((n) => newC.blindIndex('idNumber', n)));
    expect(members.map((m) => m.ph)).toEqual(fixture.phones.map((n) => newC.blindIndex('phone', n)));
    for (const m of members) {
      expect(() => oldC.decrypt(m.i)).toThrow();
      expect(() => oldC.decrypt(m.p)).toThrow();
    }
    const accounts = await database.query<{ p: string; h: string }>(
      'select phone_enc as p, phone_hash as h from account where phone_enc is not null',
    );
    for (const a of accounts) {
      expect(newC.blindIndex('phone', newC.decrypt(a.p))).toBe(a.h);
      expect(() => oldC.decrypt(a.p)).toThrow();
    }
    // Ciphertext inside the audit rows moved too, and the chain verifies under the new key only.
    const audit = await database.query<{ after: { phoneEnc?: string } | null }>(
      `select after from audit_log where action = 'demo.seed' order by id`,
    );
    expect(audit.map((a) => newC.decrypt(a.after?.phoneEnc ?? ''))).toEqual(fixture.phones);
    expect((await verifyAudit(t.deps.db, newC)).ok).toBe(true);
    expect((await verifyAudit(t.deps.db, oldC)).ok).toBe(false);
    for (const [rel, text] of Object.entries(fixture.files)) {
      expect((await readSealed(newC, path.join(tmp, rel)))?.toString()).toBe(text);
      await expect(readSealed(oldC, path.join(tmp, rel))).rejects.toThrow();
    }
    // A second run has nothing left to do and says the key is already current.
    await expect(rotateKey({ database, dataDir: tmp, oldKey: newKey, newKey, batchSize: 5 })).rejects.toThrow(
      RotationRefused,
    );
  });
});
