import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  assertOrgAccess,
  OutOfScopeError,
  orgCondition,
  pathInScope,
  scopePaths,
  type Actor,
  type Permission,
} from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { rows, type Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import { pathIds } from '../org/index.js';
import { trendThreshold } from './alert.rules.js';
import { alert, alertNotice, alertTopic, type AlertRow, type AlertTopicRow } from './voice.schema.js';
import { iso } from './voice.view.js';

// The alert board, the topics behind it and the staff notices it sends.

const READ = 'voice:alert:read';
const ITEMS_PER_ALERT = 50;

interface AlertDbRow extends Omit<AlertRow, 'createdAt' | 'acknowledgedAt' | 'closedAt'> {
  orgName: string;
  createdAt: Date | string;
  acknowledgedAt: Date | string | null;
  closedAt: Date | string | null;
}

async function presentAlerts(db: Db, found: AlertDbRow[]) {
  if (found.length === 0) return [];
  const alertIds = found.map((a) => a.id);
  const topicIds = [...new Set(found.flatMap((a) => a.topicIds))];
  const [items, topics] = await Promise.all([
    rows<{
      alertId: number;
      id: number;
      kind: 'suggestion' | 'complaint' | 'request';
      title: string;
      excerpt: string;
      createdAt: Date | string;
    }>(
      db,
      sql`
      select ai.alert_id as "alertId", v.id, v.kind, v.title, left(v.content, 80) as excerpt, v.created_at as "createdAt"
      from alert_item ai join voice_item v on v.id = ai.item_id
      where ai.alert_id in (${sql.join(
        alertIds.map((id) => sql`${id}`),
        sql`, `,
      )}) order by v.id desc`,
    ),
    topicIds.length
      ? db.select({ id: alertTopic.id, name: alertTopic.name }).from(alertTopic).where(inArray(alertTopic.id, topicIds))
      : [],
  ]);
  const names = new Map(topics.map((t) => [t.id, t.name]));
  return found.map((a) => ({
    id: a.id,
    orgId: a.orgId,
    orgName: a.orgName,
    kind: a.kind,
    topics: a.topicIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    keywords: a.keywords,
    weekStart: a.weekStart,
    count: a.count,
    baseline: a.baseline,
    threshold: a.kind === 'trend' && a.baseline !== null ? trendThreshold(a.baseline) : null,
    status: a.status,
    note: a.note,
    createdAt: iso(a.createdAt) ?? '',
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedByName: a.acknowledgedByName,
    closedAt: iso(a.closedAt),
    closedByName: a.closedByName,
    items: items
      .filter((i) => i.alertId === a.id)
      .slice(0, ITEMS_PER_ALERT)
      .map((i) => ({ id: i.id, kind: i.kind, title: i.title, excerpt: i.excerpt, createdAt: iso(i.createdAt) ?? '' })),
  }));
}

const selectAlerts = (db: Db, where: SQL, tail: SQL = sql``) =>
  rows<AlertDbRow>(
    db,
    sql`
  select a.id, a.org_id as "orgId", o.name as "orgName", a.kind, a.topic_ids as "topicIds", a.keywords, a.trend_topic_id as "trendTopicId",
    a.week_start::text as "weekStart", a.count, a.baseline, a.status, a.note, a.created_at as "createdAt", a.acknowledged_at as "acknowledgedAt",
    a.acknowledged_by_name as "acknowledgedByName", a.closed_at as "closedAt", a.closed_by_name as "closedByName"
  from alert a join org o on o.id = a.org_id where ${where} ${tail}`,
  );

export interface AlertFilter {
  status?: AlertRow['status'] | undefined;
  kind?: AlertRow['kind'] | undefined;
  orgPath?: string | undefined;
  page: number;
  pageSize: number;
}

/** The alert board's conditions (over `alert a join org o`). */
function alertsWhere(actor: Actor, f: Omit<AlertFilter, 'page' | 'pageSize'>): SQL {
  const c: SQL[] = [orgCondition(actor, READ, sql`a.org_id`)];
  if (f.status) c.push(sql`a.status = ${f.status}`);
  if (f.kind) c.push(sql`a.kind = ${f.kind}`);
  if (f.orgPath) c.push(sql`o.path like ${f.orgPath + '%'}`);
  return sql.join(c, sql` and `);
}

/** How many alerts the board shows for a filter (alert_org_idx: org, status); the workbench polls it. */
export async function countAlerts(db: Db, actor: Actor, f: Omit<AlertFilter, 'page' | 'pageSize'>): Promise<number> {
  const where = alertsWhere(actor, f);
  const [n] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from alert a join org o on o.id = a.org_id where ${where}`,
  );
  return n?.n ?? 0;
}

export async function listAlerts(db: Db, actor: Actor, f: AlertFilter) {
  const where = alertsWhere(actor, f);
  const [found, total] = await Promise.all([
    selectAlerts(db, where, sql`order by a.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
    countAlerts(db, actor, f),
  ]);
  return { items: await presentAlerts(db, found), total };
}

