import { writeAudit } from '../../kernel/audit.js';
import type { Deps } from '../../kernel/context.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import { ensureRootOrg } from '../org/index.js';
import { account, staffGrant } from './auth.schema.js';
import { assertPasswordAllowed, hashPassword } from './password.js';

// `npm run admin:create`: the first administrator of a production installation (which has no
// default account). On an empty database it also creates the root org.

export interface FirstAdminInput {
  username: string;
  displayName: string;
  password: string;
  rootOrg?: { code: string; name: string } | undefined;
}

export async function createAdministrator(
  deps: Deps,
  input: FirstAdminInput,
): Promise<{ accountId: number; orgId: number }> {
  assertPasswordAllowed(input.password, { username: input.username, displayName: input.displayName }, 'staff');
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const root = await ensureRootOrg(tx, input.rootOrg);
    const now = deps.clock.now();
    const [created] = await tx
      .insert(account)
      .values({
        kind: 'staff',
        username: input.username,
        displayName: input.displayName,
        orgId: root.id,
        passwordHash,
        passwordChangedAt: now,
      })
      .returning({ id: account.id })
      .catch((err: unknown) => {
        throw isUniqueViolation(err, 'account_username_unique') ? new AppError('USERNAME_TAKEN') : err;
      });
    if (!created) throw new Error('account insert returned no row');
    await tx.insert(staffGrant).values({ accountId: created.id, roleCode: 'sysadmin', orgId: root.id, createdAt: now });
    await writeAudit(
      tx,
      deps.crypto,
      { actorId: null, actorName: 'cli:admin:create', ip: null, requestId: null, at: now },
      {
        orgId: root.id,
        action: 'staff.create',
        targetType: 'account',
        targetId: created.id,
        after: { username: input.username, role: 'sysadmin', orgId: root.id },
      },
    );
    return { accountId: created.id, orgId: root.id };
  });
}
