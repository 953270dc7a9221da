import { and, eq, isNull, sql } from 'drizzle-orm';
import { OutOfScopeError, pathInScope, type Actor } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { account } from '../auth/index.js';
import { member } from '../member/index.js';
import { org } from '../org/index.js';
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

/** The member record of a member account: linked by account, or (not yet linked) by its phone. */
export async function memberOfAccount(db: Db, accountId: number) {
  const [linked] = await db.select().from(member).where(eq(member.accountId, accountId));
  if (linked) return linked;
  const [a] = await db.select({ phoneHash: account.phoneHash }).from(account).where(eq(account.id, accountId));
  if (!a?.phoneHash) return undefined;
  const [byPhone] = await db.select().from(member).where(and(eq(member.phoneHash, a.phoneHash), isNull(member.accountId))).limit(1);
  return byPhone;
}

export function ownsCase(c: CaseRow, actor: Actor, memberId: number | null): boolean {
  return c.accountId === actor.accountId || (memberId !== null && c.memberId === memberId);
}

/**
 * A case the caller may see, with what they may do there. Outside every org that handles or
 * handled it: 404 (audited). `need` beyond read at the current org: 403.
 */
export async function loadCase(db: Db, actor: Actor, id: number, need: Need = CASE_READ, lock = false): Promise<LoadedCase> {
  const query = db.select().from(serviceCase).where(eq(serviceCase.id, id));
  const [c] = lock ? await query.for('update') : await query;
  if (!c) throw new AppError('NOT_FOUND');
  const access = await db
    .select({ orgId: caseOrgAccess.orgId, current: caseOrgAccess.current, path: org.path })
    .from(caseOrgAccess)
    .innerJoin(org, eq(org.id, caseOrgAccess.orgId))
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
  if ((need === CASE_HANDLE && !canHandle) || (need === CASE_SUPERVISE && !canSupervise)) throw new AppError('FORBIDDEN');
  return { c, handlingPath, canHandle, canSupervise };
}

/**
 * Active staff accounts holding `permission` over the org at `path`, from the nearest org on
 * the path up (the handling org's own people first); `all` gives every level.
 */
export async function staffWith(db: Db, permission: string, path: string, all = false): Promise<Array<{ id: number; name: string; depth: number }>> {
  const found = await rows<{ id: number; name: string; depth: number }>(
    db,
    sql`select distinct a.id::int as id, a.display_name as name, o.depth::int as depth
        from staff_grant g join role r on r.code = g.role_code join org o on o.id = g.org_id join account a on a.id = g.account_id
        where ${permission} = any(r.permissions) and a.status = 'active' and a.kind = 'staff'
          and ${path} like o.path || '%'
        order by depth desc, id`,
  );
  if (all || found.length === 0) return found;
  const deepest = found[0]?.depth;
  return found.filter((f) => f.depth === deepest);
}
