import { eq } from 'drizzle-orm';
import { OutOfScopeError, pathInScope, type Actor } from '../../kernel/access.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { memberOfAccount } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { caseOrgAccess, serviceCase, type CaseRow } from './service.schema.js';

// Who may see and act on a case. Staff: through the orgs in case_org_access (the current
// handling org acts; orgs that handled it before a transfer keep read access), checked with
// kernel/access.ts. Members: their own cases only.

export const CASE_READ = 'service:case:read';
export const CASE_HANDLE = 'service:case:handle';
export const CASE_SUPERVISE = 'service:case:supervise';

export type Need = typeof CASE_READ | typeof CASE_HANDLE | typeof CASE_SUPERVISE;

export interface LoadedCase {
  c: CaseRow;
  /** The current handling org's path. */
  handlingPath: string;
  /** Staff: may act with `service:case:handle` / `supervise` at the current handling org. */
  canHandle: boolean;
  canSupervise: boolean;
}

export function ownsCase(c: CaseRow, actor: Actor, memberId: number | null): boolean {
  return c.accountId === actor.accountId || (memberId !== null && c.memberId === memberId);
}

/**
 * A case the caller may see, with what they may do there. Outside every org that handles or
 * handled it: 404 (audited). `need` beyond read at the current org: 403.
 */
export async function loadCase(
  db: Db,
  actor: Actor,
  id: number,
  need: Need = CASE_READ,
  lock = false,
): Promise<LoadedCase> {
  const query = db.select().from(serviceCase).where(eq(serviceCase.id, id));
  const [c] = lock ? await query.for('update') : await query;
  if (!c) throw new AppError('NOT_FOUND');
  const access = await db
    .select({ orgId: caseOrgAccess.orgId, current: caseOrgAccess.current, path: orgRef.path })
    .from(caseOrgAccess)
    .innerJoin(orgRef, eq(orgRef.id, caseOrgAccess.orgId))
    .where(eq(caseOrgAccess.caseId, id));
  const handlingPath = access.find((a) => a.current)?.path ?? '';
  if (actor.kind === 'member') {
    const m = await memberOfAccount(db, actor.accountId);
    if (!ownsCase(c, actor, m?.id ?? null) || need !== CASE_READ) throw new OutOfScopeError('service_case', String(id));
    return { c, handlingPath, canHandle: false, canSupervise: false };
  }
  if (!access.some((a) => pathInScope(actor, CASE_READ, a.path))) throw new OutOfScopeError('service_case', String(id));
  const canHandle = pathInScope(actor, CASE_HANDLE, handlingPath);
  const canSupervise = pathInScope(actor, CASE_SUPERVISE, handlingPath);
  if ((need === CASE_HANDLE && !canHandle) || (need === CASE_SUPERVISE && !canSupervise))
    throw new AppError('FORBIDDEN');
  return { c, handlingPath, canHandle, canSupervise };
}

export { staffWith } from '../auth/index.js';
