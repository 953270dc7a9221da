import { and, count, desc, eq, gte, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { orgCondition, scopePaths, type Actor } from '../../kernel/access.js';
import {
  auditActionCatalogue,
  auditTargetKind,
  auditTargetKinds,
  type AuditLabelContext,
  type AuditTarget,
} from '../../kernel/audit-labels.js';
import { escapeLike } from '../../kernel/db.js';
import type { Lang } from '../../kernel/errors.js';
import { auditLog } from '../../kernel/kernel.schema.js';

// Searching the audit log and presenting a page of it to a person: codes stay in every item, and
// beside them the labels the modules' manifests give (action, operator, org, target), resolved
// per page in one query per kind — never one per row.

export const READ = 'audit:log:read';

/** Ids one target text may point to, per kind; more is not a search but a list. */
const FIND_LIMIT = 200;

export interface AuditSearch {
  actor?: string | undefined;
  action?: string | undefined;
  actions?: string[] | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  target?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

type Row = typeof auditLog.$inferSelect;

/** Rows of orgs in scope; rows tied to no org (e.g. a failed sign-in of an unknown name) only for root-level readers. */
function visibleRows(actor: Actor): SQL {
  const root = scopePaths(actor, READ).some((p) => p.split('/').length === 3);
  const inScope = orgCondition(actor, READ, auditLog.orgId);
  return root ? (or(inScope, sql`${auditLog.orgId} is null`) ?? inScope) : inScope;
}

/** The operator: an account id, a login name as recorded, or a display name or login of an account. */
async function actorCondition(text: string, ctx: AuditLabelContext): Promise<SQL> {
  const ids = /^\d{1,15}$/.test(text)
    ? [text]
    : ((await auditTargetKind('account')?.find?.(text, ctx, FIND_LIMIT)) ?? []);
  const byName = eq(auditLog.actorName, text);
  return ids.length > 0 ? (or(byName, inArray(auditLog.actorId, ids.map(Number))) ?? byName) : byName;
}

/** A target as a person types it: a 工单号, a member's name or card number, or a stored id. */
async function targetCondition(text: string, ctx: AuditLabelContext): Promise<SQL> {
  const found: SQL[] = [eq(auditLog.targetId, text)];
  for (const [kind, def] of auditTargetKinds()) {
    const ids = (await def.find?.(text, ctx, FIND_LIMIT)) ?? [];
    if (ids.length > 0) found.push(sql`(${auditLog.targetType} = ${kind} and ${inArray(auditLog.targetId, ids)})`);
  }
  return or(...found) ?? sql`false`;
}

async function conditions(q: AuditSearch, ctx: AuditLabelContext): Promise<SQL | undefined> {
  const c: SQL[] = [visibleRows(ctx.reader)];
  if (q.actor) c.push(await actorCondition(q.actor, ctx));
  if (q.action) c.push(like(auditLog.action, `${escapeLike(q.action)}%`));
  if (q.actions && q.actions.length > 0) c.push(inArray(auditLog.action, q.actions));
  if (q.targetType) c.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) c.push(eq(auditLog.targetId, q.targetId));
  if (q.target) c.push(await targetCondition(q.target, ctx));
  if (q.from) c.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) c.push(lte(auditLog.at, new Date(q.to)));
  return and(...c);
}

/** Names the targets of a page: one call per kind present. */
async function describeAll(
  wanted: Map<string, Set<string>>,
  ctx: AuditLabelContext,
): Promise<Map<string, Map<string, AuditTarget>>> {
  const out = new Map<string, Map<string, AuditTarget>>();
  for (const [kind, ids] of wanted) {
    const described = await auditTargetKind(kind)?.describe?.([...ids], ctx);
    out.set(kind, described ?? new Map());
  }
  return out;
}

function want(into: Map<string, Set<string>>, kind: string, id: string | number | null): void {
  if (id === null) return;
  const ids = into.get(kind) ?? new Set<string>();
  ids.add(String(id));
  into.set(kind, ids);
}

export async function presentPage(found: Row[], ctx: AuditLabelContext, lang: Lang) {
  const wanted = new Map<string, Set<string>>();
  for (const r of found) {
    want(wanted, 'account', r.actorId);
    want(wanted, 'org', r.orgId);
    if (r.targetType) want(wanted, r.targetType, r.targetId);
  }
  const named = await describeAll(wanted, ctx);
  const actions = auditActionCatalogue();
  return found.map(({ prevHash: _p, hash: _h, ...e }) => {
    const actor = e.actorId === null ? undefined : named.get('account')?.get(String(e.actorId));
    const kind = e.targetType ? auditTargetKind(e.targetType) : undefined;
    const target = e.targetType && e.targetId ? named.get(e.targetType)?.get(e.targetId) : undefined;
    return {
      ...e,
      at: e.at.toISOString(),
      // The stored name is the login at the time (or 匿名职工); the display name is today's.
      actorName: actor?.label ?? e.actorName,
      actorUsername: e.actorName,
      orgName: e.orgId === null ? null : (named.get('org')?.get(String(e.orgId))?.label ?? null),
      actionLabel: actions.get(e.action)?.[lang] ?? e.action,
      targetLabel:
        e.targetId === null ? null : (target?.label ?? (kind ? `${kind.label[lang]} #${e.targetId}` : e.targetId)),
      targetLink: e.targetId === null ? null : (target?.link ?? kind?.link?.(e.targetId) ?? null),
    };
  });
}

export async function searchAudit(q: AuditSearch, ctx: AuditLabelContext, lang: Lang) {
  const where = await conditions(q, ctx);
  const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(where);
  const found = await ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: await presentPage(found, ctx, lang),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
