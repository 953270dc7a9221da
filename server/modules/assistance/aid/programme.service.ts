import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import {
  assertOrgAccess,
  orgCondition,
  OutOfScopeError,
  pathInScope,
  scopePaths,
  type Actor,
} from '../../../kernel/access.js';
import { writeAudit } from '../../../kernel/audit.js';
import type { TxEnv } from '../../../kernel/context.js';
import { rows, type Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { orgRef } from '../../org/index.js';
import { aidProgramme, type ProgrammeRules, PROGRAMME_KINDS, PROGRAMME_STATES } from './aid.schema.js';

// Assistance programmes (帮扶项目): per org and year, with a budget and rules. The figures
// (committed, paid, left) are columns kept by the record transitions, so they are live.

export const AID_READ = 'assistance:record:read';
export const PROGRAMME_MANAGE = 'assistance:programme:manage';
export const RECORD_PROPOSE = 'assistance:record:propose';
export const RECORD_APPROVE = 'assistance:record:approve';
export const RECORD_PAY = 'assistance:record:pay';
export const RECORD_EXPORT = 'assistance:record:export';

export type ProgrammeRow = typeof aidProgramme.$inferSelect;

export interface ProgrammeInput {
  orgId: number;
  year: number;
  kind: (typeof PROGRAMME_KINDS)[number];
  name: string;
  description?: string | null;
  budgetFen: number;
  rules: ProgrammeRules;
}

/**
 * Programmes the caller may see: those of orgs in its read scope, and those of the orgs above
 * it (a city's 送温暖 serves the grassroots unions below, whose officers propose from it).
 */
export function programmeVisible(actor: Actor, orgIdColumn: SQL | typeof aidProgramme.orgId): SQL {
  const paths = scopePaths(actor, AID_READ);
  if (paths.length === 0) return sql`false`;
  const above = sql.join(
    paths.map((p) => sql`${p} like vis_org.path || '%'`),
    sql` or `,
  );
  return sql`(${orgCondition(actor, AID_READ, orgIdColumn)} or ${orgIdColumn} in (select vis_org.id from org_ref vis_org where ${above}))`;
}

export function presentProgramme(
  p: ProgrammeRow & { orgName: string; orgPath: string; pendingFen?: number },
  actor: Actor,
) {
  const manage = pathInScope(actor, PROGRAMME_MANAGE, p.orgPath);
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: p.orgName,
    year: p.year,
    kind: p.kind,
    name: p.name,
    description: p.description,
    budgetFen: p.budgetFen,
    committedFen: p.committedFen,
    paidFen: p.paidFen,
    leftFen: p.budgetFen - p.committedFen,
    pendingFen: p.pendingFen ?? 0,
    rules: p.rules,
    state: p.state,
    canManage: manage,
    canApprove: pathInScope(actor, RECORD_APPROVE, p.orgPath),
    canPay: pathInScope(actor, RECORD_PAY, p.orgPath),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const selectProgramme = (db: Db) =>
  db
    .select({
      p: aidProgramme,
      orgName: orgRef.name,
      orgPath: orgRef.path,
      pendingFen:
        sql<number>`coalesce((select sum(r.amount_fen) from aid_record r where r.programme_id = ${aidProgramme.id} and r.state = 'proposed'), 0)::bigint`.mapWith(
          Number,
        ),
    })
    .from(aidProgramme)
    .innerJoin(orgRef, eq(orgRef.id, aidProgramme.orgId));

export interface ProgrammeFilter {
  orgId?: number;
  year?: number;
  kind?: (typeof PROGRAMME_KINDS)[number];
  state?: (typeof PROGRAMME_STATES)[number];
  /** Only programmes that serve this org (it or an org above it). */
  forOrgId?: number;
  page: number;
  pageSize: number;
}

export async function listProgrammes(db: Db, actor: Actor, f: ProgrammeFilter) {
  const where: SQL[] = [programmeVisible(actor, aidProgramme.orgId)];
  if (f.orgId) {
    // In scope: the org's subtree; an org above the caller: its own programmes only.
    const [o] = await rows<{ path: string }>(db, sql`select path from org_ref where id = ${f.orgId}`);
    const paths = scopePaths(actor, AID_READ);
    if (o && paths.some((p) => o.path.startsWith(p))) where.push(sql`${orgRef.path} like ${o.path + '%'}`);
    else if (o && paths.some((p) => p.startsWith(o.path))) where.push(eq(aidProgramme.orgId, f.orgId));
    else throw new OutOfScopeError('org', String(f.orgId));
  }
  if (f.forOrgId) {
    const [o] = await rows<{ path: string }>(db, sql`select path from org_ref where id = ${f.forOrgId}`);
    if (!o) throw new AppError('VALIDATION_FAILED', [{ path: 'forOrgId', message: 'NOT_FOUND' }]);
    where.push(sql`${o.path} like ${orgRef.path} || '%'`);
  }
  if (f.year) where.push(eq(aidProgramme.year, f.year));
  if (f.kind) where.push(eq(aidProgramme.kind, f.kind));
  if (f.state) where.push(eq(aidProgramme.state, f.state));
  const cond = and(...where);
  const found = await selectProgramme(db)
    .where(cond)
    .orderBy(desc(aidProgramme.year), desc(aidProgramme.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(aidProgramme)
    .innerJoin(orgRef, eq(orgRef.id, aidProgramme.orgId))
    .where(cond);
  return {
    items: found.map((r) =>
      presentProgramme({ ...r.p, orgName: r.orgName, orgPath: r.orgPath, pendingFen: r.pendingFen }, actor),
    ),
    total: n?.n ?? 0,
  };
}

/** A programme the caller can see, with its org path; 404 otherwise. */
export async function loadProgramme(db: Db, actor: Actor, id: number, lock = false) {
  const q = selectProgramme(db).where(and(eq(aidProgramme.id, id), programmeVisible(actor, aidProgramme.orgId)));
  const [r] = lock ? await q.for('update', { of: aidProgramme }) : await q;
  if (!r) throw new AppError('NOT_FOUND');
  return { ...r.p, orgName: r.orgName, orgPath: r.orgPath, pendingFen: r.pendingFen };
}

function checkRules(rules: ProgrammeRules, budgetFen: number) {
  const bad = (path: string, message: string) => new AppError('VALIDATION_FAILED', [{ path, message }]);
  if (rules.capFen !== null && rules.amountFen !== null && rules.amountFen > rules.capFen)
    throw bad('rules.amountFen', 'aid.amountOverCap');
  for (const [k, v] of Object.entries(rules.amountByCategory)) {
    if (rules.capFen !== null && v !== undefined && v > rules.capFen)
      throw bad(`rules.amountByCategory.${k}`, 'aid.amountOverCap');
  }
  if (rules.capFen !== null && rules.capFen > budgetFen) throw bad('rules.capFen', 'aid.capOverBudget');
}

export async function createProgramme(tx: Db, env: TxEnv, actor: Actor, input: ProgrammeInput): Promise<number> {
  await assertOrgAccess(tx, actor, PROGRAMME_MANAGE, input.orgId, AID_READ);
  checkRules(input.rules, input.budgetFen);
  const at = env.source.at;
  const [row] = await tx
    .insert(aidProgramme)
    .values({
      orgId: input.orgId,
      year: input.year,
      kind: input.kind,
      name: input.name,
      description: input.description ?? null,
      budgetFen: input.budgetFen,
      rules: input.rules,
      createdBy: actor.accountId,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: row.orgId,
    action: 'aid.programme.create',
    targetType: 'aid_programme',
    targetId: row.id,
    after: auditView(row),
  });
  return row.id;
}

const auditView = (p: ProgrammeRow) => ({
  name: p.name,
  year: p.year,
  kind: p.kind,
  budgetFen: p.budgetFen,
  rules: p.rules,
  state: p.state,
});

export async function updateProgramme(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  patch: Partial<Omit<ProgrammeInput, 'orgId' | 'year' | 'kind'>>,
) {
  const p = await loadProgramme(tx, actor, id, true);
  await assertOrgAccess(tx, actor, PROGRAMME_MANAGE, p.orgId, AID_READ);
  const rules = patch.rules ?? p.rules;
  const budgetFen = patch.budgetFen ?? p.budgetFen;
  checkRules(rules, budgetFen);
  // The budget may not drop below what is committed: a conditional UPDATE, not a read-then-write.
  const [row] = await tx
    .update(aidProgramme)
    .set({
      name: patch.name ?? p.name,
      description: patch.description === undefined ? p.description : patch.description,
      budgetFen,
      rules,
      updatedAt: env.source.at,
    })
    .where(and(eq(aidProgramme.id, id), sql`${aidProgramme.committedFen} <= ${budgetFen}`))
    .returning();
  if (!row)
    throw new AppError('AID_BUDGET_BELOW_COMMITTED', [{ path: 'budgetFen', message: 'AID_BUDGET_BELOW_COMMITTED' }]);
  await writeAudit(tx, env.crypto, env.source, {
    orgId: row.orgId,
    action: 'aid.programme.update',
    targetType: 'aid_programme',
    targetId: row.id,
    before: auditView(p),
    after: auditView(row),
  });
}

export async function setProgrammeState(tx: Db, env: TxEnv, actor: Actor, id: number, to: 'open' | 'closed') {
  const p = await loadProgramme(tx, actor, id);
  await assertOrgAccess(tx, actor, PROGRAMME_MANAGE, p.orgId, AID_READ);
  const from = to === 'closed' ? 'open' : 'closed';
  const [row] = await tx
    .update(aidProgramme)
    .set({ state: to, updatedAt: env.source.at })
    .where(and(eq(aidProgramme.id, id), eq(aidProgramme.state, from)))
    .returning();
  if (!row) throw new AppError(to === 'closed' ? 'AID_PROGRAMME_CLOSED' : 'CONFLICT');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: row.orgId,
    action: to === 'closed' ? 'aid.programme.close' : 'aid.programme.reopen',
    targetType: 'aid_programme',
    targetId: row.id,
  });
}