async function loadAlert(db: Db, actor: Actor, id: number, permission: Permission = READ): Promise<AlertDbRow> {
  const [a] = await selectAlerts(db, sql`a.id = ${id}`);
  const [o] = a ? await rows<{ path: string }>(db, sql`select path from org where id = ${a.orgId}`) : [];
  if (!a || !o) throw new AppError('NOT_FOUND');
  if (!pathInScope(actor, READ, o.path)) throw new OutOfScopeError('alert', String(id));
  if (!pathInScope(actor, permission, o.path)) throw new AppError('FORBIDDEN');
  return a;
}

export async function getAlert(db: Db, actor: Actor, id: number) {
  const [view] = await presentAlerts(db, [await loadAlert(db, actor, id)]);
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

export async function decideAlert(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  to: 'acknowledged' | 'closed',
  note: string | null,
): Promise<void> {
  const a = await loadAlert(tx, actor, id, 'voice:alert:manage');
  const allowed = to === 'acknowledged' ? a.status === 'open' : a.status !== 'closed';
  if (!allowed) throw new AppError('ALERT_STATE');
  const at = env.source.at;
  const set =
    to === 'acknowledged'
      ? { status: to, acknowledgedAt: at, acknowledgedByName: actor.displayName }
      : { status: to, closedAt: at, closedByName: actor.displayName };
  const [done] = await tx
    .update(alert)
    .set({ ...set, ...(note !== null ? { note } : {}) })
    .where(and(eq(alert.id, id), eq(alert.status, a.status)))
    .returning({ id: alert.id });
  if (!done) throw new AppError('ALERT_STATE');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: a.orgId,
    action: to === 'closed' ? 'alert.close' : 'alert.acknowledge',
    targetType: 'alert',
    targetId: id,
    before: { status: a.status },
    after: { status: to, note },
  });
}

// Topics: those of orgs in scope (editable with voice:topic:manage), and of their ancestors (inherited).

export async function listTopics(
  db: Db,
  actor: Actor,
  f: { orgPath?: string | undefined; page: number; pageSize: number },
) {
  const ancestors = [...new Set(scopePaths(actor, READ).flatMap(pathIds))];
  const inScope = orgCondition(actor, READ, sql`t.org_id`);
  const reach: SQL = ancestors.length
    ? sql`(${inScope} or t.org_id in (${sql.join(
        ancestors.map((id) => sql`${id}`),
        sql`, `,
      )}))`
    : inScope;
  const where = f.orgPath ? sql`${reach} and o.path like ${f.orgPath + '%'}` : reach;
  const [found, [n]] = await Promise.all([
    rows<AlertTopicRow & { orgName: string; inScope: boolean }>(
      db,
      sql`
      select t.id, t.org_id as "orgId", o.name as "orgName", t.name, t.keywords, t.active, t.created_at as "createdAt", t.updated_at as "updatedAt",
        ${inScope} as "inScope"
      from alert_topic t join org o on o.id = t.org_id where ${where}
      order by o.path, t.name limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from alert_topic t join org o on o.id = t.org_id where ${where}`,
    ),
  ]);
  return { items: found.map(({ inScope: own, ...t }) => presentTopic({ ...t, inherited: !own })), total: n?.n ?? 0 };
}

