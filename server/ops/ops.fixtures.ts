import path from 'node:path';
import { writeAudit } from '../kernel/audit.js';
import type { Deps } from '../kernel/context.js';
import { writeSealed } from '../kernel/files.js';
import { account } from '../modules/auth/auth.schema.js';
import { makeIdNumber } from '../modules/member/index.js';
import { member } from '../modules/member/member.schema.js';
import { ensureRootOrg } from '../modules/org/index.js';

// A small installation for the backup and key-rotation tests (the demo seed takes a minute on a
// busy machine): a root org, staff accounts and members with encrypted phones and ID numbers
// (blind indexes beside them), audit rows, and sealed files in DATA_DIR.

export interface OpsFixture {
  phones: string[];
  idNumbers: string[];
  files: Record<string, string>;
}

export async function seedOpsFixture(deps: Deps, members: number): Promise<OpsFixture> {
  const { crypto } = deps;
  const phones: string[] = [];
  const idNumbers: string[] = [];
  await deps.db.transaction(async (tx) => {
    const root = await ensureRootOrg(tx, { code: 'OPS', name: '运维测试总工会' });
    const at = deps.clock.now();
    const source = { actorId: null, actorName: 'ops-test', ip: null, requestId: null, at };
    for (let i = 0; i < members; i++) {
      const phone = `139${String(10000000 + i).padStart(8, '0')}`;
      const idNumber = makeIdNumber('110101', `1980${String((i % 12) + 1).padStart(2, '0')}15`, 100 + i);
      phones.push(phone);
      idNumbers.push(idNumber);
      const [a] = await tx
        .insert(account)
        .values({
          kind: 'staff',
          username: `ops${i}`,
          displayName: `运维${i}`,
          orgId: root.id,
          phoneEnc: crypto.encrypt(phone),
          phoneHash: crypto.blindIndex('phone', phone),
        })
        .returning({ id: account.id });
      await tx.insert(member).values({
        orgId: root.id,
        accountId: a?.id ?? null,
        name: `会员${i}`,
        idNumberEnc: crypto.encrypt(idNumber),
        idNumberHash: crypto.blindIndex('idNumber', idNumber),
        gender: i % 2 ? 'male' : 'female',
        birthDate: '1980-01-15',
        phoneEnc: crypto.encrypt(phone),
        phoneHash: crypto.blindIndex('phone', phone),
        joinedAt: '2020-01-01',
      });
      await writeAudit(tx, crypto, source, {
        orgId: root.id,
        action: 'demo.seed',
        targetType: null,
        after: { n: i, phoneEnc: crypto.encrypt(phone) },
      });
    }
  });
  const files: Record<string, string> = {
    'service-files/ab/attachment-1': '病历扫描件',
    'hardship-files/ev-1': '低保证明',
  };
  for (const [rel, text] of Object.entries(files)) {
    await writeSealed(crypto, path.join(deps.config.dataDir, rel), Buffer.from(text));
  }
  return { phones, idNumbers, files };
}
