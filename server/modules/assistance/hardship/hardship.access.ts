import { eq } from 'drizzle-orm';
import { OutOfScopeError, pathInScope, type Actor } from '../../../kernel/access.js';
import type { Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { memberRef, memberOfAccount } from '../../member/index.js';
import { orgRef } from '../../org/index.js';
import { hardshipFile } from './hardship.schema.js';

// Who may see and act on a hardship file: staff whose `assistance:file:read` grant reaches the
// file's org (the member's union when it was opened) see it, sensitive data included; handling
// needs `assistance:file:handle` there. Outside read scope a file does not exist (404, audited).
// Members see only their own file, through the /api/me routes.

export const FILE_READ = 'assistance:file:read';
export const FILE_HANDLE = 'assistance:file:handle';
export const LINE_MANAGE = 'assistance:line:manage';

export type FileRow = typeof hardshipFile.$inferSelect;

export interface LoadedFile {
  f: FileRow;
  orgPath: string;
  orgName: string;
  canHandle: boolean;
}

export async function loadFile(
  db: Db,
  actor: Actor,
  id: number,
  need: typeof FILE_READ | typeof FILE_HANDLE = FILE_READ,
): Promise<LoadedFile> {
  if (actor.kind !== 'staff') throw new OutOfScopeError('hardship_file', String(id));
  const [found] = await db
    .select({ f: hardshipFile, orgPath: orgRef.path, orgName: orgRef.name })
    .from(hardshipFile)
    .innerJoin(orgRef, eq(orgRef.id, hardshipFile.orgId))
    .where(eq(hardshipFile.id, id));
  if (!found) throw new AppError('NOT_FOUND');
  if (!pathInScope(actor, FILE_READ, found.orgPath)) throw new OutOfScopeError('hardship_file', String(id));
  const canHandle = pathInScope(actor, FILE_HANDLE, found.orgPath);
  if (need === FILE_HANDLE && !canHandle) throw new AppError('FORBIDDEN');
  return { ...found, canHandle };
}

/** The id of the member behind a member account (member module's rule). Read only. */
export async function memberIdOfAccount(db: Db, accountId: number): Promise<number | undefined> {
  return (await memberOfAccount(db, accountId))?.id;
}

/** A member the caller may open a file for: the member's union in `assistance:file:handle` scope (404 outside read scope). */
export async function memberInScope(
  db: Db,
  actor: Actor,
  memberId: number,
): Promise<{ id: number; orgId: number; name: string; status: string }> {
  const [m] = await db
    .select({
      id: memberRef.id,
      orgId: memberRef.orgId,
      name: memberRef.name,
      status: memberRef.status,
      path: orgRef.path,
    })
    .from(memberRef)
    .innerJoin(orgRef, eq(orgRef.id, memberRef.orgId))
    .where(eq(memberRef.id, memberId));
  if (!m || !pathInScope(actor, FILE_READ, m.path)) throw new OutOfScopeError('member', String(memberId));
  if (!pathInScope(actor, FILE_HANDLE, m.path)) throw new AppError('FORBIDDEN');
  return m;
}