function presentTopic(t: AlertTopicRow & { orgName: string; inherited: boolean }) {
  return {
    id: t.id,
    orgId: t.orgId,
    orgName: t.orgName,
    name: t.name,
    keywords: t.keywords,
    active: t.active,
    inherited: t.inherited,
    createdAt: iso(t.createdAt) ?? '',
    updatedAt: iso(t.updatedAt) ?? '',
  };
}

export async function getTopic(db: Db, actor: Actor, id: number, permission: Permission = READ) {
  const [t] = await rows<AlertTopicRow & { orgName: string; path: string }>(
    db,
    sql`
    select t.id, t.org_id as "orgId", o.name as "orgName", o.path, t.name, t.keywords, t.active, t.created_at as "createdAt", t.updated_at as "updatedAt"
    from alert_topic t join org o on o.id = t.org_id where t.id = ${id}`,
  );
  if (!t) throw new AppError('NOT_FOUND');
  if (!pathInScope(actor, READ, t.path)) throw new OutOfScopeError('alert_topic', String(id));
  if (!pathInScope(actor, permission, t.path)) throw new AppError('FORBIDDEN');
  return presentTopic({ ...t, inherited: false });
}

const cleanKeywords = (ks: string[]) => [...new Set(ks.map((k) => k.trim()).filter(Boolean))];

async function saveTopic<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, 'alert_topic_org_name_uq'))
      throw new AppError('TOPIC_EXISTS', [{ path: 'name', message: 'TOPIC_EXISTS' }]);
    throw err;
  }
}

export async function createTopic(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  input: { orgId: number; name: string; keywords: string[]; active?: boolean | undefined },
): Promise<number> {
  await assertOrgAccess(tx, actor, 'voice:topic:manage', input.orgId, READ);
  const at = env.source.at;
  const [made] = await saveTopic(() =>
    tx
      .insert(alertTopic)
      .values({
        orgId: input.orgId,
        name: input.name,
        keywords: cleanKeywords(input.keywords),
        active: input.active ?? true,
        createdAt: at,
        updatedAt: at,
      })
      .returning(),
  );
  if (!made) throw new Error('topic insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: made.orgId,
    action: 'alert_topic.create',
    targetType: 'alert_topic',
    targetId: made.id,
    after: { name: made.name, keywords: made.keywords, active: made.active },
  });
  return made.id;
}

export async function updateTopic(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  patch: { name?: string | undefined; keywords?: string[] | undefined; active?: boolean | undefined },
): Promise<void> {
  const before = await getTopic(tx, actor, id, 'voice:topic:manage');
  const set = {
    ...patch,
    ...(patch.keywords ? { keywords: cleanKeywords(patch.keywords) } : {}),
    updatedAt: env.source.at,
  };
  await saveTopic(() => tx.update(alertTopic).set(set).where(eq(alertTopic.id, id)));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: before.orgId,
    action: 'alert_topic.update',
    targetType: 'alert_topic',
    targetId: id,
    before: { name: before.name, keywords: before.keywords, active: before.active },
    after: patch,
  });
}

// Notices: each staff member's own.

export async function listNotices(
  db: Db,
  actor: Actor,
  f: { unread?: boolean | undefined; page: number; pageSize: number },
) {
  const where = and(
    eq(alertNotice.accountId, actor.accountId),
    f.unread ? sql`${alertNotice.readAt} is null` : undefined,
  );
  const [found, [n]] = await Promise.all([
    db
      .select()
      .from(alertNotice)
      .where(where)
      .orderBy(sql`${alertNotice.id} desc`)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(alertNotice)
      .where(where),
  ]);
  return { items: found.map(presentNotice), total: n?.n ?? 0 };
}

const presentNotice = (n: typeof alertNotice.$inferSelect) => ({
  id: n.id,
  alertId: n.alertId,
  title: n.title,
  body: n.body,
  readAt: iso(n.readAt),
  createdAt: iso(n.createdAt) ?? '',
});

export async function readNotice(db: Db, actor: Actor, id: number, at: Date) {
  const [n] = await db
    .update(alertNotice)
    .set({ readAt: sql`coalesce(${alertNotice.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(alertNotice.id, id), eq(alertNotice.accountId, actor.accountId)))
    .returning();
  if (!n) throw new AppError('NOT_FOUND');
  return presentNotice(n);
}
